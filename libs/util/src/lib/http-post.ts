import { Agent as HttpAgent, IncomingMessage, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * A JSON POST over node's http(s) with keep-alive connection pools. Lighter than `fetch` (no web
 * streams) on the dispatch hot path, where every follow-up is one request.
 */
const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: 512, keepAliveMsecs: 30_000 }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: 512, keepAliveMsecs: 30_000 }),
};

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

export function postJson(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<HttpAnswer> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.reject(new HttpPostError('invalid_url'));
  }
  const protocol = target.protocol as 'http:' | 'https:';
  if (protocol !== 'http:' && protocol !== 'https:') return Promise.reject(new HttpPostError('unsupported_protocol'));
  const send = protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: 'POST',
        agent: agents[protocol],
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        timeout: timeoutMs,
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e: NodeJS.ErrnoException) => reject(new HttpPostError(e.code ?? 'response_error')));
      },
    );
    req.on('timeout', () => req.destroy(new HttpPostError('timeout')));
    req.on('error', (e: NodeJS.ErrnoException) => reject(e instanceof HttpPostError ? e : new HttpPostError(e.code ?? 'network_error')));
    req.end(body);
  });
}
