import { OutboundTemplate, SendError } from '@followup/channels-core';
import { Reason, reason } from '@followup/contracts';
import type { AttemptOutcome, ContactEntity, ConversationEntity, FollowupEntity, FollowupOutcome } from '@followup/persistence';
import { ChannelChoice, OutboundSender } from '@followup/routing';
import { MAX_SEND_TRIES, sendRetryBackoffMs } from '@followup/timing';

/** A row the guards let through: where it goes and what it says. */
export interface SendDecision {
  kind: 'send';
  choice: ChannelChoice;
  text: string;
  contact: ContactEntity;
  conversation: ConversationEntity;
  /** The delivery attempt written before the provider is called. */
  attemptId: string;
  /** The AI composer failed and the step's customMessage went instead: why. */
  fallback?: Reason;
  /** The message goes as this template (the channel's session takes only templates); `text` is its rendering. */
  template?: OutboundTemplate;
  /** Dynamic channel switching is on: a channel that fails for good hands the step to the next one (failover). */
  failover?: boolean;
}

/** A step that fails over (after a failure) or waits to (after a send of unknown outcome): its reason codes. */
export const FAILING_OVER = new Set(['failed_over', 'awaiting_status']);

export type Thread = { subject: string | null; providerMessageIds: string[] };

/** A send the provider refused because of the contact's address (opted out at the carrier, invalid). */
export interface AddressRefusal {
  contact: ContactEntity;
  address: NonNullable<SendError['address']>;
  code: string;
}

/** What one send produced: the follow-up's outcome, its attempt's, and any word on the address. */
export interface SendResultRecord {
  outcome: FollowupOutcome;
  attempt: AttemptOutcome;
  refusal?: AddressRefusal;
  /** The provider said the conversation's session window had closed (WhatsApp 131047). */
  sessionClosed?: { locationId: string; conversationId: string };
}

/** Why a step failing over left its channel, for the sentence of the send that follows. */
function failedBecause(row: FollowupEntity): string {
  if (row.reasonCode === 'awaiting_status')
    return `${row.channel ?? 'its channel'} gave no status after a send of unknown outcome (${row.errorCode ?? 'no code'})`;
  return row.statusReason ?? 'its channel failed';
}

/** A wait in words: seconds under a minute, else minutes. */
export function waitText(ms: number): string {
  return ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;
}

const text = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Sends one decided step through the one path to an adapter (OutboundSender.deliver) and says what
 * became of it. A send of unknown outcome is tried again only on a channel that deduplicates on the
 * idempotency key (so a retry can never make a second message); otherwise it fails as unknown.
 */
