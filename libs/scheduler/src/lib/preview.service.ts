import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { AdvancedFollowupDetailsDto, PreviewFollowupsDto, PreviewResponseDto, parseActionDetails } from '@followup/contracts';
import { Store } from '@followup/persistence';
import { notFound } from '@followup/util';
import { localIso, planSequence, resolveZone } from '@followup/timing';

/** `POST /followups/preview`: the planned steps of an advancedFollowup action; nothing is stored. */
@Injectable()
export class PreviewService {
  constructor(private readonly store: Store) {}

  async preview(locationId: string, body: PreviewFollowupsDto): Promise<PreviewResponseDto> {
    let details: AdvancedFollowupDetailsDto;
    let businessZone = body.business_timezone ?? null;
    if (body.action_id) {
      const action = await this.store.run((r) => r.agentActions.findByIds([body.action_id as string]));
      const found = action.find((a) => a.locationId === locationId);
      if (!found) throw notFound('Action', body.action_id);
      if (found.type !== 'advancedFollowup')
        throw new UnprocessableEntityException([`action_id names a ${found.type} action; only advancedFollowup actions have follow-ups`]);
      details = found.details as unknown as AdvancedFollowupDetailsDto;
      const agent = await this.store.run((r) => r.conversationAgents.findById(locationId, found.agentId));
      businessZone ??= agent?.timezone ?? null;
    } else {
      const parsed = parseActionDetails('advancedFollowup', body.action);
      if (parsed.errors.length)
        throw new UnprocessableEntityException(parsed.errors.map((e) => e.replace(/^details/, 'action').replace(/ details\./, ' action.')));
      details = parsed.details as unknown as AdvancedFollowupDetailsDto;
    }
    if (details.scenarioId === 'contactRequested' && !body.requested_at) {
      throw new UnprocessableEntityException(['requested_at is required to preview a contactRequested scenario']);
    }
    const settings = body.settings ?? details.followupSettings;
    const zone = resolveZone(settings, body.contact_timezone, businessZone);
    const steps = planSequence(
      details.scenarioId,
      details.followupSequence,
      settings,
      zone,
      new Date(body.start_at),
      body.requested_at ? new Date(body.requested_at) : null,
    );
    return {
      steps: steps.map((s) => ({
        step: s.step,
        due_at: s.dueAt.toISOString(),
        local_due_at: localIso(s.dueAt, s.zone),
        timezone: s.zone,
        moved_by_working_hours: s.moved,
      })),
    };
  }
}
