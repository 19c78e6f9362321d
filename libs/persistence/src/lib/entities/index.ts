import { AgentActionEntity } from './agent-action.entity';
import { ApiTokenEntity } from './api-token.entity';
import { ConversationAgentEntity } from './conversation-agent.entity';
import { FollowupConfigEntity } from './followup-config.entity';
import { FollowupEntity } from './followup.entity';
import { LocationEntity } from './location.entity';
import { VoiceAgentEntity } from './voice-agent.entity';

export { SnakeNamingStrategy } from './columns';
export {
  AgentActionEntity,
  ApiTokenEntity,
  ConversationAgentEntity,
  FollowupConfigEntity,
  FollowupEntity,
  LocationEntity,
  VoiceAgentEntity,
};

export const ENTITIES = [
  LocationEntity,
  ApiTokenEntity,
  ConversationAgentEntity,
  AgentActionEntity,
  VoiceAgentEntity,
  FollowupConfigEntity,
  FollowupEntity,
];
