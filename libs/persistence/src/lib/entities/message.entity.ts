import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn, TextColumn } from './columns';

/** A message of a conversation, inbound or outbound; idempotent on the provider's message id. */
@Index('UQ_messages_location_provider_id', ['locationId', 'providerMessageId'], { unique: true })
@Index('IX_messages_conversation_occurred', ['conversationId', 'occurredAt'])
@Entity('messages')
export class MessageEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @IdColumn() locationId!: string;
  @IdColumn() conversationId!: string;
  @IdColumn() direction!: string;
  @IdColumn() channel!: string;
  @TextColumn() body!: string;
  @TextColumn({ nullable: true }) providerMessageId!: string | null;
  /** For inbound messages: what the contact meant (busy, requested_followup, none). */
  @IdColumn({ nullable: true }) intent!: string | null;
  /** Where the contact asked to be contacted later: when. */
  @InstantColumn({ nullable: true }) requestedAt!: Date | null;
  /** The contact named a time of day (kept as asked), not only a day or a period (placed in working hours). */
  @Column({ type: 'boolean', nullable: true }) requestedExact!: boolean | null;
  /** Who decided the intent: the caller, or the built-in detector. */
  @IdColumn({ nullable: true }) intentSource!: string | null;
  @InstantColumn() occurredAt!: Date;
  /** The channel connection it came in or went out on. */
  @IdColumn({ nullable: true }) connectionId!: string | null;
  /**
   * Inbound: `received`. Outbound: `queued`, `sent`, `delivered`, `read`, `failed`, `undelivered`
   * (moving forward only, from the provider's status callbacks), or `refused` when the gateway did
   * not send it (opted out, no connection); null for an outbound message only recorded, not sent.
   */
  @IdColumn({ nullable: true }) status!: string | null;
  @TextColumn({ nullable: true }) statusReason!: string | null;
  @TextColumn({ nullable: true }) errorCode!: string | null;
  /** Email subject. */
  @TextColumn({ nullable: true }) subject!: string | null;
  /** Inbound: why what the contact said scheduled nothing (no enabled action for the intent, ...). */
  @TextColumn({ nullable: true }) followupNote!: string | null;
  @InstantColumn() createdAt!: Date;
}
