import type { CallEvent } from '@followup/contracts';
import { FollowupEntity, Repositories } from '@followup/persistence';
import { blankRecord } from './followup-records.service';

/** The contact and conversation a call record belongs to. */
export interface CallLinks {
  contactId: string | null;
  conversationId: string | null;
  /**
   * Found from the message the call was sent as: certain, where a guess by the contact's number is
   * not (the provider's first callback may beat the gateway's own record of its send).
   */
  certain?: boolean;
}

/**
 * Records what a call event says on the call's seed 004 record (`call_id` = the provider's call
 * id), inside the caller's unit of work. The record is, in order: the one already holding this
 * call; the engine's `call` step the call was sent for, while it holds no other call (its delivery
 * attempts are the call's); else a new `call` record, linked to the step's contact and conversation
 * (`is_retry` when the step's own record holds an earlier call) or to the ones `links` finds.
 * Later events complete the record: outcome, duration, recording, why it ended.
 */
export async function recordCall(
  r: Repositories,
  locationId: string,
  event: CallEvent,
  now: Date,
  links: () => Promise<CallLinks>,
): Promise<FollowupEntity> {
  const callId = event.providerMessageId;
  let found: Promise<CallLinks> | undefined;
  const linked = () => (found ??= links());
  let record = await r.followups.findByCallId(locationId, callId);
  let isNew = false;
  if (!record) {
    const step = await r.queue.findByProviderId(locationId, callId);
    const attempts = step ? (await r.attempts.listForFollowups([step.id])).filter((a) => a.providerMessageId !== callId) : [];
    if (step && step.type === 'call' && step.callId === null) {
      record = Object.assign(step, { isRetry: attempts.length > 0 });
    } else {
      const owner = step ? { contactId: step.contactId, conversationId: step.conversationId } : await linked();
      record = Object.assign(blankRecord(locationId, now), { contactId: owner.contactId, conversationId: owner.conversationId });
      Object.assign(record, { type: 'call', status: 'in_progress', isRetry: Boolean(step) });
      isNew = true;
    }
    record.callId = callId;
    record.callDate = event.startedAt ?? now;
  }
  if (!record.actionId) {
    // A caller's call seen before their message made them a contact (the voicemail after the greeting),
    // or a sent call reported before the gateway recorded its message: what is certain now wins.
    const owner = await linked();
    if (owner.certain) Object.assign(record, { contactId: owner.contactId, conversationId: owner.conversationId });
    record.contactId ??= owner.contactId;
    record.conversationId ??= owner.conversationId;
  }
  applyCall(record, event, now);
  if (isNew) await r.followups.insert(record);
  else await r.followups.save(record);
  return record;
}

/** The event's facts on the record (what it does not say stays as it was). */
function applyCall(record: FollowupEntity, event: CallEvent, now: Date): void {
  if (event.recordType && !record.actionId) record.type = event.recordType;
  if (event.direction) record.direction = event.direction;
  if (event.phoneNumberUsed) record.phoneNumberUsed ??= event.phoneNumberUsed;
  if (event.outcome) {
    record.status = event.outcome;
    record.processedAt = now;
  }
  if (event.durationMs !== undefined) record.durationMs = event.durationMs;
  if (event.recordingUrl) record.audioUrl = event.recordingUrl;
  if (event.disconnectionReason) record.disconnectionReason = event.disconnectionReason;
  if (event.errorCode) record.errorCode = event.errorCode;
  record.updatedAt = now;
}
