import { TwilioApiDouble, TwilioVoicePeer, WebhookReceiver } from '@followup/testing';
import { ENGINES, useGateway } from '../support/fixtures';
import { Api, Json } from '../support/http';
import { addHandover, createVoiceAgents } from '../support/voice';

/**
 * Voice end to end: the gateway places calls with the real `twilio` SDK against the Twilio API
 * double, and TwilioVoicePeer plays Twilio: it fetches the call's TwiML URL (signed), answers as a
 * person or a machine, presses keys, ends the handoff, calls the number, leaves a voicemail, and
 * posts status callbacks with durations and recordings. The gateway's clock stands still until
 * the test moves it (Monday 2026-06-15 09:00 in New York).
 */
const START = '2026-06-15T13:00:00.000Z';
const SATURDAY = '2026-06-20T15:00:00.000Z';
const HOUR = 3_600_000;
const ADA = '+14155550123';
const OUR_NUMBER = '+15005550006';
const HANDOFF = '+14155550100';
const RECORDING = 'https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1';

describe.each(ENGINES)('Voice over Twilio on %s', (engine) => {
  const gw = useGateway(engine, { TEST_CLOCK: 'manual', TEST_CLOCK_START: START });
  const twilio = new TwilioApiDouble();
  const peer = new TwilioVoicePeer(twilio);
  const sms = new WebhookReceiver();
  let api: Api;
  let connectionId: string;
  let conversationId: string;
  let agentId: string;
  let contactId: string;
  const hook = (kind: string) => `${gw.gateway.url}/webhooks/twilio-voice/${connectionId}/${kind}`;
  const records = async (query = '') =>
    (await api.get(`/followups?conversation_id=${conversationId}&limit=100${query}`)).body.data as Json[];
  const lastCall = () => twilio.calls[twilio.calls.length - 1] as (typeof twilio.calls)[number];

  beforeAll(async () => {
    api = gw.api;
    const url = await twilio.start();
    const agents = await createVoiceAgents(api, gw.locationId);
    agentId = agents.agentId;
    const settings = { ...twilio.connectionSettings(url, OUR_NUMBER), handoff_number: HANDOFF, record_calls: true };
    const missing = await api.post('/channels', {
      type: 'voice',
      provider: 'twilio-voice',
      settings: { ...settings, voice_agent_id: 'nope' },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.message).toEqual(['settings.voice_agent_id nope is not a Voice AI agent of this location']);
    const created = await api.post('/channels', {
      type: 'voice',
      provider: 'twilio-voice',
      name: 'Front desk line',
      default_agent_id: agentId,
      settings: { ...settings, voice_agent_id: agents.voiceAgentId },
    });
    expect(created.status).toBe(201);
    connectionId = created.body.id;
    contactId = (await api.post('/contacts', { name: 'Ada Lovelace', first_name: 'Ada', phone: ADA })).body.id;
    const conversation = await api.post('/conversations', {
      contact_id: contactId,
      agent_id: agentId,
      channel: 'voice',
      connection_id: connectionId,
    });
    expect(conversation.status).toBe(201);
    conversationId = conversation.body.id;
  });
  afterAll(() => Promise.all([twilio.stop(), sms.stop()]));

  it('names its webhook URLs and refuses bad settings with the field named', async () => {
    const read = await api.get(`/channels/${connectionId}`);
    expect(read.body.webhook_urls.map((w: Json) => w.hook)).toEqual(['twiml', 'gather', 'status', 'incoming', 'voicemail', 'dial']);
    expect(read.body.settings.auth_token).toMatch(/^\*\*\*\*/);
    const bad = await api.post('/channels', {
      type: 'voice',
      provider: 'twilio-voice',
      settings: { ...twilio.connectionSettings('http://x'), handoff_number: '555', machine_detection: 'yes' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toEqual([
      'settings.handoff_number must be an E.164 phone number such as +14155550100',
      'settings.machine_detection must be true or false',
    ]);
  });

  it('a voice follow-up calls; the lead presses 1 and is bridged; the record shows 95 seconds and the recording', async () => {
    expect(
      (await api.post(`/conversations/${conversationId}/messages`, { direction: 'outbound', body: 'Here are our prices.' })).status,
    ).toBe(201);
    expect((await gw.moveClock(HOUR)).dispatched).toBe(1);
    const call = lastCall();
    expect(call).toMatchObject({ to: ADA, from: OUR_NUMBER, statusCallback: hook('status'), machineDetection: 'DetectMessageEnd' });
    expect(call.url.startsWith(`${hook('twiml')}?m=`)).toBe(true);

    const answered = await peer.answer(call.sid, 'human');
    expect(answered.status).toBe(200);
    expect(answered.twiml.says).toEqual([
      'Hi Ada, this is Acme Dental about your cleaning.',
      'Press 1 to talk to someone now.',
      'Thank you. Goodbye.',
    ]);
    expect(answered.twiml.gather).toMatchObject({ numDigits: '1', action: hook('gather') });
    for (const status of ['initiated', 'ringing', 'in-progress']) expect((await peer.status(call.sid, status)).status).toBe(200);

    const pressed = await peer.press(call.sid, answered.twiml.gather?.['action'] as string, '1');
    expect(pressed.twiml.dial).toEqual({
      number: HANDOFF,
      callerId: OUR_NUMBER,
      timeLimit: '600',
      action: hook('dial'),
      method: 'POST',
      record: 'record-from-answer-dual',
    });
    expect((await peer.dialEnded(call.sid, hook('dial'), 'completed', { DialCallDuration: '80' })).twiml.hangup).toBe(true);
    expect((await peer.status(call.sid, 'completed', { durationSeconds: 95, recordingUrl: RECORDING, answeredBy: 'human' })).status).toBe(
      200,
    );

    const [record] = (await records()).filter((r) => r.call_id === call.sid);
    expect(record).toMatchObject({
      type: 'call',
      status: 'delivered',
      call_id: call.sid,
      direction: 'outbound',
      phone_number_used: OUR_NUMBER,
      duration_ms: 95_000,
      audio_url: RECORDING,
      disconnection_reason: 'completed',
      is_retry: false,
      conversation_id: conversationId,
      attempts: [
        expect.objectContaining({ channel: 'voice', provider_message_id: call.sid, status: 'delivered', connection_id: connectionId }),
      ],
    });
    expect(record.call_date).toEqual(expect.any(String));
  });

  it('a call answered by a machine leaves the message as a voicemail', async () => {
    expect((await gw.moveClock(2 * HOUR)).dispatched).toBe(1);
    const call = lastCall();
    const answered = await peer.answer(call.sid, 'machine_end_beep');
    expect(answered.twiml).toEqual({ says: ['Hi Ada, Acme Dental again: call us back!'], hangup: true });
    await peer.status(call.sid, 'completed', { durationSeconds: 12, answeredBy: 'machine_end_beep' });
    const [record] = (await records()).filter((r) => r.call_id === call.sid);
    expect(record).toMatchObject({
      type: 'call',
      status: 'delivered',
      duration_ms: 12_000,
      disconnection_reason: 'voicemail',
      audio_url: null,
    });
  });

  it('a reply sent on voice is a call too; busy is a no_answer record and a failed send', async () => {
    const reply = await api.post(`/conversations/${conversationId}/messages`, {
      direction: 'outbound',
      body: 'We have Tuesday at 10.',
      send: true,
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ status: 'queued', provider_message_id: lastCall().sid });
    await peer.status(lastCall().sid, 'busy', { durationSeconds: 0 });
    const [record] = (await records()).filter((r) => r.call_id === lastCall().sid);
    expect(record).toMatchObject({
      type: 'call',
      status: 'no_answer',
      disconnection_reason: 'busy',
      direction: 'outbound',
      conversation_id: conversationId,
    });
    const message = (await gw.timeline(conversationId)).find((i) => i.message?.id === reply.body.id);
    expect(message.message).toMatchObject({ status: 'failed', status_reason: 'failed: the call ended: busy' });
  });

  it('refuses an unsigned or forged call request with 403 and records nothing', async () => {
    const before = (await records()).length;
    const params = { CallSid: 'CAforged', AccountSid: twilio.accountSid, From: ADA, To: OUR_NUMBER, Direction: 'inbound' };
    expect((await twilio.post(hook('incoming'), params, 'f'.repeat(32))).status).toBe(403);
    const unsigned = await fetch(hook('status'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...params, CallStatus: 'completed' }).toString(),
    });
    expect(unsigned.status).toBe(403);
    expect((await twilio.post(`${hook('twiml')}?m=forged`, params, 'f'.repeat(32))).status).toBe(403);
    expect((await records()).length).toBe(before);
  });

  it('an inbound call in working hours hears the welcome and is bridged; a missed handoff is a record and takes a voicemail', async () => {
    const call = await peer.incoming(hook('incoming'), ADA, OUR_NUMBER);
    expect(call.twiml.says).toEqual(['Thanks for calling Acme Dental! Connecting you now.']);
    expect(call.twiml.dial).toMatchObject({ number: HANDOFF, timeLimit: '600', action: hook('dial') });
    const missed = await peer.dialEnded(call.callSid, hook('dial'), 'no-answer', { DialCallSid: 'CAhandoff0001' });
    expect(missed.twiml.record).toMatchObject({ action: hook('voicemail') });
    const handoff = (await records()).find((r) => r.call_id === 'CAhandoff0001');
    expect(handoff).toMatchObject({
      type: 'call',
      status: 'no_answer',
      disconnection_reason: 'handoff_not_answered',
      phone_number_used: HANDOFF,
      direction: 'inbound',
    });
    await peer.status(call.callSid, 'completed', { durationSeconds: 31, url: hook('status') });
    expect((await records()).find((r) => r.call_id === call.callSid)).toMatchObject({
      type: 'call',
      direction: 'inbound',
      status: 'delivered',
      duration_ms: 31_000,
    });
  });

  it('an inbound call on Saturday records a voicemail on the conversation, which cancels its pending follow-ups', async () => {
    // The reply above started the sequence again: its step 1 calls on Saturday (the agent keeps no follow-up hours), unanswered.
    const before = twilio.calls.length;
    await api.post('/test/clock', { set: SATURDAY }, { token: null });
    // Dispatched by this move or by the dispatcher's own loop, which the move wakes.
    for (let tries = 0; twilio.calls.length === before && tries < 100; tries++) await new Promise((r) => setTimeout(r, 50));
    expect(twilio.calls.length).toBe(before + 1);
    const unanswered = lastCall().sid;
    for (const status of ['initiated', 'ringing']) await peer.status(unanswered, status);
    expect((await records()).find((r) => r.call_id === unanswered)).toMatchObject({ type: 'call', status: 'sent' });
    await peer.status(unanswered, 'no-answer', { durationSeconds: 0 });
    expect((await records()).find((r) => r.call_id === unanswered)).toMatchObject({
      status: 'no_answer',
      disconnection_reason: 'no_answer',
      attempts: [expect.objectContaining({ status: 'failed', reason: 'failed: the call ended: no_answer' })],
    });

    expect(
      (await api.post(`/conversations/${conversationId}/messages`, { direction: 'outbound', body: 'Still want the slot?' })).status,
    ).toBe(201);
    const pending = (await gw.timeline(conversationId)).filter((i) => i.followup?.status === 'scheduled');
    expect(pending.length).toBe(1);

    const call = await peer.incoming(hook('incoming'), ADA, OUR_NUMBER);
    expect(call.twiml.says[0]).toMatch(/^We are closed right now/);
    expect(call.twiml.dial).toBeUndefined();
    const left = await peer.recorded(call.callSid, call.twiml.record?.['action'] as string, RECORDING, 14);
    expect(left.twiml).toEqual({ says: ['Thank you. Goodbye.'], hangup: true });
    await peer.status(call.callSid, 'completed', { durationSeconds: 40, url: hook('status') });

    const timeline = await gw.timeline(conversationId);
    expect(timeline.find((i) => i.followup?.id === pending[0].followup.id).followup).toMatchObject({
      status: 'cancelled',
      reason: 'contact_replied',
    });
    const voicemail = timeline.filter((i) => i.kind === 'message').pop().message;
    expect(voicemail).toMatchObject({ direction: 'inbound', channel: 'voice', body: `Voicemail (14 s): ${RECORDING}` });
    const [record] = (await api.get(`/followups?type=voicemail&conversation_id=${conversationId}`)).body.data;
    expect(record).toMatchObject({
      call_id: call.callSid,
      direction: 'inbound',
      status: 'delivered',
      audio_url: RECORDING,
      duration_ms: 40_000,
      phone_number_used: OUR_NUMBER,
    });
  });

  it('a humanHandOver on another channel offers a call when the voice connection says so: the final message says it, the call offers 1', async () => {
    const smsUrl = await sms.start();
    expect((await api.post('/channels', { type: 'sms', provider: 'webhook', settings: { url: `${smsUrl}/sms` } })).status).toBe(201);
    await addHandover(api, agentId);
    const assignee = { assignee_numbers: { 'user-7': '+14155550177' } };
    expect((await api.patch(`/channels/${connectionId}`, { settings: { handover_call: true, ...assignee } })).status).toBe(200);
    const conversation = (await api.post('/conversations', { contact_id: contactId, agent_id: agentId, channel: 'sms' })).body.id;
    const before = twilio.calls.length;
    expect(
      (await api.post(`/conversations/${conversation}/messages`, { direction: 'inbound', body: 'Put me through to the manager please' }))
        .status,
    ).toBe(201);
    await sms.waitFor(1);
    expect(([...sms.accepted.values()][0]?.body as Json).body).toBe('A teammate will take it from here. We will call you now.');
    for (let tries = 0; twilio.calls.length === before && tries < 100; tries++) await new Promise((r) => setTimeout(r, 50));
    const call = lastCall();
    expect(call).toMatchObject({ to: ADA, from: OUR_NUMBER });
    // Twilio's first callback may come before the gateway recorded the call on the conversation: it is linked right once it has.
    await peer.status(call.sid, 'initiated');
    const sent = async () => (await gw.timeline(conversation)).some((i) => i.message?.provider_message_id === call.sid);
    for (let tries = 0; !(await sent()) && tries < 100; tries++) await new Promise((r) => setTimeout(r, 50));
    const answered = await peer.answer(call.sid, 'human');
    expect(answered.twiml.says.slice(0, 2)).toEqual(['Hello, you asked to talk to someone.', 'Press 1 to talk to someone now.']);
    // The handover assigned the conversation to user-7, whose number the connection knows: the call bridges to them.
    expect(answered.twiml.gather?.['action']).toBe(`${hook('gather')}?h=%2B14155550177`);
    const pressed = await peer.press(call.sid, answered.twiml.gather?.['action'] as string, '1');
    expect(pressed.twiml.dial).toMatchObject({ number: '+14155550177', callerId: OUR_NUMBER });
    await peer.status(call.sid, 'completed', { durationSeconds: 64 });
    const record = (await api.get(`/followups?conversation_id=${conversation}&type=call`)).body.data[0];
    expect(record).toMatchObject({ call_id: call.sid, status: 'delivered', duration_ms: 64_000, contact_id: contactId });
    expect((await api.patch(`/channels/${connectionId}`, { settings: { handover_call: 'yes' } })).body.message).toEqual([
      'settings.handover_call must be true or false',
    ]);
  });

  it('shows every call in GET /followups', async () => {
    const ids = new Set((await api.get('/followups?limit=100')).body.data.map((r: Json) => r.call_id));
    for (const call of twilio.calls) expect(ids).toContain(call.sid);
  });
});
