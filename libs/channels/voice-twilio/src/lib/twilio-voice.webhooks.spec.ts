import { ConnectionView, VoiceAgentView, WebhookRejected, WebhookRequest } from '@followup/channels-core';
import { readTwiml } from '@followup/testing';
import { stringify } from 'node:querystring';
import twilio from 'twilio';
import { twilioVoiceWebhooks as hooks } from './twilio-voice.webhooks';

const token = 'b'.repeat(32);
const account = `AC${'1'.repeat(32)}`;
const BASE = 'https://gw.example.com/webhooks/twilio-voice/k1';
const agent: VoiceAgentView = {
  id: 'va1',
  welcomeMessage: 'Thanks for calling Acme Dental!',
  language: 'es-MX',
  maxCallDurationSeconds: 600,
  timezone: 'America/New_York',
  openNow: true,
};
const settings = { account_sid: account, auth_token: token, from: '+15005550006', handoff_number: '+14155550100', record_calls: true };
const connection = (references: ConnectionView['references'] = { voice_agent_id: agent }): ConnectionView => ({
  id: 'k1',
  settings,
  references,
});
const outbound = { CallSid: 'CA1', AccountSid: account, From: '+15005550006', To: '+14155550123', Direction: 'outbound-api' };
const inbound = { CallSid: 'CA2', AccountSid: account, From: '+14155550123', To: '+15005550006', Direction: 'inbound' };

function request(hook: string, params: Record<string, string>, options: { sign?: string; query?: string } = {}): WebhookRequest {
  const url = `${BASE}/${hook}${options.query ?? ''}`;
  return {
    hook,
    url,
    headers: { 'x-twilio-signature': twilio.getExpectedTwilioSignature(options.sign ?? token, url, params) },
    rawBody: Buffer.from(stringify(params)),
    now: new Date(),
  };
}
const rejection = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as WebhookRejected;
  }
  throw new Error('not rejected');
};
const answer = (req: WebhookRequest, conn = connection()) => {
  expect(Array.isArray(hooks.receive(req, conn))).toBe(true);
  const reply = hooks.reply?.(req.hook, {}, conn, req);
  expect(reply).toMatchObject({ status: 200, contentType: 'text/xml' });
  return readTwiml(reply?.body ?? '');
};

