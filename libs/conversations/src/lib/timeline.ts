import { TimelineDto, TimelineItemDto } from '@followup/contracts';
import type { ConversationEntity, FollowupEntity, Repositories } from '@followup/persistence';
import { scenarioConfig } from '@followup/scheduler';
import { localIso, planFollowing } from '@followup/timing';
import { toConversationDto, toMessageDto, toTimelineFollowup } from './mappers';

/**
 * A conversation's timeline: its messages both ways and its follow-ups (with their delivery
 * attempts), in order, and the steps not stored yet as `planned`.
 */
export async function timelineOf(r: Repositories, conversation: ConversationEntity): Promise<TimelineDto> {
  const { id, locationId } = conversation;
  // Scoped to the conversation's location: a row of another location that names this id is not shown.
  const messages = (await r.messages.listByConversation(id)).filter((m) => m.locationId === locationId);
  const followups = await r.queue.listByConversation(id, locationId);
  const attempts = await r.attempts.listForFollowups(followups.map((f) => f.id));
  const items: TimelineItemDto[] = [
    ...messages.map((m): TimelineItemDto => ({ kind: 'message', at: m.occurredAt.toISOString(), message: toMessageDto(m) })),
    ...followups.map(
      (f): TimelineItemDto => ({
        kind: 'followup',
        at: (f.sentAt ?? f.scheduledAt ?? f.createdAt).toISOString(),
        followup: toTimelineFollowup(
          f,
          attempts.filter((a) => a.followupId === f.id),
        ),
      }),
    ),
    ...(await planned(r, followups)),
  ];
  items.sort((a, b) => a.at.localeCompare(b.at) || (a.kind === b.kind ? 0 : a.kind === 'message' ? -1 : 1));
  return { conversation: toConversationDto(conversation), items };
}

/**
 * The steps after each scheduled follow-up, as they will be scheduled if every step goes out on
 * time (a step is stored when the previous one is sent): every planned follow-up is visible.
 */
async function planned(r: Repositories, followups: FollowupEntity[]): Promise<TimelineItemDto[]> {
  const pending = followups.filter((f) => f.status === 'scheduled' && f.actionId && f.scheduledAt);
  const actions = new Map((await r.agentActions.findByIds([...new Set(pending.map((f) => f.actionId as string))])).map((a) => [a.id, a]));
  return pending.flatMap((f) => {
    const action = actions.get(f.actionId as string);
    if (!action) return [];
    const config = scenarioConfig(action);
    const zone = f.timezone ?? 'UTC';
    return planFollowing(config.steps, f.step ?? 1, f.scheduledAt as Date, config.settings, zone).map(
      (p): TimelineItemDto => ({
        kind: 'followup',
        at: p.dueAt.toISOString(),
        followup: {
          id: null,
          scenario: f.scenario,
          step: p.step,
          status: 'planned',
          due_at: p.dueAt.toISOString(),
          local_due_at: localIso(p.dueAt, zone),
          timezone: zone,
          original_due_at: p.moved ? p.originalDueAt.toISOString() : null,
          moved_by_working_hours: p.moved,
          channel: f.channel,
          reason: `planned: scheduled when step ${p.step - 1} is sent, due its delay after it`,
          reason_code: null,
          sent_at: null,
          body: null,
          attempts: [],
        },
      }),
    );
  });
}
