/**
 * The body of an HTTP worker thread (see useHttpWorkers in http-post.ts): runs each POST it is
 * handed with requestOnce and posts the answer back under the request's id. The gateway's bundle
 * runs it from its own entry (apps/gateway/src/http-worker.ts); from the TypeScript sources the pool
 * starts this file directly, marked by `workerData`.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { makeAgents, requestOnce } from './http-request';
import { allowPrivateNetworks } from './network-policy';

interface Job {
  id: number;
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** The calling thread's network policy (ALLOW_PRIVATE_NETWORK_URLS). */
  allowPrivate: boolean;
}

/** What the pool passes as `workerData`, so that only its threads start serving. */
export const HTTP_WORKER_DATA = { followupHttpWorker: true } as const;

let serving = false;

export function runHttpWorker(): void {
  if (serving || !parentPort) return;
  serving = true;
  const port = parentPort;
  const agents = makeAgents();
  port.on('message', (m: Job) => {
    allowPrivateNetworks(m.allowPrivate);
    requestOnce({ http, https }, agents, m.url, m.headers, m.body, m.timeoutMs, (error, answer, detail) =>
      port.postMessage({ id: m.id, error, answer, detail }),
    );
  });
}

if (!isMainThread && (workerData as typeof HTTP_WORKER_DATA | undefined)?.followupHttpWorker) runHttpWorker();
