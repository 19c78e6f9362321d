import { Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn, TextColumn } from './columns';

/**
 * One try of a follow-up step on one channel: the connection it went through, the provider's id of
 * the message, and where it got to. Written before the provider is called (status `sending`), so a
 * process that dies mid-send leaves the connection it used; delivery statuses move it forward only.
 */
@Index('IX_followup_attempts_followup', ['followupId', 'startedAt'])
@Index('IX_followup_attempts_provider_id', ['locationId', 'providerMessageId'])
@Entity('followup_attempts')
export class FollowupAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @IdColumn() locationId!: string;
  @IdColumn() followupId!: string;
  @IdColumn() channel!: string;
  @IdColumn({ nullable: true }) connectionId!: string | null;
  @TextColumn({ nullable: true }) providerMessageId!: string | null;
  /** sending, sent, delivered, read, failed, undelivered, unknown (the outcome could not be known). */
  @IdColumn() status!: string;
  @TextColumn({ nullable: true }) errorCode!: string | null;
  @IdColumn({ nullable: true }) reasonCode!: string | null;
  @TextColumn({ nullable: true }) reason!: string | null;
  @InstantColumn() startedAt!: Date;
  @InstantColumn() updatedAt!: Date;

  /** An attempt as it is written before the provider is called: `sending`, no answer yet. */
  static sending(
    fields: Pick<FollowupAttemptEntity, 'id' | 'locationId' | 'followupId' | 'channel' | 'connectionId'>,
    at: Date,
  ): FollowupAttemptEntity {
    return Object.assign(new FollowupAttemptEntity(), {
      ...fields,
      providerMessageId: null,
      status: 'sending',
      errorCode: null,
      reasonCode: null,
      reason: null,
      startedAt: at,
      updatedAt: at,
    });
  }
}
