import { GraphApiDouble, inboundValue, webhookEnvelope } from '@followup/testing';
import { ENGINES, useGateway } from '../support/fixtures';
import { Api, Json } from '../support/http';

/**
 * WhatsApp end to end: the gateway's Cloud API channel sends to the Graph API double (Meta's wire
 * format), and the double plays Meta calling back: the verification handshake, inbound messages and
 * statuses signed with X-Hub-Signature-256. The gateway's clock stands still until the test moves it.
 */
const START = '2026-06-15T13:00:00.000Z';
const ADA = '+14155550123';
const BOB = '+14155550177';

describe.each(ENGINES)('WhatsApp over the Cloud API on %s', (engine) => {
  const gw = useGateway(engine, { TEST_CLOCK: 'manual', TEST_CLOCK_START: START });
  const meta = new GraphApiDouble();
  let api: Api;
  let connectionId: string;
  let verifyToken: string;
  const hook = () => `${gw.gateway.url}/webhooks/whatsapp/${connectionId}/events`;
  const write = (from: string, name: string, text: string, id?: string) =>
    meta.sendInbound(hook(), { from, name, text, id, timestamp: new Date(START) });
  const contacts = async (): Promise<Json[]> => (await api.get('/contacts?limit=100')).body.data;
  const conversationOf = async (phone: string) => {
    const contact = (await contacts()).find((c: Json) => c.phone === phone);
    const conversations = (await api.get(`/conversations?contact_id=${contact.id}`)).body.data;
    return { contact, conversation: conversations[0] };
  };
  const reply = async (conversationId: string, body: string) =>
    api.post(`/conversations/${conversationId}/messages`, { direction: 'outbound', body, send: true });
  const recorded = async (conversationId: string, messageId: string) =>
    (await gw.timeline(conversationId)).find((i) => i.message?.id === messageId)?.message;

  beforeAll(async () => {
    api = gw.api;
    const url = await meta.start();
    const agent = await api.post('/conversation-ai/agents', {
      name: 'Lead Bot',
      businessName: 'Acme Dental',
      personality: 'p',
      goal: 'g',
      instructions: 'i',
      timezone: 'America/New_York',
    });
    const created = await api.post('/channels', {
      type: 'whatsapp',
      provider: 'whatsapp-cloud',
      name: 'WhatsApp line',
      default_agent_id: agent.body.id,
      settings: meta.connectionSettings(url),
    });
    expect(created.status).toBe(201);
    connectionId = created.body.id;
    verifyToken = created.body.settings.verify_token;
  });
  afterAll(() => meta.stop());

  it('generates the verify token, keeps the access token and app secret masked, and names bad settings', async () => {
    expect(verifyToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const read = await api.get(`/channels/${connectionId}`);
    expect(read.body.settings).toMatchObject({
      phone_number_id: meta.phoneNumberId,
      verify_token: verifyToken,
      access_token: expect.stringMatching(/^\*\*\*\*.{4}$/),
      app_secret: expect.stringMatching(/^\*\*\*\*[0-9a-f]{4}$/),
    });
    expect(JSON.stringify(read.body)).not.toContain(meta.accessToken);
    expect(JSON.stringify(read.body)).not.toContain(meta.appSecret);
    const bad = await api.post('/channels', { type: 'whatsapp', provider: 'whatsapp-cloud', settings: { phone_number_id: 'abc' } });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        'settings.phone_number_id must be the Phone number ID of the WhatsApp number (digits, from WhatsApp > API Setup)',
        "settings.app_secret must be the Meta app's App Secret (32 hex digits, from App settings > Basic)",
      ]),
    );
  });

  it("answers Meta's verification handshake: the challenge for the right token, 403 for a wrong one", async () => {
    const right = await meta.verifyWebhook(hook(), verifyToken, '1158201444');
    expect(right).toEqual({ status: 200, body: '1158201444', contentType: 'text/plain; charset=utf-8' });
    const wrong = await meta.verifyWebhook(hook(), 'not-the-token', '1158201444');
    expect(wrong.status).toBe(403);
    expect(wrong.body).not.toContain('1158201444');
    // An id that names no connection is refused exactly as a wrong token (ids cannot be probed).
    expect(
      await meta.verifyWebhook(`${gw.gateway.url}/webhooks/whatsapp/no-such-connection/events`, 'not-the-token', '1158201444'),
    ).toEqual(wrong);
  });

  it('takes a signed inbound text in: creates the contact and the conversation, and records a redelivery once', async () => {
    expect(await write(ADA, 'Ada Lovelace', 'Hi, do you have openings next week?', 'wamid.IN0001')).toMatchObject({ status: 200 });
    expect((await write(ADA, 'Ada Lovelace', 'Hi, do you have openings next week?', 'wamid.IN0001')).status).toBe(200);
    const { contact, conversation } = await conversationOf(ADA);
    expect(contact).toMatchObject({ phone: ADA, whatsapp: ADA, name: 'Ada Lovelace', first_name: 'Ada', undeliverable: [] });
    expect(conversation).toMatchObject({ channel: 'whatsapp', connection_id: connectionId });
    const messages = (await gw.timeline(conversation.id)).filter((i) => i.kind === 'message');
    expect(messages.map((m) => [m.message.direction, m.message.body, m.message.provider_message_id, m.message.status])).toEqual([
      ['inbound', 'Hi, do you have openings next week?', 'wamid.IN0001', 'received'],
    ]);
  });

  it('refuses a forged or unsigned POST with 403 and a signed malformed one with 400, recording nothing', async () => {
    const before = (await contacts()).length;
    const payload = webhookEnvelope(meta, inboundValue([{ from: '14155550999', name: 'Mallory', text: 'forged' }]));
    expect((await meta.postWebhook(hook(), payload, 'f'.repeat(32))).status).toBe(403);
    const unsigned = await fetch(hook(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.json()).toMatchObject({ statusCode: 403, message: expect.stringContaining('X-Hub-Signature-256') });
    const malformed = await meta.postWebhook(hook(), { object: 'whatsapp_business_account', entry: [{ id: meta.wabaId, changes: {} }] });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ statusCode: 400, message: 'entry[0].changes must be an array' });
    expect((await contacts()).length).toBe(before);
  });

  it("replies inside the window through the Cloud API, records the wamid, and ends 'read' when read comes before delivered", async () => {
    const { conversation } = await conversationOf(ADA);
    const sent = await reply(conversation.id, 'We do! Tuesday at 10am?');
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      status: 'queued',
      channel: 'whatsapp',
      connection_id: connectionId,
      provider_message_id: expect.stringMatching(/^wamid\./),
    });
    const received = meta.messages.find((m) => m.id === sent.body.provider_message_id);
    expect(received?.request).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '14155550123',
      type: 'text',
      text: { preview_url: false, body: 'We do! Tuesday at 10am?' },
    });
    for (const status of ['read', 'delivered', 'sent'])
      expect((await meta.sendStatus(hook(), sent.body.provider_message_id, status)).status).toBe(200);
    expect(await recorded(conversation.id, sent.body.id)).toMatchObject({
      status: 'read',
      provider_message_id: sent.body.provider_message_id,
    });
  });

  it("marks the contact's WhatsApp undeliverable on a failed status with 131026, and refuses the next send before Meta", async () => {
    await write(BOB, 'Bob', 'Hello?');
    const { conversation } = await conversationOf(BOB);
    const sent = await reply(conversation.id, 'Hi Bob!');
    expect(sent.status).toBe(201);
    const failed = await meta.sendStatus(hook(), sent.body.provider_message_id, 'failed', {
      error: { code: 131026, title: 'Message undeliverable', details: 'The recipient is not on WhatsApp' },
    });
    expect(failed.status).toBe(200);
    expect((await conversationOf(BOB)).contact.undeliverable).toEqual(['whatsapp']);
    expect(await recorded(conversation.id, sent.body.id)).toMatchObject({ status: 'failed', error_code: '131026' });
    const count = meta.messages.length;
    const refused = await reply(conversation.id, 'Are you there?');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/^undeliverable: /);
    expect(meta.messages.length).toBe(count);
  });
});
