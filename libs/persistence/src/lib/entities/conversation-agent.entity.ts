import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn, TextColumn } from './columns';

/** A Conversation AI agent (seed 000 / HighLevel's CreateEmployeeDto) plus timezone and active. */
@Index('IX_conversation_agents_location_created', ['locationId', 'createdAt'])
@Entity('conversation_agents')
export class ConversationAgentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @IdColumn() locationId!: string;
  @TextColumn() name!: string;
  @TextColumn({ nullable: true }) businessName!: string | null;
  @IdColumn() mode!: string;
  @JsonColumn() channels!: string[];
  @Column({ type: 'boolean' }) isPrimary!: boolean;
  @Column({ type: 'integer' }) waitTime!: number;
  @IdColumn() waitTimeUnit!: string;
  @Column({ type: 'boolean' }) sleepEnabled!: boolean;
  @Column({ type: 'integer', nullable: true }) sleepTime!: number | null;
  @IdColumn({ nullable: true }) sleepTimeUnit!: string | null;
  @TextColumn() personality!: string;
  @TextColumn() goal!: string;
  @TextColumn() instructions!: string;
  @Column({ type: 'integer' }) autoPilotMaxMessages!: number;
  @JsonColumn() knowledgeBaseIds!: string[];
  @Column({ type: 'boolean' }) respondToImages!: boolean;
  @Column({ type: 'boolean' }) respondToAudio!: boolean;
  @Column({ type: 'boolean' }) sleepOnManualMessage!: boolean;
  @Column({ type: 'boolean' }) sleepOnWorkflowMessage!: boolean;
  @Column({ type: 'varchar', length: 64, nullable: true }) timezone!: string | null;
  @Column({ type: 'boolean' }) active!: boolean;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}
