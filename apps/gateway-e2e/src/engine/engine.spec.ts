import { WebhookReceiver } from '@followup/testing';
import { ENGINES, useGateway } from '../support/fixtures';
import { Api, Json } from '../support/http';

/**
 * The follow-up engine over HTTP, on a gateway whose clock stands still (TEST_CLOCK=manual) until
 * the test moves it: no test sleeps for a follow-up delay.
 * Start: Monday 2026-06-15 09:00 in New York (13:00Z).
 */
const START = '2026-06-15T13:00:00.000Z';
const HOUR = 3_600_000;
const weekdays9to17 = [1, 2, 3, 4, 5].map((d) => ({
  dayOfTheWeek: d,
  intervals: [{ startHour: 9, startMinute: 0, endHour: 17, endMinute: 0 }],
}));

const sequence = [
  {
    id: 1,
    followupTimeUnit: 'hours',
    followupTime: 2,
    aiEnabledMessage: false,
    customMessage: 'Hi {{contact.first_name}}, still interested?',
    triggerWorkflow: true,
    workflowId: 'crm-note',
  },
  { id: 2, followupTimeUnit: 'days', followupTime: 1, aiEnabledMessage: false, customMessage: 'Just checking in, {{contact.first_name}}.' },
  { id: 3, followupTimeUnit: 'hours', followupTime: 3, aiEnabledMessage: false, customMessage: 'Last note from {{agent.business_name}}.' },
];

