import { WebhookReceiver } from '@followup/testing';
import { eventually } from '../support/eventually';
import { ENGINES, useGateway } from '../support/fixtures';
import { Api, Json } from '../support/http';

/**
 * What replies do (seed 000's actions, executed): handover, stop, transfer, not interested; the
 * detector with the agent's own phrases, and POST /detect agreeing with it; a time the contact named
 * kept as asked. Start: Monday 2026-06-15 13:00Z (09:00 in New York, 06:00 in Los Angeles).
 */
const START = '2026-06-15T13:00:00.000Z';
const HOUR = 3_600_000;
const step = (text: string, hours = 3) => ({
  id: 1,
  followupTimeUnit: 'hours',
  followupTime: hours,
  aiEnabledMessage: false,
  customMessage: text,
});
const nyHours = [1, 2, 3, 4, 5].map((d) => ({ dayOfTheWeek: d, intervals: [{ startHour: 9, startMinute: 0, endHour: 17, endMinute: 0 }] }));

describe.each(ENGINES)('replies that act on %s', (engine) => {
  const gw = useGateway(engine, { TEST_CLOCK: 'manual', TEST_CLOCK_START: START });
  const receiver = new WebhookReceiver();
  let api: Api;
  let agent: string;
  let sales: string;
  let contact: string;
  let n = 0;

  const followups = async (conversation: string) =>
    (await gw.timeline(conversation)).filter((i: Json) => i.kind === 'followup').map((i: Json) => i.followup);
  const messages = async (conversation: string) =>
    (await gw.timeline(conversation)).filter((i: Json) => i.kind === 'message').map((i: Json) => i.message);
  const say = (conversation: string, direction: 'inbound' | 'outbound', body: string) =>
    api.post(`/conversations/${conversation}/messages`, { direction, body });
  const conversationOf = async (agentId = agent) => {
    const phone = `+1415555${String(1000 + n++)}`;
    const who = (await api.post('/contacts', { name: `Lead ${n}`, phone, timezone: 'America/Los_Angeles' })).body.id;
    return (await api.post('/conversations', { contact_id: who, agent_id: agentId, channel: 'sms' })).body.id as string;
  };
  const newAgent = async (name: string, busyText: string) => {
    const id = (
      await api.post('/conversation-ai/agents', {
        name,
        businessName: 'Acme',
        personality: 'p',
        goal: 'g',
        instructions: 'i',
        timezone: 'America/New_York',
      })
    ).body.id;
    for (const [scenarioId, text] of [
      ['contactIsBusy', busyText],
      ['contactStoppedReplying', `${name}: still there?`],
      ['contactRequested', `${name}: calling back as asked`],
    ]) {
      const followupSettings = { dynamicChannelSwitching: false, followUpHours: true, workingHours: nyHours, timezoneToUse: 'business' };
      await api.post(`/conversation-ai/agents/${id}/actions`, {
        type: 'advancedFollowup',
        name: scenarioId,
        details: { enabled: true, scenarioId, followupSequence: [step(text as string)], followupSettings },
      });
    }
    return id as string;
  };

  beforeAll(async () => {
    api = gw.api;
    const url = await receiver.start();
    await api.post('/channels', { type: 'sms', provider: 'webhook', settings: { url: `${url}/sms` } });
    agent = await newAgent('Front desk', 'Is now a better time?');
    sales = await newAgent('Sales', 'Sales here: is now better?');
    const actions: Json[] = [
      {
        type: 'humanHandOver',
        name: 'Handover',
        details: {
          enabled: true,
          triggerCondition: 'the contact asks for a person',
          handoverType: 'contactRequest',
          examples: ['put me through to the manager'],
          assignToUserId: 'user-7',
          createTask: true,
          reactivateEnabled: true,
          sleepTimeUnit: 'hours',
          sleepTime: 2,
          finalMessage: 'Connecting you with a person now.',
          tags: ['handover'],
        },
      },
      {
        type: 'stopBot',
        name: 'Stop',
        details: {
          enabled: true,
          stopBotDetectionType: 'Goodbye',
          stopBotTriggerCondition: 'the contact ends the conversation',
          reactivateEnabled: false,
          stopBotExamples: ['that is all', 'no more questions'],
          finalMessage: 'Thanks, have a great day!',
          tags: ['closed'],
        },
      },
      {
        type: 'transferBot',
        name: 'To sales',
        details: {
          enabled: true,
          transferBotType: 'Custom',
          transferToBot: sales,
          transferBotTriggerCondition: 'pricing',
          transferBotExamples: ['talk to sales', 'need a quote for the whole team'],
        },
      },
    ];
    for (const action of actions) expect((await api.post(`/conversation-ai/agents/${agent}/actions`, action)).status).toBe(201);
    contact = (await api.post('/contacts', { name: 'Ada', phone: '+14155550123', timezone: 'America/Los_Angeles' })).body.id;
  });
  afterAll(() => receiver.stop());

  it('POST /detect reads what an inbound message records, with the agent phrases, in any read scope', async () => {
    const conversation = await conversationOf();
    const detect = await api.post('/detect', { text: 'llámame mañana a las 10', timezone: 'America/Los_Angeles' });
    expect(detect.status).toBe(200);
    expect(detect.body).toMatchObject({
      intent: 'requested_followup',
      language: 'es',
      time_given: true,
      followup_at: '2026-06-16T17:00:00.000Z',
    });
    const recorded = (await say(conversation, 'inbound', 'llámame mañana a las 10')).body;
    expect([recorded.intent, recorded.requested_at, recorded.intent_source]).toEqual([
      'requested_followup',
      detect.body.followup_at,
      'detector',
    ]);
    const phrase = await api.post('/detect', { text: 'Could you put me through to the manager?', agent_id: agent });
    expect(phrase.body).toMatchObject({ intent: 'wants_human', action: 'humanHandOver', timezone: 'America/New_York' });
    const reader = await gw.newTenant('voice-ai-agents.readonly');
    expect((await reader.api.post('/detect', { text: 'busy rn' })).body.intent).toBe('busy');
    expect((await reader.api.post('/detect', { text: 'hi', agent_id: agent })).body.message).toEqual([
      `agent_id ${agent} is not a Conversation AI agent of this location`,
    ]);
    expect((await api.post('/detect', { text: '', timezone: 'PST' })).body.message).toEqual(
      expect.arrayContaining(['text should not be empty', expect.stringContaining('America/Los_Angeles')]),
    );
  });

  it('keeps a time the contact named (3 pm in Los Angeles is outside New York hours) and moves one after 21:00', async () => {
    const asked = await conversationOf();
    await say(asked, 'inbound', 'call me today at 3pm');
    expect((await followups(asked))[0]).toMatchObject({
      scenario: 'contactRequested',
      status: 'scheduled',
      due_at: '2026-06-15T22:00:00.000Z',
      timezone: 'America/Los_Angeles',
    });
    const late = await conversationOf();
    await say(late, 'inbound', 'call me tonight at 11pm');
    expect((await followups(late))[0]).toMatchObject({ due_at: '2026-06-16T15:00:00.000Z', reason_code: 'outside_contact_hours' });
  });

  it('hands over: tags, assignee, a task, pending cancelled, the bot handed over until it wakes, the final message sent', async () => {
    const conversation = (await api.post('/conversations', { contact_id: contact, agent_id: agent, channel: 'sms' })).body.id;
    await say(conversation, 'inbound', 'busy right now');
    expect((await followups(conversation)).map((f: Json) => f.status)).toEqual(['scheduled']);
    const before = receiver.accepted.size;
    const res = await say(conversation, 'inbound', 'can I talk to a real person please?');
    expect(res.body.intent).toBe('wants_human');
    const state = (await api.get(`/conversations/${conversation}`)).body;
    expect(state).toMatchObject({ bot_status: 'handed_over', assigned_user_id: 'user-7', bot_sleep_until: '2026-06-15T15:00:00.000Z' });
    expect((await api.get(`/contacts/${contact}`)).body.tags).toContain('handover');
    const items = await followups(conversation);
    expect(items.filter((f: Json) => f.scenario).map((f: Json) => [f.status, f.reason_code])).toEqual([['cancelled', 'human_handover']]);
    // The task is the person's, in the timeline too; the engine never sends or cancels it.
    expect(items.filter((f: Json) => !f.scenario).map((f: Json) => [f.status, f.due_at])).toEqual([
      ['scheduled', '2026-06-16T13:00:00.000Z'],
    ]);
    const tasks = (await api.get(`/followups?contact_id=${contact}&type=manual_call`)).body.data;
    expect(tasks).toEqual([
      expect.objectContaining({
        type: 'manual_call',
        status: 'scheduled',
        scheduled_at: '2026-06-16T13:00:00.000Z',
        conversation_id: conversation,
      }),
    ]);
    await receiver.waitFor(before + 1);
    const final = [...receiver.accepted.values()].slice(before).map((w) => (w.body as Json).body);
    expect(final).toEqual(['Connecting you with a person now.']);
    // Recorded once the channel has answered, which is after the receiver has the request.
    await eventually(async () =>
      expect((await messages(conversation)).at(-1)).toMatchObject({
        direction: 'outbound',
        body: 'Connecting you with a person now.',
        status: 'sent',
      }),
    );
    const busy = await say(conversation, 'inbound', 'busy now, later');
    expect(busy.body.followup_note).toBe('the conversation was handed over to a person: nothing was scheduled');
    expect((await gw.moveClock(3 * HOUR)).dispatched).toBe(0); // the task is for a person; nothing is sent
  });

  it('stops the bot on goodbye: pending cancelled, final message, and no sequence after', async () => {
    const conversation = await conversationOf();
    await say(conversation, 'inbound', 'in a meeting');
    await say(conversation, 'inbound', 'ok thanks, bye!');
    expect((await api.get(`/conversations/${conversation}`)).body.bot_status).toBe('stopped');
    expect((await followups(conversation)).map((f: Json) => f.reason_code)).toEqual(['bot_stopped']);
    await say(conversation, 'outbound', 'One more thing from a person on the team.');
    expect((await followups(conversation)).length).toBe(1);
  });

  it("transfers to the sales agent on the transfer phrases: the new agent's sequences apply", async () => {
    const conversation = await conversationOf();
    await say(conversation, 'inbound', 'I need a quote for the whole team');
    expect((await api.get(`/conversations/${conversation}`)).body.agent_id).toBe(sales);
    await say(conversation, 'inbound', 'busy rn');
    expect((await followups(conversation)).at(-1)).toMatchObject({ status: 'scheduled', agent_id: sales });
  });

  it('stops sequences when the contact is not interested, until they write again', async () => {
    const conversation = await conversationOf();
    await say(conversation, 'outbound', 'Want to book a visit?');
    expect((await followups(conversation)).map((f: Json) => f.status)).toEqual(['scheduled']);
    await say(conversation, 'inbound', 'no thanks, not interested');
    expect((await followups(conversation)).map((f: Json) => f.reason_code)).toEqual(['not_interested']);
    await say(conversation, 'outbound', 'Understood!');
    expect((await followups(conversation)).length).toBe(1);
    await say(conversation, 'inbound', 'actually, what are your prices?');
    await say(conversation, 'outbound', 'Here they are: ...');
    expect((await followups(conversation)).map((f: Json) => f.status).sort()).toEqual(['cancelled', 'scheduled']);
  });
});
