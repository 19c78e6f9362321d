import { SmtpTestServer, TwilioApiDouble } from '@followup/testing';
import { ENGINES, useGateway } from '../support/fixtures';
import { Api, Json } from '../support/http';

/**
 * Failover end to end with real peers: SMS through the `twilio` SDK against the Twilio API double,
 * email through a real SMTP server. With dynamic channel switching, a step whose SMS the double
 * later reports undelivered goes out by email, once, however often the callback comes; a number
 * Twilio refuses at send time fails over at once; without switching nothing fails over and the
 * timeline says why. The gateway's clock stands still until the test moves it. Start: Monday 13:00Z.
 */
const START = '2026-06-15T13:00:00.000Z';
const HOUR = 3_600_000;
const OUR_NUMBER = '+15005550006';

describe.each(ENGINES)('failover on %s', (engine) => {
  // SMS waits ten minutes for a status after a send of unknown outcome (the default, 15, for the rest).
  const gw = useGateway(engine, { TEST_CLOCK: 'manual', TEST_CLOCK_START: START, FAILOVER_NO_STATUS_MS: '900000,sms=600000' });
  const twilio = new TwilioApiDouble();
  const smtp = new SmtpTestServer();
  let api: Api;
  let switching: string;
  let fixed: string;

  const agentWith = async (dynamicChannelSwitching: boolean) => {
    const agent = (
      await api.post('/conversation-ai/agents', {
        name: 'Lead Bot',
        businessName: 'Acme Dental',
        personality: 'p',
        goal: 'g',
        instructions: 'i',
        timezone: 'America/New_York',
      })
    ).body.id as string;
    const steps = [
      {
        id: 1,
        followupTimeUnit: 'hours',
        followupTime: 1,
        aiEnabledMessage: false,
        customMessage: 'Hi {{contact.first_name}}, shall I hold Tuesday 10am?',
      },
      {
        id: 2,
        followupTimeUnit: 'hours',
        followupTime: 3,
        aiEnabledMessage: false,
        customMessage: 'Last call for Tuesday, {{contact.first_name}}!',
      },
    ];
    const action = await api.post(`/conversation-ai/agents/${agent}/actions`, {
      type: 'advancedFollowup',
      name: 'Quiet lead',
      details: {
        enabled: true,
        scenarioId: 'contactStoppedReplying',
        followupSequence: steps,
        followupSettings: { dynamicChannelSwitching, followUpHours: false, timezoneToUse: 'business' },
      },
    });
    expect(action.status).toBe(201);
    return agent;
  };
  /** A contact with a phone and an email, in an SMS conversation where the agent spoke last. */
  const quietLead = async (agent: string, first: string, phone: string) => {
    const contact = (
      await api.post('/contacts', { name: `${first} Example`, first_name: first, phone, email: `${first.toLowerCase()}@example.com` })
    ).body.id;
    const conversation = (await api.post('/conversations', { contact_id: contact, agent_id: agent, channel: 'sms' })).body.id as string;
    await api.post(`/conversations/${conversation}/messages`, { direction: 'inbound', body: 'Do you have openings?', intent: 'none' });
    await api.post(`/conversations/${conversation}/messages`, { direction: 'outbound', body: 'We do: Tuesday at 10am?' });
    return conversation;
  };
  const followups = async (conversation: string): Promise<Json[]> =>
    (await gw.timeline(conversation)).filter((i: Json) => i.kind === 'followup').map((i: Json) => i.followup);
  const mailsTo = (address: string) => smtp.received.filter((m) => m.envelope.to.includes(address));
  const smsTo = (phone: string) => twilio.messages.filter((m) => m.to === phone);
  const byChannel = (attempts: Json[]) => [...attempts].sort((a, b) => a.channel.localeCompare(b.channel));

  beforeAll(async () => {
    api = gw.api;
    const url = await twilio.start();
    await smtp.start();
    expect(
      (await api.post('/channels', { type: 'sms', provider: 'twilio', settings: twilio.connectionSettings(url, OUR_NUMBER) })).status,
    ).toBe(201);
    expect((await api.post('/channels', { type: 'email', provider: 'smtp', settings: smtp.connectionSettings() })).status).toBe(201);
    switching = await agentWith(true);
    fixed = await agentWith(false);
  });
  afterAll(async () => {
    await twilio.stop();
    await smtp.stop();
  });

  it('sends a step by email once when its SMS is reported undelivered, even when the callback comes twice; the next step keeps its time', async () => {
    const conversation = await quietLead(switching, 'Ada', '+14155550123');
    await gw.moveClock(HOUR);
    const [sms] = smsTo('+14155550123');
    expect(sms?.body).toBe('Hi Ada, shall I hold Tuesday 10am?');
    const [sent] = await followups(conversation);
    expect(sent).toMatchObject({ step: 1, status: 'sent', channel: 'sms' });

    expect((await twilio.sendStatus(sms?.sid as string, 'undelivered', 30003)).status).toBe(200);
    expect((await twilio.sendStatus(sms?.sid as string, 'undelivered', 30003)).status).toBe(200);
    await gw.moveClock(0);
    expect((await twilio.sendStatus(sms?.sid as string, 'undelivered', 30003)).status).toBe(200);
    await gw.moveClock(0);

    expect(mailsTo('ada@example.com')).toHaveLength(1);
    expect(mailsTo('ada@example.com')[0]?.parsed.text).toContain('Hi Ada, shall I hold Tuesday 10am?');
    const [step1, step2] = await followups(conversation);
    expect(step1).toMatchObject({ step: 1, status: 'sent', channel: 'email', reason_code: 'failed_over' });
    expect(step1.reason).toMatch(/^failed over to email: sms reported it undelivered: 30003/);
    // Attempts in the order they were made (under the test's clock both start at the same instant).
    expect(byChannel(step1.attempts).map((a: Json) => [a.channel, a.status, a.error_code])).toEqual([
      ['email', 'sent', null],
      ['sms', 'undelivered', '30003'],
    ]);
    // Step 2 was planned from the first send (13:00 + 1 h + 3 h), not from the failover's.
    expect(step2).toMatchObject({ step: 2, status: 'scheduled', due_at: '2026-06-15T17:00:00.000Z' });
    expect(smsTo('+14155550123')).toHaveLength(1);
  });

  it('fails over at send time when Twilio refuses the number (21211), and marks the number undeliverable', async () => {
    const conversation = await quietLead(switching, 'Bob', '+14155550177');
    twilio.refuseNumber('+14155550177', 21211, "The 'To' number +14155550177 is not a valid phone number.");
    await gw.moveClock(HOUR);
    expect(mailsTo('bob@example.com')).toHaveLength(1);
    expect(mailsTo('bob@example.com')[0]?.parsed.text).toContain('Hi Bob, shall I hold Tuesday 10am?');
    const [step1] = await followups(conversation);
    expect(step1).toMatchObject({ status: 'sent', channel: 'email' });
    expect(step1).toMatchObject({ reason_code: 'failed_over' });
    expect(byChannel(step1.attempts).map((a: Json) => [a.channel, a.status, a.error_code, a.reason_code])).toEqual([
      ['email', 'sent', null, 'failed_over'],
      ['sms', 'failed', 'twilio_21211', 'send_failed'],
    ]);
    const contact = (await api.get(`/conversations/${conversation}`)).body.contact_id;
    expect((await api.get(`/contacts/${contact}`)).body.undeliverable).toEqual(['sms']);
  });

  it('waits FAILOVER_NO_STATUS_MS for a status after a send of unknown outcome (Twilio 500), then goes by email once', async () => {
    const conversation = await quietLead(switching, 'Gus', '+14155550155');
    twilio.refuseNumber('+14155550155', 20500, 'Internal Server Error', 500);
    await gw.moveClock(HOUR);
    const [waiting] = await followups(conversation);
    expect(waiting).toMatchObject({ step: 1, status: 'scheduled', channel: 'sms', reason_code: 'awaiting_status' });
    expect(waiting.reason).toMatch(/^awaiting_status: sms: outcome unknown \(twilio_20500: /);
    const [unknown] = waiting.attempts;
    expect(unknown).toMatchObject({ channel: 'sms', status: 'unknown', reason_code: 'awaiting_status', error_code: 'twilio_20500' });
    const sentAt = Date.parse(unknown.at);
    expect(Date.parse(waiting.due_at) - sentAt).toBe(600_000);

    await gw.moveClock(9 * 60_000);
    expect(mailsTo('gus@example.com')).toHaveLength(0);
    await gw.moveClock(60_000);
    await gw.moveClock(0);
    expect(mailsTo('gus@example.com')).toHaveLength(1);
    expect(smsTo('+14155550155')).toHaveLength(0);
    const [step1, step2] = await followups(conversation);
    expect(step1).toMatchObject({ status: 'sent', channel: 'email', reason_code: 'failed_over' });
    expect(step1.reason).toBe('failed over to email: sms gave no status after a send of unknown outcome (twilio_20500)');
    expect(byChannel(step1.attempts).map((a: Json) => [a.channel, a.status, a.reason_code])).toEqual([
      ['email', 'sent', 'failed_over'],
      ['sms', 'failed', 'no_status'],
    ]);
    expect(byChannel(step1.attempts)[1].reason).toBe(
      'no_status: sms gave no status within 10 min of a send of unknown outcome; counted as failed',
    );
    // The next step is timed from the first successful attempt: the email, ten minutes after the SMS.
    expect(Date.parse(step2.due_at) - sentAt).toBe(600_000 + 3 * HOUR);
  });

  it('without switching, a send of unknown outcome is failed as such, not retried and not failed over', async () => {
    const conversation = await quietLead(fixed, 'Hal', '+14155550144');
    twilio.refuseNumber('+14155550144', 20500, 'Internal Server Error', 500);
    await gw.moveClock(HOUR);
    const [step1] = await followups(conversation);
    expect(step1).toMatchObject({ status: 'failed', channel: 'sms', reason_code: 'outcome_unknown' });
    await gw.moveClock(HOUR);
    expect(mailsTo('hal@example.com')).toHaveLength(0);
  });

  it('fails a step whose every channel failed, with each reason', async () => {
    const conversation = await quietLead(switching, 'Cy', '+14155550188');
    twilio.refuseNumber('+14155550188', 21211);
    smtp.rejectMailbox('cy@example.com');
    await gw.moveClock(HOUR);
    const [step1] = await followups(conversation);
    expect(step1.status).toBe('failed');
    expect(step1.reason_code).toBe('no_channel');
    expect(byChannel(step1.attempts).map((a: Json) => [a.channel, a.status])).toEqual([
      ['email', 'failed'],
      ['sms', 'failed'],
    ]);
    expect(mailsTo('cy@example.com')).toHaveLength(0);
  });

  it('sends to a contact by email when email is where they last answered, and says why', async () => {
    const conversation = await quietLead(switching, 'Eve', '+14155550166');
    const contact = (await api.get(`/conversations/${conversation}`)).body.contact_id;
    await gw.moveClock(60_000);
    const byMail = (await api.post('/conversations', { contact_id: contact, agent_id: fixed, channel: 'email' })).body.id;
    expect(
      (await api.post(`/conversations/${byMail}/messages`, { direction: 'inbound', body: 'Email me the prices', intent: 'none' })).status,
    ).toBe(201);
    await gw.moveClock(HOUR);
    expect(smsTo('+14155550166')).toHaveLength(0);
    expect(mailsTo('eve@example.com')).toHaveLength(1);
    const [step1] = await followups(conversation);
    expect(step1).toMatchObject({ status: 'sent', channel: 'email', reason_code: 'channel_switched' });
    expect(step1.reason).toBe('switched from sms to email: replied by email 1 hour ago');
  });

  it('does not fail over without dynamic channel switching: the step is failed and says why', async () => {
    const conversation = await quietLead(fixed, 'Dee', '+14155550199');
    await gw.moveClock(HOUR);
    const [sms] = smsTo('+14155550199');
    expect((await twilio.sendStatus(sms?.sid as string, 'undelivered', 30005)).status).toBe(200);
    await gw.moveClock(0);
    const [step1] = await followups(conversation);
    expect(step1).toMatchObject({
      status: 'failed',
      channel: 'sms',
      reason_code: 'delivery_failed',
      reason: expect.stringContaining('30005'),
    });
    expect(mailsTo('dee@example.com')).toHaveLength(0);
  });
});
