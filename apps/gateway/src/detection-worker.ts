// The entry of the text-reading threads (useReadingThreads): built as detection-worker.js beside main.js.
import { runReadingWorker } from '@followup/detection';

runReadingWorker();
