import { SendContext, SendError } from '@followup/channels-core';
import { GraphApiDouble } from '@followup/testing';
import { fromAnswer } from './graph-error.mapper';
import { SendPacer } from './token-bucket.pacer';
import { WhatsappCloudAdapter } from './whatsapp-cloud.adapter';

const ADA = { name: 'Ada', phone: '+14155550123' };
const context = (settings: Record<string, unknown>, id = 'k1'): SendContext => ({
  locationId: 'l1',
  conversationId: 'c1',
  connection: { id, settings },
  idempotencyKey: 'fu_1',
});
const failure = (promise: Promise<unknown>) =>
  promise.then(() => new Error('the send did not fail')).catch((e: unknown) => e) as Promise<SendError>;

describe('WhatsApp Cloud adapter (against the Graph API double)', () => {
  const double = new GraphApiDouble();
  const adapter = new WhatsappCloudAdapter({ timeoutMs: 300 });
  let settings: Record<string, unknown>;

  beforeAll(async () => {
    settings = { ...double.connectionSettings(await double.start()), verify_token: 'v'.repeat(16) };
  });
  afterAll(() => double.stop());

  it('sends a text as the Cloud API takes it, to the contact digits, and answers the wamid as queued', async () => {
    const result = await adapter.send({ to: ADA, body: 'Still interested, Ada?' }, context(settings));
    expect(result).toMatchObject({ providerMessageId: expect.stringMatching(/^wamid\.[A-Za-z0-9+/=]+$/), status: 'queued' });
    const sent = double.messages.find((m) => m.id === result.providerMessageId);
    expect(sent?.path).toBe(`/v23.0/${double.phoneNumberId}/messages`);
    expect(sent?.request).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '14155550123',
      type: 'text',
      text: { preview_url: false, body: 'Still interested, Ada?' },
    });
  });

  it("prefers the contact's WhatsApp number to its phone, and uses the connection's API version", async () => {
    const result = await adapter.send(
      { to: { phone: '+14155550123', whatsapp: '+49 151 1234 5678' }, body: 'Hallo' },
      context({ ...settings, api_version: 'v22.0' }),
    );
    expect(double.messages.find((m) => m.id === result.providerMessageId)).toMatchObject({
      to: '4915112345678',
      path: `/v22.0/${double.phoneNumberId}/messages`,
    });
  });

  it('sends a template with its body parameters, and one without parameters without components', async () => {
    const template = { name: 'reengagement_v1', language: 'en_US', params: ['Ada', 'Tuesday 10am'] };
    const result = await adapter.send({ to: ADA, body: 'Hi Ada, still want Tuesday 10am?', template }, context(settings));
    const sent = double.messages.find((m) => m.id === result.providerMessageId);
    expect(sent?.request).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '14155550123',
      type: 'template',
      template: {
        name: 'reengagement_v1',
        language: { code: 'en_US' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ada' },
              { type: 'text', text: 'Tuesday 10am' },
            ],
          },
        ],
      },
    });
    const bare = await adapter.send(
      { to: ADA, body: 'hello', template: { name: 'hello_world', language: 'en_US', params: [] } },
      context(settings),
    );
    expect(double.messages.find((m) => m.id === bare.providerMessageId)?.request['template']).toEqual({
      name: 'hello_world',
      language: { code: 'en_US' },
    });
  });

  it('refuses an unknown template (132001) and a bad token (190) as definite failures', async () => {
    double.knowTemplates('reengagement_v1');
    const unknown = await failure(
      adapter.send({ to: ADA, body: 'x', template: { name: 'nope', language: 'en', params: [] } }, context(settings)),
    );
    double.templates = undefined;
    expect(unknown).toMatchObject({ code: 'whatsapp_132001', definite: true, message: expect.stringContaining('does not exist') });
    const before = double.unauthorized;
    const token = await failure(adapter.send({ to: ADA, body: 'x' }, context({ ...settings, access_token: 'EAAGwrongwrongwrongwrong' })));
    expect(token).toMatchObject({ code: 'whatsapp_190', definite: true, message: expect.stringContaining('invalid or expired') });
    expect(double.unauthorized).toBe(before + 1);
  });

  it.each([
    [131026, { address: { state: 'invalid', channels: ['whatsapp'] }, hints: {} }],
    [131047, { address: undefined, hints: { sessionClosed: true }, message: expect.stringContaining('24 hours') }],
    [131056, { address: undefined, hints: { retryAfterMs: 6_000 } }],
    [130429, { address: undefined, hints: { retryAfterMs: 1_000 } }],
    [131051, { address: undefined, hints: {} }],
  ])("maps Meta's %i to a definite SendError with what it says", async (code, expected) => {
    double.failNext(code, { details: `details of ${code}` });
    const error = await failure(adapter.send({ to: ADA, body: 'x' }, context(settings)));
    expect(error).toBeInstanceOf(SendError);
    expect(error).toMatchObject({ code: `whatsapp_${code}`, definite: true, ...expected });
    expect(error.message).toMatch(new RegExp(`^WhatsApp error ${code}: .*details of ${code}.*\\[fbtrace_id \\S+\\]$`));
  });

  it('reports a 5xx, a timeout and a lost answer as unknown outcomes, a refused connection as definite', async () => {
    double.failNext(131000, { status: 500, message: '(#131000) Something went wrong' });
    expect(await failure(adapter.send({ to: ADA, body: 'x' }, context(settings)))).toMatchObject({
      code: 'whatsapp_131000',
      definite: false,
    });
    expect(fromAnswer(502, '<html>Bad Gateway</html>')).toMatchObject({ code: 'http_502', definite: false });
    expect(fromAnswer(400, 'not json')).toMatchObject({ code: 'http_400', definite: true });
    const count = double.messages.length;
    double.delayNext(1_000);
    expect(await failure(adapter.send({ to: ADA, body: 'slow' }, context(settings)))).toMatchObject({ code: 'timeout', definite: false });
    expect(double.messages.length).toBe(count + 1); // Meta took it: resending would send it twice
    const refused = await failure(adapter.send({ to: ADA, body: 'x' }, context({ ...settings, api_base_url: 'http://127.0.0.1:9' })));
    expect(refused).toMatchObject({ code: 'ECONNREFUSED', definite: true });
  });

  it('never calls Meta for a contact without a number, an empty text or one over 4096 characters', async () => {
    const count = double.messages.length;
    await expect(adapter.send({ to: { email: 'a@b.co' }, body: 'x' }, context(settings))).rejects.toMatchObject({ code: 'no_address' });
    await expect(adapter.send({ to: ADA, body: '  ' }, context(settings))).rejects.toMatchObject({ code: 'empty_body' });
    await expect(adapter.send({ to: ADA, body: 'x'.repeat(4097) }, context(settings))).rejects.toMatchObject({
      code: 'body_too_long',
      definite: true,
    });
    await adapter.send({ to: ADA, body: 'y'.repeat(4096) }, context(settings));
    expect(double.messages.length).toBe(count + 1);
  });

  it('declares the WhatsApp session rule, templates, no idempotent sends and Meta’s default rate, and reaches phone or WhatsApp', () => {
    expect(adapter.capabilities).toEqual({
      templates: true,
      session: { windowMs: 24 * 3_600_000, afterWindow: 'template_only' },
      maxLength: 4096,
      idempotentSend: false,
      sendsPerSecond: 80,
    });
    const now = new Date('2026-06-15T12:00:00Z');
    const at = (hoursAgo: number) => ({ channel: 'whatsapp' as const, lastInboundAt: new Date(now.getTime() - hoursAgo * 3_600_000) });
    expect(adapter.sessionState(at(23.9), now)).toBe('open');
    expect(adapter.sessionState(at(24.1), now)).toBe('template_only');
    expect(adapter.canReach({ whatsapp: '+4915112345678' })).toBe(true);
    expect(adapter.canReach({ phone: '+14155550123' })).toBe(true);
    expect(adapter.canReach({ email: 'a@b.co' })).toBe(false);
  });

  it('paces the sends of each connection at its messages_per_second', async () => {
    const waits: number[] = [];
    const pacer = new SendPacer({ now: () => 0, sleep: async (ms) => void waits.push(ms) });
    const paced = new WhatsappCloudAdapter({ pacer });
    const slow = { ...settings, messages_per_second: 4 };
    for (let i = 0; i < 3; i++) await paced.send({ to: ADA, body: `paced ${i}` }, context(slow, 'slow'));
    await paced.send({ to: ADA, body: 'other connection' }, context(slow, 'other'));
    expect(waits).toEqual([250, 500]);
  });
});
