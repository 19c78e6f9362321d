import type { SecretBox } from '@followup/util';
import { EntityManager } from 'typeorm';
import { AgentActionsRepository, ConversationAgentsRepository } from './conversation-ai.repository';
import { FollowupConfigsRepository, FollowupsRepository } from './followups.repository';
import { ApiTokensRepository, LocationsRepository } from './tenancy.repository';
import { VoiceAgentsRepository } from './voice-ai.repository';
import { ChannelConnectionsRepository, WorkflowDeliveriesRepository, WorkflowsRepository } from './channels.repository';
import { ContactsRepository, ConversationsRepository, MessagesRepository } from './conversations.repository';
import { FollowupQueueRepository } from './followup-queue.repository';
import { ChannelHistoryRepository } from './channel-history.repository';
import { AttemptsRepository } from './attempts.repository';
import { Catalog } from './catalog';
import type { ReadCache } from '../read-cache';

export * from './errors';
export * from './conversation-ai.repository';
export * from './followups.repository';
export * from './tenancy.repository';
export * from './voice-ai.repository';
export * from './channels.repository';
export * from './conversations.repository';
export * from './followup-queue.repository';
export * from './channel-history.repository';
export * from './attempts.repository';
export * from './catalog';
export * from './conversation-filter';

/** Every repository, bound to one EntityManager (the pool, or one transaction). */
export class Repositories {
  readonly locations: LocationsRepository;
  readonly apiTokens: ApiTokensRepository;
  readonly conversationAgents: ConversationAgentsRepository;
  readonly agentActions: AgentActionsRepository;
  readonly voiceAgents: VoiceAgentsRepository;
  readonly followupConfigs: FollowupConfigsRepository;
  readonly followups: FollowupsRepository;
  readonly contacts: ContactsRepository;
  readonly conversations: ConversationsRepository;
  readonly messages: MessagesRepository;
  readonly channelConnections: ChannelConnectionsRepository;
  readonly workflows: WorkflowsRepository;
  readonly workflowDeliveries: WorkflowDeliveriesRepository;
  readonly queue: FollowupQueueRepository;
  readonly attempts: AttemptsRepository;
  /** Where each contact answers: per channel, what was sent and what they wrote (the router's ranking). */
  readonly channelHistory: ChannelHistoryRepository;
  /** Agents, actions and connections as hot paths read them (cached; read-only). */
  readonly catalog: Catalog;

  private readonly onCommit: (() => void)[] = [];
  /** This unit of work changed an agent, an action or a connection: the cache is cleared as it ends. */
  wroteCatalog = false;

  /** `transactional`: bound to one transaction, whose after-commit callbacks the Store runs once it commits. */
  constructor(
    manager: EntityManager,
    secrets?: SecretBox,
    private readonly transactional = false,
    cache?: ReadCache,
  ) {
    const engine = manager.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const wrote = () => {
      this.wroteCatalog = true;
      cache?.clear();
    };
    this.locations = new LocationsRepository(manager);
    this.apiTokens = new ApiTokensRepository(manager);
    this.conversationAgents = new ConversationAgentsRepository(manager, wrote);
    this.agentActions = new AgentActionsRepository(manager, wrote);
    this.voiceAgents = new VoiceAgentsRepository(manager);
    this.followupConfigs = new FollowupConfigsRepository(manager);
    this.followups = new FollowupsRepository(manager);
    this.contacts = new ContactsRepository(manager);
    this.conversations = new ConversationsRepository(manager, engine);
    this.messages = new MessagesRepository(manager);
    this.channelConnections = new ChannelConnectionsRepository(manager, secrets, wrote);
    this.workflows = new WorkflowsRepository(manager);
    this.workflowDeliveries = new WorkflowDeliveriesRepository(manager);
    this.queue = new FollowupQueueRepository(manager, engine);
    this.attempts = new AttemptsRepository(manager, engine);
    this.channelHistory = new ChannelHistoryRepository(manager, engine);
    this.catalog = new Catalog(
      (read) => read(this),
      cache,
      () => this.wroteCatalog,
    );
  }

  /**
   * Runs `callback` once what this unit of work wrote is committed (at once outside a transaction,
   * where every statement commits by itself); a rolled-back transaction never runs it. For in-process
   * signals such as "a follow-up was scheduled", which must not wake anyone before the row is visible.
   */
  afterCommit(callback: () => void): void {
    if (this.transactional) this.onCommit.push(callback);
    else callback();
  }

  /** The Store calls this after the transaction committed. */
  committed(): void {
    for (const callback of this.onCommit.splice(0)) callback();
  }
}
