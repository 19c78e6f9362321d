import { CHANNEL_TYPES, ContactDto, ConversationDto, MessageDto, TimelineFollowupDto } from '@followup/contracts';
import { toAttemptDto } from '@followup/followups';
import type { ContactEntity, ConversationEntity, FollowupAttemptEntity, FollowupEntity, MessageEntity } from '@followup/persistence';
import { localIso } from '@followup/timing';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function toContactDto(c: ContactEntity): ContactDto {
  return {
    id: c.id,
    name: c.name,
    first_name: c.firstName,
    phone: c.phone,
    email: c.email,
    whatsapp: c.whatsapp,
    timezone: c.timezone,
    opted_out: Object.fromEntries(CHANNEL_TYPES.map((channel) => [channel, c.optedOut.includes(channel)])),
    undeliverable: c.undeliverable ?? [],
    tags: c.tags ?? [],
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

export function toConversationDto(c: ConversationEntity): ConversationDto {
  return {
    id: c.id,
    contact_id: c.contactId,
    agent_id: c.agentId,
    channel: c.channel,
    connection_id: c.connectionId,
    bot_status: c.botStatus,
    bot_sleep_until: iso(c.botSleepUntil),
    assigned_user_id: c.assignedUserId,
    status_id: c.statusId,
    last_inbound_at: iso(c.lastInboundAt),
    last_outbound_at: iso(c.lastOutboundAt),
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

export function toMessageDto(m: MessageEntity): MessageDto {
  return {
    id: m.id,
    conversation_id: m.conversationId,
    direction: m.direction,
    channel: m.channel,
    body: m.body,
    provider_message_id: m.providerMessageId,
    intent: m.intent,
    intent_source: m.intentSource,
    requested_at: iso(m.requestedAt),
    occurred_at: m.occurredAt.toISOString(),
    connection_id: m.connectionId,
    status: m.status,
    status_reason: m.statusReason,
    error_code: m.errorCode,
    subject: m.subject,
    ...(m.followupNote ? { followup_note: m.followupNote } : {}),
  };
}

export function toTimelineFollowup(f: FollowupEntity, attempts: FollowupAttemptEntity[] = []): TimelineFollowupDto {
  const zone = f.timezone ?? 'UTC';
  return {
    id: f.id,
    scenario: f.scenario,
    step: f.step,
    agent_id: f.agentId,
    status: f.status,
    due_at: iso(f.scheduledAt),
    local_due_at: f.scheduledAt ? localIso(f.scheduledAt, zone) : null,
    timezone: f.timezone,
    original_due_at: f.movedByWorkingHours ? iso(f.originalDueAt) : null,
    moved_by_working_hours: f.movedByWorkingHours,
    channel: f.channel,
    reason: f.statusReason,
    reason_code: f.reasonCode ?? null,
    sent_at: iso(f.sentAt),
    body: f.body,
    attempts: attempts.map(toAttemptDto),
  };
}