describe('Twilio Voice webhooks', () => {
  it('refuse a missing or wrong signature, a tampered URL, another account, and a request without CallSid', () => {
    const ok = request('status', { ...outbound, CallStatus: 'ringing' });
    expect(rejection(() => hooks.receive({ ...ok, headers: {} }, connection()))).toMatchObject({ status: 403 });
    expect(rejection(() => hooks.receive(request('status', outbound, { sign: 'c'.repeat(32) }), connection()))).toMatchObject({
      status: 403,
      message: expect.stringContaining('does not match'),
    });
    const twiml = request('twiml', outbound, { query: '?m=Hello' });
    expect(rejection(() => hooks.receive({ ...twiml, url: `${BASE}/twiml?m=Changed` }, connection()))).toMatchObject({ status: 403 });
    expect(
      rejection(() => hooks.receive(request('status', { ...outbound, AccountSid: `AC${'2'.repeat(32)}` }), connection())),
    ).toMatchObject({
      status: 403,
    });
    const { CallSid: _sid, ...noSid } = outbound;
    expect(rejection(() => hooks.receive(request('gather', noSid), connection()))).toMatchObject({
      status: 400,
      message: 'CallSid is missing',
    });
    expect(rejection(() => hooks.receive(request('status', { ...outbound, CallStatus: 'exploded' }), connection()))).toMatchObject({
      status: 400,
    });
    expect(rejection(() => hooks.receive(request('twiml', outbound), connection()))).toMatchObject({ status: 400 });
  });

  it('answer an outbound call: a person hears the text and the offer in the agent language; a machine gets a voicemail', () => {
    const person = answer(request('twiml', { ...outbound, AnsweredBy: 'human' }, { query: '?m=Hi%20Ada%2C%20Tuesday%3F' }));
    expect(person).toMatchObject({
      says: ['Hi Ada, Tuesday?', 'Press 1 to talk to someone now.', 'Thank you. Goodbye.'],
      gather: { numDigits: '1', action: `${BASE}/gather` },
      hangup: true,
    });
    const machine = answer(request('twiml', { ...outbound, AnsweredBy: 'machine_end_beep' }, { query: '?m=Hi%20Ada' }));
    expect(machine).toEqual({ says: ['Hi Ada'], hangup: true });
    expect(hooks.reply?.('twiml', {}, connection(), request('twiml', outbound, { query: '?m=x' }))?.body).toContain('language="es-MX"');
  });

  it('1 bridges the call to the handoff number for the voice agent maxCallDuration, from our number', () => {
    expect(answer(request('gather', { ...outbound, Digits: '1' })).dial).toEqual({
      number: '+14155550100',
      callerId: '+15005550006',
      timeLimit: '600',
      action: `${BASE}/dial`,
      method: 'POST',
      record: 'record-from-answer-dual',
    });
    expect(answer(request('gather', { ...outbound, Digits: '9' }))).toEqual({ says: ['Thank you. Goodbye.'], hangup: true });
  });

  it("bridges an assigned conversation's call to the assignee's number, and only to a number the connection knows", () => {
    const known = (refs?: ConnectionView['references']) => ({
      ...connection(refs),
      settings: { ...settings, assignee_numbers: { 'user-7': '+14155550177' } },
    });
    const offered = answer(request('twiml', { ...outbound, AnsweredBy: 'human' }, { query: '?m=Hi&h=%2B14155550177' }), known());
    expect(offered.gather?.['action']).toBe(`${BASE}/gather?h=%2B14155550177`);
    expect(answer(request('gather', { ...outbound, Digits: '1' }, { query: '?h=%2B14155550177' }), known()).dial?.number).toBe(
      '+14155550177',
    );
    expect(answer(request('gather', { ...outbound, Digits: '1' }, { query: '?h=%2B19995550000' }), known()).dial?.number).toBe(
      '+14155550100',
    );
    const unknown = answer(request('twiml', { ...outbound, AnsweredBy: 'human' }, { query: '?m=Hi&h=%2B19995550000' }), known());
    expect(unknown.gather?.['action']).toBe(`${BASE}/gather`);
  });

  it('maps call statuses: under way as the delivery of an outbound call, ended as the call with its duration and recording', () => {
    expect(hooks.receive(request('status', { ...outbound, CallStatus: 'ringing' }), connection())).toEqual([
      {
        kind: 'call',
        channel: 'voice',
        providerMessageId: 'CA1',
        direction: 'outbound',
        contactPhone: '+14155550123',
        phoneNumberUsed: '+15005550006',
        delivery: 'sent',
      },
    ]);
    const completed = { ...outbound, CallStatus: 'completed', CallDuration: '95', RecordingUrl: 'https://api.twilio.com/rec/RE1' };
    expect(hooks.receive(request('status', completed), connection())).toEqual([
      {
        kind: 'call',
        channel: 'voice',
        providerMessageId: 'CA1',
        direction: 'outbound',
        contactPhone: '+14155550123',
        phoneNumberUsed: '+15005550006',
        outcome: 'delivered',
        delivery: 'delivered',
        durationMs: 95_000,
        recordingUrl: 'https://api.twilio.com/rec/RE1',
        disconnectionReason: 'completed',
      },
    ]);
    expect(hooks.receive(request('status', { ...outbound, CallStatus: 'busy', CallDuration: '0' }), connection())).toMatchObject([
      { kind: 'call', outcome: 'no_answer', delivery: 'failed', disconnectionReason: 'busy', durationMs: 0 },
    ]);
    expect(hooks.receive(request('status', { ...inbound, CallStatus: 'ringing' }), connection())).toEqual([]);
    expect(hooks.receive(request('status', { ...inbound, CallStatus: 'completed', CallDuration: '30' }), connection())).toMatchObject([
      { kind: 'call', direction: 'inbound', contactPhone: '+14155550123', outcome: 'delivered' },
    ]);
    expect((hooks.receive(request('status', { ...inbound, CallStatus: 'completed' }), connection()) as object[])[0]).not.toHaveProperty(
      'delivery',
    );
    const recording = { ...outbound, RecordingStatus: 'completed', RecordingUrl: 'https://api.twilio.com/rec/RE2' };
    expect(hooks.receive(request('status', recording), connection())).toEqual([
      { kind: 'call', channel: 'voice', providerMessageId: 'CA1', recordingUrl: 'https://api.twilio.com/rec/RE2' },
    ]);
    expect(hooks.reply?.('status', {}, connection(), request('status', outbound))).toEqual({ status: 200 });
  });

  it('take a call in: inside working hours the welcome and the handoff; outside, a voicemail; every call is recorded', () => {
    expect(hooks.receive(request('incoming', inbound), connection())).toEqual([
      {
        kind: 'call',
        channel: 'voice',
        providerMessageId: 'CA2',
        direction: 'inbound',
        contactPhone: '+14155550123',
        phoneNumberUsed: '+15005550006',
        recordType: 'call',
      },
    ]);
    const open = answer(request('incoming', inbound));
    expect(open.says).toEqual(['Thanks for calling Acme Dental!']);
    expect(open.dial).toMatchObject({ number: '+14155550100', timeLimit: '600' });
    expect(open.dial).not.toHaveProperty('callerId');
    const closed = answer(request('incoming', inbound), connection({ voice_agent_id: { ...agent, openNow: false } }));
    expect(closed.says[0]).toMatch(/^We are closed right now/);
    expect(closed.record).toMatchObject({ action: `${BASE}/voicemail`, maxLength: '120' });
    expect(closed.dial).toBeUndefined();
  });

  it('record a voicemail as an inbound message with the recording, and the call as a voicemail', () => {
    const params = { ...inbound, RecordingUrl: 'https://api.twilio.com/rec/RE3', RecordingSid: 'RE3', RecordingDuration: '14' };
    expect(hooks.receive(request('voicemail', params), connection())).toEqual([
      {
        kind: 'inbound',
        channel: 'voice',
        providerMessageId: 'RE3',
        from: { phone: '+14155550123' },
        to: '+15005550006',
        body: 'Voicemail (14 s): https://api.twilio.com/rec/RE3',
      },
      expect.objectContaining({
        kind: 'call',
        providerMessageId: 'CA2',
        recordType: 'voicemail',
        recordingUrl: 'https://api.twilio.com/rec/RE3',
      }),
    ]);
    expect(hooks.receive(request('voicemail', inbound), connection())).toEqual([]);
    expect(answer(request('voicemail', params))).toEqual({ says: ['Thank you. Goodbye.'], hangup: true });
  });

  it('record a handoff nobody took as a call of its own; a caller may then leave a voicemail', () => {
    const missed = { ...inbound, DialCallStatus: 'no-answer', DialCallSid: 'CA9' };
    expect(hooks.receive(request('dial', missed), connection())).toEqual([
      {
        kind: 'call',
        channel: 'voice',
        providerMessageId: 'CA9',
        direction: 'inbound',
        contactPhone: '+14155550123',
        phoneNumberUsed: '+14155550100',
        outcome: 'no_answer',
        disconnectionReason: 'handoff_not_answered',
      },
    ]);
    expect(answer(request('dial', missed)).record).toMatchObject({ action: `${BASE}/voicemail` });
    expect(answer(request('dial', { ...outbound, DialCallStatus: 'busy' })).says[0]).toMatch(/We will call you back/);
    expect(hooks.receive(request('dial', { ...outbound, DialCallStatus: 'completed' }), connection())).toEqual([]);
    expect(rejection(() => hooks.receive(request('dial', outbound), connection()))).toMatchObject({ status: 400 });
  });
});
