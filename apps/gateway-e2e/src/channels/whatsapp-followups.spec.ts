import { randomUUID } from 'node:crypto';
import { GraphApiDouble, GraphDoubleMessage } from '@followup/testing';
import { ENGINES, useGateway } from '../support/fixtures';
import { Api, Json } from '../support/http';

/**
 * Follow-ups on WhatsApp end to end, against the Graph API double (Meta's wire format): inside the
 * 24-hour window a step goes as text; after it, as the connection's re-engagement template; Meta's
 * 131047 closes the window whatever our own count said; and a seed 003 configuration sends its
 * template steps when the conversation enters its trigger status and stops when the lead replies.
 * The gateway's clock stands still until the test moves it. Start: Monday 13:00Z.
 */
const START = '2026-06-15T13:00:00.000Z';
const HOUR = 3_600_000;
const ADA = '+14155550123';
const DAN = '+14155550145';
const BOB = '+14155550177';
const REENGAGE = { name: 'checking_in', language: 'en', params: ['{{contact.first_name}}'] };
/** The CRM's status id a seed 003 configuration triggers on. */
const QUOTED = randomUUID();

describe.each(ENGINES)('follow-ups on WhatsApp on %s', (engine) => {
  const gw = useGateway(engine, { TEST_CLOCK: 'manual', TEST_CLOCK_START: START });
  const meta = new GraphApiDouble();
  let api: Api;
  let agentId: string;
  let connectionId: string;
  /** The gateway's clock (it moves only when the test moves it). */
  let now = new Date(START);
  const move = async (ms: number) => {
    now = new Date((await gw.moveClock(ms)).now);
  };
  const hook = () => `${gw.gateway.url}/webhooks/whatsapp/${connectionId}/events`;
  const write = async (from: string, name: string, text: string) =>
    expect((await meta.sendInbound(hook(), { from, name, text, timestamp: now })).status).toBe(200);
  const conversationOf = async (phone: string): Promise<string> => {
    const contact = (await api.get('/contacts?limit=100')).body.data.find((c: Json) => c.phone === phone);
    return (await api.get(`/conversations?contact_id=${contact.id}`)).body.data[0].id;
  };
  const reply = (conversation: string, body: string) =>
    api.post(`/conversations/${conversation}/messages`, { direction: 'outbound', body, send: true });
  const to = (phone: string): GraphDoubleMessage[] => meta.messages.filter((m) => m.to === phone.replace('+', ''));
  const followups = async (conversation: string): Promise<Json[]> =>
    (await gw.timeline(conversation)).filter((i: Json) => i.kind === 'followup').map((i: Json) => i.followup);

  beforeAll(async () => {
    api = gw.api;
    const url = await meta.start();
    meta.knowTemplates('checking_in', 'quote_followup', 'quote_last_call');
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
    const steps = [
      {
        id: 1,
        followupTimeUnit: 'hours',
        followupTime: 1,
        aiEnabledMessage: false,
        customMessage: 'Hi {{contact.first_name}}, did you see our times?',
      },
      {
        id: 2,
        followupTimeUnit: 'days',
        followupTime: 1,
        aiEnabledMessage: false,
        customMessage: 'Still thinking about it, {{contact.first_name}}?',
      },
    ];
    const action = await api.post(`/conversation-ai/agents/${agentId}/actions`, {
      type: 'advancedFollowup',
      name: 'Quiet lead',
      details: { enabled: true, scenarioId: 'contactStoppedReplying', followupSequence: steps },
    });
    expect(action.status).toBe(201);
    const created = await api.post('/channels', {
      type: 'whatsapp',
      provider: 'whatsapp-cloud',
      name: 'WhatsApp line',
      default_agent_id: agentId,
      settings: meta.connectionSettings(url, { reengagement_template: REENGAGE }),
    });
    expect(created.status).toBe(201);
    connectionId = created.body.id;
  });
  afterAll(() => meta.stop());

  it('sends a step as text inside the window and the next one, 25 hours on, as the re-engagement template; by hand only a template goes', async () => {
    await write(ADA, 'Ada Lovelace', 'Do you have openings next week?');
    const conversation = await conversationOf(ADA);
    expect((await reply(conversation, 'We do! Tuesday at 10am?')).status).toBe(201);

    await move(HOUR);
    expect(to(ADA).map((m) => [m.type, m.body])).toEqual([
      ['text', 'We do! Tuesday at 10am?'],
      ['text', 'Hi Ada, did you see our times?'],
    ]);

    await move(24 * HOUR);
    const template = to(ADA)[2];
    expect(template).toMatchObject({ type: 'template', template: { name: 'checking_in', language: 'en', params: ['Ada'] } });
    expect(template?.request['template']).toEqual({
      name: 'checking_in',
      language: { code: 'en' },
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ada' }] }],
    });
    const [first, second] = await followups(conversation);
    expect(first).toMatchObject({ step: 1, status: 'sent', channel: 'whatsapp', body: 'Hi Ada, did you see our times?' });
    expect(second).toMatchObject({ step: 2, status: 'sent', channel: 'whatsapp' });
    expect(second.attempts).toEqual([expect.objectContaining({ channel: 'whatsapp', provider_message_id: template?.id })]);

    // Statuses out of order: read before delivered, sent last; the step ends delivered (read counts as delivered).
    for (const status of ['read', 'delivered', 'sent'])
      expect((await meta.sendStatus(hook(), template?.id as string, status)).status).toBe(200);
    expect((await followups(conversation))[1]).toMatchObject({ status: 'delivered' });
    const listed = (await api.get(`/followups?conversation_id=${conversation}`)).body.data;
    expect(listed.map((f: Json) => [f.type, f.status])).toEqual(
      expect.arrayContaining([
        ['whatsapp', 'sent'],
        ['whatsapp', 'delivered'],
      ]),
    );

    const before = meta.messages.length;
    const refused = await reply(conversation, 'Are you still there?');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('the whatsapp session is closed');
    expect(meta.messages.length).toBe(before);
    const byHand = await api.post(`/conversations/${conversation}/messages`, { direction: 'outbound', send: true, template: REENGAGE });
    expect(byHand.status).toBe(201);
    expect(meta.messages.at(-1)).toMatchObject({ to: '14155550123', type: 'template', template: { name: 'checking_in', params: ['Ada'] } });
    // Ada writes back: the steps the template restarted are cancelled.
    await write(ADA, 'Ada Lovelace', 'Yes please, Tuesday works');
    expect((await followups(conversation)).filter((f: Json) => f.status === 'scheduled')).toEqual([]);
  });

  it("takes Meta's word (131047) that the window closed: the step goes again as a template at once, and replies by hand are refused until the lead writes", async () => {
    await write(DAN, 'Dan Brown', 'Is parking free?');
    const conversation = await conversationOf(DAN);
    expect((await reply(conversation, 'Yes, right by the door.')).status).toBe(201);
    meta.failNext(131047, { message: 'Re-engagement message', details: 'More than 24 hours have passed since the recipient last replied' });

    await move(HOUR);
    expect(to(DAN).map((m) => m.type)).toEqual(['text', 'template']);
    const [step] = await followups(conversation);
    expect(step).toMatchObject({ step: 1, status: 'sent' });
    // Both attempts start at the same instant of the test's clock: compared in status order.
    const attempts = step.attempts.map((a: Json) => [a.status, a.error_code, a.reason_code]).sort();
    expect(attempts).toEqual([
      ['failed', 'whatsapp_131047', 'session_closed'],
      ['queued', null, null],
    ]);

    const before = meta.messages.length;
    expect((await reply(conversation, 'Parking is free all day.')).status).toBe(409);
    expect(meta.messages.length).toBe(before);

    await move(60_000);
    await write(DAN, 'Dan Brown', 'Great, thanks!');
    const open = await reply(conversation, 'See you Tuesday!');
    expect(open.status).toBe(201);
    // A failed status with 131047 after the fact closes it again.
    expect(
      (await meta.sendStatus(hook(), open.body.provider_message_id, 'failed', { error: { code: 131047, title: 'Re-engagement message' } }))
        .status,
    ).toBe(200);
    expect((await reply(conversation, 'Hello?')).status).toBe(409);
    expect(meta.messages.length).toBe(before + 1);
  });

  it('runs a seed 003 configuration: its template steps go out when the conversation enters the trigger status, and stop when the lead replies', async () => {
    const config = await api.post('/backend/followup/configs', {
      assistant_id: agentId,
      trigger_status_ids: [QUOTED],
      steps: [
        { interval: 'PT2H', template_name: 'quote_followup', template_language: 'en', template_params: ['{{LEAD_FIRSTNAME}}'] },
        { interval: 'P1D', template_name: 'quote_last_call', template_language: 'en' },
      ],
    });
    expect(config.status).toBe(201);
    await write(BOB, 'Bob Stone', 'How much is whitening?');
    const conversation = await conversationOf(BOB);

    expect((await api.patch(`/conversations/${conversation}`, { status_id: QUOTED })).status).toBe(200);
    const scheduled = await followups(conversation);
    expect(scheduled.map((f: Json) => [f.scenario, f.step, f.status, f.channel])).toEqual([
      ['followupConfig', 1, 'scheduled', 'whatsapp'],
      ['followupConfig', 2, 'scheduled', 'whatsapp'],
    ]);

    await move(2 * HOUR);
    expect(to(BOB).map((m) => [m.type, m.template?.name, m.template?.params])).toEqual([['template', 'quote_followup', ['Bob']]]);

    await write(BOB, 'Bob Stone', 'Still deciding, thanks');
    await move(24 * HOUR);
    expect(to(BOB)).toHaveLength(1);
    const [sent, cancelled] = await followups(conversation);
    expect(sent).toMatchObject({ step: 1, status: 'sent' });
    expect(cancelled).toMatchObject({ step: 2, status: 'cancelled', reason_code: 'contact_replied' });
  });
});
