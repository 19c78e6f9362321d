import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn, TextColumn } from './columns';

/** A follow-up record (seed 004): a manual task, or (later) a step the scheduler sends. */
@Index('IX_followups_location_created', ['locationId', 'createdAt'])
@Index('IX_followups_location_status', ['locationId', 'status'])
@Entity('followups')
export class FollowupEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @IdColumn() locationId!: string;
  @TextColumn({ nullable: true }) debtId!: string | null;
  @TextColumn({ nullable: true }) contactId!: string | null;
  @TextColumn({ nullable: true }) conversationId!: string | null;
  @IdColumn() status!: string;
  @IdColumn() type!: string;
  @InstantColumn({ nullable: true }) callDate!: Date | null;
  @InstantColumn({ nullable: true }) scheduledAt!: Date | null;
  @TextColumn({ nullable: true }) summary!: string | null;
  @TextColumn({ nullable: true }) notes!: string | null;
  @TextColumn({ nullable: true }) callId!: string | null;
  @TextColumn({ nullable: true }) audioUrl!: string | null;
  @Column({ type: 'integer', nullable: true }) durationMs!: number | null;
  @TextColumn({ nullable: true }) disconnectionReason!: string | null;
  @IdColumn({ nullable: true }) direction!: string | null;
  @TextColumn({ nullable: true }) phoneNumberUsed!: string | null;
  @Column({ type: 'boolean' }) isRetry!: boolean;
  @InstantColumn({ nullable: true }) processedAt!: Date | null;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}
