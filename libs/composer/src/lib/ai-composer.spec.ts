import { reason } from '@followup/contracts';
import type { ContactEntity, ConversationAgentEntity } from '@followup/persistence';
import { ChatCompletionsDouble } from '@followup/testing';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { AiComposer, AiComposerConfig, chatCompletionsUrl, composerFor } from './ai-composer';
import { AI_UNAVAILABLE, ComposeInput, TemplateComposer } from './composer';

const contact = { name: 'Ada Lovelace', firstName: null, email: 'ada@example.com', phone: '+14155550123' } as ContactEntity;
const agent = {
  name: 'Sofia',
  businessName: 'Acme Dental',
  personality: 'Warm.',
  goal: 'Book a visit.',
  instructions: '',
} as ConversationAgentEntity;
const aiStep = { id: 1, followupTime: 1, followupTimeUnit: 'hours' as const };
const customStep = { ...aiStep, customMessage: 'Hi {{contact.first_name}}, {{agent.business_name}} here. Still keen?' };
const history = [
  { direction: 'outbound' as const, body: 'Hi Ada, would Tuesday suit you for a cleaning?', at: new Date('2026-01-02T10:00:00Z') },
  { direction: 'inbound' as const, body: 'Let me check my calendar', at: new Date('2026-01-02T10:03:00Z') },
];
const input = (extra: Partial<ComposeInput> = {}): ComposeInput => ({
  step: aiStep,
  scenario: 'contactStoppedReplying',
  contact,
  agent,
  stepNumber: 1,
  stepCount: 3,
  history,
  maxLength: 160,
  ...extra,
});

