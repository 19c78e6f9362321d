import { ConflictException, Injectable } from '@nestjs/common';
import {
  ActionDto,
  ActionEnvelopeDto,
  ActionListEnvelopeDto,
  ActionRequestDto,
  DeleteActionEnvelopeDto,
  UpdateFollowupSettingsDto,
  parseActionDetails,
} from '@followup/contracts';
import { AgentActionEntity, Repositories, Store, conflictOnDuplicate } from '@followup/persistence';
import { Clock, newId, notFound, throwIfProblems, unprocessable } from '@followup/util';

function toActionDto(action: AgentActionEntity): ActionDto {
  return {
    id: action.id,
    name: action.name,
    type: action.type,
    agentId: action.agentId,
    details: action.details,
    createdAt: action.createdAt.toISOString(),
    updatedAt: action.updatedAt.toISOString(),
  };
}

const envelope = (action: AgentActionEntity): ActionEnvelopeDto => ({ data: toActionDto(action), success: true });

function scenarioConflict(scenarioId: string): ConflictException {
  return new ConflictException(`this agent already has an advancedFollowup action for scenario ${scenarioId}`);
}

/** Actions of a Conversation AI agent, and the follow-up settings of its advancedFollowup ones. */
@Injectable()
export class ActionsService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async create(locationId: string, agentId: string, body: ActionRequestDto): Promise<ActionEnvelopeDto> {
    const { details, scenarioId } = this.validated(body);
    const now = this.clock.now();
    const action = Object.assign(new AgentActionEntity(), {
      id: newId(),
      locationId,
      agentId,
      type: body.type,
      name: body.name,
      details,
      scenarioId,
      createdAt: now,
      updatedAt: now,
    });
    await this.store.transaction(async (r) => {
      await this.agentMustExist(r, locationId, agentId);
      if (scenarioId && (await r.agentActions.findByScenario(locationId, agentId, scenarioId))) throw scenarioConflict(scenarioId);
      await conflictOnDuplicate(scenarioConflict(scenarioId ?? '').message, () => r.agentActions.insert(action));
    });
    return envelope(action);
  }

  async list(locationId: string, agentId: string): Promise<ActionListEnvelopeDto> {
    return this.store.run(async (r) => {
      await this.agentMustExist(r, locationId, agentId);
      return { data: (await r.agentActions.listByAgent(locationId, agentId)).map(toActionDto), success: true };
    });
  }

  async get(locationId: string, agentId: string, actionId: string): Promise<ActionEnvelopeDto> {
    return this.store.run(async (r) => envelope(await this.find(r, locationId, agentId, actionId)));
  }

  /** Replaces type, name and details (PUT). */
  async update(locationId: string, agentId: string, actionId: string, body: ActionRequestDto): Promise<ActionEnvelopeDto> {
    const { details, scenarioId } = this.validated(body);
    return this.store.transaction(async (r) => {
      const action = await this.find(r, locationId, agentId, actionId);
      if (scenarioId) {
        const holder = await r.agentActions.findByScenario(locationId, agentId, scenarioId);
        if (holder && holder.id !== action.id) throw scenarioConflict(scenarioId);
      }
      Object.assign(action, { type: body.type, name: body.name, details, scenarioId, updatedAt: this.clock.now() });
      await conflictOnDuplicate(scenarioConflict(scenarioId ?? '').message, () => r.agentActions.save(action));
      return envelope(action);
    });
  }

  async delete(locationId: string, agentId: string, actionId: string): Promise<DeleteActionEnvelopeDto> {
    const deleted = await this.store.run(async (r) => {
      await this.agentMustExist(r, locationId, agentId);
      return r.agentActions.delete(locationId, agentId, actionId);
    });
    if (!deleted) throw notFound('Action', actionId);
    return { data: { id: actionId }, success: true };
  }

  /**
   * Applies the follow-up settings to every listed advancedFollowup action of the agent, all or
   * nothing, and answers the first of them (the seed answers a single action).
   */
  async updateFollowupSettings(locationId: string, agentId: string, body: UpdateFollowupSettingsDto): Promise<ActionEnvelopeDto> {
    const settings = JSON.parse(JSON.stringify(body.followupSettings)) as Record<string, unknown>;
    return this.store.transaction(async (r) => {
      await this.agentMustExist(r, locationId, agentId);
      const actions: AgentActionEntity[] = [];
      const problems: string[] = [];
      for (const [i, id] of [...new Set(body.actionIds)].entries()) {
        const action = await r.agentActions.findById(locationId, agentId, id);
        if (!action) throw notFound('Action', id);
        if (action.type !== 'advancedFollowup') {
          problems.push(`actionIds.${i} names a ${action.type} action; follow-up settings apply to advancedFollowup actions only`);
        }
        actions.push(action);
      }
      throwIfProblems(problems);
      const now = this.clock.now();
      for (const action of actions) {
        Object.assign(action, { details: { ...action.details, followupSettings: settings }, updatedAt: now });
        await r.agentActions.save(action);
      }
      return envelope(actions[0] as AgentActionEntity);
    });
  }

  private validated(body: ActionRequestDto): { details: Record<string, unknown>; scenarioId: string | null } {
    const { details, errors } = parseActionDetails(body.type, body.details);
    if (errors.length) throw unprocessable(errors);
    const scenarioId = body.type === 'advancedFollowup' ? String(details['scenarioId']) : null;
    return { details, scenarioId };
  }

  private async agentMustExist(r: Repositories, locationId: string, agentId: string): Promise<void> {
    if (!(await r.conversationAgents.findById(locationId, agentId))) throw notFound('Agent', agentId);
  }

  private async find(r: Repositories, locationId: string, agentId: string, actionId: string): Promise<AgentActionEntity> {
    await this.agentMustExist(r, locationId, agentId);
    const action = await r.agentActions.findById(locationId, agentId, actionId);
    if (!action) throw notFound('Action', actionId);
    return action;
  }
}
