import { randomBytes } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { parse, stringify } from 'node:querystring';
import twilio from 'twilio';

export interface TwilioDoubleMessage {
  sid: string;
  accountSid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
  status: string;
  dateCreated: Date;
}

/** A call placed through the Calls resource, as Twilio keeps it. */
export interface TwilioDoubleCall {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  /** The TwiML URL Twilio fetches once the call is answered, and its method. */
  url: string;
  method: string;
  statusCallback: string | null;
  statusCallbackEvents: string[];
  machineDetection: string | null;
  status: string;
  dateCreated: Date;
}

interface Failure {
  status: number;
  code: number;
  message: string;
}

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;
const rfc2822 = (d: Date) => d.toUTCString().replace('GMT', '+0000');

/**
 * Twilio's REST API on loopback, in its own wire format: `POST /2010-04-01/Accounts/{Sid}/Messages.json`
 * with a form body and Basic auth (account SID and auth token), answered with Twilio-shaped JSON
 * (201 and the message resource, or `{code, message, more_info, status}` errors on demand). The
 * adapter under test uses the real `twilio` SDK pointed at it. It also plays Twilio calling the
 * gateway back: status callbacks and inbound texts, signed with the SDK's own signature helper.
 */
export class TwilioApiDouble {
  readonly accountSid = sid('AC');
  readonly authToken = randomBytes(16).toString('hex');
  readonly messages: TwilioDoubleMessage[] = [];
  readonly calls: TwilioDoubleCall[] = [];
  /** Requests refused for bad credentials (each one counted). */
  unauthorized = 0;
  private server?: Server;
  private failures: Failure[] = [];
  private readonly failFor = new Map<string, Failure>();
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
  connectionSettings(url: string, from = '+15005550006'): Record<string, string> {
    return { account_sid: this.accountSid, auth_token: this.authToken, from, api_base_url: url };
  }

  /** The next message is refused with this Twilio error. */
  failNext(code: number, message = `Twilio error ${code}`, status = 400): void {
    this.failures.push({ status, code, message });
  }

  /**
   * Every message to this number is refused with the error (21610: the number replied STOP); with
   * a 5xx `status`, Twilio's answer leaves it unknown whether the message was queued.
   */
  refuseNumber(to: string, code: number, message = `Twilio error ${code}`, status = 400): void {
    this.failFor.set(to, { status, code, message });
  }

