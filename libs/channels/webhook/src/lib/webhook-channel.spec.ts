import { allowPrivateNetworks, verifyWebhook } from '@followup/util';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SendError } from '@followup/channels-core';
import { describeChannelConformance } from '@followup/channels-core/testing';
import { WebhookReceiver } from '@followup/testing';
import { WebhookChannelAdapter, webhookChannelProvider } from './webhook-channel';

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('the webhook channel', () => {
  let server: Server;
  let url: string;
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  let answer: { status: number; body: string } = { status: 200, body: '{"id":"remote-1"}' };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const context = () => ({
    locationId: 'l1',
    conversationId: 'c1',
    connection: { id: 'k1', settings: { url, secret } },
    idempotencyKey: 'msg_f1',
    metadata: { followup_id: 'f1' },
  });

  it('POSTs the message signed per Standard Webhooks, with the idempotency key as webhook-id', async () => {
    const adapter = new WebhookChannelAdapter('sms');
    const result = await adapter.send({ to: { phone: '+14155550123' }, body: 'Hi!' }, context());
    expect(result).toMatchObject({ providerMessageId: 'remote-1', status: 'sent' });
    const last = received[received.length - 1] as { headers: Record<string, string>; body: string };
    expect(last.headers['webhook-id']).toBe('msg_f1');
    expect(verifyWebhook(secret, last.headers, last.body, new Date())).toBe(true);
    expect(JSON.parse(last.body)).toMatchObject({
      type: 'message.outbound',
      channel: 'sms',
      body: 'Hi!',
      to: { phone: '+14155550123' },
      metadata: { followup_id: 'f1' },
    });
  });

  it('passes a template message on as it is, on channels whose sessions take templates (WhatsApp)', async () => {
    const adapter = new WebhookChannelAdapter('whatsapp');
    expect(adapter.capabilities).toMatchObject({ templates: true, session: { windowMs: 86_400_000, afterWindow: 'template_only' } });
    expect(new WebhookChannelAdapter('sms').capabilities.templates).toBe(false);
    const template = { name: 'retomar_contato', language: 'pt_BR', params: ['Ana'] };
    await adapter.send({ to: { phone: '+5511999990000' }, body: '[template retomar_contato (pt_BR): Ana]', template }, context());
    const last = received[received.length - 1] as { body: string };
    expect(JSON.parse(last.body)).toMatchObject({ channel: 'whatsapp', template });
  });

  it('tells refusals (definite) from failures of unknown outcome', async () => {
    const adapter = new WebhookChannelAdapter('sms');
    answer = { status: 422, body: '{}' };
    await expect(adapter.send({ to: {}, body: 'x' }, context())).rejects.toMatchObject({ code: 'http_422', definite: true });
    answer = { status: 503, body: '' };
    await expect(adapter.send({ to: {}, body: 'x' }, context())).rejects.toMatchObject({ code: 'http_503', definite: false });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = { ...context(), connection: { id: 'k', settings: { url: `http://127.0.0.1:${port}/x`, secret } } };
    await expect(adapter.send({ to: {}, body: 'x' }, refused)).rejects.toBeInstanceOf(SendError);
    await expect(adapter.send({ to: {}, body: 'x' }, refused)).rejects.toMatchObject({ code: 'ECONNREFUSED', definite: true });
    answer = { status: 200, body: '{"id":"remote-1"}' };
  });

  it('refuses a loopback URL unless private networks are allowed: at validation, and definitely at send, with the reason', async () => {
    const adapter = new WebhookChannelAdapter('sms');
    const before = received.length;
    allowPrivateNetworks(false);
    try {
      expect(webhookChannelProvider.validateSettings({ url, secret })).toEqual([
        'settings.url: 127.0.0.1 is a loopback address; set ALLOW_PRIVATE_NETWORK_URLS=true to allow',
      ]);
      expect(webhookChannelProvider.validateSettings({ url: 'https://hooks.example.com/in', secret })).toEqual([]);
      await expect(adapter.send({ to: {}, body: 'x' }, context())).rejects.toMatchObject({
        code: 'destination_not_allowed',
        definite: true,
        message: `webhook ${url}: destination_not_allowed: 127.0.0.1 is a loopback address; set ALLOW_PRIVATE_NETWORK_URLS=true to allow`,
      });
    } finally {
      allowPrivateNetworks(true);
    }
    expect(received.length).toBe(before);
    expect(webhookChannelProvider.validateSettings({ url, secret })).toEqual([]);
  });

  it('knows session windows and reachability by channel', () => {
    const now = new Date('2026-01-02T12:00:00Z');
    const whatsapp = new WebhookChannelAdapter('whatsapp');
    expect(whatsapp.sessionState({ channel: 'whatsapp', lastInboundAt: new Date('2026-01-01T13:00:00Z') }, now)).toBe('open');
    expect(whatsapp.sessionState({ channel: 'whatsapp', lastInboundAt: new Date('2026-01-01T11:00:00Z') }, now)).toBe('template_only');
    const chat = new WebhookChannelAdapter('live_chat');
    expect(chat.sessionState({ channel: 'live_chat', lastInboundAt: new Date('2026-01-02T11:00:00Z') }, now)).toBe('inactive');
    expect(new WebhookChannelAdapter('sms').sessionState({ channel: 'sms' }, now)).toBe('open');
    expect(new WebhookChannelAdapter('email').canReach({ phone: '+1415' })).toBe(false);
    expect(new WebhookChannelAdapter('sms').canReach({ phone: '+14155550123' })).toBe(true);
  });

  it('validates connection settings and generates a secret', () => {
    expect(webhookChannelProvider.validateSettings({ url: 'ftp://x', secret: 'nope', extra: 1 })).toEqual([
      'settings.url must be an http(s) URL',
      'settings.secret must be a Standard Webhooks secret (whsec_...)',
      'settings.extra is not a webhook setting (url, secret)',
    ]);
    const completed = webhookChannelProvider.completeSettings?.({ url }) ?? {};
    expect(webhookChannelProvider.validateSettings(completed)).toEqual([]);
  });
});

describeChannelConformance({
  provider: webhookChannelProvider,
  async start() {
    const receiver = new WebhookReceiver(secret);
    const url = await receiver.start();
    return {
      settings: { url: `${url}/conformance`, secret },
      contact: { name: 'Ada', phone: '+14155550123', email: 'ada@example.com', whatsapp: '+14155550123' },
      received: async () => [...receiver.accepted.values()].map((hit) => String((hit.body as { body?: unknown }).body)),
      refuseNext: () => receiver.refuseNext(422),
      stop: () => receiver.stop(),
    };
  },
});
