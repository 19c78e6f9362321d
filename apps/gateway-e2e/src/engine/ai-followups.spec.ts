import { ChatCompletionsDouble, WebhookReceiver } from '@followup/testing';
import { ENGINES, useGateway } from '../support/fixtures';
import { Api, Json } from '../support/http';

/**
 * AI-written follow-ups through an OpenAI-compatible endpoint (the chat completions double): the
 * prompt carries the conversation, the text goes out once per step, and a failing endpoint falls
 * back to the step's customMessage or holds the step with the reason. Start: Monday 13:00Z.
 */
const START = '2026-06-15T13:00:00.000Z';
const HOUR = 3_600_000;

describe.each(ENGINES)('AI-written follow-ups on %s', (engine) => {
  const ai = new ChatCompletionsDouble({ apiKey: 'sk-test', reply: () => 'Hi Ada! Did you get a chance to look at the cleaning prices?' });
  const env: Record<string, string> = { TEST_CLOCK: 'manual', TEST_CLOCK_START: START, AI_MODEL: 'test-model', AI_API_KEY: 'sk-test' };
  beforeAll(async () => {
    env['AI_BASE_URL'] = `${await ai.start()}/v1`;
  });
  const gw = useGateway(engine, env);
  const receiver = new WebhookReceiver();
  let api: Api;
  let withFallback: string;
  let aiOnly: string;
  let contact: string;

  const followups = async (conversation: string) =>
    (await gw.timeline(conversation)).filter((i: Json) => i.kind === 'followup').map((i: Json) => i.followup);
  const agentWith = async (customMessage?: string) => {
    const agent = (
      await api.post('/conversation-ai/agents', {
        name: 'Dana',
        businessName: 'Acme Dental',
        personality: 'warm and brief',
        goal: 'book a cleaning',
        instructions: 'never promise discounts',
        timezone: 'America/New_York',
      })
    ).body.id as string;
    const step = { id: 1, followupTimeUnit: 'hours', followupTime: 1, aiEnabledMessage: true, ...(customMessage ? { customMessage } : {}) };
    await api.post(`/conversation-ai/agents/${agent}/actions`, {
      type: 'advancedFollowup',
      name: 'Quiet',
      details: { enabled: true, scenarioId: 'contactStoppedReplying', followupSequence: [step] },
    });
    return agent;
  };
  const conversationWith = async (agent: string) => {
    const conversation = (await api.post('/conversations', { contact_id: contact, agent_id: agent, channel: 'sms' })).body.id as string;
    await api.post(`/conversations/${conversation}/messages`, { direction: 'inbound', body: 'how much is a cleaning?', intent: 'none' });
    await api.post(`/conversations/${conversation}/messages`, { direction: 'outbound', body: 'A cleaning is $120. Shall I book you in?' });
    return conversation;
  };

  beforeAll(async () => {
    api = gw.api;
    const url = await receiver.start();
    await api.post('/channels', { type: 'sms', provider: 'webhook', settings: { url: `${url}/sms` } });
    contact = (await api.post('/contacts', { name: 'Ada Lovelace', first_name: 'Ada', phone: '+14155550123' })).body.id;
    withFallback = await agentWith('Hi {{contact.first_name}}, still keen on that cleaning?');
    aiOnly = await agentWith();
  });
  afterAll(async () => {
    await receiver.stop();
    await ai.stop();
  });

  it('sends the text the endpoint wrote, with the agent and the conversation in its prompt', async () => {
    const conversation = await conversationWith(aiOnly);
    const asked = ai.requests.length;
    await gw.moveClock(HOUR);
    expect(ai.requests.length).toBe(asked + 1);
    expect(ai.last('system')).toContain('Acme Dental');
    expect(ai.last('system')).toContain('never promise discounts');
    expect(ai.last('user')).toContain('how much is a cleaning?');
    expect(ai.last('user')).toContain('A cleaning is $120. Shall I book you in?');
    const [sent] = await followups(conversation);
    expect(sent).toMatchObject({ status: 'sent', body: 'Hi Ada! Did you get a chance to look at the cleaning prices?' });
  });

  it("falls back to the step's customMessage when the endpoint fails, and says why", async () => {
    const conversation = await conversationWith(withFallback);
    ai.failNext(500, 'The server had an error while processing your request.');
    await gw.moveClock(HOUR);
    const [sent] = await followups(conversation);
    expect(sent).toMatchObject({ status: 'sent', body: 'Hi Ada, still keen on that cleaning?', reason_code: 'ai_composer_failed' });
  });

  it('holds an AI-only step with the reason when the endpoint refuses, and never invents text', async () => {
    const conversation = await conversationWith(aiOnly);
    ai.refuseNext();
    await gw.moveClock(HOUR);
    const [held] = await followups(conversation);
    expect(held).toMatchObject({ status: 'on_hold', reason_code: 'ai_reply_rejected', body: null });
  });
});
