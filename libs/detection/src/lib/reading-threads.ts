import { workerScript } from '@followup/util';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DetectionLanguage, TextReading } from './intent-detector';

/** How long a thread may take over one batch of texts before it is stopped (a reading takes well under a millisecond). */
const READING_DEADLINE_MS = 5_000;

/** What the pool passes as `workerData`, so that only its threads start reading (reading-worker.ts). */
export const READING_WORKER_DATA = { followupReadingWorker: true } as const;

export interface ReadingJob {
  id: number;
  text: string;
  hint?: DetectionLanguage;
}

/** A thread's answer for one text: its reading, or why it has none. */
export interface ReadingAnswer {
  id: number;
  reading?: TextReading;
  error?: string;
}

interface Waiting {
  resolve: (reading: TextReading | undefined) => void;
}

interface Thread {
  worker: Worker;
  waiting: Map<number, Waiting>;
  /** Texts handed over in this turn of the event loop, posted together at its end. */
  batch: ReadingJob[];
  /** It has built its detector (trained the classifier) and reads. */
  ready: boolean;
  failed: boolean;
}

/**
 * Threads that read texts ahead (MultilingualIntentDetector.read: words, language, cues, the times
 * named, the classifier), so that an inbound message's text is read off the thread that runs the
 * gateway, before its unit of work, which then only places the times in the contact's zone and
 * matches the agent's phrases. A text is read on the thread with the fewest texts waiting. Until a
 * thread is ready, and when a thread fails (it answers `undefined` for what it held and is not used
 * again), the caller reads the text itself: a failure costs speed, never an answer.
 */
export class ReadingThreads {
  private threads?: Thread[];
  private ids = 0;
  private closed = false;
  private started?: Promise<boolean>;

  /** The threads start with the first text (a gateway that never reads one never pays for them). */
  constructor(private readonly count: number) {}

  /** Starts the threads if they have not started; true once one of them reads (false: none could start). */
  ready(): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    this.started ??= new Promise((resolve) => {
      this.threads = this.start(resolve);
    });
    return this.started;
  }

  private start(ready: (ok: boolean) => void): Thread[] {
    // The gateway's bundle has detection-worker.js beside main.js; the sources run reading-worker.ts.
    const file = workerScript(join(__dirname, 'detection-worker.js'), join(__dirname, 'reading-worker.ts'));
    const threads: Thread[] = [];
    for (let i = 0; i < this.count; i++) {
      let worker: Worker;
      try {
        worker = new Worker(file.path, {
          execArgv: file.execArgv,
          env: file.env,
          workerData: READING_WORKER_DATA,
          // A small young generation: readings are small and short-lived, and each thread's heap is resident memory.
          resourceLimits: { maxYoungGenerationSizeMb: 4 },
        });
      } catch (error) {
        process.emitWarning(`a text-reading thread could not start; texts are read on the main thread: ${String(error)}`);
        continue;
      }
      worker.unref();
      const thread: Thread = { worker, waiting: new Map(), batch: [], ready: false, failed: false };
      worker.on('message', (answers: ReadingAnswer[] | 'ready') => {
        if (answers === 'ready') {
          thread.ready = true;
          return ready(true);
        }
        for (const m of answers) {
          const waiting = thread.waiting.get(m.id);
          thread.waiting.delete(m.id);
          waiting?.resolve(m.reading);
        }
      });
      const fail = (error?: Error) => {
        if (!thread.failed && error)
          process.emitWarning(`a text-reading thread stopped; texts are read on the main thread: ${error.message}`);
        thread.failed = true;
        for (const waiting of thread.waiting.values()) waiting.resolve(undefined);
        thread.waiting.clear();
        if (threads.every((t) => t.failed)) ready(false);
      };
      worker.on('error', fail);
      worker.on('exit', () => fail());
      threads.push(thread);
    }
    if (!threads.length) ready(false);
    return threads;
  }

  /** The text's reading, or undefined when no thread can read it (the caller reads it then). */
  read(text: string, hint?: DetectionLanguage): Promise<TextReading | undefined> {
    void this.ready();
    // While the threads start (their classifier trains), and if they all failed, the caller reads the text.
    const live = (this.threads ?? []).filter((t) => t.ready && !t.failed);
    if (!live.length) return Promise.resolve(undefined);
    const thread = live.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    const id = ++this.ids;
    return new Promise((resolve) => {
      thread.waiting.set(id, { resolve });
      // One message per turn of the event loop, not per text: each postMessage costs this thread
      // tens of microseconds under load (waking the other thread), as much as reading a short text.
      if (!thread.batch.length) setImmediate(() => this.post(thread));
      thread.batch.push({ id, text, hint });
    });
  }

  private post(thread: Thread): void {
    const batch = thread.batch;
    thread.batch = [];
    if (thread.failed) {
      for (const job of batch) thread.waiting.get(job.id)?.resolve(undefined);
      return;
    }
    thread.worker.postMessage(batch);
    // A thread that does not answer in time (stuck on a text) is stopped: what it held, and every
    // text after, is read by the caller; a webhook never waits on it for good.
    const last = batch[batch.length - 1]?.id as number;
    setTimeout(() => {
      if (!thread.waiting.has(last) || thread.failed) return;
      process.emitWarning(`a text-reading thread did not answer in ${READING_DEADLINE_MS} ms; texts are read on the main thread`);
      void thread.worker.terminate();
    }, READING_DEADLINE_MS).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all((this.threads ?? []).map((t) => t.worker.terminate()));
  }
}

let threads: ReadingThreads | undefined;

/** Reads texts ahead on `count` threads from now on (0: inline, in the unit of work that records them). */
export async function useReadingThreads(count: number): Promise<void> {
  const old = threads;
  threads = count > 0 ? new ReadingThreads(count) : undefined;
  await old?.close();
}

/** The text's reading made on a reading thread; undefined when there are none (or none could read it). */
export function readAhead(text: string, hint?: DetectionLanguage): Promise<TextReading | undefined> {
  return threads ? threads.read(text, hint) : Promise.resolve(undefined);
}
