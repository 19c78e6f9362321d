import type { ChannelType } from '@followup/channels-core';

/** The facts of a delivery attempt failover reads (a followup_attempts row). */
export interface AttemptFacts {
  channel: string;
  status: string;
  reasonCode: string | null;
}

/**
 * Reason codes of a failed attempt that mean "the same channel again", not "this channel failed":
 * the provider asked to slow down, the session took only a template (it goes again as one), a
 * retry of a send of unknown outcome on a channel that deduplicates.
 */
const SAME_CHANNEL_AGAIN = new Set(['rate_limited', 'session_closed', 'retrying']);

/**
 * A send of unknown outcome the step waited on for a status (`awaiting_status`): the step is due
 * again only once FAILOVER_NO_STATUS_MS has passed without one, and then the attempt counts as
 * failed (the dispatcher records it so, `no_status`).
 */
export function awaitedWithoutStatus(attempt: AttemptFacts): boolean {
  return attempt.status === 'unknown' && attempt.reasonCode === 'awaiting_status';
}

/**
 * The channels a step already failed on for good (an attempt `failed` or `undelivered`, at send
 * time or in a status afterwards, or of unknown outcome with no status in the wait): failover never
 * tries them again for that step. The one rule of what counts as a failed channel; the router reads
 * it as `RouteInput.failedChannels`.
 */
export function failedChannels(attempts: readonly AttemptFacts[]): ChannelType[] {
  const failed = attempts.filter(
    (a) =>
      ((a.status === 'failed' || a.status === 'undelivered') && !SAME_CHANNEL_AGAIN.has(a.reasonCode ?? '')) || awaitedWithoutStatus(a),
  );
  return [...new Set(failed.map((a) => a.channel as ChannelType))];
}
