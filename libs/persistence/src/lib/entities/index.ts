import { AgentActionEntity } from './agent-action.entity';
import { ApiTokenEntity } from './api-token.entity';
import { ConversationAgentEntity } from './conversation-agent.entity';
import { FollowupConfigEntity } from './followup-config.entity';
import { FollowupEntity } from './followup.entity';
import { FollowupAttemptEntity } from './followup-attempt.entity';
import { LocationEntity } from './location.entity';
import { VoiceAgentEntity } from './voice-agent.entity';
import { ChannelConnectionEntity } from './channel-connection.entity';
import { ContactEntity } from './contact.entity';
import { ConversationEntity } from './conversation.entity';
import { MessageEntity } from './message.entity';
import { WorkflowDeliveryEntity, WorkflowEntity } from './workflow.entity';

export { SnakeNamingStrategy } from './columns';
export {
  AgentActionEntity,
  ChannelConnectionEntity,
  ContactEntity,
  ConversationEntity,
  MessageEntity,
  WorkflowDeliveryEntity,
  WorkflowEntity,
  ApiTokenEntity,
  ConversationAgentEntity,
  FollowupConfigEntity,
  FollowupEntity,
  FollowupAttemptEntity,
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
  ContactEntity,
  ConversationEntity,
  MessageEntity,
  ChannelConnectionEntity,
  WorkflowEntity,
  WorkflowDeliveryEntity,
  FollowupAttemptEntity,
];
export type { ConfigStepSpec } from './followup.entity';
