import { ConflictException, Injectable } from '@nestjs/common';
import {
  CreateFollowupConfigDto,
  DEFAULT_TEMPLATE_LANGUAGE,
  FollowupConfigDto,
  UpdateFollowupConfigDto,
  hasAnyStep,
} from '@followup/contracts';
import { FollowupConfigEntity, Store, conflictOnDuplicate } from '@followup/persistence';
import { Clock, newId, notFound, throwIfProblems } from '@followup/util';

type StepDoc = Record<string, unknown>;

/** Plain JSON of validated steps, with `template_language` defaulted where a template is named. */
function stepDocs(steps: object[] | undefined): StepDoc[] {
  return (JSON.parse(JSON.stringify(steps ?? [])) as StepDoc[]).map((step) =>
    step['template_name'] !== undefined && step['template_language'] === undefined
      ? { ...step, template_language: DEFAULT_TEMPLATE_LANGUAGE }
      : step,
  );
}

function officialDocs(channels: { steps: object[] }[] | undefined): StepDoc[] {
  return (channels ?? []).map((c) => ({ ...(JSON.parse(JSON.stringify(c)) as StepDoc), steps: stepDocs(c.steps) }));
}

function toDto(c: FollowupConfigEntity): FollowupConfigDto {
  return {
    id: c.id,
    tenant_id: c.locationId,
    assistant_id: c.assistantId,
    trigger_status_ids: c.triggerStatusIds,
    steps: c.steps as unknown as FollowupConfigDto['steps'],
    official_steps: c.officialSteps as unknown as FollowupConfigDto['official_steps'],
    is_active: c.isActive,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

const oneConfigPerAssistant = (assistantId: string) =>
  new ConflictException(`assistant ${assistantId} already has a follow-up configuration`);

/**
 * Follow-up configurations (seed 003). Deleting one does not cancel follow-ups it already
 * scheduled; they run to completion.
 */
@Injectable()
export class FollowupConfigsService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async create(locationId: string, dto: CreateFollowupConfigDto): Promise<FollowupConfigDto> {
    const now = this.clock.now();
    const config = Object.assign(new FollowupConfigEntity(), {
      id: newId(),
      locationId,
      assistantId: dto.assistant_id,
      triggerStatusIds: dto.trigger_status_ids,
      steps: stepDocs(dto.steps),
      officialSteps: officialDocs(dto.official_steps),
      isActive: dto.is_active ?? true,
      createdAt: now,
      updatedAt: now,
    });
    await this.store.transaction(async (r) => {
      if (await r.followupConfigs.findByAssistant(locationId, dto.assistant_id)) throw oneConfigPerAssistant(dto.assistant_id);
      await conflictOnDuplicate(oneConfigPerAssistant(dto.assistant_id).message, () => r.followupConfigs.insert(config));
    });
    return toDto(config);
  }

  async get(locationId: string, id: string): Promise<FollowupConfigDto> {
    const config = await this.store.run((r) => r.followupConfigs.findById(locationId, id));
    if (!config) throw notFound('Follow-up configuration', id);
    return toDto(config);
  }

  async getByAssistant(locationId: string, assistantId: string): Promise<FollowupConfigDto> {
    const config = await this.store.run((r) => r.followupConfigs.findByAssistant(locationId, assistantId));
    if (!config) throw notFound('Follow-up configuration of assistant', assistantId);
    return toDto(config);
  }

  /** Only the token's own tenant can be listed; any other is "not found". */
  async listByTenant(locationId: string, tenantId: string): Promise<FollowupConfigDto[]> {
    if (tenantId !== locationId) throw notFound('Tenant', tenantId);
    return (await this.store.run((r) => r.followupConfigs.listByLocation(locationId))).map(toDto);
  }

  async update(locationId: string, id: string, dto: UpdateFollowupConfigDto): Promise<FollowupConfigDto> {
    return this.store.transaction(async (r) => {
      const config = await r.followupConfigs.findById(locationId, id);
      if (!config) throw notFound('Follow-up configuration', id);
      const steps = dto.steps !== undefined ? stepDocs(dto.steps) : config.steps;
      const officialSteps = dto.official_steps !== undefined ? officialDocs(dto.official_steps) : config.officialSteps;
      throwIfProblems(
        hasAnyStep({ steps, official_steps: officialSteps })
          ? []
          : ['steps: the configuration would have no step left (at least one step in steps or official_steps)'],
      );
      Object.assign(config, {
        triggerStatusIds: dto.trigger_status_ids ?? config.triggerStatusIds,
        steps,
        officialSteps,
        isActive: dto.is_active ?? config.isActive,
        updatedAt: this.clock.now(),
      });
      await r.followupConfigs.save(config);
      return toDto(config);
    });
  }

  async delete(locationId: string, id: string): Promise<void> {
    const deleted = await this.store.run((r) => r.followupConfigs.delete(locationId, id));
    if (!deleted) throw notFound('Follow-up configuration', id);
  }
}
