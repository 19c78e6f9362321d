import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import {
  ConversationAgentDto,
  ConversationAgentFields,
  CreateConversationAgentDto,
  DeleteConversationAgentResponseDto,
  SearchConversationAgentsQuery,
  SearchConversationAgentsResponseDto,
  UpdateConversationAgentDto,
  validatePlain,
} from '@followup/contracts';
import { ConversationAgentEntity, Repositories, Store } from '@followup/persistence';
import { Clock, newId, notFound, throwIfProblems } from '@followup/util';
import { agentFields, applyAgentFields, toAgentDto } from './agent.mapper';

const DEFAULT_PAGE = 20;

/** Conversation AI agents of a location (seed 000 routes). */
@Injectable()
export class ConversationAgentsService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async create(locationId: string, dto: CreateConversationAgentDto): Promise<ConversationAgentDto> {
    const now = this.clock.now();
    const agent = await this.store.transaction(async (r) => {
      const first = (await r.conversationAgents.countByLocation(locationId)) === 0;
      const entity = applyAgentFields(new ConversationAgentEntity(), dto);
      Object.assign(entity, { id: newId(), locationId, isPrimary: dto.isPrimary ?? first, createdAt: now, updatedAt: now });
      await r.conversationAgents.insert(entity);
      if (entity.isPrimary) await r.conversationAgents.demoteOthers(locationId, entity.id);
      return entity;
    });
    return toAgentDto(agent, []);
  }

  async search(locationId: string, q: SearchConversationAgentsQuery): Promise<SearchConversationAgentsResponseDto> {
    return this.store.run(async (r) => {
      let after: ConversationAgentEntity | undefined;
      if (q.startAfter) {
        after = (await r.conversationAgents.findById(locationId, q.startAfter)) ?? undefined;
        if (!after) throw new UnprocessableEntityException([`startAfter ${q.startAfter} is not an agent of this location`]);
      }
      const agents = await r.conversationAgents.search(locationId, { after, limit: q.limit ?? DEFAULT_PAGE, query: q.query });
      const actions = await r.agentActions.listByAgents(
        locationId,
        agents.map((a) => a.id),
      );
      return {
        agents: agents.map((a) => toAgentDto(a, actions)),
        totalCount: await r.conversationAgents.countByLocation(locationId),
        count: agents.length,
      };
    });
  }

  async get(locationId: string, id: string): Promise<ConversationAgentDto> {
    return this.store.run(async (r) => {
      const agent = await this.find(r, locationId, id);
      return toAgentDto(agent, await r.agentActions.listByAgent(locationId, id));
    });
  }

  /** Applies any subset of the fields; the agent that results must still be valid as a whole. */
  async update(locationId: string, id: string, patch: UpdateConversationAgentDto): Promise<ConversationAgentDto> {
    return this.store.transaction(async (r) => {
      const agent = await this.find(r, locationId, id);
      const merged = { ...agentFields(agent), ...stripUndefined(patch) };
      const { value, errors } = validatePlain(ConversationAgentFields, merged);
      throwIfProblems(errors);
      applyAgentFields(agent, value);
      Object.assign(agent, { isPrimary: value.isPrimary ?? agent.isPrimary, updatedAt: this.clock.now() });
      await r.conversationAgents.save(agent);
      if (patch.isPrimary === true) await r.conversationAgents.demoteOthers(locationId, agent.id);
      return toAgentDto(agent, await r.agentActions.listByAgent(locationId, id));
    });
  }

  async delete(locationId: string, id: string): Promise<DeleteConversationAgentResponseDto> {
    const deleted = await this.store.transaction((r) => r.conversationAgents.delete(locationId, id));
    if (!deleted) throw notFound('Agent', id);
    return { success: true, id };
  }

  private async find(r: Repositories, locationId: string, id: string): Promise<ConversationAgentEntity> {
    const agent = await r.conversationAgents.findById(locationId, id);
    if (!agent) throw notFound('Agent', id);
    return agent;
  }
}

export function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
