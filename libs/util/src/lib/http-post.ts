import * as http from 'node:http';
import * as https from 'node:https';
import { Worker } from 'node:worker_threads';

/**
 * JSON POSTs over node's http(s) with keep-alive connection pools: lighter than `fetch` on the
 * dispatch hot path, where every follow-up is one request. With `useHttpWorkers(n)` the requests
 * run on worker threads, so the HTTP work leaves the thread that claims and records follow-ups.
 */
export interface HttpAnswer {
  status: number;
  body: string;
}

/** Error codes meaning the request never reached the server (nothing can have been processed). */
export const NOT_SENT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'invalid_url', 'unsupported_protocol'];

export class HttpPostError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

type Done = (error: string | null, answer?: HttpAnswer) => void;
interface Modules {
  http: typeof http;
  https: typeof https;
}
interface Agents {
  'http:': http.Agent;
  'https:': https.Agent;
}

/**
 * One POST. Self-contained (everything it uses is a parameter): its source is also what the worker
 * threads run, so the in-thread and worker paths are the same code.
 */
function requestOnce(
  mods: Modules,
  agents: Agents,
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  done: Done,
): void {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    done('invalid_url');
    return;
  }
  const protocol = target.protocol;
  if (protocol !== 'http:' && protocol !== 'https:') {
    done('unsupported_protocol');
    return;
  }
  let finished = false;
  const finish = (error: string | null, answer?: HttpAnswer) => {
    if (!finished) {
      finished = true;
      done(error, answer);
    }
  };
  const send = protocol === 'https:' ? mods.https.request : mods.http.request;
  const req = send(
    target,
    {
      method: 'POST',
      agent: agents[protocol],
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      timeout: timeoutMs,
    },
    (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => finish(null, { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e: NodeJS.ErrnoException) => finish(e.code ?? 'response_error'));
    },
  );
  req.on('timeout', () => {
    finish('timeout');
    req.destroy();
  });
  req.on('error', (e: NodeJS.ErrnoException) => finish(e.code ?? 'network_error'));
  req.end(body);
}

function makeAgents(): Agents {
  return {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 512, keepAliveMsecs: 30_000 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 512, keepAliveMsecs: 30_000 }),
  };
}

const localAgents = makeAgents();

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const http = require('node:http');
const https = require('node:https');
const requestOnce = ${requestOnce.toString()};
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 512, keepAliveMsecs: 30000 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 512, keepAliveMsecs: 30000 }),
};
parentPort.on('message', (m) => {
  requestOnce({ http, https }, agents, m.url, m.headers, m.body, m.timeoutMs, (error, answer) => parentPort.postMessage({ id: m.id, error, answer }));
});
`;

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
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      worker.unref();
      worker.on('message', (m: { id: number; error: string | null; answer?: HttpAnswer }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.error) p.reject(new HttpPostError(m.error));
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
      worker.postMessage({ id, url, headers, body, timeoutMs });
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
    requestOnce({ http, https }, localAgents, url, headers, body, timeoutMs, (error, answer) =>
      error ? reject(new HttpPostError(error)) : resolve(answer as HttpAnswer),
    ),
  );
}
