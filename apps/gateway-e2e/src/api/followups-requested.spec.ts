import { ENGINES, useGateway } from '../support/fixtures';
import { Json } from '../support/http';

/** Requested times in messages: never in the past, only with requested_followup, and said when nothing is scheduled. */
const START = '2026-06-15T13:00:00.000Z';
const DAY = 86_400_000;
const at = (offsetMs: number) => new Date(new Date(START).getTime() + offsetMs).toISOString();
const step = { id: 1, followupTimeUnit: 'minutes', followupTime: 1, aiEnabledMessage: false, customMessage: 'As promised!' };

describe.each(ENGINES)('requested follow-up times on %s', (engine) => {
  const gw = useGateway(engine, { TEST_CLOCK: 'manual', TEST_CLOCK_START: START });
  let withAction: string;
  let withoutAction: string;
  let bareAgent: string;

  const followups = async (conversationId: string) =>
    (await gw.timeline(conversationId)).filter((i: Json) => i.kind === 'followup').map((i: Json) => i.followup);
  const say = (conversationId: string, extra: Record<string, unknown>) =>
    gw.api.post(`/conversations/${conversationId}/messages`, { direction: 'inbound', body: 'Call me then', ...extra });

  beforeAll(async () => {
    const agent = async (name: string) =>
      (await gw.api.post('/conversation-ai/agents', { name, businessName: name, personality: 'p', goal: 'g', instructions: 'i' })).body.id;
    const requestedAgent = await agent('Requested');
    await gw.api.post(`/conversation-ai/agents/${requestedAgent}/actions`, {
      type: 'advancedFollowup',
      name: 'Requested',
      details: { enabled: true, scenarioId: 'contactRequested', followupSequence: [step] },
    });
    bareAgent = await agent('Bare');
    const contact = (await gw.api.post('/contacts', { name: 'Ada', phone: '+14155550123' })).body.id;
    const conversation = async (agentId: string) =>
      (await gw.api.post('/conversations', { contact_id: contact, agent_id: agentId, channel: 'sms' })).body.id as string;
    withAction = await conversation(requestedAgent);
    withoutAction = await conversation(bareAgent);
  });

  it('refuses a requested_at before the message (five months ago, or before occurred_at) with 422, recording nothing', async () => {
    const past = at(-150 * DAY);
    const res = await say(withAction, { intent: 'requested_followup', requested_at: past });
    expect(res.status).toBe(422);
    expect(res.body.message).toEqual([
      `requested_at ${past} is before the message's time ${START}: a follow-up cannot be requested in the past`,
    ]);
    const early = await say(withAction, { intent: 'requested_followup', occurred_at: at(-DAY), requested_at: at(-2 * DAY) });
    expect(early.body.message).toEqual([
      `requested_at ${at(-2 * DAY)} is before the message's time ${at(-DAY)}: a follow-up cannot be requested in the past`,
    ]);
    expect((await gw.timeline(withAction)).length).toBe(0);
    expect((await gw.moveClock(60_000)).dispatched).toBe(0);
  });

  it('refuses requested_at with busy (or no intent) instead of dropping it', async () => {
    const busy = await say(withAction, { intent: 'busy', requested_at: at(DAY) });
    expect(busy.status).toBe(422);
    expect(busy.body.message).toEqual(['requested_at goes with intent requested_followup (busy follows up after the busy delay)']);
    expect((await say(withAction, { requested_at: at(DAY) })).body.message).toEqual(['requested_at goes with intent requested_followup']);
  });

  it('schedules a future requested time and says nothing more', async () => {
    const res = await say(withAction, { intent: 'requested_followup', requested_at: at(2 * DAY) });
    expect(res.status).toBe(201);
    expect(res.body.followup_note).toBeUndefined();
    expect((await followups(withAction)).map((f: Json) => [f.scenario, f.status])).toEqual([['contactRequested', 'scheduled']]);
  });

  it('says why nothing was scheduled when the agent has no enabled action for the intent', async () => {
    const res = await say(withoutAction, { intent: 'requested_followup', requested_at: at(2 * DAY) });
    expect(res.status).toBe(201);
    expect(res.body.followup_note).toBe(`no enabled contactRequested action on agent ${bareAgent}: nothing was scheduled`);
    const busy = await say(withoutAction, { intent: 'busy' });
    expect(busy.body.followup_note).toBe(`no enabled contactIsBusy action on agent ${bareAgent}: nothing was scheduled`);
    expect((await say(withoutAction, { intent: 'none' })).body.followup_note).toBeUndefined();
    expect(await followups(withoutAction)).toEqual([]);
  });
});
