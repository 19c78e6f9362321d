import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn } from './columns';

/** A conversation with a contact on one channel, handled by one agent. */
@Index('IX_conversations_location_created', ['locationId', 'createdAt'])
@Index('IX_conversations_contact', ['locationId', 'contactId'])
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
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}
