import { randomBytes, randomInt } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  MetaInbound,
  MetaNumber,
  MetaStatus,
  inboundValue,
  metaSignature,
  newWamid,
  statusValue,
  webhookEnvelope,
} from './graph-webhook-payloads';
import { GraphFailure, validateSend } from './graph-send-rules';

export type { GraphFailure } from './graph-send-rules';

export interface GraphDoubleMessage {
  id: string;
  /** The path it was posted to (`/v23.0/<phone number id>/messages`). */
  path: string;
  to: string;
  type: 'text' | 'template';
  /** The text, or the template as `name (language): param | param`. */
  body: string;
  template?: { name: string; language: string; params: string[] };
  /** The JSON the Cloud API received. */
  request: Record<string, unknown>;
  receivedAt: Date;
}

interface Answer {
  status: number;
  body: string;
  contentType: string | null;
}

/** A Graph object id: 15 digits. */
const graphId = () => `1${String(randomInt(10 ** 9)).padStart(9, '0')}${String(randomInt(10 ** 5)).padStart(5, '0')}`;
const fail = (code: number, message: string, status = 400, details?: string): GraphFailure => ({ status, code, message, details });

/**
 * Meta's WhatsApp Cloud API on loopback, in its wire format: `POST /{version}/{phone number id}/messages`
 * with `Authorization: Bearer <token>` and the Cloud API's JSON (text and template messages checked
 * as Meta checks them), answered `{messaging_product, contacts: [{input, wa_id}], messages: [{id: wamid}]}`
 * or with Meta's error JSON (`{error: {message, type, code, error_data, fbtrace_id}}`) on demand.
 * It also plays Meta calling the gateway: the verification GET and signed webhooks (inbound
 * messages, statuses) with `X-Hub-Signature-256`.
 */
export class GraphApiDouble implements MetaNumber {
  readonly phoneNumberId = graphId();
  readonly wabaId = graphId();
  readonly displayNumber = '15550001234';
  readonly accessToken = `EAAG${randomBytes(48).toString('base64url')}`;
  readonly appSecret = randomBytes(16).toString('hex');
  readonly messages: GraphDoubleMessage[] = [];
  /** Requests refused for a bad token (each one counted). */
  unauthorized = 0;
  /** When set, only these template names exist; any other is refused with 132001. */
  templates?: Set<string>;
  private server?: Server;
  private failures: GraphFailure[] = [];
  private readonly failFor = new Map<string, GraphFailure>();
  private delays: number[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Settings of a gateway connection that sends through this double. */
  connectionSettings(url: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { phone_number_id: this.phoneNumberId, access_token: this.accessToken, app_secret: this.appSecret, api_base_url: url, ...extra };
  }

  /** The next send is refused with this Cloud API error (HTTP 400 unless `status` says otherwise). */
  failNext(code: number, options: { status?: number; message?: string; details?: string } = {}): void {
    this.failures.push(fail(code, options.message ?? `(#${code}) WhatsApp error ${code}`, options.status, options.details));
  }

  /** Every send to this wa_id is refused with the error. */
  refuseRecipient(to: string, code: number, message = `(#${code}) WhatsApp error ${code}`): void {
    this.failFor.set(to.replace(/\D/g, ''), fail(code, message));
  }

  /** The next answer comes after `ms` (to time a send out). */
  delayNext(ms: number): void {
    this.delays.push(ms);
  }

  /** Only these templates exist from now on (others: 132001). */
  knowTemplates(...names: string[]): void {
    this.templates = new Set(names);
  }

  waitForMessages(count: number, timeoutMs = 15_000): Promise<void> {
    if (this.messages.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the Graph API double got ${this.messages.length} of ${count} messages in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** Meta verifying a webhook URL: `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`. */
  async verifyWebhook(url: string, verifyToken: string, challenge = String(randomInt(1_000_000_000))): Promise<Answer> {
    const query = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.challenge': challenge, 'hub.verify_token': verifyToken });
    const response = await fetch(`${url}?${query.toString()}`, { headers: { 'user-agent': 'facebookplatform/1.0' } });
    return { status: response.status, body: await response.text(), contentType: response.headers.get('content-type') };
  }

  /** Contacts writing to the number (one signed POST with every message). */
  sendInbound(url: string, ...messages: MetaInbound[]): Promise<Answer> {
    return this.postWebhook(url, webhookEnvelope(this, inboundValue(messages, this.displayNumber)));
  }

  /** Statuses of messages this double accepted (the recipient is the message's own unless given). */
  sendStatus(url: string, wamid: string, status: string, extra: Partial<MetaStatus> = {}): Promise<Answer> {
    const recipient = extra.recipient ?? this.messages.find((m) => m.id === wamid)?.to;
    if (!recipient) throw new Error(`the Graph API double sent no message ${wamid}: give the recipient`);
    return this.postWebhook(url, webhookEnvelope(this, statusValue([{ ...extra, id: wamid, status, recipient }])));
  }

  /** A webhook POST as Meta makes it: JSON, signed with the app secret (or another one, to forge it). */
  async postWebhook(url: string, payload: unknown, appSecret = this.appSecret): Promise<Answer> {
    const body = JSON.stringify(payload);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': metaSignature(appSecret, body),
        'user-agent': 'facebookexternalua',
      },
      body,
    });
    return { status: response.status, body: await response.text(), contentType: response.headers.get('content-type') };
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, raw: string, res: ServerResponse): void {
    const delay = this.delays.shift() ?? 0;
    const answer = (status: number, body: unknown): void => {
      const write = () => !res.destroyed && res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (delay > 0) setTimeout(write, delay);
      else write();
    };
    const error = (f: GraphFailure) =>
      answer(f.status, {
        error: {
          message: f.message,
          type: 'OAuthException',
          code: f.code,
          ...(f.subcode ? { error_subcode: f.subcode } : {}),
          ...(f.details ? { error_data: { messaging_product: 'whatsapp', details: f.details } } : {}),
          fbtrace_id: randomBytes(9).toString('base64url'),
        },
      });
    const path = /^\/v\d+\.\d+\/([^/?]+)\/messages$/.exec(req.url ?? '');
    const unsupported = {
      ...fail(100, `Unsupported ${req.method?.toLowerCase()} request. Object with ID '${req.url}' does not exist`),
      subcode: 33,
    };
    if (req.method !== 'POST' || !path) return error(unsupported);
    if (req.headers.authorization !== `Bearer ${this.accessToken}`) {
      this.unauthorized++;
      return error(fail(190, 'Invalid OAuth access token - Cannot parse access token', 401));
    }
    if (path[1] !== this.phoneNumberId) return error(unsupported);
    let request: Record<string, unknown>;
    try {
      request = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return error(fail(100, '(#100) The request body is not valid JSON'));
    }
    const checked = validateSend(request, this.templates);
    if ('code' in checked) return error(checked);
    const failure = this.failures.shift() ?? this.failFor.get(checked.to);
    if (failure) return error(failure);
    const message: GraphDoubleMessage = { ...checked, id: newWamid(), path: req.url ?? '', request, receivedAt: new Date() };
    this.messages.push(message);
    this.waiters = this.waiters.filter((w) => (this.messages.length >= w.count ? (w.resolve(), false) : true));
    answer(200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: String(request['to']), wa_id: checked.to }],
      messages: [{ id: message.id }],
    });
  }
}
