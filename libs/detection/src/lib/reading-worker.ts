/**
 * The body of a reading thread (see ReadingThreads in reading-threads.ts): reads each text it is
 * handed with the built-in detector (its classifier trained once, here) and posts the readings back
 * under the texts' ids. The gateway's bundle runs it from its own entry
 * (apps/gateway/src/detection-worker.ts); from the TypeScript sources the pool starts this file
 * directly, marked by `workerData`.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { MultilingualIntentDetector } from './multilingual-intent-detector';
import { READING_WORKER_DATA, type ReadingAnswer, type ReadingJob } from './reading-threads';

let serving = false;

export function runReadingWorker(): void {
  if (serving || !parentPort) return;
  serving = true;
  const port = parentPort;
  const detector = new MultilingualIntentDetector();
  // Texts come in batches (one per turn of the caller's event loop) and go back the same way.
  port.on('message', (jobs: ReadingJob[]) => {
    const answers = jobs.map((job): ReadingAnswer => {
      try {
        return { id: job.id, reading: detector.read(job.text, job.hint, { classify: true }) };
      } catch (error) {
        return { id: job.id, error: error instanceof Error ? error.message : String(error) };
      }
    });
    port.postMessage(answers);
  });
  port.postMessage('ready');
}

if (!isMainThread && (workerData as typeof READING_WORKER_DATA | undefined)?.followupReadingWorker) runReadingWorker();
