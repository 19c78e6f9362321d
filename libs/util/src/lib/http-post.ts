import * as http from 'node:http';
import * as https from 'node:https';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { HttpAnswer, makeAgents, requestOnce } from './http-request';
import { HTTP_WORKER_DATA } from './http-worker';
import { DESTINATION_NOT_ALLOWED, privateNetworksAllowed } from './network-policy';
import { workerScript } from './worker-script';

export type { HttpAnswer } from './http-request';

/*
 * JSON POSTs over node's http(s) with keep-alive connection pools: lighter than `fetch` on the
 * dispatch hot path, where every follow-up is one request. With `useHttpWorkers(n)` the requests
 * run on worker threads, so the HTTP work leaves the thread that claims and records follow-ups.
 */
/**
 * Error codes meaning the request never reached the server (nothing can have been processed),
 * a destination the network policy refuses included.
 */
export const NOT_SENT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'invalid_url', 'unsupported_protocol', DESTINATION_NOT_ALLOWED];

/** `code` names the failure; the message is `detail` when there is one (a refused destination's reason), else the code. */
export class HttpPostError extends Error {
  constructor(
    readonly code: string,
    detail?: string,
  ) {
    super(detail ?? code);
  }
}

const localAgents = makeAgents();

interface Pending {
  resolve: (answer: HttpAnswer) => void;
  reject: (error: HttpPostError) => void;
}

class HttpWorkerPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private ids = 0;

  constructor(size: number) {
    // The gateway's bundle has http-worker.js beside main.js; the sources run http-worker.ts.
    const file = workerScript(join(__dirname, 'http-worker.js'), join(__dirname, 'http-worker.ts'));
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(file.path, { execArgv: file.execArgv, env: file.env, workerData: HTTP_WORKER_DATA });
      worker.unref();
      worker.on('message', (m: { id: number; error: string | null; answer?: HttpAnswer; detail?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.error) p.reject(new HttpPostError(m.error, m.detail));
        else p.resolve(m.answer as HttpAnswer);
      });
      return worker;
    });
  }

  post(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<HttpAnswer> {
    const id = ++this.ids;
    const worker = this.workers[this.next++ % this.workers.length] as Worker;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // The network policy goes with each request: the worker applies this thread's, whenever it was set.
      worker.postMessage({ id, url, headers, body, timeoutMs, allowPrivate: privateNetworksAllowed() });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    for (const p of this.pending.values()) p.reject(new HttpPostError('worker_stopped'));
    this.pending.clear();
  }
}

let pool: HttpWorkerPool | undefined;

/** Runs every postJson on `count` worker threads from now on (0: on the calling thread). */
export async function useHttpWorkers(count: number): Promise<void> {
  const old = pool;
  pool = count > 0 ? new HttpWorkerPool(count) : undefined;
  await old?.close();
}

export function postJson(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<HttpAnswer> {
  if (pool) return pool.post(url, headers, body, timeoutMs);
  return new Promise((resolve, reject) =>
    requestOnce({ http, https }, localAgents, url, headers, body, timeoutMs, (error, answer, detail) =>
      error ? reject(new HttpPostError(error, detail)) : resolve(answer as HttpAnswer),
    ),
  );
}
