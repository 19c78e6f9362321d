import { randomBytes } from 'node:crypto';
import { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ChatMessage {
  role: string;
  content: string;
}

/** A request the double received on its chat completions path. */
export interface ChatCompletionRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** The JSON body as sent (unknown until validated). */
  body: unknown;
  /** The body's messages once validated (empty when the request was refused). */
  messages: ChatMessage[];
  model: string;
  /** The status the double answered. */
  status: number;
  receivedAt: Date;
}

/** What the double does with one request instead of its normal answer. */
export type ChatBehaviour =
  | { kind: 'error'; status: number; message: string; type: string; code: string | null }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'content'; content: string | null; finishReason?: string }
  | { kind: 'raw'; status: number; body: string };

export interface ChatCompletionsDoubleOptions {
  /** When set, requests must carry `Authorization: Bearer <apiKey>` (else 401, as OpenAI answers). */
  apiKey?: string;
  /** The assistant's text for a request the double answers normally. */
  reply?: (request: ChatCompletionRequest) => string;
}

const PATHS = ['/v1/chat/completions', '/chat/completions'];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * OpenAI's chat completions API on loopback, in its wire format: `POST /v1/chat/completions` (and
 * `/chat/completions`, as llama.cpp serves it) with a JSON body `{model, messages, ...}`, answered
 * with a `chat.completion` object, or with OpenAI's `{error: {message, type, param, code}}` JSON.
 * Every request is recorded; failures come on demand, one request each: an HTTP error (500, 429),
 * a slow answer (for timeouts), an empty or refusing text, a body that is not a completion.
 */
export class ChatCompletionsDouble {
  readonly requests: ChatCompletionRequest[] = [];
  /** Requests refused for a missing or wrong key. */
  unauthorized = 0;
  reply: (request: ChatCompletionRequest) => string;
  private readonly apiKey?: string;
  private readonly behaviours: ChatBehaviour[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private server?: Server;

  constructor(options: ChatCompletionsDoubleOptions = {}) {
    this.apiKey = options.apiKey;
    this.reply = options.reply ?? (() => 'Hi! Just checking in: is now a better time to talk?');
  }

  /** Starts listening; answers the base URL without `/v1` (`http://127.0.0.1:<port>`). */
  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next request is answered with this HTTP error (500: a server error; 429: a rate limit). */
  failNext(status = 500, message?: string): void {
    const rateLimited = status === 429;
    this.behaviours.push({
      kind: 'error',
      status,
      message:
        message ??
        (rateLimited
          ? 'Rate limit reached for requests. Please try again in 20s.'
          : 'The server had an error while processing your request. Sorry about that!'),
      type: rateLimited ? 'requests' : 'server_error',
      code: rateLimited ? 'rate_limit_exceeded' : null,
    });
  }

  /** The next request is answered after `delayMs` (longer than the client's timeout, to trigger it). */
  slowNext(delayMs: number): void {
    this.behaviours.push({ kind: 'slow', delayMs });
  }

  /** The next request is answered with this content (`''` or `null`: empty; a refusal text...). */
  answerNext(content: string | null, finishReason = 'stop'): void {
    this.behaviours.push({ kind: 'content', content, finishReason });
  }

  /** The next request is answered with a refusal, as a model says it. */
  refuseNext(text = "I'm sorry, but I can't help with that request."): void {
    this.answerNext(text);
  }

  /** The next request is answered with this status and body as they are (a malformed answer). */
  rawNext(status: number, body: string): void {
    this.behaviours.push({ kind: 'raw', status, body });
  }

  /** The messages of the last request, by role. */
  last(role: 'system' | 'user'): string {
    const request = this.requests[this.requests.length - 1];
    return request?.messages.find((m) => m.role === role)?.content ?? '';
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, raw: string, res: ServerResponse): void {
    const path = (req.url ?? '').split('?')[0] ?? '';
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = raw;
    }
    const request: ChatCompletionRequest = { path, headers: req.headers, body, messages: [], model: '', status: 0, receivedAt: new Date() };
    const answer = (status: number, payload: unknown) => {
      request.status = status;
      if (res.destroyed || res.writableEnded) return;
      res.writeHead(status, { 'content-type': 'application/json' }).end(typeof payload === 'string' ? payload : JSON.stringify(payload));
    };
    const error = (
      status: number,
      message: string,
      type = 'invalid_request_error',
      param: string | null = null,
      code: string | null = null,
    ) => answer(status, { error: { message, type, param, code } });
    if (req.method !== 'POST' || !PATHS.includes(path)) return error(404, `Invalid URL (${req.method} ${path})`);
    this.requests.push(request);
    if (this.apiKey !== undefined) {
      const given = req.headers.authorization;
      if (given !== `Bearer ${this.apiKey}`) {
        this.unauthorized++;
        const message = given
          ? `Incorrect API key provided: ${given.replace(/^Bearer /, '').slice(0, 3)}****. You can find your API key at https://platform.openai.com/account/api-keys.`
          : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
        return error(401, message, 'invalid_request_error', null, given ? 'invalid_api_key' : null);
      }
    }
    if (!isRecord(body)) return error(400, 'We could not parse the JSON body of your request.');
    if (typeof body['model'] !== 'string' || !body['model'])
      return error(400, 'you must provide a model parameter', 'invalid_request_error', 'model');
    const messages = body['messages'];
    const valid = (m: unknown): m is ChatMessage => isRecord(m) && typeof m['role'] === 'string' && typeof m['content'] === 'string';
    if (!Array.isArray(messages) || messages.length === 0 || !messages.every(valid)) {
      return error(400, "Invalid 'messages': expected a non-empty array of {role, content}.", 'invalid_request_error', 'messages');
    }
    request.model = body['model'];
    request.messages = messages;
    const behaviour = this.behaviours.shift();
    if (behaviour?.kind === 'error') return error(behaviour.status, behaviour.message, behaviour.type, null, behaviour.code);
    if (behaviour?.kind === 'raw') return answer(behaviour.status, behaviour.body);
    const completion = (content: string | null, finishReason = 'stop') => this.completion(request, content, finishReason);
    if (behaviour?.kind === 'content') return answer(200, completion(behaviour.content, behaviour.finishReason));
    const content = this.reply(request);
    if (behaviour?.kind !== 'slow') return answer(200, completion(content));
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      answer(200, completion(content));
    }, behaviour.delayMs);
    this.timers.add(timer);
  }

  private completion(request: ChatCompletionRequest, content: string | null, finishReason: string): unknown {
    const promptTokens = Math.ceil(request.messages.reduce((n, m) => n + m.content.length, 0) / 4);
    const completionTokens = Math.ceil((content ?? '').length / 4);
    return {
      id: `chatcmpl-${randomBytes(12).toString('base64url')}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: request.model,
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: finishReason }],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
      system_fingerprint: 'fp_double',
    };
  }
}
