import type { BotStatus } from '@followup/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn, TextColumn } from './columns';

/** A conversation with a contact on one channel, handled by one agent. */
@Index('IX_conversations_location_created', ['locationId', 'createdAt'])
@Index('IX_conversations_contact', ['locationId', 'contactId'])
@Index('UQ_conversations_channel_contact', ['connectionId', 'channelContactId'], { unique: true })
@Entity('conversations')
export class ConversationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @IdColumn() locationId!: string;
  @IdColumn() contactId!: string;
  @IdColumn({ nullable: true }) agentId!: string | null;
  @IdColumn() channel!: string;
  /** The channel connection it runs on (set when it came in through one); else the location's first of its channel. */
  @IdColumn({ nullable: true }) connectionId!: string | null;
  /** Incremented by every recorded message; a follow-up is sent only if it has not moved since. */
  @Column({ type: 'integer' }) version!: number;
  @InstantColumn({ nullable: true }) lastInboundAt!: Date | null;
  @InstantColumn({ nullable: true }) lastOutboundAt!: Date | null;
  /** Whether the bot follows up: only an active bot (or a sleeping one whose time has passed) sends; otherwise follow-ups are held. */
  @Column({ type: 'varchar', length: 16, default: 'active' }) botStatus!: BotStatus;
  /** When a sleeping bot wakes up (null unless sleeping). */
  @InstantColumn({ nullable: true }) botSleepUntil!: Date | null;
  /** The user (of the CRM) the conversation is assigned to. */
  @TextColumn({ nullable: true }) assignedUserId!: string | null;
  /** The CRM's status of the conversation (an id the CRM defines). */
  @TextColumn({ nullable: true }) statusId!: string | null;
  /** Why no follow-up sequence starts until the contact writes again (`not_interested`); null: they may. */
  @Column({ type: 'varchar', length: 32, nullable: true }) followupsPaused!: string | null;
  /**
   * The contact's own id on the conversation's channel, where the channel has one (live chat: the
   * visitor id, unique per connection): how the channel finds the conversation again.
   */
  @TextColumn({ nullable: true }) channelContactId!: string | null;
  /**
   * When the contact was last seen present on the channel, where it has presence (live chat: a
   * visitor socket opened or closed, refreshed every 30 s while one is open). Channels judge their
   * session from it (ConversationView.contactSeenAt).
   */
  @InstantColumn({ nullable: true }) contactSeenAt!: Date | null;
  /**
   * When the provider said the conversation's session had closed (WhatsApp 131047), whatever our own
   * count of the window said: until the contact writes again, only templates go out on it.
   */
  @InstantColumn({ nullable: true }) sessionClosedAt!: Date | null;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}
