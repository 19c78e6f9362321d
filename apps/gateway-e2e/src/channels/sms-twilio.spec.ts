import { TwilioApiDouble } from '@followup/testing';
import { ENGINES, useGateway } from '../support/fixtures';
import { Api, Json } from '../support/http';

/**
 * SMS end to end: the gateway's Twilio channel uses the real `twilio` SDK against the Twilio API
 * double, and the double plays Twilio calling back (inbound texts and status callbacks, signed
 * with the SDK's helper). The gateway's clock stands still until the test moves it.
 */
const START = '2026-06-15T13:00:00.000Z';
const HOUR = 3_600_000;
const ADA = '+14155550123';
const OUR_NUMBER = '+15005550006';

describe.each(ENGINES)('SMS over Twilio on %s', (engine) => {
  const gw = useGateway(engine, { TEST_CLOCK: 'manual', TEST_CLOCK_START: START });
  const twilio = new TwilioApiDouble();
  let api: Api;
  let connectionId: string;
  let agentId: string;
  const hook = (kind: 'messages' | 'status') => `${gw.gateway.url}/webhooks/twilio/${connectionId}/${kind}`;
  const text = (body: string, messageSid?: string, from = ADA) =>
    twilio.sendInbound(hook('messages'), { from, to: OUR_NUMBER, body, messageSid });
  const conversationOf = async (phone: string) => {
    const contact = (await api.get('/contacts?limit=100')).body.data.find((c: Json) => c.phone === phone);
    const conversations = (await api.get(`/conversations?contact_id=${contact.id}`)).body.data;
    return { contact, conversation: conversations[0] };
  };

  beforeAll(async () => {
    api = gw.api;
    const url = await twilio.start();
    agentId = (
      await api.post('/conversation-ai/agents', {
        name: 'Lead Bot',
        businessName: 'Acme Dental',
        personality: 'p',
        goal: 'g',
        instructions: 'i',
        timezone: 'America/New_York',
      })
    ).body.id;
    const quiet = await api.post(`/conversation-ai/agents/${agentId}/actions`, {
      type: 'advancedFollowup',
      name: 'Stopped replying',
      details: {
        enabled: true,
        scenarioId: 'contactStoppedReplying',
        followupSequence: [
          {
            id: 1,
            followupTimeUnit: 'hours',
            followupTime: 1,
            aiEnabledMessage: false,
            customMessage: 'Hi {{contact.first_name}}, shall I hold Tuesday 10am for you?',
          },
          { id: 2, followupTimeUnit: 'hours', followupTime: 2, aiEnabledMessage: false, customMessage: 'Last chance for Tuesday!' },
        ],
      },
    });
    expect(quiet.status).toBe(201);
    const created = await api.post('/channels', {
      type: 'sms',
      provider: 'twilio',
      name: 'Main number',
      default_agent_id: agentId,
      settings: { ...twilio.connectionSettings(url, OUR_NUMBER), help_text: 'Acme Dental: reply STOP to opt out. Call 555-0100 for help.' },
    });
    expect(created.status).toBe(201);
    connectionId = created.body.id;
  });
  afterAll(() => twilio.stop());

  it('keeps the auth token encrypted and masked, and names bad settings', async () => {
    const read = await api.get(`/channels/${connectionId}`);
    expect(read.body.settings).toMatchObject({
      account_sid: twilio.accountSid,
      from: OUR_NUMBER,
      auth_token: expect.stringMatching(/^\*\*\*\*[0-9a-f]{4}$/),
    });
    expect(JSON.stringify(read.body)).not.toContain(twilio.authToken);
    const bad = await api.post('/channels', { type: 'sms', provider: 'twilio', settings: { account_sid: 'AC1', auth_token: 'x' } });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toEqual(
      expect.arrayContaining(['settings.account_sid must be a Twilio Account SID (AC followed by 32 hex digits)']),
    );
    const wrongType = await api.post('/channels', { type: 'email', provider: 'twilio', settings: {} });
    expect(wrongType.status).toBe(422);
  });

  it('takes a text in: creates the contact and conversation, records it once, answers empty TwiML', async () => {
    const first = await text('Hi, do you have openings next week?', 'SMinbound0001');
    expect(first).toEqual({ status: 200, body: '<?xml version="1.0" encoding="UTF-8"?><Response/>' });
    const again = await text('Hi, do you have openings next week?', 'SMinbound0001');
    expect(again.status).toBe(200);
    const { contact, conversation } = await conversationOf(ADA);
    expect(contact).toMatchObject({ phone: ADA, name: null, opted_out: { sms: false } });
    expect((await api.patch(`/contacts/${contact.id}`, { name: 'Ada Lovelace', first_name: 'Ada' })).status).toBe(200);
    expect(conversation).toMatchObject({ channel: 'sms', agent_id: agentId, connection_id: connectionId });
    const messages = (await gw.timeline(conversation.id)).filter((i) => i.kind === 'message');
    expect(messages.map((m) => [m.message.direction, m.message.body, m.message.provider_message_id, m.message.status])).toEqual([
      ['inbound', 'Hi, do you have openings next week?', 'SMinbound0001', 'received'],
    ]);
  });

  it('refuses a forged or unsigned text with 403 and records nothing', async () => {
    const before = (await api.get('/contacts?limit=100')).body.data.length;
    const forged = await twilio.sendInbound(hook('messages'), { from: '+14155550999', to: OUR_NUMBER, body: 'forged' }, 'f'.repeat(32));
    expect(forged.status).toBe(403);
    const unsigned = await fetch(hook('messages'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'From=%2B14155550999&Body=hi&MessageSid=SMx',
    });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.json()).toMatchObject({ statusCode: 403, message: expect.stringContaining('X-Twilio-Signature') });
    expect((await api.get('/contacts?limit=100')).body.data.length).toBe(before);
  });

  it('answers a request to an id that names no connection exactly as a forged one to a real connection (ids cannot be probed)', async () => {
    const unknown = 'no-such-connection';
    const other = (kind: 'messages' | 'status') => hook(kind).replace(connectionId, unknown);
    const text = { from: '+14155550999', to: OUR_NUMBER, body: 'probe', messageSid: 'SMprobe' };
    const forged = await twilio.sendInbound(hook('messages'), text, 'f'.repeat(32));
    const probe = await twilio.sendInbound(other('messages'), text, 'f'.repeat(32));
    expect(forged.status).toBe(403);
    expect(probe.status).toBe(forged.status);
    // Twilio's refusal names the URL it was called at: the caller's own, the only difference.
    expect(probe.body).toBe(forged.body.replace(connectionId, unknown));
    const unsigned = (url: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Body=hi' });
    const [known, none] = await Promise.all([unsigned(hook('status')), unsigned(other('status'))]);
    expect([known.status, none.status]).toEqual([403, 403]);
    expect(await none.text()).toBe(await known.text());
  });

  it('replies through Twilio, follows delivery statuses forward only, and follows up over SMS when the contact goes quiet', async () => {
    const { conversation } = await conversationOf(ADA);
    const reply = await api.post(`/conversations/${conversation.id}/messages`, {
      direction: 'outbound',
      body: 'We do! Tuesday at 10am?',
      send: true,
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      status: 'queued',
      connection_id: connectionId,
      provider_message_id: expect.stringMatching(/^SM[0-9a-f]{32}$/),
    });
    const sent = twilio.messages.find((m) => m.sid === reply.body.provider_message_id);
    expect(sent).toMatchObject({ to: ADA, from: OUR_NUMBER, body: 'We do! Tuesday at 10am?', statusCallback: hook('status') });

    for (const status of ['sent', 'delivered', 'sent'])
      expect((await twilio.sendStatus(reply.body.provider_message_id, status)).status).toBe(200);
    const recorded = (await gw.timeline(conversation.id)).find((i) => i.message?.id === reply.body.id);
    expect(recorded.message.status).toBe('delivered');

    const tick = await gw.moveClock(HOUR);
    expect(tick.dispatched).toBe(1);
    const followup = twilio.messages[twilio.messages.length - 1];
    expect(followup).toMatchObject({ to: ADA, body: 'Hi Ada, shall I hold Tuesday 10am for you?' });
    expect(followup?.statusCallback).toBe(hook('status'));
    await twilio.sendStatus(followup?.sid as string, 'delivered');
    const steps = (await gw.timeline(conversation.id)).filter((i) => i.kind === 'followup').map((i) => i.followup);
    expect(steps.map((f: Json) => [f.step, f.status])).toEqual([
      [1, 'delivered'],
      [2, 'scheduled'],
    ]);
  });

  it("records a failed delivery with Twilio's error code", async () => {
    const { conversation } = await conversationOf(ADA);
    const reply = await api.post(`/conversations/${conversation.id}/messages`, {
      direction: 'outbound',
      body: 'Are you still there?',
      send: true,
    });
    await twilio.sendStatus(reply.body.provider_message_id, 'undelivered', 30003);
    await twilio.sendStatus(reply.body.provider_message_id, 'delivered');
    const recorded = (await gw.timeline(conversation.id)).find((i) => i.message?.id === reply.body.id);
    expect(recorded.message).toMatchObject({
      status: 'undelivered',
      error_code: '30003',
      status_reason: 'undelivered: 30003 Twilio error 30003',
    });
  });

  it('STOP opts the contact out of SMS and voice and cancels every pending follow-up; sends are then refused before Twilio; START opts back in', async () => {
    const { conversation } = await conversationOf(ADA);
    await api.post(`/conversations/${conversation.id}/messages`, { direction: 'outbound', body: 'Want the slot?', send: true });
    expect((await gw.timeline(conversation.id)).some((i) => i.followup?.status === 'scheduled')).toBe(true);
    expect((await text(' Stop. ')).status).toBe(200);
    const { contact } = await conversationOf(ADA);
    expect(contact.opted_out).toMatchObject({ sms: true, voice: true, email: false });
    const pending = (await gw.timeline(conversation.id)).filter(
      (i) => i.kind === 'followup' && ['scheduled', 'planned'].includes(i.followup.status),
    );
    expect(pending).toEqual([]);
    const cancelled = (await gw.timeline(conversation.id)).filter((i) => i.followup?.status === 'cancelled').map((i) => i.followup.reason);
    expect(cancelled).toContain('opted_out: the contact replied STOP');

    const count = twilio.messages.length;
    const refused = await api.post(`/conversations/${conversation.id}/messages`, {
      direction: 'outbound',
      body: 'One more thing!',
      send: true,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(
      /^opted_out: the contact opted out of sms: the message was not sent \(recorded as message \S+ with status refused\)$/,
    );
    expect(twilio.messages.length).toBe(count);
    expect((await gw.moveClock(24 * HOUR)).dispatched).toBe(0);
    expect(twilio.messages.length).toBe(count);

    expect((await text('START')).status).toBe(200);
    expect((await conversationOf(ADA)).contact.opted_out.sms).toBe(false);
  });

  it("answers HELP with the connection's help text in TwiML", async () => {
    const help = await text('help');
    expect(help.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Acme Dental: reply STOP to opt out. Call 555-0100 for help.</Message></Response>',
    );
  });

  it('opts the contact out when Twilio reports 21610, and answers 502 when Twilio refuses a send', async () => {
    const bob = '+14155550177';
    await text('Hello?', undefined, bob);
    const { conversation } = await conversationOf(bob);
    const reply = await api.post(`/conversations/${conversation.id}/messages`, { direction: 'outbound', body: 'Hi Bob!', send: true });
    await twilio.sendStatus(reply.body.provider_message_id, 'failed', 21610);
    expect((await conversationOf(bob)).contact.opted_out.sms).toBe(true);

    const carol = '+14155550178';
    await text('Hi', undefined, carol);
    const carols = await conversationOf(carol);
    twilio.failNext(21211, "The 'To' number is not a valid phone number.");
    const failed = await api.post(`/conversations/${carols.conversation.id}/messages`, {
      direction: 'outbound',
      body: 'Hi Carol!',
      send: true,
    });
    expect(failed.status).toBe(502);
    expect(failed.body.message).toContain('Twilio error 21211');
    const recorded = (await gw.timeline(carols.conversation.id)).filter((i) => i.kind === 'message').pop();
    expect(recorded.message).toMatchObject({ status: 'failed', error_code: 'twilio_21211' });
  });
});
