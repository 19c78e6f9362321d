import { Mutex } from '@followup/util';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** SQLite's answer to `PRAGMA wal_checkpoint`: frames in the WAL, and how many of them are now in the database file. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export interface CheckpointerOptions {
  /** How often the WAL is copied into the database file (default 100 ms). */
  intervalMs?: number;
  /**
   * WAL frames (pages) from which a checkpoint is run between transactions, so that it completes
   * and the next write starts the WAL over from its beginning (default 4,096: 16 MB).
   */
  restartFrames?: number;
}

/**
 * The thread's body. It loads better-sqlite3 the way the calling code does (`from` is a file beside
 * it), so both connections use the one SQLite library in the process: two copies of SQLite in one
 * process would each drop the other's POSIX locks on the file.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('node:module').createRequire(workerData.from)('better-sqlite3');
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true });
} catch (error) {
  parentPort.postMessage({ failed: String((error && error.message) || error) });
  parentPort.close();
}
parentPort.on('message', (id) => {
  if (id === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [answer] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ id, busy: answer.busy, log: answer.log, checkpointed: answer.checkpointed });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

/**
 * Checkpoints of a SQLite store's WAL on a thread of its own. SQLite checkpoints in the connection
 * that commits, once the WAL holds 1,000 pages: copying them into the database file and two
 * fsyncs, on the thread that runs the gateway (a dispatch commit that checkpointed took 12-16 ms
 * instead of 1, and an eighth of the commits did). Here a second connection, on a worker thread,
 * runs a PASSIVE checkpoint every `intervalMs`: it copies what is committed without stopping the
 * writer. Commits that land meanwhile stay in the WAL, so under steady writes it might never be
 * wholly copied and never start over; when it has grown past `restartFrames`, a checkpoint runs
 * between transactions (holding the store's lock, while the gateway's thread does other work),
 * which copies the rest, and the next commit writes from the WAL's start again. The writer's own
 * automatic checkpoint stays as a ceiling (`ceilingFrames`), in case this thread cannot keep up
 * or fails; a failed thread puts SQLite's default back.
 */
export class SqliteCheckpointer {
  private worker?: Worker;
  private exited?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private waiting = new Map<number, { resolve: (r: CheckpointResult) => void; reject: (e: Error) => void }>();
  private ids = 0;
  private running?: Promise<void>;
  private closed = false;
  /** The last checkpoint's answer (for tests and diagnostics). */
  last?: CheckpointResult;
  private readonly intervalMs: number;
  private readonly restartFrames: number;

  /** The writer's own automatic checkpoint while this runs (frames): far above restartFrames. */
  static readonly ceilingFrames = 16_384;

  constructor(
    private readonly file: string,
    private readonly serial: Mutex,
    /** Sets the writer connection's wal_autocheckpoint (on failure, back to SQLite's 1,000). */
    private readonly setAutocheckpoint: (frames: number) => Promise<void>,
    options: CheckpointerOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 100;
    this.restartFrames = options.restartFrames ?? 4_096;
  }

  start(): void {
    this.schedule();
  }

  /** One round now: a concurrent checkpoint, then one between transactions if the WAL has grown past the limit. */
  async round(): Promise<CheckpointResult | undefined> {
    if (this.closed) return undefined;
    if (!this.worker) {
      this.worker = this.spawn();
      await this.setAutocheckpoint(SqliteCheckpointer.ceilingFrames);
    }
    let result = await this.checkpoint();
    // Nothing written since the last round and all of it copied: the next commit starts the WAL
    // over by itself (an idle gateway does not take the lock every round). With commits landing
    // meanwhile, a concurrent checkpoint never copies the last of them: the writer is stopped.
    const idle = result.checkpointed === result.log && result.log === this.last?.log;
    if (result.log >= this.restartFrames && !idle) result = await this.serial.run(() => this.checkpoint());
    this.last = result;
    return result;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.running;
    this.worker?.postMessage('close');
    this.worker = undefined;
    await this.exited;
  }

  private schedule(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.running = this.round().then(
        () => this.schedule(),
        (error: unknown) => this.fail(error),
      );
    }, this.intervalMs);
    this.timer.unref();
  }

  private checkpoint(): Promise<CheckpointResult> {
    const worker = this.worker as Worker;
    const id = ++this.ids;
    // Referenced while an answer is awaited: a unit of work may be waiting behind it (the Store's
    // lock), and a process with nothing else to do must not exit before it is answered.
    worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage(id);
    });
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file: this.file, from: join(__dirname, 'checkpointer.js') },
      // It allocates next to nothing: a small young generation keeps its heap out of resident memory.
      resourceLimits: { maxYoungGenerationSizeMb: 2 },
    });
    worker.unref();
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (m: CheckpointResult & { id: number; error?: string; failed?: string }) => {
      if (m.failed) return this.fail(new Error(m.failed));
      const waiting = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (!this.waiting.size) worker.unref();
      if (m.error) waiting?.reject(new Error(m.error));
      else waiting?.resolve({ busy: m.busy, log: m.log, checkpointed: m.checkpointed });
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', () => {
      for (const waiting of this.waiting.values()) waiting.reject(new Error('the checkpoint thread stopped'));
      this.waiting.clear();
    });
    return worker;
  }

  /** The thread cannot checkpoint: SQLite's own automatic checkpoint in the writer again, and no more rounds. */
  private fail(error: unknown): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    process.emitWarning(`SQLite checkpoints are back on the main thread: ${error instanceof Error ? error.message : String(error)}`);
    void this.worker?.terminate();
    this.worker = undefined;
    void this.setAutocheckpoint(1_000).catch(() => undefined);
  }
}
