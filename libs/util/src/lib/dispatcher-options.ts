/** How a process runs its dispatch loops (from the gateway configuration). */
export interface DispatcherOptions {
  /** Run the loop in this process. */
  enabled: boolean;
  /** This process's name on the leases it takes. */
  owner: string;
  /** Rows claimed per query. */
  batchSize: number;
  /** Sends in flight at once. */
  concurrency: number;
  /** How long a claim is held; a process that dies loses its rows after this. */
  leaseMs: number;
  /** Longest sleep when nothing is due (other replicas' new rows are seen at least this often). */
  idleMaxMs: number;
  /**
   * Failover of a send whose outcome is unknown (a timeout, a 5xx on a channel that does not
   * deduplicate): how long to wait for a status before counting it as failed (FAILOVER_NO_STATUS_MS).
   * Absent: 15 minutes on every channel.
   */
  noStatusWait?: NoStatusWait;
}

/** The wait without a status before an unknown outcome counts as failed: one default, per-channel overrides. */
export interface NoStatusWait {
  defaultMs: number;
  byChannel: Readonly<Record<string, number>>;
}

export const DEFAULT_NO_STATUS_WAIT: NoStatusWait = { defaultMs: 15 * 60_000, byChannel: {} };

/** The wait for one channel. */
export function noStatusWaitMs(wait: NoStatusWait | undefined, channel: string): number {
  const w = wait ?? DEFAULT_NO_STATUS_WAIT;
  return w.byChannel[channel] ?? w.defaultMs;
}

export const DISPATCHER_OPTIONS = Symbol('DISPATCHER_OPTIONS');