export async function sendStep(
  sender: OutboundSender,
  row: FollowupEntity,
  decision: SendDecision,
  thread: Thread | undefined,
  now: () => Date,
  noStatusWaitMs = 15 * 60_000,
): Promise<SendResultRecord> {
  const { choice, contact, conversation, attemptId } = decision;
  const base = { id: row.id, channel: choice.channel, body: decision.text };
  const failed = (why: Reason, errorCode: string, status: string): SendResultRecord => ({
    outcome: { ...base, status: 'failed', statusReason: why.text, reasonCode: why.code, errorCode },
    attempt: { id: attemptId, status, errorCode, reasonCode: why.code, reason: why.text },
  });
  const failingOver = FAILING_OVER.has(row.reasonCode ?? '');
  let context: ReturnType<OutboundSender['context']>;
  try {
    context = sender.context(conversation, contact, choice.connection, choice.channel, thread);
  } catch (error) {
    // The provider was never called: a definite failure.
    return failed(reason('send_failed', text(error)), 'send_context', 'failed');
  }
  try {
    const result = await sender.deliver(
      choice.adapter,
      choice.connection,
      {
        to: { name: contact.name, phone: contact.phone, email: contact.email, whatsapp: contact.whatsapp },
        body: decision.text,
        ...(decision.template ? { template: decision.template } : {}),
      },
      // Each channel a step fails over to is a new send: its own key, so a deduplicating channel does not drop it.
      {
        ...context,
        idempotencyKey: failingOver ? `fu_${row.id}_${choice.channel}` : `fu_${row.id}`,
        metadata: { followup_id: row.id, scenario: row.scenario, step: row.step },
      },
    );
    // A step failing over keeps saying so once it went out another way; else a switch says it switched.
    const paced = row.reasonCode === 'paced' ? { code: 'paced' as const, text: row.statusReason ?? 'paced' } : null;
    const switched = failingOver ? reason('failed_over', null) : choice.switched ? reason('channel_switched', null) : paced;
    const fallback = decision.fallback ? `sent the step's customMessage (${decision.fallback.text})` : null;
    const why = choice.passedOver ? ` (${choice.passedOver})` : '';
    const said = [
      failingOver ? `failed over to ${choice.channel}: ${failedBecause(row)}` : null,
      !failingOver && choice.switched
        ? `switched from ${conversation.channel} to ${choice.channel}${choice.rankedBecause ? `: ${choice.rankedBecause}` : ''}${why}`
        : null,
      fallback,
      paced && !failingOver && !choice.switched ? paced.text : null,
    ].filter(Boolean);
    const statusReason = said.length ? said.join('; ') : null;
    const providerMessageId = result.providerMessageId;
    return {
      outcome: {
        ...base,
        status: 'sent',
        statusReason,
        reasonCode: switched?.code ?? decision.fallback?.code ?? null,
        providerMessageId,
        sentAt: now(),
        errorCode: null,
      },
      attempt: {
        id: attemptId,
        status: result.status === 'queued' ? 'queued' : 'sent',
        providerMessageId,
        reasonCode: switched?.code ?? decision.fallback?.code ?? null,
        reason: statusReason,
      },
    };
  } catch (error) {
    const e = error instanceof SendError ? error : new SendError(String(error), 'send_error', false);
    const refusal = e.address ? { contact, address: e.address, code: e.code } : undefined;
    const wait = e.definite ? e.hints.retryAfterMs : undefined;
    if (wait !== undefined && row.attempt < MAX_SEND_TRIES) {
      // The provider asked to slow down and took nothing: the same step goes again after the time it named.
      const why = reason('rate_limited', `${e.code}: ${e.message}`);
      return {
        outcome: {
          ...base,
          status: 'scheduled',
          statusReason: why.text,
          reasonCode: why.code,
          errorCode: e.code,
          scheduledAt: new Date(now().getTime() + wait),
        },
        attempt: { id: attemptId, status: 'failed', errorCode: e.code, reasonCode: why.code, reason: why.text },
      };
    }
    if (e.hints.sessionClosed) {
      // The provider counts the window as closed (WhatsApp 131047) and took nothing: the conversation
      // is closed from now on, and the step goes again at once, where it goes as a template if it can.
      const why = reason('session_closed', `${e.code}: ${e.message}`);
      const again = row.attempt < MAX_SEND_TRIES;
      return {
        ...(again
          ? {
              outcome: {
                ...base,
                status: 'scheduled',
                statusReason: why.text,
                reasonCode: why.code,
                errorCode: e.code,
                scheduledAt: now(),
              },
              attempt: { id: attemptId, status: 'failed', errorCode: e.code, reasonCode: why.code, reason: why.text },
            }
          : failed(why, e.code, 'failed')),
        sessionClosed: { locationId: conversation.locationId, conversationId: conversation.id },
      };
    }
    if (!e.definite && choice.adapter.capabilities.idempotentSend && row.attempt < MAX_SEND_TRIES) {
      const why = reason('retrying', null);
      const statusReason = `retrying after ${e.code}: ${e.message}`;
      return {
        outcome: {
          ...base,
          status: 'scheduled',
          statusReason,
          reasonCode: why.code,
          errorCode: e.code,
          scheduledAt: new Date(now().getTime() + sendRetryBackoffMs(row.attempt)),
        },
        attempt: { id: attemptId, status: 'unknown', errorCode: e.code, reasonCode: why.code, reason: statusReason },
        refusal,
      };
    }
    if (e.definite && decision.failover) {
      // Failover: the channel refused it for good; the next tick routes the step past every channel it failed on.
      const tried = reason('send_failed', e.message);
      const why = reason('failed_over', `${choice.channel} refused it (${e.code}: ${e.message}); trying the next usable channel`);
      return {
        outcome: { ...base, status: 'scheduled', statusReason: why.text, reasonCode: why.code, errorCode: e.code, scheduledAt: now() },
        attempt: { id: attemptId, status: 'failed', errorCode: e.code, reasonCode: tried.code, reason: tried.text },
        refusal,
      };
    }
    if (!e.definite && decision.failover) {
      // Not failed over blindly: the step waits for a status; none by then counts as failed (dispatcher: expireUnknown).
      const until = new Date(now().getTime() + noStatusWaitMs);
      const unknown = `${choice.channel}: outcome unknown (${e.code}: ${e.message})`;
      const why = reason(
        'awaiting_status',
        `${unknown}; no status by ${until.toISOString()} counts as failed, then the next usable channel is tried`,
      );
      return {
        outcome: { ...base, status: 'scheduled', statusReason: why.text, reasonCode: why.code, errorCode: e.code, scheduledAt: until },
        attempt: { id: attemptId, status: 'unknown', errorCode: e.code, reasonCode: why.code, reason: `outcome_unknown: ${unknown}` },
        refusal,
      };
    }
    const why = e.definite
      ? reason('send_failed', e.message)
      : reason('outcome_unknown', `${e.message} (not retried, to never send twice)`);
    return { ...failed(why, e.code, e.definite ? 'failed' : 'unknown'), refusal };
  }
}