describe.each(ENGINES)('the follow-up engine on %s', (engine) => {
  const gw = useGateway(engine, { TEST_CLOCK: 'manual', TEST_CLOCK_START: START });
  const receiver = new WebhookReceiver();
  let api: Api;
  let agentId: string;
  let contactId: string;

  const clock = (advanceMs: number) => gw.moveClock(advanceMs);
  const timeline = (conversationId: string) => gw.timeline(conversationId);
  const followups = (items: Json[]) => items.filter((i) => i.kind === 'followup').map((i) => i.followup);
  const say = (conversationId: string, direction: 'inbound' | 'outbound', body: string, extra: Record<string, unknown> = {}) =>
    api.post(`/conversations/${conversationId}/messages`, { direction, body, ...extra });
  const newConversation = async () =>
    (await api.post('/conversations', { contact_id: contactId, agent_id: agentId, channel: 'sms' })).body.id as string;

  beforeAll(async () => {
    api = gw.api;
    const url = await receiver.start();
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
    const stopped = (
      await api.post(`/conversation-ai/agents/${agentId}/actions`, {
        type: 'advancedFollowup',
        name: 'Stopped replying',
        details: { enabled: true, scenarioId: 'contactStoppedReplying', followupSequence: sequence },
      })
    ).body.data.id;
    await api.post(`/conversation-ai/agents/${agentId}/actions`, {
      type: 'advancedFollowup',
      name: 'Busy',
      details: {
        enabled: true,
        scenarioId: 'contactIsBusy',
        followupSequence: [{ id: 1, followupTimeUnit: 'hours', followupTime: 3, aiEnabledMessage: false, customMessage: 'Is now better?' }],
      },
    });
    await api.post(`/conversation-ai/agents/${agentId}/actions`, {
      type: 'advancedFollowup',
      name: 'Requested',
      details: {
        enabled: true,
        scenarioId: 'contactRequested',
        followupSequence: [
          { id: 1, followupTimeUnit: 'minutes', followupTime: 1, aiEnabledMessage: false, customMessage: 'As promised, calling back!' },
        ],
      },
    });
    const settings = await api.patch(`/conversation-ai/agents/${agentId}/followup-settings`, {
      actionIds: [stopped],
      followupSettings: { dynamicChannelSwitching: false, followUpHours: true, workingHours: weekdays9to17, timezoneToUse: 'business' },
    });
    expect(settings.status).toBe(200);
    const channel = await api.post('/channels', { type: 'sms', provider: 'webhook', settings: { url: `${url}/sms` } });
    expect(channel.status).toBe(201);
    expect(channel.body.settings.secret).toMatch(/^whsec_/);
    contactId = (
      await api.post('/contacts', { name: 'Ada Lovelace', first_name: 'Ada', phone: '+14155550123', timezone: 'America/Los_Angeles' })
    ).body.id;
    await api.post('/workflows', { id: 'crm-note', url: `${url}/workflows/crm-note`, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' });
  });
  afterAll(() => receiver.stop());

  it('plans three follow-ups from an outbound message, inside working hours, and shows them in the timeline', async () => {
    const conversation = await newConversation();
    await clock(6.5 * HOUR); // 15:30 in New York
    expect((await say(conversation, 'outbound', 'Here are our prices. Want to book?')).status).toBe(201);
    const planned = followups(await timeline(conversation));
    expect(planned.map((f: Json) => [f.step, f.status, f.local_due_at, f.moved_by_working_hours])).toEqual([
      [1, 'scheduled', '2026-06-16T09:00:00.000-04:00', true], // 17:30 is closed -> Tuesday 09:00
      [2, 'planned', '2026-06-17T09:00:00.000-04:00', false],
      [3, 'planned', '2026-06-17T12:00:00.000-04:00', false],
    ]);
    expect(planned[0]).toMatchObject({
      scenario: 'contactStoppedReplying',
      timezone: 'America/New_York',
      due_at: '2026-06-16T13:00:00.000Z',
      original_due_at: '2026-06-15T21:30:00.000Z',
      channel: 'sms',
    });
  });

  it('cancels every pending follow-up when the contact replies (reset on reply)', async () => {
    const conversation = await newConversation();
    await say(conversation, 'outbound', 'Shall we book a cleaning?');
    expect(followups(await timeline(conversation))[0].status).toBe('scheduled');
    await say(conversation, 'inbound', 'What times do you have?');
    const after = followups(await timeline(conversation));
    expect(after.map((f: Json) => [f.status, f.reason])).toEqual([['cancelled', 'contact_replied']]);
  });

  it('sends each step when due, stops at the first reply, and fires the workflow signed', async () => {
    const conversation = await newConversation();
    const before = receiver.accepted.size;
    await say(conversation, 'outbound', 'Anything else I can help with?');
    const tick = await clock(24 * HOUR);
    expect(tick.dispatched).toBeGreaterThanOrEqual(1);
    const sent = [...receiver.accepted.values()].slice(before).filter((w) => w.path === '/sms');
    expect(sent.map((w) => (w.body as Json).body)).toContain('Hi Ada, still interested?');
    const hit = sent.find((w) => (w.body as Json).conversation_id === conversation) as Json;
    expect(hit.body).toMatchObject({ type: 'message.outbound', channel: 'sms', to: { phone: '+14155550123' } });
    const items = followups(await timeline(conversation));
    expect(items[0]).toMatchObject({ step: 1, status: 'sent', body: 'Hi Ada, still interested?' });
    expect(items[1]).toMatchObject({ step: 2, status: 'scheduled' });
    const deliveries = (await api.get('/workflows/crm-note/deliveries')).body as Json[];
    const delivery = deliveries.find((d) => d.followup_id === items[0].id);
    expect(delivery).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      payload: { type: 'followup.sent', data: { step: 1, conversation_id: conversation } },
    });
    const workflowHit = receiver.requests.find((w) => w.id === delivery.id);
    expect(workflowHit?.headers['webhook-signature']).toMatch(/^v1,/);
    await say(conversation, 'inbound', 'Yes, please call me');
    await clock(3 * 24 * HOUR);
    expect(followups(await timeline(conversation)).map((f: Json) => [f.step, f.status])).toEqual([
      [1, 'sent'],
      [2, 'cancelled'],
    ]);
  });

  it("shows each step's delivery attempts in the timeline and GET /followups/:id", async () => {
    const conversation = await newConversation();
    await say(conversation, 'outbound', 'Can I help you book?');
    await clock(3 * 24 * HOUR); // from Friday afternoon: step 1 moves to Monday 09:00
    const [step1] = followups(await timeline(conversation));
    expect(step1).toMatchObject({ status: 'sent', reason_code: null });
    expect(step1.attempts).toEqual([
      expect.objectContaining({
        channel: 'sms',
        status: 'sent',
        connection_id: expect.any(String),
        provider_message_id: expect.any(String),
      }),
    ]);
    const record = (await api.get(`/followups/${step1.id}`)).body.data;
    expect(record.attempts).toEqual(step1.attempts);
  });

  it('holds follow-ups while the bot is not active (reason bot_not_active) and sends them once it is', async () => {
    const conversation = await newConversation();
    await say(conversation, 'outbound', 'Shall I reserve a slot?');
    expect((await api.patch(`/conversations/${conversation}`, { bot_status: 'stopped' })).status).toBe(200);
    await clock(24 * HOUR);
    expect(followups(await timeline(conversation))[0]).toMatchObject({ status: 'on_hold', reason_code: 'bot_not_active' });
    expect((await api.patch(`/conversations/${conversation}`, { bot_status: 'active' })).status).toBe(200);
    await clock(0);
    expect(followups(await timeline(conversation))[0]).toMatchObject({ status: 'sent', step: 1 });
  });

  it('starts contactIsBusy when the contact says they are busy (detected)', async () => {
    const conversation = await newConversation();
    const message = await say(conversation, 'inbound', "Sorry, I'm driving");
    expect(message.body).toMatchObject({ intent: 'busy', intent_source: 'detector' });
    const items = followups(await timeline(conversation));
    expect(items.map((f: Json) => [f.scenario, f.step, f.status])).toEqual([['contactIsBusy', 1, 'scheduled']]);
  });

  it('starts contactRequested at the time the contact asked for (given or detected)', async () => {
    const conversation = await newConversation();
    const now = new Date((await clock(0)).now);
    const requested = new Date(now.getTime() + 50 * HOUR).toISOString();
    await say(conversation, 'inbound', 'Let us talk later', { intent: 'requested_followup', requested_at: requested });
    expect(followups(await timeline(conversation))[0]).toMatchObject({
      scenario: 'contactRequested',
      due_at: requested,
      status: 'scheduled',
    });
    const detected = await newConversation();
    const reply = await say(detected, 'inbound', 'Call me tomorrow at 3pm');
    expect(reply.body.intent).toBe('requested_followup');
    expect(followups(await timeline(detected))[0]).toMatchObject({ scenario: 'contactRequested', due_at: reply.body.requested_at });
  });

  it('keeps busy and requested sequences when the agent answers them', async () => {
    const conversation = await newConversation();
    await say(conversation, 'inbound', 'In a meeting');
    await say(conversation, 'outbound', 'No problem, I will follow up later.');
    expect(followups(await timeline(conversation)).map((f: Json) => [f.scenario, f.status])).toEqual([['contactIsBusy', 'scheduled']]);
  });

  it('records a message once per provider_message_id and answers the first result', async () => {
    const conversation = await newConversation();
    const first = await say(conversation, 'inbound', 'hello', { provider_message_id: `SM-${engine}-1` });
    const again = await say(conversation, 'inbound', 'hello again', { provider_message_id: `SM-${engine}-1` });
    expect(again.body).toEqual(first.body);
    expect((await timeline(conversation)).filter((i) => i.kind === 'message')).toHaveLength(1);
  });

  it('sends nothing while the agent is inactive, nor to an opted-out contact', async () => {
    const conversation = await newConversation();
    await say(conversation, 'outbound', 'Ping');
    await api.put(`/conversation-ai/agents/${agentId}`, { active: false });
    await clock(96 * HOUR);
    expect(followups(await timeline(conversation))[0]).toMatchObject({ status: 'cancelled', reason: 'agent_inactive' });
    await api.put(`/conversation-ai/agents/${agentId}`, { active: true });

    const optedOut = await newConversation();
    await say(optedOut, 'outbound', 'Ping again');
    await api.patch(`/contacts/${contactId}`, { opted_out: { sms: true } });
    await clock(96 * HOUR);
    expect(followups(await timeline(optedOut))[0]).toMatchObject({ status: 'cancelled', reason: 'opted_out: sms: opted out' });
    await api.patch(`/contacts/${contactId}`, { opted_out: { sms: false } });
  });

  it('previews the plan of an action without storing anything', async () => {
    const res = await api.post('/followups/preview', {
      action: {
        enabled: true,
        scenarioId: 'contactStoppedReplying',
        followupSequence: sequence,
        followupSettings: { dynamicChannelSwitching: true, followUpHours: true, workingHours: weekdays9to17 },
      },
      start_at: '2026-03-06T20:30:00Z', // Friday 15:30 EST
      contact_timezone: 'America/New_York',
    });
    expect(res.status).toBe(200);
    expect(res.body.steps).toEqual([
      {
        step: 1,
        due_at: '2026-03-09T13:00:00.000Z',
        local_due_at: '2026-03-09T09:00:00.000-04:00',
        timezone: 'America/New_York',
        moved_by_working_hours: true,
      },
      {
        step: 2,
        due_at: '2026-03-10T13:00:00.000Z',
        local_due_at: '2026-03-10T09:00:00.000-04:00',
        timezone: 'America/New_York',
        moved_by_working_hours: false,
      },
      {
        step: 3,
        due_at: '2026-03-10T16:00:00.000Z',
        local_due_at: '2026-03-10T12:00:00.000-04:00',
        timezone: 'America/New_York',
        moved_by_working_hours: false,
      },
    ]);
    expect((await api.post('/followups/preview', { start_at: 'x' })).status).toBe(422);
  });
});
