import { ForbiddenException, Injectable } from '@nestjs/common';
import {
  CreateVoiceAgentDto,
  ListVoiceAgentsQuery,
  PatchVoiceAgentDto,
  VoiceAgentDto,
  VoiceAgentFields,
  VoiceAgentListDto,
  translationProblems,
} from '@followup/contracts';
import { LocationEntity, Repositories, Store, VoiceAgentEntity } from '@followup/persistence';
import { Clock, newId, notFound, throwIfProblems } from '@followup/util';
import { randomInt } from 'node:crypto';
import { stripUndefined } from '../conversation-ai/conversation-agents.service';

/** Defaults of seed 002 for everything a create request leaves out. */
export function voiceDefaults(
  location: LocationEntity,
  requested: VoiceAgentFields,
): Required<Omit<VoiceAgentFields, 'inboundNumber' | 'numberPoolId'>> & Pick<VoiceAgentFields, 'inboundNumber' | 'numberPoolId'> {
  const businessName = requested.businessName ?? location.name;
  return {
    agentName: `My Agent ${randomInt(100, 1000)}`,
    businessName,
    welcomeMessage: `Hello! Thank you for calling ${businessName}. How can I help you today?`.slice(0, 190),
    agentPrompt: `You are a friendly, professional voice assistant for ${businessName}. Keep answers short, and offer to take a message when you cannot help.`,
    voiceId: 'default',
    language: 'en-US',
    patienceLevel: 'high',
    maxCallDuration: 300,
    sendUserIdleReminders: true,
    reminderAfterIdleTimeSeconds: 8,
    inboundNumber: null,
    numberPoolId: null,
    callEndWorkflowIds: [],
    sendPostCallNotificationTo: { admins: true, allUsers: false, contactAssignedUser: false, specificUsers: [], customEmails: [] },
    agentWorkingHours: [],
    timezone: location.timezone,
    isAgentAsBackupDisabled: false,
    translation: { enabled: false },
  };
}

function fieldsOf(agent: VoiceAgentEntity): VoiceAgentFields {
  const { id: _id, locationId: _l, createdAt: _c, updatedAt: _u, ...fields } = agent;
  return fields as unknown as VoiceAgentFields;
}

function toDto(agent: VoiceAgentEntity, withActions = false): VoiceAgentDto {
  const dto = { id: agent.id, locationId: agent.locationId, ...fieldsOf(agent) } as VoiceAgentDto;
  return withActions ? { ...dto, actions: [] } : dto;
}

/** Voice AI agents (seed 002). The location is always the token's. */
@Injectable()
export class VoiceAgentsService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async create(locationId: string, dto: CreateVoiceAgentDto): Promise<VoiceAgentDto> {
    this.sameLocation(locationId, dto.locationId);
    const { locationId: _ignored, ...requested } = dto;
    return this.store.run(async (r) => {
      const location = await r.locations.findById(locationId);
      if (!location) throw notFound('Location', locationId);
      const fields = { ...voiceDefaults(location, requested), ...stripUndefined(requested) };
      throwIfProblems(translationProblems(fields));
      const now = this.clock.now();
      const agent = Object.assign(new VoiceAgentEntity(), fields, { id: newId(), locationId, createdAt: now, updatedAt: now });
      await r.voiceAgents.insert(agent);
      return toDto(agent);
    });
  }

  async list(locationId: string, q: ListVoiceAgentsQuery): Promise<VoiceAgentListDto> {
    this.sameLocation(locationId, q.locationId);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 10;
    const { total, items } = await this.store.run((r) => r.voiceAgents.page(locationId, page, pageSize, q.query));
    return { total, page, pageSize, agents: items.map((a) => toDto(a, true)) };
  }

  async get(locationId: string, id: string, queryLocationId?: string): Promise<VoiceAgentDto> {
    this.sameLocation(locationId, queryLocationId);
    return this.store.run(async (r) => toDto(await this.find(r, locationId, id), true));
  }

  /** Partial update; the translation rules are checked on the agent that results. */
  async patch(locationId: string, id: string, dto: PatchVoiceAgentDto, queryLocationId?: string): Promise<VoiceAgentDto> {
    this.sameLocation(locationId, queryLocationId);
    return this.store.transaction(async (r) => {
      const agent = await this.find(r, locationId, id);
      // The patch itself was validated field by field; what spans fields is checked on the result.
      const merged = { ...fieldsOf(agent), ...stripUndefined(dto) };
      throwIfProblems(translationProblems(merged));
      Object.assign(agent, merged, { updatedAt: this.clock.now() });
      await r.voiceAgents.save(agent);
      return toDto(agent);
    });
  }

  async delete(locationId: string, id: string, queryLocationId?: string): Promise<void> {
    this.sameLocation(locationId, queryLocationId);
    const deleted = await this.store.run((r) => r.voiceAgents.delete(locationId, id));
    if (!deleted) throw notFound('Agent', id);
  }

  /** A `locationId` that names another location than the token's is refused. */
  private sameLocation(tokenLocation: string, requested: string | undefined): void {
    if (requested !== undefined && requested !== tokenLocation) {
      throw new ForbiddenException(`locationId ${requested} is not the location of this token`);
    }
  }

  private async find(r: Repositories, locationId: string, id: string): Promise<VoiceAgentEntity> {
    const agent = await r.voiceAgents.findById(locationId, id);
    if (!agent) throw notFound('Agent', id);
    return agent;
  }
}
