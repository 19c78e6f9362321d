/** Backoff between workflow delivery attempts: 5 s, 10 s, 20 s ... at most 1 h. */
export function deliveryBackoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(attempts - 1, 0), 3_600_000);
}

/** Backoff before a follow-up send of unknown outcome is tried again on a deduplicating channel: 30 s, 60 s, 120 s. */
export function sendRetryBackoffMs(attempt: number): number {
  return 30_000 * 2 ** Math.max(attempt - 1, 0);
}

/** Tries of a send of unknown outcome before it is given up (only on channels that deduplicate). */
export const MAX_SEND_TRIES = 3;
