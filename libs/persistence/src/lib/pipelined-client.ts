import { Client, ClientConfig } from 'pg';
import type { Writable } from 'node:stream';

/**
 * The PostgreSQL store's connections (data-source.ts gives it to the pool). node-postgres in
 * pipeline mode writes a query as soon as it is given one, without waiting for the answers to the
 * queries before it; each query keeps its own result, error and Sync. A group's interleaved units
 * (group-commit.ts) thus send the statements they issue together in one round trip.
 *
 * On top of that, the queries given in one turn of the event loop are written to the socket
 * together: the socket is corked at the first and uncorked once the turn's callbacks and promise
 * reactions have run (process.nextTick), so ten statements cost one write system call, not ten
 * (each a wake-up of the server's process on a machine with few cores).
 */
export class PipelinedClient extends Client {
  private holding = false;

  constructor(config?: string | ClientConfig) {
    super(typeof config === 'string' ? { connectionString: config, pipeline: true } : { ...config, pipeline: true });
  }

  /** Holds the socket's writes until the end of this turn (see the class comment). */
  holdWritesForTurn(): void {
    if (this.holding) return;
    const stream = (this as unknown as { connection?: { stream?: Writable } }).connection?.stream;
    if (!stream || typeof stream.cork !== 'function') return;
    this.holding = true;
    stream.cork();
    process.nextTick(() => {
      this.holding = false;
      stream.uncork();
    });
  }
}

// pg's query has many overloads; the override forwards whatever it is given, unchanged.
const query = Client.prototype.query as (this: Client, ...args: unknown[]) => unknown;
(PipelinedClient.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
  this: PipelinedClient,
  ...args: unknown[]
) {
  this.holdWritesForTurn();
  return query.apply(this, args);
};
