import * as http from 'node:http';
import * as https from 'node:https';
import { DESTINATION_NOT_ALLOWED, GuardedHttpAgent, GuardedHttpsAgent } from './network-policy';

/** What a POST answered. */
export interface HttpAnswer {
  status: number;
  body: string;
}

/** `error` is a code (ECONNREFUSED, timeout, destination_not_allowed, ...); `detail` says more when there is more to say. */
export type Done = (error: string | null, answer?: HttpAnswer, detail?: string) => void;
export interface Modules {
  http: typeof http;
  https: typeof https;
}
export interface Agents {
  'http:': http.Agent;
  'https:': https.Agent;
}

/**
 * One POST over a keep-alive agent: the same code on the calling thread and on the HTTP worker
 * threads (http-worker.ts), so both paths behave alike.
 */
export function requestOnce(
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
  const finish = (error: string | null, answer?: HttpAnswer, detail?: string) => {
    if (!finished) {
      finished = true;
      done(error, answer, detail);
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
  // A destination the network policy refuses (network-policy.ts) fails here too, with its reason.
  req.on('error', (e: NodeJS.ErrnoException) =>
    finish(e.code ?? 'network_error', undefined, e.code === DESTINATION_NOT_ALLOWED ? e.message : undefined),
  );
  req.end(body);
}

/** Keep-alive agents that connect only where the network policy allows (network-policy.ts). */
export function makeAgents(): Agents {
  return {
    'http:': new GuardedHttpAgent({ keepAlive: true, maxSockets: 512, keepAliveMsecs: 30_000 }),
    'https:': new GuardedHttpsAgent({ keepAlive: true, maxSockets: 512, keepAliveMsecs: 30_000 }),
  };
}
