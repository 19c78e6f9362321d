import { ChatCompletionsDouble } from './chat-completions-double';

describe('ChatCompletionsDouble', () => {
  const double = new ChatCompletionsDouble({ apiKey: 'sk-test', reply: (r) => `echo ${r.messages.length}` });
  let base = '';
  const post = async (path: string, body: unknown, key: string | null = 'sk-test') => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const valid = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] };

  beforeAll(async () => {
    base = await double.start();
  });
  afterAll(() => double.stop());

  it('answers a chat.completion on /v1/chat/completions and /chat/completions, recording the request', async () => {
    for (const path of ['/v1/chat/completions', '/chat/completions']) {
      const answer = await post(path, valid);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        object: 'chat.completion',
        model: 'gpt-4o-mini',
        choices: [{ index: 0, message: { role: 'assistant', content: 'echo 1' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 2, completion_tokens: 2, total_tokens: 4 },
      });
      expect(answer.body['id']).toMatch(/^chatcmpl-/);
    }
    expect(double.requests.slice(-2).map((r) => [r.path, r.model, r.status])).toEqual([
      ['/v1/chat/completions', 'gpt-4o-mini', 200],
      ['/chat/completions', 'gpt-4o-mini', 200],
    ]);
    expect(double.last('user')).toBe('hello');
  });

  it("checks the key and the body, answering OpenAI's error JSON", async () => {
    expect(await post('/v1/chat/completions', valid, null)).toMatchObject({
      status: 401,
      body: { error: { type: 'invalid_request_error' } },
    });
    expect(await post('/v1/chat/completions', valid, 'sk-wrong')).toMatchObject({
      status: 401,
      body: { error: { code: 'invalid_api_key' } },
    });
    expect(double.unauthorized).toBe(2);
    expect(await post('/v1/chat/completions', { messages: valid.messages })).toMatchObject({
      status: 400,
      body: { error: { param: 'model' } },
    });
    expect(await post('/v1/chat/completions', { model: 'm', messages: [] })).toMatchObject({
      status: 400,
      body: { error: { param: 'messages' } },
    });
    expect(await post('/v1/chat/completions', { model: 'm', messages: [{ role: 'user' }] })).toMatchObject({ status: 400 });
    expect(await post('/v1/chat/completions', '{not json')).toMatchObject({ status: 400 });
    expect(await post('/v1/models', valid)).toMatchObject({ status: 404, body: { error: { message: 'Invalid URL (POST /v1/models)' } } });
  });

  it('fails on demand, one request each', async () => {
    double.failNext(429);
    expect(await post('/v1/chat/completions', valid)).toMatchObject({ status: 429, body: { error: { code: 'rate_limit_exceeded' } } });
    double.failNext(500);
    expect(await post('/v1/chat/completions', valid)).toMatchObject({ status: 500, body: { error: { type: 'server_error' } } });
    double.answerNext(null);
    expect(await post('/v1/chat/completions', valid)).toMatchObject({ body: { choices: [{ message: { content: null } }] } });
    double.refuseNext();
    expect(await post('/v1/chat/completions', valid)).toMatchObject({
      body: { choices: [{ message: { content: "I'm sorry, but I can't help with that request." } }] },
    });
    double.rawNext(200, '{"choices":[]}');
    expect(await post('/v1/chat/completions', valid)).toMatchObject({ status: 200, body: { choices: [] } });
    double.slowNext(150);
    const started = Date.now();
    expect(await post('/v1/chat/completions', valid)).toMatchObject({ status: 200 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect((await post('/v1/chat/completions', valid)).body).toMatchObject({ choices: [{ message: { content: 'echo 1' } }] });
  });
});
