import { verifyWebhook } from '@followup/util';
import { IncomingHttpHeaders, Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  id: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  raw: string;
  receivedAt: Date;
  /** The Standard Webhooks signature matched the secret the receiver was given. */
  signatureValid: boolean;
}

export interface ReceiverBehaviour {
  /** Status to answer (default 200). */
  status?: number;
  /** Delay before answering, in ms. */
  delayMs?: number;
}

/**
 * A real HTTP endpoint that receives Standard Webhooks POSTs on loopback: the far side of the
 * webhook channel and of workflows. It verifies signatures, dedupes on `webhook-id` as receivers
 * must, and can answer errors or slowly on demand.
 */
export class WebhookReceiver {
  private server?: Server;
  /** Every request, including repeats of the same webhook-id. */
  readonly requests: ReceivedWebhook[] = [];
  /** One entry per distinct webhook-id (what a deduplicating receiver acts on). */
  readonly accepted = new Map<string, ReceivedWebhook>();
  behaviour: ReceiverBehaviour = {};
  private refusals: number[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];

  constructor(private readonly secret?: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const id = String(req.headers['webhook-id'] ?? '');
        let body: unknown = raw;
        try {
          body = JSON.parse(raw);
        } catch {
          // keep the text
        }
        const signatureValid = this.secret
          ? verifyWebhook(this.secret, req.headers as Record<string, string>, raw, new Date(), 3600)
          : true;
        const hit: ReceivedWebhook = { id, path: req.url ?? '/', headers: req.headers, body, raw, receivedAt: new Date(), signatureValid };
        const refused = this.refusals.shift();
        const { status = refused ?? 200, delayMs = 0 } = refused === undefined ? this.behaviour : {};
        const answer = () => {
          this.requests.push(hit);
          if (status < 300 && !this.accepted.has(id)) this.accepted.set(id, hit);
          this.notify();
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `recv_${this.accepted.size}` }));
        };
        if (delayMs) setTimeout(answer, delayMs);
        else answer();
      });
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next request is answered with `status` (a refusal), whatever the behaviour says. */
  refuseNext(status = 422): void {
    this.refusals.push(status);
  }

  /** Resolves once at least `count` distinct webhooks were accepted. */
  waitFor(count: number, timeoutMs = 30_000): Promise<void> {
    if (this.accepted.size >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`received ${this.accepted.size} of ${count} webhooks in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  private notify(): void {
    this.waiters = this.waiters.filter((w) => {
      if (this.accepted.size < w.count) return true;
      w.resolve();
      return false;
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
