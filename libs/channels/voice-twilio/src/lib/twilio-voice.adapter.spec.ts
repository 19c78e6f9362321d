import { SendError } from '@followup/channels-core';
import { TwilioApiDouble } from '@followup/testing';
import { TwilioVoiceAdapter, twimlUrl } from './twilio-voice.adapter';
import { validateTwilioVoiceSettings } from './twilio-voice.settings';

const BASE = 'https://gw.example.com/webhooks/twilio-voice/k1';
const context = (settings: Record<string, unknown>) => ({
  locationId: 'l1',
  conversationId: 'c1',
  connection: { id: 'k1', settings },
  idempotencyKey: 'fu_1',
  webhookBaseUrl: BASE,
});

describe('calls over Twilio Voice (the real SDK against the Twilio API double)', () => {
  const double = new TwilioApiDouble();
  const adapter = new TwilioVoiceAdapter();
  let settings: Record<string, unknown>;

  beforeAll(async () => {
    settings = { ...double.connectionSettings(await double.start()), handoff_number: '+14155550100' };
  });
  afterAll(() => double.stop());

  it('places a call through the Calls API: the TwiML URL carries the text, call events to the StatusCallback, machine detection on', async () => {
    const result = await adapter.send({ to: { phone: '+14155550123' }, body: 'Hi Ada, Tuesday at 10?' }, context(settings));
    expect(result).toMatchObject({ providerMessageId: expect.stringMatching(/^CA[0-9a-f]{32}$/), status: 'queued' });
    expect(double.calls.find((c) => c.sid === result.providerMessageId)).toMatchObject({
      to: '+14155550123',
      from: settings['from'],
      url: `${BASE}/twiml?m=Hi%20Ada%2C%20Tuesday%20at%2010%3F`,
      method: 'POST',
      statusCallback: `${BASE}/status`,
      statusCallbackEvents: ['initiated', 'ringing', 'answered', 'completed'],
      machineDetection: 'DetectMessageEnd',
    });
    expect(twimlUrl(BASE, 'a&b')).toBe(`${BASE}/twiml?m=a%26b`);
  });

  it("carries an assigned conversation's assignee's number when the connection knows it", async () => {
    const known = { ...settings, assignee_numbers: { 'user-7': '+14155550177' } };
    const send = (assignedUserId: string | null) =>
      adapter.send({ to: { phone: '+14155550123' }, body: 'Hi' }, { ...context(known), assignedUserId });
    const assigned = await send('user-7');
    expect(double.calls.find((c) => c.sid === assigned.providerMessageId)?.url).toBe(`${BASE}/twiml?m=Hi&h=%2B14155550177`);
    for (const other of [await send('user-8'), await send(null)])
      expect(double.calls.find((c) => c.sid === other.providerMessageId)?.url).toBe(`${BASE}/twiml?m=Hi`);
  });

  it('leaves machine detection out when the connection turns it off', async () => {
    const result = await adapter.send({ to: { phone: '+14155550123' }, body: 'x' }, context({ ...settings, machine_detection: false }));
    expect(double.calls.find((c) => c.sid === result.providerMessageId)?.machineDetection).toBeNull();
  });

  it("reports Twilio's refusals as definite errors, with what they say about the number", async () => {
    double.failNext(21215, 'Geo permission not enabled for +88212345678');
    const refused = (await adapter
      .send({ to: { phone: '+88212345678' }, body: 'x' }, context(settings))
      .catch((e: unknown) => e)) as SendError;
    expect(refused).toBeInstanceOf(SendError);
    expect(refused).toMatchObject({ code: 'twilio_21215', definite: true, address: { state: 'invalid', channels: ['voice'] } });
    double.failNext(20500, 'Internal Server Error', 500);
    await expect(adapter.send({ to: { phone: '+14155550123' }, body: 'x' }, context(settings))).rejects.toMatchObject({
      code: 'twilio_20500',
      definite: false,
    });
  });

  it('never calls Twilio without a number, a text, a short enough text or a webhook URL', async () => {
    const count = double.calls.length;
    const send = (to: Record<string, string>, body: string, ctx: Record<string, unknown> = context(settings)) =>
      adapter.send({ to, body }, ctx as never).catch((e: unknown) => e);
    expect(await send({ email: 'a@b.co' }, 'x')).toMatchObject({ code: 'no_address', definite: true });
    expect(await send({ phone: '+14155550123' }, '  ')).toMatchObject({ code: 'empty_body', definite: true });
    expect(await send({ phone: '+14155550123' }, 'x'.repeat(1001))).toMatchObject({ code: 'body_too_long', definite: true });
    const { webhookBaseUrl: _none, ...noBase } = context(settings);
    expect(await send({ phone: '+14155550123' }, 'x', noBase)).toMatchObject({ code: 'no_webhook_url', definite: true });
    expect(double.calls.length).toBe(count);
    expect(await send({ phone: '+14155550123' }, 'x', context({ ...settings, api_base_url: 'http://127.0.0.1:9' }))).toMatchObject({
      code: 'ECONNREFUSED',
      definite: true,
    });
  });

  it('validates settings field by field', () => {
    expect(validateTwilioVoiceSettings(settings)).toEqual([]);
    expect(
      validateTwilioVoiceSettings({
        account_sid: 'AC1',
        auth_token: 'short',
        from: '555',
        handoff_number: '0800',
        voice_agent_id: '',
        voice: '<b>',
        language: 'English',
        machine_detection: 'yes',
        assignee_numbers: { 'user-7': '555' },
        offer_text: '',
        colour: 'red',
      }),
    ).toEqual([
      'settings.account_sid must be a Twilio Account SID (AC followed by 32 hex digits)',
      "settings.auth_token must be the account's auth token",
      'settings.from must be an E.164 phone number of the account, such as +14155550123',
      'settings.handoff_number must be an E.164 phone number such as +14155550100',
      'settings.assignee_numbers.user-7 must be an E.164 phone number such as +14155550100',
      'settings.voice_agent_id must be the id of a Voice AI agent of this location',
      "settings.voice must be a Twilio text-to-speech voice such as 'alice' or 'Polly.Joanna'",
      "settings.language must be a language tag such as 'en-US' or 'es-MX'",
      'settings.machine_detection must be true or false',
      'settings.offer_text must be a text of 1 to 500 characters',
      expect.stringMatching(/^settings\.colour is not a Twilio Voice setting \(account_sid, auth_token, from, /),
    ]);
  });
});
