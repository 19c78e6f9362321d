import { EntityManager, In, Not } from 'typeorm';
import { AgentActionEntity, ConversationAgentEntity } from '../entities';
import { row, guardDuplicates, likeContains, insertRows } from './errors';
import { EntitySql } from './entity-sql';

export interface AgentSearch {
  /** The agent after which the page starts (already resolved to exist). */
  after?: ConversationAgentEntity;
  limit: number;
  query?: string;
}

/** Called before every write to agents or actions (the Catalog's cache must not outlive it). */
type OnWrite = () => void;

export class ConversationAgentsRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly wrote: OnWrite = () => undefined,
  ) {}

  async insert(agent: ConversationAgentEntity): Promise<ConversationAgentEntity> {
    this.wrote();
    await guardDuplicates(() => insertRows(this.manager, ConversationAgentEntity, [agent]));
    return agent;
  }

  findById(locationId: string, id: string): Promise<ConversationAgentEntity | null> {
    return this.manager.findOneBy(ConversationAgentEntity, { locationId, id });
  }

  countByLocation(locationId: string): Promise<number> {
    return this.manager.countBy(ConversationAgentEntity, { locationId });
  }

  findByIds(ids: string[]): Promise<ConversationAgentEntity[]> {
    return EntitySql.of(this.manager, ConversationAgentEntity).findIn('id', ids);
  }

  /** One page in creation order, filtered by a case-insensitive name substring. */
  async search(locationId: string, search: AgentSearch): Promise<ConversationAgentEntity[]> {
    const qb = this.manager.createQueryBuilder(ConversationAgentEntity, 'a').where('a.location_id = :locationId', { locationId });
    if (search.query) qb.andWhere(`LOWER(a.name) LIKE :q ESCAPE '\\'`, { q: likeContains(search.query) });
    if (search.after) {
      qb.andWhere('(a.created_at > :c OR (a.created_at = :c AND a.id > :id))', {
        c: search.after.createdAt.getTime(),
        id: search.after.id,
      });
    }
    return qb.orderBy('a.created_at', 'ASC').addOrderBy('a.id', 'ASC').limit(search.limit).getMany();
  }

  async save(agent: ConversationAgentEntity): Promise<ConversationAgentEntity> {
    this.wrote();
    await this.manager.update(ConversationAgentEntity, { locationId: agent.locationId, id: agent.id }, row(agent));
    return agent;
  }

  /** Makes every other agent of the location non-primary (one primary agent per location). */
  async demoteOthers(locationId: string, primaryId: string): Promise<void> {
    this.wrote();
    await this.manager.update(ConversationAgentEntity, { locationId, id: Not(primaryId), isPrimary: true }, { isPrimary: false });
  }

  async delete(locationId: string, id: string): Promise<boolean> {
    this.wrote();
    await this.manager.delete(AgentActionEntity, { locationId, agentId: id });
    const result = await this.manager.delete(ConversationAgentEntity, { locationId, id });
    return (result.affected ?? 0) > 0;
  }
}

export class AgentActionsRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly wrote: OnWrite = () => undefined,
  ) {}

  async insert(action: AgentActionEntity): Promise<AgentActionEntity> {
    this.wrote();
    await guardDuplicates(() => insertRows(this.manager, AgentActionEntity, [action]));
    return action;
  }

  findById(locationId: string, agentId: string, id: string): Promise<AgentActionEntity | null> {
    return this.manager.findOneBy(AgentActionEntity, { locationId, agentId, id });
  }

  listByAgent(locationId: string, agentId: string): Promise<AgentActionEntity[]> {
    return this.manager.find(AgentActionEntity, { where: { locationId, agentId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  listByAgents(locationId: string, agentIds: string[]): Promise<AgentActionEntity[]> {
    if (agentIds.length === 0) return Promise.resolve([]);
    return this.manager.find(AgentActionEntity, {
      where: { locationId, agentId: In(agentIds) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  findByIds(ids: string[]): Promise<AgentActionEntity[]> {
    return EntitySql.of(this.manager, AgentActionEntity).findIn('id', ids);
  }

  findByScenario(locationId: string, agentId: string, scenarioId: string): Promise<AgentActionEntity | null> {
    return this.manager.findOneBy(AgentActionEntity, { locationId, agentId, scenarioId });
  }

  async save(action: AgentActionEntity): Promise<AgentActionEntity> {
    this.wrote();
    await guardDuplicates(() =>
      this.manager.update(
        AgentActionEntity,
        { locationId: action.locationId, id: action.id },
        row<AgentActionEntity>({
          ...action,
          agent: undefined,
        }),
      ),
    );
    return action;
  }

  async delete(locationId: string, agentId: string, id: string): Promise<boolean> {
    this.wrote();
    const result = await this.manager.delete(AgentActionEntity, { locationId, agentId, id });
    return (result.affected ?? 0) > 0;
  }
}
