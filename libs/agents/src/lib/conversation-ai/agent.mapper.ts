import { ActionRefDto, ConversationAgentDto, ConversationAgentFields } from '@followup/contracts';
import { AgentActionEntity, ConversationAgentEntity } from '@followup/persistence';

/** The agent's writable fields, as a client would send them (for merge-then-validate updates). */
export function agentFields(agent: ConversationAgentEntity): ConversationAgentFields {
  return {
    name: agent.name,
    businessName: agent.businessName ?? undefined,
    mode: agent.mode as ConversationAgentFields['mode'],
    channels: agent.channels,
    isPrimary: agent.isPrimary,
    waitTime: agent.waitTime,
    waitTimeUnit: agent.waitTimeUnit,
    sleepEnabled: agent.sleepEnabled,
    sleepTime: agent.sleepTime ?? undefined,
    sleepTimeUnit: agent.sleepTimeUnit ?? undefined,
    personality: agent.personality,
    goal: agent.goal,
    instructions: agent.instructions,
    autoPilotMaxMessages: agent.autoPilotMaxMessages,
    knowledgeBaseIds: agent.knowledgeBaseIds,
    respondToImages: agent.respondToImages,
    respondToAudio: agent.respondToAudio,
    sleepOnManualMessage: agent.sleepOnManualMessage,
    sleepOnWorkflowMessage: agent.sleepOnWorkflowMessage,
    timezone: agent.timezone,
    active: agent.active,
  };
}

export function applyAgentFields(agent: ConversationAgentEntity, f: ConversationAgentFields): ConversationAgentEntity {
  return Object.assign(agent, {
    name: f.name,
    businessName: f.businessName ?? null,
    mode: f.mode ?? 'off',
    channels: f.channels ?? [],
    waitTime: f.waitTime ?? 2,
    waitTimeUnit: f.waitTimeUnit ?? 'seconds',
    sleepEnabled: f.sleepEnabled ?? false,
    sleepTime: f.sleepTime ?? null,
    sleepTimeUnit: f.sleepTimeUnit ?? null,
    personality: f.personality,
    goal: f.goal,
    instructions: f.instructions,
    autoPilotMaxMessages: f.autoPilotMaxMessages ?? 25,
    knowledgeBaseIds: f.knowledgeBaseIds ?? [],
    respondToImages: f.respondToImages ?? false,
    respondToAudio: f.respondToAudio ?? false,
    sleepOnManualMessage: f.sleepOnManualMessage ?? false,
    sleepOnWorkflowMessage: f.sleepOnWorkflowMessage ?? false,
    timezone: f.timezone ?? null,
    active: f.active ?? true,
  });
}

export function toAgentDto(agent: ConversationAgentEntity, actions: AgentActionEntity[]): ConversationAgentDto {
  const refs: ActionRefDto[] = actions.filter((a) => a.agentId === agent.id).map((a) => ({ id: a.id, type: a.type }));
  const { createdAt, updatedAt, ...fields } = agent;
  return { ...fields, actions: refs, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}
