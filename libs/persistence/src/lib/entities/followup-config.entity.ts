import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn } from './columns';

/** A follow-up configuration of an assistant (seed 003); one per assistant. */
@Index('UQ_followup_configs_location_assistant', ['locationId', 'assistantId'], { unique: true })
@Entity('followup_configs')
export class FollowupConfigEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @IdColumn() locationId!: string;
  @IdColumn() assistantId!: string;
  @JsonColumn() triggerStatusIds!: string[];
  @JsonColumn() steps!: Record<string, unknown>[];
  @JsonColumn() officialSteps!: Record<string, unknown>[];
  @Column({ type: 'boolean' }) isActive!: boolean;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}
