import { SendError, WebhookRejected } from '@followup/channels-core';
import { describeChannelConformance } from '@followup/channels-core/testing';
import { TwilioApiDouble } from '@followup/testing';
import { stringify } from 'node:querystring';
import twilio from 'twilio';
import { TwilioSmsAdapter, twilioSmsProvider, validateTwilioSettings } from './twilio-sms-channel';
import { twilioWebhooks } from './twilio-webhooks';

const context = (settings: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  locationId: 'l1',
  conversationId: 'c1',
  connection: { id: 'k1', settings },
  idempotencyKey: 'fu_1',
  webhookBaseUrl: 'https://gw.example.com/webhooks/twilio/k1',
  ...extra,
});

describe('SMS over Twilio (the real SDK against the Twilio API double)', () => {
  const double = new TwilioApiDouble();
  let settings: Record<string, string>;
  const adapter = new TwilioSmsAdapter();

  beforeAll(async () => {
    settings = double.connectionSettings(await double.start());
  });
  afterAll(() => double.stop());

  it('sends through the Messages API with the StatusCallback of the connection, and answers the SID', async () => {
    const result = await adapter.send({ to: { phone: '+14155550123' }, body: 'Still interested, Ada?' }, context(settings));
    expect(result.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(result.status).toBe('queued');
    const sent = double.messages.find((m) => m.sid === result.providerMessageId);
    expect(sent).toMatchObject({
      to: '+14155550123',
      from: settings['from'],
      body: 'Still interested, Ada?',
      statusCallback: 'https://gw.example.com/webhooks/twilio/k1/status',
    });
  });

  it('sends from a Messaging Service when one is configured', async () => {
    const { from: _from, ...rest } = settings;
    const service = `MG${'a'.repeat(32)}`;
    const result = await adapter.send(
      { to: { phone: '+14155550123' }, body: 'via service' },
      context({ ...rest, messaging_service_sid: service }),
    );
    expect(double.messages.find((m) => m.sid === result.providerMessageId)).toMatchObject({ from: null, messagingServiceSid: service });
  });

  it("reports Twilio's refusals as definite errors with Twilio's code, and what they say about the number", async () => {
    double.failNext(21610, 'Attempt to send to unsubscribed recipient');
    const error = (await adapter
      .send({ to: { phone: '+14155550199' }, body: 'x' }, context(settings))
      .catch((e: unknown) => e)) as SendError;
    expect(error).toBeInstanceOf(SendError);
    expect(error).toMatchObject({ code: 'twilio_21610', definite: true, address: { state: 'opted_out', channels: ['sms', 'voice'] } });
    expect(error.message).toContain('unsubscribed recipient');
    double.failNext(20500, 'Internal Server Error', 500);
    const unknown = (await adapter
      .send({ to: { phone: '+14155550199' }, body: 'x' }, context(settings))
      .catch((e: unknown) => e)) as SendError;
    expect(unknown).toMatchObject({ code: 'twilio_20500', definite: false });
  });

  it('is refused with bad credentials, and never calls Twilio for an unreachable contact or an overlong text', async () => {
    const before = double.unauthorized;
    const wrong = await adapter
      .send({ to: { phone: '+14155550123' }, body: 'x' }, context({ ...settings, auth_token: 'f'.repeat(32) }))
      .catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'twilio_20003', definite: true });
    expect(double.unauthorized).toBe(before + 1);
    const count = double.messages.length;
    await expect(adapter.send({ to: { email: 'a@b.co' }, body: 'x' }, context(settings))).rejects.toMatchObject({
      code: 'no_address',
      definite: true,
    });
    await expect(adapter.send({ to: { phone: '+14155550123' }, body: 'x'.repeat(1601) }, context(settings))).rejects.toMatchObject({
      code: 'body_too_long',
    });
    expect(double.messages.length).toBe(count);
  });

  it('reports an unreachable API as a definite network error', async () => {
    const error = await adapter
      .send({ to: { phone: '+14155550123' }, body: 'x' }, context({ ...settings, api_base_url: 'http://127.0.0.1:9' }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', definite: true });
  });

  it('validates settings field by field', () => {
    expect(validateTwilioSettings(settings)).toEqual([]);
    expect(
      validateTwilioSettings({ account_sid: 'nope', auth_token: 'short', from: '555', api_base_url: 'ftp://x', colour: 'red' }),
    ).toEqual([
      'settings.account_sid must be a Twilio Account SID (AC followed by 32 hex digits)',
      "settings.auth_token must be the account's auth token",
      'settings.from must be an E.164 phone number such as +14155550123',
      'settings.api_base_url must be an http(s) URL without a path, such as https://api.twilio.com',
      'settings.colour is not a Twilio setting (account_sid, auth_token, from, messaging_service_sid, api_base_url, help_text)',
    ]);
    expect(validateTwilioSettings({ account_sid: settings['account_sid'], auth_token: settings['auth_token'] })).toEqual([
      'settings.from is required (an E.164 number of the account) unless settings.messaging_service_sid is given',
    ]);
  });
});

describe('Twilio webhooks', () => {
  const token = 'b'.repeat(32);
  const connection = { id: 'k1', settings: { account_sid: `AC${'1'.repeat(32)}`, auth_token: token, from: '+15005550006' } };
  const request = (hook: string, params: Record<string, string>, sign = token) => {
    const url = `https://gw.example.com/webhooks/twilio/k1/${hook}`;
    return {
      hook,
      url,
      headers: { 'x-twilio-signature': twilio.getExpectedTwilioSignature(sign, url, params) },
      rawBody: Buffer.from(stringify(params)),
      now: new Date(),
    };
  };

  it('parses an inbound text, with STOP-like keywords flagged for SMS and voice', () => {
    const params = {
      MessageSid: 'SM1',
      AccountSid: connection.settings.account_sid,
      From: '+14155550123',
      To: '+15005550006',
      Body: 'Call me tomorrow',
    };
    expect(twilioWebhooks.receive(request('messages', params), connection)).toEqual([
      {
        kind: 'inbound',
        channel: 'sms',
        providerMessageId: 'SM1',
        from: { phone: '+14155550123' },
        to: '+15005550006',
        body: 'Call me tomorrow',
      },
    ]);
    const stop = twilioWebhooks.receive(request('messages', { ...params, MessageSid: 'SM2', Body: ' Stop. ' }), connection);
    expect(stop).toMatchObject([{ keyword: 'opt_out', keywordChannels: ['sms', 'voice'] }]);
  });

  it('maps status callbacks to forward-only states, with the error code and 21610 as an opt-out', () => {
    const base = { MessageSid: 'SM9', AccountSid: connection.settings.account_sid, To: '+14155550123', From: '+15005550006' };
    expect(twilioWebhooks.receive(request('status', { ...base, MessageStatus: 'delivered' }), connection)).toEqual([
      { kind: 'status', channel: 'sms', providerMessageId: 'SM9', status: 'delivered' },
    ]);
    expect(twilioWebhooks.receive(request('status', { ...base, MessageStatus: 'sending' }), connection)).toMatchObject([
      { status: 'queued' },
    ]);
    expect(
      twilioWebhooks.receive(request('status', { ...base, MessageStatus: 'undelivered', ErrorCode: '30003' }), connection),
    ).toMatchObject([{ status: 'undelivered', errorCode: '30003' }]);
    expect(twilioWebhooks.receive(request('status', { ...base, MessageStatus: 'failed', ErrorCode: '21610' }), connection)).toMatchObject([
      { status: 'failed', errorCode: '21610', address: { state: 'opted_out', phone: '+14155550123', channels: ['sms', 'voice'] } },
    ]);
  });

  it('refuses a missing or wrong signature, another account, and unreadable requests', () => {
    const params = { MessageSid: 'SM1', AccountSid: connection.settings.account_sid, From: '+14155550123', Body: 'hi' };
    const reject = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error as WebhookRejected;
      }
      throw new Error('not rejected');
    };
    expect(reject(() => twilioWebhooks.receive({ ...request('messages', params), headers: {} }, connection))).toMatchObject({
      status: 403,
      message: expect.stringContaining('X-Twilio-Signature is missing'),
    });
    expect(reject(() => twilioWebhooks.receive(request('messages', params, 'c'.repeat(32)), connection))).toMatchObject({
      status: 403,
      message: expect.stringContaining('does not match'),
    });
    const tampered = { ...request('messages', params), rawBody: Buffer.from(stringify({ ...params, Body: 'changed' })) };
    expect(reject(() => twilioWebhooks.receive(tampered, connection))).toMatchObject({ status: 403 });
    expect(
      reject(() => twilioWebhooks.receive(request('messages', { ...params, AccountSid: `AC${'2'.repeat(32)}` }), connection)),
    ).toMatchObject({ status: 403 });
    expect(
      reject(() => twilioWebhooks.receive(request('messages', { AccountSid: params.AccountSid, From: '+1415' }), connection)),
    ).toMatchObject({ status: 400 });
    expect(
      reject(() => twilioWebhooks.receive(request('status', { MessageSid: 'SM1', MessageStatus: 'exploded' }), connection)),
    ).toMatchObject({ status: 400 });
  });

  it('answers TwiML: empty, or the HELP text', () => {
    expect(twilioWebhooks.reply?.('messages', {}, connection)).toEqual({
      status: 200,
      contentType: 'text/xml',
      body: '<?xml version="1.0" encoding="UTF-8"?><Response/>',
    });
    expect(twilioWebhooks.reply?.('messages', { replyText: 'Acme: reply STOP to opt out & more' }, connection)?.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Acme: reply STOP to opt out &amp; more</Message></Response>',
    );
    expect(twilioWebhooks.reply?.('status', {}, connection)).toEqual({ status: 200 });
  });
});

describeChannelConformance({
  provider: twilioSmsProvider,
  async start() {
    const double = new TwilioApiDouble();
    const url = await double.start();
    const settings = double.connectionSettings(url);
    return {
      settings,
      contact: { phone: '+14155550123' },
      received: async () => double.messages.map((m) => m.body),
      refuseNext: () => double.failNext(21211, "The 'To' number is not a valid phone number."),
      authenticWebhook: (hook, connection) => {
        const params = {
          MessageSid: 'SMconformance',
          AccountSid: double.accountSid,
          From: '+14155550123',
          To: '+15005550006',
          Body: 'hello',
          MessageStatus: 'delivered',
        };
        const target = `http://127.0.0.1/webhooks/twilio/${connection.id}/${hook}`;
        return {
          hook,
          url: target,
          headers: { 'x-twilio-signature': twilio.getExpectedTwilioSignature(String(connection.settings['auth_token']), target, params) },
          rawBody: Buffer.from(stringify(params)),
          now: new Date(),
        };
      },
      stop: () => double.stop(),
    };
  },
});
