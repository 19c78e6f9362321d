import { EntityManager } from 'typeorm';
import { AgentActionsRepository, ConversationAgentsRepository } from './conversation-ai.repository';
import { FollowupConfigsRepository, FollowupsRepository } from './followups.repository';
import { ApiTokensRepository, LocationsRepository } from './tenancy.repository';
import { VoiceAgentsRepository } from './voice-ai.repository';

export * from './errors';
export * from './conversation-ai.repository';
export * from './followups.repository';
export * from './tenancy.repository';
export * from './voice-ai.repository';

/** Every repository, bound to one EntityManager (the pool, or one transaction). */
export class Repositories {
  readonly locations: LocationsRepository;
  readonly apiTokens: ApiTokensRepository;
  readonly conversationAgents: ConversationAgentsRepository;
  readonly agentActions: AgentActionsRepository;
  readonly voiceAgents: VoiceAgentsRepository;
  readonly followupConfigs: FollowupConfigsRepository;
  readonly followups: FollowupsRepository;

  constructor(manager: EntityManager) {
    this.locations = new LocationsRepository(manager);
    this.apiTokens = new ApiTokensRepository(manager);
    this.conversationAgents = new ConversationAgentsRepository(manager);
    this.agentActions = new AgentActionsRepository(manager);
    this.voiceAgents = new VoiceAgentsRepository(manager);
    this.followupConfigs = new FollowupConfigsRepository(manager);
    this.followups = new FollowupsRepository(manager);
  }
}