describe('AiComposer against a chat completions endpoint', () => {
  const keyed = new ChatCompletionsDouble({ apiKey: 'sk-test-123', reply: () => '"Hi Ada! Did you get a chance to check your calendar?"' });
  const open = new ChatCompletionsDouble();
  let keyedUrl = '';
  let openUrl = '';
  const config = (extra: Partial<AiComposerConfig> = {}): AiComposerConfig => ({
    baseUrl: `${keyedUrl}/v1`,
    apiKey: 'sk-test-123',
    model: 'gpt-4o-mini',
    timeoutMs: 2000,
    ...extra,
  });

  beforeAll(async () => {
    keyedUrl = await keyed.start();
    openUrl = await open.start();
  });
  afterAll(async () => {
    await keyed.stop();
    await open.stop();
  });

  it('writes the step from the prompt, the conversation going with it', async () => {
    const result = await new AiComposer(config()).compose(input({ prompt: 'Offer a product demo' }));
    expect(result).toEqual({ text: 'Hi Ada! Did you get a chance to check your calendar?' });
    const request = keyed.requests[keyed.requests.length - 1];
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer sk-test-123');
    expect(request?.body).toMatchObject({ model: 'gpt-4o-mini', temperature: 0.7, max_tokens: 336 });
    expect(request?.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(keyed.last('system')).toContain('You are Sofia, writing on behalf of Acme Dental.');
    expect(keyed.last('system')).toContain('At most 160 characters');
    const user = keyed.last('user');
    expect(user).toContain('The lead went quiet');
    expect(user).toContain('What this follow-up should do: Offer a product demo');
    expect(user).toContain('This is follow-up 1 of 3.');
    expect(user).toContain("The lead's first name: Ada.");
    expect(user.indexOf('You (Sofia): Hi Ada, would Tuesday suit you')).toBeLessThan(user.indexOf('Lead: Let me check my calendar'));
  });

  it("cuts the answer to the channel's length", async () => {
    keyed.answerNext('Hi Ada! Did you get a chance to check your calendar? Tuesday at 10 is still open, and so is Wednesday.');
    expect(await new AiComposer(config()).compose(input({ maxLength: 60 }))).toEqual({
      text: 'Hi Ada! Did you get a chance to check your calendar?',
    });
  });

  it('takes the base URL with or without /v1, and a full completions URL', async () => {
    for (const baseUrl of [keyedUrl, `${keyedUrl}/`, `${keyedUrl}/v1/`, `${keyedUrl}/v1/chat/completions`]) {
      expect(await new AiComposer(config({ baseUrl })).compose(input())).toHaveProperty('text');
      expect(keyed.requests[keyed.requests.length - 1]?.path).toBe('/v1/chat/completions');
    }
    expect(chatCompletionsUrl('http://127.0.0.1:11434/v1')).toBe('http://127.0.0.1:11434/v1/chat/completions');
    expect(chatCompletionsUrl('https://api.openai.com')).toBe('https://api.openai.com/v1/chat/completions');
    expect(chatCompletionsUrl('https://x.openai.azure.com/openai/deployments/gpt4o?api-version=2024-10-21')).toBe(
      'https://x.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21',
    );
  });

  it('sends no key to an endpoint configured without one (a local server)', async () => {
    const result = await new AiComposer({ baseUrl: openUrl, model: 'llama3.2', timeoutMs: 2000 }).compose(input());
    expect(result).toEqual({ text: 'Hi! Just checking in: is now a better time to talk?' });
    expect(open.requests[open.requests.length - 1]?.headers.authorization).toBeUndefined();
  });

  it("holds the step with the endpoint's words when it refuses the key, never quoting the key", async () => {
    const result = await new AiComposer(config({ apiKey: 'sk-wrong-456' })).compose(input());
    expect(result).toEqual({
      unavailable: reason(
        'ai_composer_failed',
        `the AI endpoint ${new URL(keyedUrl).host} answered HTTP 401: Incorrect API key provided: sk-****. You can find your API key at https://platform.openai.com/account/api-keys.`,
      ),
    });
    expect(JSON.stringify(result)).not.toContain('sk-wrong-456');
  });

  it('falls back to the custom message when the endpoint fails, saying why', async () => {
    keyed.failNext(500);
    const result = await new AiComposer(config()).compose(input({ step: customStep }));
    expect(result).toEqual({
      text: 'Hi Ada, Acme Dental here. Still keen?',
      fallback: reason(
        'ai_composer_failed',
        `the AI endpoint ${new URL(keyedUrl).host} answered HTTP 500: The server had an error while processing your request. Sorry about that!`,
      ),
    });
  });

  it('holds the step on a rate limit when there is no custom message', async () => {
    keyed.failNext(429);
    const result = await new AiComposer(config()).compose(input());
    expect(result).toMatchObject({
      unavailable: { code: 'ai_composer_failed', text: expect.stringContaining('HTTP 429: Rate limit reached') },
    });
  });

  it('gives up after AI_TIMEOUT_MS', async () => {
    keyed.slowNext(3000);
    const started = Date.now();
    const result = await new AiComposer(config({ timeoutMs: 200 })).compose(input());
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toEqual({
      unavailable: reason('ai_composer_timeout', `the AI endpoint ${new URL(keyedUrl).host} did not answer within 200 ms`),
    });
    keyed.slowNext(3000);
    expect(await new AiComposer(config({ timeoutMs: 200 })).compose(input({ step: customStep }))).toMatchObject({
      text: 'Hi Ada, Acme Dental here. Still keen?',
      fallback: { code: 'ai_composer_timeout' },
    });
  });

  it('refuses an empty answer or a refusal', async () => {
    const host = new URL(keyedUrl).host;
    keyed.answerNext('');
    expect(await new AiComposer(config()).compose(input())).toEqual({
      unavailable: reason('ai_reply_rejected', `the AI endpoint ${host}: the answer is empty`),
    });
    keyed.answerNext(null);
    expect(await new AiComposer(config()).compose(input())).toMatchObject({ unavailable: { code: 'ai_reply_rejected' } });
    keyed.refuseNext('Lo siento, pero no puedo ayudar con eso.');
    expect(await new AiComposer(config()).compose(input({ step: customStep }))).toEqual({
      text: 'Hi Ada, Acme Dental here. Still keen?',
      fallback: reason('ai_reply_rejected', `the AI endpoint ${host}: the model refused: Lo siento, pero no puedo ayudar con eso.`),
    });
  });

  it('holds the step on an answer that is not a chat completion, or no answer at all', async () => {
    keyed.rawNext(200, '<html>OK</html>');
    expect(await new AiComposer(config()).compose(input())).toMatchObject({
      unavailable: { code: 'ai_composer_failed', text: expect.stringContaining('answered no chat completion: the answer is not JSON') },
    });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await new AiComposer(config({ baseUrl: `http://127.0.0.1:${port}/v1` })).compose(input())).toEqual({
      unavailable: reason('ai_composer_failed', `the AI endpoint 127.0.0.1:${port} could not be reached (ECONNREFUSED)`),
    });
  });

  it('sends custom messages as the template composer does, without asking the endpoint', async () => {
    const before = keyed.requests.length;
    const step = { ...customStep, aiEnabledMessage: false };
    expect(await new AiComposer(config()).compose(input({ step }))).toEqual({ text: 'Hi Ada, Acme Dental here. Still keen?' });
    expect(keyed.requests.length).toBe(before);
    // A seed 003 step: a prompt and no custom message is AI-written whatever aiEnabledMessage says.
    await new AiComposer(config()).compose(input({ step: { ...aiStep, aiEnabledMessage: false }, prompt: 'Friendly follow-up message' }));
    expect(keyed.requests.length).toBe(before + 1);
  });

  it('is chosen by configuration: no endpoint, no AI', async () => {
    expect(composerFor(undefined)).toBeInstanceOf(TemplateComposer);
    expect(await composerFor(null).compose(input())).toEqual({ unavailable: AI_UNAVAILABLE });
    expect(composerFor(config())).toBeInstanceOf(AiComposer);
  });
});
