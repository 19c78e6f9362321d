export * from './lib/intent-detector';
export * from './lib/intent-scenarios';
export * from './lib/multilingual-intent-detector';
export * from './lib/action-phrases';
export { ReadingThreads, readAhead, useReadingThreads } from './lib/reading-threads';
export { runReadingWorker } from './lib/reading-worker';
