import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn, TextColumn } from './columns';

/** A Voice AI agent (seed 002). */
@Index('IX_voice_agents_location_created', ['locationId', 'createdAt'])
@Entity('voice_agents')
export class VoiceAgentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @IdColumn() locationId!: string;
  @TextColumn() agentName!: string;
  @TextColumn() businessName!: string;
  @TextColumn() welcomeMessage!: string;
  @TextColumn() agentPrompt!: string;
  @TextColumn() voiceId!: string;
  @IdColumn() language!: string;
  @IdColumn() patienceLevel!: string;
  @Column({ type: 'integer' }) maxCallDuration!: number;
  @Column({ type: 'boolean' }) sendUserIdleReminders!: boolean;
  @Column({ type: 'integer' }) reminderAfterIdleTimeSeconds!: number;
  @TextColumn({ nullable: true }) inboundNumber!: string | null;
  @TextColumn({ nullable: true }) numberPoolId!: string | null;
  @JsonColumn() callEndWorkflowIds!: string[];
  @JsonColumn() sendPostCallNotificationTo!: Record<string, unknown>;
  @JsonColumn() agentWorkingHours!: Record<string, unknown>[];
  @Column({ type: 'varchar', length: 64 }) timezone!: string;
  @Column({ type: 'boolean' }) isAgentAsBackupDisabled!: boolean;
  @JsonColumn() translation!: Record<string, unknown>;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}
