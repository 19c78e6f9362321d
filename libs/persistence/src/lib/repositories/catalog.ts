import { AgentActionEntity, ChannelConnectionEntity, ConversationAgentEntity } from '../entities';
import type { ReadCache } from '../read-cache';
import type { AgentActionsRepository, ConversationAgentsRepository } from './conversation-ai.repository';
import type { ChannelConnectionsRepository } from './channels.repository';

/**
 * Agents, their scenario actions and channel connections as the hot paths read them (every inbound
 * message, every webhook): from the store's ReadCache when it has one. What it answers is shared
 * between requests: read it, never change it (load through the repositories to change a row).
 * A unit of work that wrote any of them reads them from the database from then on.
 */
export class Catalog {
  /**
   * `load` runs a read on the repositories the catalog reads from (inside a unit of work: at once;
   * the Store's own catalog: as a unit of work of its own, taken only on a miss, so a hit never
   * waits for the database). `bypass`: read without the cache (the unit wrote what it caches).
   */
  constructor(
    private readonly load: <T>(read: (sources: CatalogSources) => Promise<T>) => Promise<T>,
    private readonly cache: ReadCache | undefined,
    private readonly bypass: () => boolean = () => false,
  ) {}

  agent(locationId: string, id: string): Promise<Readonly<ConversationAgentEntity> | null> {
    return this.read(`agent:${locationId}:${id}`, (s) => s.conversationAgents.findById(locationId, id));
  }

  scenarioAction(locationId: string, agentId: string, scenarioId: string): Promise<Readonly<AgentActionEntity> | null> {
    return this.read(`action:${locationId}:${agentId}:${scenarioId}`, (s) =>
      s.agentActions.findByScenario(locationId, agentId, scenarioId),
    );
  }

  /** Every action of an agent, oldest first (their phrases and what they do when a reply triggers them). */
  actionsOf(locationId: string, agentId: string): Promise<readonly Readonly<AgentActionEntity>[]> {
    return this.read(`actions:${locationId}:${agentId}`, (s) => s.agentActions.listByAgent(locationId, agentId));
  }

  /** A connection by id alone (webhook URLs name it), its secrets opened. */
  connection(id: string): Promise<Readonly<ChannelConnectionEntity> | null> {
    return this.read(`connection:${id}`, (s) => s.channelConnections.findByIdAnyLocation(id));
  }

  private read<T>(key: string, read: (sources: CatalogSources) => Promise<T>): Promise<T> {
    return this.cache && !this.bypass() ? this.cache.get(key, () => this.load(read)) : this.load(read);
  }
}

/** The repositories the catalog reads from. */
export interface CatalogSources {
  conversationAgents: ConversationAgentsRepository;
  agentActions: AgentActionsRepository;
  channelConnections: ChannelConnectionsRepository;
}
