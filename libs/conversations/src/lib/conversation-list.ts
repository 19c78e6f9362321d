import { ConversationSummaryDto, ListConversationsQuery, NextFollowupDto } from '@followup/contracts';
import type { ConversationEntity, FollowupEntity, Repositories } from '@followup/persistence';
import { localIso } from '@followup/timing';
import { toConversationDto } from './mappers';

/** The filter of `GET /conversations` as the repository takes it. */
export function conversationFilter(q: ListConversationsQuery) {
  return {
    contactId: q.contact_id,
    agentId: q.agent_id,
    channel: q.channel,
    botStatus: q.bot_status,
    hasPending: q.has_pending === undefined ? undefined : q.has_pending === 'true',
    search: q.q,
  };
}

function toNextFollowup(f: FollowupEntity): NextFollowupDto {
  const zone = f.timezone ?? 'UTC';
  return {
    id: f.id,
    scenario: f.scenario,
    step: f.step,
    status: f.status,
    channel: f.channel,
    due_at: f.scheduledAt?.toISOString() ?? null,
    local_due_at: f.scheduledAt ? localIso(f.scheduledAt, zone) : null,
    timezone: f.timezone,
    reason: f.statusReason,
    reason_code: f.reasonCode ?? null,
  };
}

/** The earliest due of a conversation's open follow-ups (a held one without a time comes last). */
function earliest(rows: FollowupEntity[]): FollowupEntity | undefined {
  const due = (f: FollowupEntity) => f.scheduledAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  return [...rows].sort((a, b) => due(a) - due(b))[0];
}

/**
 * A page of conversations as the list shows them: three reads for the whole page (contacts, latest
 * messages, open follow-ups), whatever its size, never one per conversation.
 */
export async function summarise(r: Repositories, locationId: string, page: ConversationEntity[]): Promise<ConversationSummaryDto[]> {
  const ids = page.map((c) => c.id);
  const contacts = new Map(
    (await r.contacts.findByIds([...new Set(page.map((c) => c.contactId))]))
      .filter((c) => c.locationId === locationId)
      .map((c) => [c.id, c]),
  );
  const latest = new Map((await r.messages.latestByConversations(locationId, ids)).map((m) => [m.conversationId, m]));
  const open = new Map<string, FollowupEntity[]>();
  for (const f of await r.followups.openByConversations(locationId, ids)) {
    const list = open.get(f.conversationId as string) ?? [];
    list.push(f);
    open.set(f.conversationId as string, list);
  }
  return page.map((c) => {
    const contact = contacts.get(c.contactId);
    const message = latest.get(c.id);
    const next = earliest(open.get(c.id) ?? []);
    return {
      ...toConversationDto(c),
      contact: contact
        ? { id: contact.id, name: contact.name, phone: contact.phone, email: contact.email, timezone: contact.timezone }
        : null,
      last_message: message
        ? { direction: message.direction, body: message.body, channel: message.channel, occurred_at: message.occurredAt.toISOString() }
        : null,
      next_followup: next ? toNextFollowup(next) : null,
    };
  });
}
