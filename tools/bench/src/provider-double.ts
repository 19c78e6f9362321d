import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * The loopback HTTP provider both systems send to: it answers 200 at once and records, per message
 * key, when it arrived (the gateway's key is the `webhook-id` header, BullMQ's the job id in the
 * body). Repeated keys are counted, not recorded twice.
 */
export class ProviderDouble {
  private server?: Server;
  readonly arrivals = new Map<string, number>();
  repeats = 0;
  private target = 0;
  private reached?: () => void;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const at = Date.now();
        let key = req.headers['webhook-id'] as string | undefined;
        if (!key) {
          try {
            key = String((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id?: unknown }).id);
          } catch {
            key = `unknown-${at}-${Math.random()}`;
          }
        }
        if (this.arrivals.has(key)) this.repeats++;
        else this.arrivals.set(key, at);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"ok"}');
        if (this.reached && this.arrivals.size >= this.target) {
          const done = this.reached;
          this.reached = undefined;
          done();
        }
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  reset(): void {
    this.arrivals.clear();
    this.repeats = 0;
  }

  /** Resolves when `count` distinct messages have arrived. */
  waitFor(count: number, timeoutMs: number): Promise<void> {
    if (this.arrivals.size >= count) return Promise.resolve();
    this.target = count;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`only ${this.arrivals.size} of ${count} messages arrived in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.reached = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