  waitForMessages(count: number, timeoutMs = 15_000): Promise<void> {
    if (this.messages.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the Twilio double got ${this.messages.length} of ${count} messages in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** Twilio calling a message's StatusCallback (signed), as its status changes. */
  async sendStatus(messageSid: string, status: string, errorCode?: number): Promise<{ status: number; body: string }> {
    const message = this.messages.find((m) => m.sid === messageSid);
    if (!message?.statusCallback) throw new Error(`message ${messageSid} has no StatusCallback`);
    message.status = status;
    const params: Record<string, string> = {
      MessageSid: message.sid,
      SmsSid: message.sid,
      AccountSid: this.accountSid,
      MessageStatus: status,
      SmsStatus: status,
      To: message.to,
      From: message.from ?? '',
      ApiVersion: '2010-04-01',
      ...(errorCode ? { ErrorCode: String(errorCode) } : {}),
    };
    return this.post(message.statusCallback, params);
  }

  /** Twilio delivering a text from a contact to the number's webhook (signed). */
  sendInbound(
    url: string,
    text: { from: string; to: string; body: string; messageSid?: string },
    authToken = this.authToken,
  ): Promise<{ status: number; body: string }> {
    const messageSid = text.messageSid ?? sid('SM');
    return this.post(
      url,
      {
        ToCountry: 'US',
        SmsMessageSid: messageSid,
        NumMedia: '0',
        SmsSid: messageSid,
        SmsStatus: 'received',
        Body: text.body,
        To: text.to,
        NumSegments: '1',
        MessageSid: messageSid,
        AccountSid: this.accountSid,
        From: text.from,
        ApiVersion: '2010-04-01',
      },
      authToken,
    );
  }

  /** A signed form POST, as Twilio makes it (X-Twilio-Signature over the URL and parameters). */
  async post(url: string, params: Record<string, string>, authToken = this.authToken): Promise<{ status: number; body: string }> {
    const signature = twilio.getExpectedTwilioSignature(authToken, url, params);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature, 'user-agent': 'TwilioProxy/1.1' },
      body: stringify(params),
    });
    return { status: response.status, body: await response.text() };
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, raw: string, res: ServerResponse): void {
    const answer = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const error = (f: Failure) =>
      answer(f.status, { code: f.code, message: f.message, more_info: `https://www.twilio.com/docs/errors/${f.code}`, status: f.status });
    const path = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)\.json$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !path)
      return error({ status: 404, code: 20404, message: `The requested resource ${req.url} was not found` });
    const [user, password] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
      .toString('utf8')
      .split(':');
    if (user !== this.accountSid || password !== this.authToken || path[1] !== this.accountSid) {
      this.unauthorized++;
      return error({ status: 401, code: 20003, message: 'Authenticate' });
    }
    const form = parse(raw) as Record<string, string | string[] | undefined>;
    if (path[2] === 'Calls') return this.createCall(form, answer, error);
    const to = form['To'] as string | undefined;
    if (!to) return error({ status: 400, code: 21604, message: "A 'To' phone number is required." });
    if (!/^\+[1-9]\d{6,14}$/.test(to))
      return error({ status: 400, code: 21211, message: `The 'To' number ${to} is not a valid phone number.` });
    if (!form['From'] && !form['MessagingServiceSid'])
      return error({ status: 400, code: 21603, message: "A 'From' phone number is required." });
    if (typeof form['Body'] !== 'string' || !form['Body']) return error({ status: 400, code: 21602, message: 'Message body is required.' });
    const failure = this.failures.shift() ?? this.failFor.get(to);
    if (failure) return error(failure);
    const now = new Date();
    const message: TwilioDoubleMessage = {
      sid: sid('SM'),
      accountSid: this.accountSid,
      to,
      from: (form['From'] as string | undefined) ?? null,
      messagingServiceSid: (form['MessagingServiceSid'] as string | undefined) ?? null,
      body: form['Body'],
      statusCallback: (form['StatusCallback'] as string | undefined) ?? null,
      status: 'queued',
      dateCreated: now,
    };
    this.messages.push(message);
    this.waiters = this.waiters.filter((w) => (this.messages.length >= w.count ? (w.resolve(), false) : true));
    answer(201, {
      account_sid: message.accountSid,
      api_version: '2010-04-01',
      body: message.body,
      date_created: rfc2822(now),
      date_sent: null,
      date_updated: rfc2822(now),
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: message.from,
      messaging_service_sid: message.messagingServiceSid,
      num_media: '0',
      num_segments: '1',
      price: null,
      price_unit: 'USD',
      sid: message.sid,
      status: 'queued',
      subresource_uris: { media: `/2010-04-01/Accounts/${message.accountSid}/Messages/${message.sid}/Media.json` },
      to: message.to,
      uri: `/2010-04-01/Accounts/${message.accountSid}/Messages/${message.sid}.json`,
    });
  }

  /** `POST .../Calls.json`: Twilio's checks of To, From and Url (or Twiml), then 201 and the call resource. */
  private createCall(
    form: Record<string, string | string[] | undefined>,
    answer: (status: number, body: unknown) => void,
    error: (f: Failure) => void,
  ): void {
    const one = (key: string) => {
      const value = form[key];
      return Array.isArray(value) ? value[0] : value;
    };
    const to = one('To');
    const from = one('From');
    const url = one('Url');
    if (!to) return error({ status: 400, code: 21201, message: "No 'To' number is specified" });
    if (!/^\+[1-9]\d{6,14}$/.test(to)) return error({ status: 400, code: 21211, message: `Invalid 'To' Phone Number: ${to}` });
    if (!from) return error({ status: 400, code: 21213, message: "No 'From' number is specified" });
    if (!url || !/^https?:\/\//.test(url)) return error({ status: 400, code: 21205, message: 'Url is not a valid URL' });
    const failure = this.failures.shift() ?? this.failFor.get(to);
    if (failure) return error(failure);
    const events = form['StatusCallbackEvent'];
    const now = new Date();
    const call: TwilioDoubleCall = {
      sid: sid('CA'),
      accountSid: this.accountSid,
      to,
      from,
      url,
      method: one('Method') ?? 'POST',
      statusCallback: one('StatusCallback') ?? null,
      statusCallbackEvents: Array.isArray(events) ? events : events ? [events] : [],
      machineDetection: one('MachineDetection') ?? null,
      status: 'queued',
      dateCreated: now,
    };
    this.calls.push(call);
    answer(201, {
      account_sid: call.accountSid,
      api_version: '2010-04-01',
      date_created: rfc2822(now),
      date_updated: rfc2822(now),
      direction: 'outbound-api',
      duration: null,
      from: call.from,
      from_formatted: call.from,
      sid: call.sid,
      status: 'queued',
      to: call.to,
      to_formatted: call.to,
      uri: `/2010-04-01/Accounts/${call.accountSid}/Calls/${call.sid}.json`,
    });
  }
}
