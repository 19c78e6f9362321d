// The entry of the HTTP worker threads (useHttpWorkers): built as http-worker.js beside main.js.
import { runHttpWorker } from '@followup/util';

runHttpWorker();
