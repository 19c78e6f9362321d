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
}

export const DISPATCHER_OPTIONS = Symbol('DISPATCHER_OPTIONS');
