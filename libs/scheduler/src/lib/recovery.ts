import { ChannelRegistry, ChannelType } from '@followup/channels-core';
import { reason } from '@followup/contracts';
import type {
  AttemptOutcome,
  ChannelConnectionEntity,
  FollowupAttemptEntity,
  FollowupEntity,
  FollowupOutcome,
} from '@followup/persistence';

export interface Recovery {
  outcome: FollowupOutcome;
  attempt?: AttemptOutcome;
}

/**
 * What becomes of a row whose process died holding it. Never marked as sending: back to the queue.
 * Marked: its open attempt names the connection it was going out on; resent with the same
 * idempotency key when that channel deduplicates on it, else failed as unknown rather than risk a
 * second message. (Rows from before attempts existed fall back to the location's connection of the
 * row's channel.)
 */
export function recover(
  row: FollowupEntity,
  open: FollowupAttemptEntity | undefined,
  connections: ChannelConnectionEntity[],
  registry: ChannelRegistry,
  now: Date,
): Recovery {
  if (!row.sendStartedAt) {
    const why = reason('requeued', 'its process stopped before sending');
    return { outcome: { id: row.id, status: 'scheduled', statusReason: why.text, reasonCode: why.code, scheduledAt: now } };
  }
  const connection = open
    ? connections.find((c) => c.id === open.connectionId)
    : connections.find((c) => c.locationId === row.locationId && c.type === row.channel);
  const channel = (open?.channel ?? row.channel) as ChannelType;
  const adapter = connection ? registry.adapter(connection.provider, channel) : undefined;
  const closeAttempt = (code: 'resending' | 'outcome_unknown', text: string): AttemptOutcome | undefined =>
    open ? { id: open.id, status: 'unknown', errorCode: 'outcome_unknown', reasonCode: code, reason: text } : undefined;
  if (adapter?.capabilities.idempotentSend) {
    const text = 'resending with the same idempotency key: its process stopped while sending';
    return {
      outcome: { id: row.id, status: 'scheduled', statusReason: text, reasonCode: 'resending', scheduledAt: now },
      attempt: closeAttempt('resending', text),
    };
  }
  const why = reason('outcome_unknown', 'its process stopped while sending; not resent, to never send twice');
  return {
    outcome: { id: row.id, status: 'failed', statusReason: why.text, reasonCode: why.code, errorCode: 'outcome_unknown' },
    attempt: closeAttempt('outcome_unknown', why.text),
  };
}
