import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn, TextColumn } from './columns';

/** What a step of a seed 003 configuration sends (followups.step_spec). */
export interface ConfigStepSpec {
  /** Seed 003's free-text purpose: the AI composer writes the message from it. */
  prompt?: string;
  /** An approved template (sent where the channel takes templates). */
  template?: { name: string; language: string; params: string[] };
  /** An official channel's steps go out on this connection. */
  connectionId?: string;
  /** The working hours and zone rule of the agent's follow-up settings when it was scheduled. */
  settings?: Record<string, unknown>;
}

/** A follow-up record (seed 004): a manual task, or (later) a step the scheduler sends. */
@Index('IX_followups_location_created', ['locationId', 'createdAt'])
@Index('IX_followups_location_status', ['locationId', 'status'])
@Index('IX_followups_due', ['status', 'scheduledAt'])
@Index('IX_followups_lease', ['status', 'leaseExpiresAt'])
@Index('IX_followups_conversation_status', ['conversationId', 'status'])
@Index('IX_followups_location_provider_id', ['locationId', 'providerMessageId'])
@Index('IX_followups_location_call_id', ['locationId', 'callId'])
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

  // The engine's columns (migration 2): the store is the queue.
  @IdColumn({ nullable: true }) agentId!: string | null;
  @IdColumn({ nullable: true }) actionId!: string | null;
  @IdColumn({ nullable: true }) scenario!: string | null;
  @Column({ type: 'integer', nullable: true }) step!: number | null;
  @IdColumn({ nullable: true }) channel!: string | null;
  @Column({ type: 'integer', default: 0 }) attempt!: number;
  @Column({ type: 'varchar', length: 64, nullable: true }) leaseOwner!: string | null;
  @InstantColumn({ nullable: true }) leaseExpiresAt!: Date | null;
  /** Written just before the provider call: from here on the send may have reached the provider. */
  @InstantColumn({ nullable: true }) sendStartedAt!: Date | null;
  @Column({ type: 'integer', nullable: true }) conversationVersion!: number | null;
  @TextColumn({ nullable: true }) statusReason!: string | null;
  /** The typed code of `statusReason` (contracts' ReasonCode). */
  @IdColumn({ nullable: true }) reasonCode!: string | null;
  @TextColumn({ nullable: true }) providerMessageId!: string | null;
  @InstantColumn({ nullable: true }) sentAt!: Date | null;
  /** The due time before working hours moved it. */
  @InstantColumn({ nullable: true }) originalDueAt!: Date | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) timezone!: string | null;
  @Column({ type: 'boolean', default: false }) movedByWorkingHours!: boolean;
  /**
   * Which hours the step keeps to when it falls due: null, the sequence's working hours; `as_requested`,
   * a time the contact asked for (only the contact's own 08:00-21:00 applies).
   */
  @Column({ type: 'varchar', length: 16, nullable: true }) timingRule!: string | null;
  /** A seed 003 configuration's step: what it sends, stored with it (it goes out even if the configuration changes). */
  @JsonColumn({ nullable: true }) stepSpec!: ConfigStepSpec | null;
  @TextColumn({ nullable: true }) body!: string | null;
  @TextColumn({ nullable: true }) errorCode!: string | null;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}
