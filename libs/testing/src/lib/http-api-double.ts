import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ApiDoubleMessage {
  id: string;
  path: string;
  body: Record<string, unknown>;
  receivedAt: Date;
}

/**
 * A generic provider API on loopback: `POST /messages` with `Authorization: Bearer <key>` and a
 * JSON body, answered `201 {"id": "msg_<n>"}`; a wrong key is 401, and refusals come on demand.
 * It is the far side of the channel library the generator makes, until the library gets a double
 * of its real provider's protocol.
 */
export class HttpApiDouble {
  readonly messages: ApiDoubleMessage[] = [];
  unauthorized = 0;
  private server?: Server;
  private refusals: number[] = [];

  constructor(private readonly apiKey: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const answer = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        };
        if (req.method !== 'POST' || req.url !== '/messages') return answer(404, { error: 'not_found' });
        if (req.headers.authorization !== `Bearer ${this.apiKey}`) {
          this.unauthorized++;
          return answer(401, { error: 'unauthorized' });
        }
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        } catch {
          return answer(400, { error: 'invalid_json' });
        }
        const refused = this.refusals.shift();
        if (refused !== undefined) return answer(refused, { error: 'refused' });
        const message = { id: `msg_${this.messages.length + 1}`, path: req.url, body, receivedAt: new Date() };
        this.messages.push(message);
        return answer(201, { id: message.id });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next message is refused with this status (4xx: a definite refusal; 5xx: unknown). */
  refuseNext(status = 422): void {
    this.refusals.push(status);
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
