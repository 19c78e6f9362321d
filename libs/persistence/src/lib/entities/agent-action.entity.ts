import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ConversationAgentEntity } from './conversation-agent.entity';
import { IdColumn, InstantColumn, JsonColumn, TextColumn } from './columns';

/** An action of a Conversation AI agent; `details` is validated by `type` before it is stored. */
@Index('IX_agent_actions_agent', ['agentId'])
@Index('UQ_agent_actions_agent_scenario', ['agentId', 'scenarioId'], { unique: true })
@Entity('agent_actions')
export class AgentActionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @IdColumn() locationId!: string;
  @IdColumn() agentId!: string;
  @IdColumn() type!: string;
  @TextColumn() name!: string;
  @JsonColumn() details!: Record<string, unknown>;
  /** For advancedFollowup actions: their scenario (unique per agent). */
  @IdColumn({ nullable: true }) scenarioId!: string | null;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;

  @ManyToOne(() => ConversationAgentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agent_id' })
  agent?: ConversationAgentEntity;
}
