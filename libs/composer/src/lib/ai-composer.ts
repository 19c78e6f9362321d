import { Reason, reason } from '@followup/contracts';
import { HttpAnswer, HttpPostError, postJson } from '@followup/util';
import { DEFAULT_MAX_LENGTH, buildPrompt } from './ai-prompt';
import { checkReply, errorMessage, readCompletion } from './ai-reply';
import { ComposeInput, ComposeResult, MessageComposer, TemplateComposer, renderTemplate, variables } from './composer';

/** An OpenAI-compatible chat completions endpoint (OpenAI, Azure OpenAI, llama.cpp, vLLM, Ollama...). */
export interface AiComposerConfig {
  /** `https://api.openai.com/v1`, `http://127.0.0.1:11434/v1`...: see `chatCompletionsUrl`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <key>` (and `api-key` to Azure); none for a local server that takes none. */
  apiKey?: string;
  model: string;
  /** Longest the endpoint may stay silent, as for channels: the request is abandoned after it. */
  timeoutMs: number;
  /** Sampling temperature; 0.7 unless given. */
  temperature?: number;
}

/**
 * Where the completions are asked: the base URL and `/chat/completions`. A base without a path
 * (`https://api.openai.com`, `http://127.0.0.1:8080`) gets `/v1` first; one that ends with
 * `/chat/completions` is taken as it is; a query (Azure's `?api-version=`) is kept.
 */
export function chatCompletionsUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  let path = url.pathname.replace(/\/+$/, '');
  if (!path) path = '/v1';
  if (!/\/chat\/completions$/.test(path)) path = `${path}/chat/completions`;
  url.pathname = path;
  return url.toString();
}

/** Tokens the model may use for a message of `maxLength` characters (generous: the text is cut to length anyway). */
export const maxTokensFor = (maxLength: number) => Math.min(4096, Math.ceil(maxLength / 2) + 256);

/** Whether a step's text is AI-written: `aiEnabledMessage` is not false, or it has a seed 003 prompt and no customMessage. */
export function writesWithAi(input: ComposeInput): boolean {
  return input.step.aiEnabledMessage !== false || (!input.step.customMessage && Boolean(input.prompt?.trim()));
}

type Written = { text: string } | { failed: Reason };

/**
 * Writes AI steps through a chat completions endpoint; custom messages as TemplateComposer does.
 * A failure of the endpoint (timeout, HTTP error, malformed answer, empty or refusing text) never
 * throws: the step's customMessage goes out instead when it has one (`fallback` says why), else the
 * step is held with the reason. No text is ever made up here.
 */
export class AiComposer extends MessageComposer {
  private readonly template = new TemplateComposer();
  private readonly url: string;
  private readonly host: string;
  private readonly headers: Record<string, string>;

  constructor(private readonly config: AiComposerConfig) {
    super();
    this.url = chatCompletionsUrl(config.baseUrl);
    this.host = new URL(this.url).host;
    const key = config.apiKey;
    this.headers = {
      accept: 'application/json',
      'user-agent': 'followup-gateway',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      // Azure OpenAI's deployments take the key in `api-key`; its v1 API takes either.
      ...(key && /\.azure\.com$/i.test(new URL(this.url).hostname) ? { 'api-key': key } : {}),
    };
  }

  async compose(input: ComposeInput): Promise<ComposeResult> {
    if (!writesWithAi(input)) return this.template.compose(input);
    let written: Written;
    try {
      written = await this.write(input, input.maxLength ?? DEFAULT_MAX_LENGTH);
    } catch (error) {
      written = { failed: reason('ai_composer_failed', `the AI endpoint ${this.host}: ${String(error)}`) };
    }
    return 'text' in written ? written : fallback(input, written.failed);
  }

  private async write(input: ComposeInput, maxLength: number): Promise<Written> {
    const prompt = buildPrompt({ ...input, maxLength });
    const body = JSON.stringify({
      model: this.config.model,
      messages: [
        { role: 'system', content: prompt.system },
        { role: 'user', content: prompt.user },
      ],
      temperature: this.config.temperature ?? 0.7,
      max_tokens: maxTokensFor(maxLength),
    });
    const endpoint = `the AI endpoint ${this.host}`;
    let answer: HttpAnswer;
    try {
      answer = await postJson(this.url, this.headers, body, this.config.timeoutMs);
    } catch (error) {
      const code = error instanceof HttpPostError ? error.code : 'network_error';
      if (code === 'timeout')
        return { failed: reason('ai_composer_timeout', `${endpoint} did not answer within ${this.config.timeoutMs} ms`) };
      // The code, or a refused destination's reason (destination_not_allowed: ... ALLOW_PRIVATE_NETWORK_URLS).
      const words = error instanceof HttpPostError ? error.message : code;
      return { failed: reason('ai_composer_failed', `${endpoint} could not be reached (${words})`) };
    }
    if (answer.status < 200 || answer.status >= 300) {
      const words = errorMessage(answer.body);
      return { failed: reason('ai_composer_failed', `${endpoint} answered HTTP ${answer.status}${words ? `: ${words}` : ''}`) };
    }
    const completion = readCompletion(answer.body);
    if ('malformed' in completion)
      return { failed: reason('ai_composer_failed', `${endpoint} answered no chat completion: ${completion.malformed}`) };
    if ('rejected' in completion) return { failed: reason('ai_reply_rejected', `${endpoint}: ${completion.rejected}`) };
    const checked = checkReply(completion.content, maxLength, completion.truncated);
    if ('rejected' in checked) return { failed: reason('ai_reply_rejected', `${endpoint}: ${checked.rejected}`) };
    return checked;
  }
}

/** The step's customMessage, with the contact's variables, when the AI could not write it; else held with why. */
function fallback({ step, contact, agent }: ComposeInput, why: Reason): ComposeResult {
  const text = step.customMessage ? renderTemplate(step.customMessage, variables(contact, agent)) : '';
  return text ? { text, fallback: why } : { unavailable: why };
}

/**
 * The composer for a configuration: AI-written steps through the endpoint when one is configured
 * (AI_BASE_URL), else TemplateComposer (AI steps held with `ai_composer_unavailable`).
 */
export function composerFor(config?: AiComposerConfig | null): MessageComposer {
  return config ? new AiComposer(config) : new TemplateComposer();
}
