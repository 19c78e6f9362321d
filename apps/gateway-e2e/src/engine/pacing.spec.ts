import { WebhookReceiver } from '@followup/testing';
import { ENGINES, useGateway } from '../support/fixtures';
import { Api, Json } from '../support/http';

/**
 * Pacing per connection end to end: a connection paced at 1 message per second sends 20 follow-ups
 * that fall due together one a second, in order, none lost, each saying it was paced; a bad rate is
 * refused naming the setting. The gateway's clock stands still until the test moves it.
 */
const START = '2026-06-15T13:00:00.000Z';
const HOUR = 3_600_000;

describe.each(ENGINES)('pacing sends per connection on %s', (engine) => {
  const gw = useGateway(engine, { TEST_CLOCK: 'manual', TEST_CLOCK_START: START });
  const receiver = new WebhookReceiver();
  let api: Api;
  let agent: string;
  let url: string;

  beforeAll(async () => {
    api = gw.api;
    url = await receiver.start();
    agent = (
      await api.post('/conversation-ai/agents', { name: 'Pacer', businessName: 'Acme', personality: 'p', goal: 'g', instructions: 'i' })
    ).body.id;
    const step = {
      id: 1,
      followupTimeUnit: 'hours',
      followupTime: 1,
      aiEnabledMessage: false,
      customMessage: 'Hi {{contact.first_name}}!',
    };
    await api.post(`/conversation-ai/agents/${agent}/actions`, {
      type: 'advancedFollowup',
      name: 'Quiet',
      details: { enabled: true, scenarioId: 'contactStoppedReplying', followupSequence: [step] },
    });
  });
  afterAll(() => receiver.stop());

  it('refuses a rate that is not one, naming the setting', async () => {
    const bad = await api.post('/channels', { type: 'sms', provider: 'webhook', settings: { url: `${url}/sms`, messages_per_second: 0 } });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toEqual(['settings.messages_per_second must be a number of messages per second from 0.01 to 1000']);
  });

  it('sends 20 follow-ups due together one a second, in order, and none is lost', async () => {
    const created = await api.post('/channels', {
      type: 'sms',
      provider: 'webhook',
      settings: { url: `${url}/sms`, messages_per_second: 1 },
    });
    expect(created.status).toBe(201);
    const names = Array.from({ length: 20 }, (_, i) => `Lead${String(i + 1).padStart(2, '0')}`);
    const conversations: string[] = [];
    for (const [i, first] of names.entries()) {
      const contact = (await api.post('/contacts', { name: first, first_name: first, phone: `+1415555${String(1000 + i)}` })).body.id;
      const conversation = (await api.post('/conversations', { contact_id: contact, agent_id: agent, channel: 'sms' })).body.id;
      await api.post(`/conversations/${conversation}/messages`, { direction: 'outbound', body: 'Any questions?' });
      conversations.push(conversation);
    }

    await gw.moveClock(HOUR);
    expect(receiver.requests).toHaveLength(1);
    for (let second = 1; second < 20; second++) {
      await gw.moveClock(1_000);
      expect(receiver.requests).toHaveLength(second + 1);
    }
    await gw.moveClock(10_000);
    expect(receiver.requests).toHaveLength(20);
    expect(new Set(receiver.requests.map((r) => r.raw)).size).toBe(20);
    const steps = await Promise.all(
      conversations.map(async (c) => (await gw.timeline(c)).find((i: Json) => i.kind === 'followup').followup),
    );
    expect(steps.every((s: Json) => s.status === 'sent')).toBe(true);
    expect(steps.filter((s: Json) => s.reason_code === 'paced')).toHaveLength(19);
    expect(steps.find((s: Json) => s.reason_code === 'paced').reason).toMatch(/^paced: connection .+ sends 1 per second/);
  });

  it('backs off when the receiver answers 429: the step goes again a second later, once', async () => {
    const contact = (await api.post('/contacts', { name: 'Zoe', first_name: 'Zoe', phone: '+14155559999' })).body.id;
    const conversation = (await api.post('/conversations', { contact_id: contact, agent_id: agent, channel: 'sms' })).body.id;
    await api.post(`/conversations/${conversation}/messages`, { direction: 'outbound', body: 'Any questions?' });
    const before = receiver.accepted.size;
    receiver.refuseNext(429);
    await gw.moveClock(HOUR);
    expect(receiver.accepted.size).toBe(before);
    const [waiting] = (await gw.timeline(conversation)).filter((i: Json) => i.kind === 'followup').map((i: Json) => i.followup);
    expect(waiting).toMatchObject({ status: 'scheduled', reason_code: 'rate_limited' });
    await gw.moveClock(1_000);
    expect(receiver.accepted.size).toBe(before + 1);
  });
});
