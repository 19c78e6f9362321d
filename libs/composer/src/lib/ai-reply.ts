/*
 * What the chat completions endpoint answered, read and checked before it can become a follow-up:
 * the answer's shape (`choices[0].message.content`), the text cleaned of what models wrap around a
 * message (thinking blocks, code fences, quotes, markdown), then refused when it is empty, a refusal
 * or has placeholders, and cut to the channel's length at a sentence or word boundary.
 */

/**
 * The assistant's text (`truncated`: the model ran out of max_tokens), or why the answer is not
 * one, in words for the reason's detail.
 */
export type Completion = { content: string; truncated: boolean } | { malformed: string } | { rejected: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The first choice's text, from an OpenAI-compatible `chat.completion` body (the raw HTTP body). */
export function readCompletion(body: string): Completion {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { malformed: 'the answer is not JSON' };
  }
  const choices = isRecord(parsed) ? parsed['choices'] : undefined;
  const first: unknown = Array.isArray(choices) ? choices[0] : undefined;
  const message = isRecord(first) ? first['message'] : undefined;
  if (!isRecord(first) || !isRecord(message)) return { malformed: 'the answer has no choices[0].message' };
  // OpenAI's structured refusal: the content is null and `refusal` says why.
  const refusal = message['refusal'];
  if (typeof refusal === 'string' && refusal.trim()) return { rejected: `the model refused: ${short(refusal)}` };
  if (first['finish_reason'] === 'content_filter') return { rejected: 'the provider filtered the answer (content_filter)' };
  const content = message['content'];
  const truncated = first['finish_reason'] === 'length';
  if (content === null || content === undefined) return { rejected: 'the answer is empty' };
  if (typeof content === 'string') return { content, truncated };
  // Some servers answer a list of content parts: [{type: 'text', text}].
  if (Array.isArray(content)) {
    const texts = content.map((part: unknown) => (isRecord(part) && typeof part['text'] === 'string' ? part['text'] : null));
    if (texts.every((t) => t !== null)) return { content: texts.join(''), truncated };
  }
  return { malformed: 'choices[0].message.content is not text' };
}

/** The words of an error answer: OpenAI's `{error: {message}}`, Ollama's `{error: "…"}`, vLLM's `{message}`, or the text. */
export function errorMessage(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return short(body.replace(/<[^>]*>/g, ' '));
  }
  if (!isRecord(parsed)) return '';
  const error = parsed['error'];
  if (isRecord(error) && typeof error['message'] === 'string') return short(error['message']);
  if (typeof error === 'string') return short(error);
  return typeof parsed['message'] === 'string' ? short(parsed['message']) : '';
}

const QUOTES: [string, string][] = [
  ['"', '"'],
  ["'", "'"],
  ['“', '”'],
  ['‘', '’'],
  ['«', '»'],
  ['„', '“'],
  ['`', '`'],
];

/** The message itself: no thinking block, fence, label, surrounding quotes or markdown; one line of single spaces. */
export function cleanReply(raw: string): string {
  let text = raw
    .replace(/<think>[\s\S]*?(<\/think>|$)/gi, ' ') // reasoning models served locally (DeepSeek R1, Qwen 3)
    .replace(/```[a-z]*\n?([\s\S]*?)```/gi, '$1')
    .replace(/\*\*([^*]+)\*\*|__([^_]+)__/g, '$1$2')
    .replace(/(^|\s)[*_]([^*_\s][^*_]*?)[*_](?=\s|[.,!?]|$)/g, '$1$2')
    .replace(/^\s*(#{1,6}\s+|>\s+)/gm, '')
    .replace(/^\s*(message|mensaje|mensagem|follow-up( message)?|sms)\s*:\s*/i, '');
  text = text.replace(/\s+/g, ' ').trim();
  for (let again = true; again; ) {
    again = false;
    for (const [open, close] of QUOTES) {
      if (text.length >= 2 && text.startsWith(open) && text.endsWith(close)) {
        const inner = text.slice(open.length, text.length - close.length);
        // `"Hi" and "bye"`: the first and last quote are not a pair around the whole text.
        if (open === close && inner.includes(open)) continue;
        text = inner.trim();
        again = true;
      }
    }
  }
  return text;
}

/** Refusals and "as an AI" disclaimers, in English, Spanish and Portuguese (apostrophes normalised). */
const REFUSALS: RegExp[] = [
  /^(i'm|i am) sorry,? (but )?(i|as an ai)\b/,
  /\bi (can't|cannot|can not|am unable to|'m unable to|won't be able to|am not able to) (help|assist|comply|write|create|provide|fulfil|generate|do that)/,
  /\bas an (ai|artificial intelligence|ai language model|language model)\b/,
  /\bi('m| am) (just )?an ai\b/,
  /^(lo siento|disculpa|disculpe),? (pero )?no (puedo|es posible|me es posible)\b/,
  /\bno puedo (ayudar|ayudarte|asistir|cumplir|escribir|generar|crear|hacer eso)/,
  /\bcomo (una )?(ia|inteligencia artificial|modelo de lenguaje)\b/,
  /^(desculpe|desculpa|lamento|sinto muito),? (mas )?(eu )?não (posso|consigo|é possível)\b/,
  /\bnão (posso|consigo) (ajudar|atender|cumprir|escrever|gerar|criar|fazer isso)/,
  /\bcomo (uma )?(ia|inteligência artificial|modelo de linguagem)\b/,
];

export function isRefusal(text: string): boolean {
  const t = text.toLowerCase().replace(/[’‘`]/g, "'");
  return REFUSALS.some((r) => r.test(t));
}

/** Text the model left for someone to fill in: `[Your Name]`, `{{first_name}}`, `<company>`. */
const PLACEHOLDER =
  /\{\{[^}]*\}\}|\[(your|name|first name|nome|nombre|company|business|empresa|agent|contact|lead|insert|date|time)[^\]]{0,40}\]|<(name|first name|company|business)>/i;

export function hasPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

/**
 * At most `max` characters: the longest run of whole sentences that keeps at least half of the
 * room, else whole words and an ellipsis. A text that fits is returned as it is.
 */
export function trimToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 2) return safeCut(text, Math.max(0, max));
  const head = text.slice(0, max + 1);
  let sentenceEnd = -1;
  for (const m of head.matchAll(/[.!?…](?=\s|$)/g)) if (m.index < max) sentenceEnd = m.index + 1;
  if (sentenceEnd >= max / 2) return text.slice(0, sentenceEnd);
  const room = safeCut(text, max - 1);
  // The room ends on a word boundary when the next character is a space; else the last word is cut off.
  const space = /\s/.test(text.charAt(room.length)) ? room.length : room.search(/\s\S*$/);
  const words = (space > 0 ? room.slice(0, space) : room).replace(/[\s,;:–—-]+$/, '');
  return `${words}…`;
}

/** The first `n` code units, without splitting a surrogate pair (an emoji). */
function safeCut(text: string, n: number): string {
  const code = text.charCodeAt(n - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

export type CheckedReply = { text: string } | { rejected: string };

/**
 * The model's text as a follow-up: cleaned, checked, and within `maxLength`. A text the model did
 * not finish (`truncated`) keeps its whole sentences only.
 */
export function checkReply(raw: string, maxLength: number, truncated = false): CheckedReply {
  let text = cleanReply(raw);
  if (truncated && text) {
    const ends = [...text.matchAll(/[.!?…](?=\s|$)/g)];
    const last = ends[ends.length - 1];
    text = last ? text.slice(0, last.index + 1) : '';
    if (!text) return { rejected: 'the answer was cut off (max_tokens) before its first sentence ended' };
  }
  if (!text) return { rejected: 'the answer is empty' };
  if (isRefusal(text)) return { rejected: `the model refused: ${short(text)}` };
  if (hasPlaceholder(text)) return { rejected: `the answer has a placeholder: ${short(text)}` };
  const trimmed = trimToLength(text, maxLength);
  return trimmed.replace(/…$/, '').trim() ? { text: trimmed } : { rejected: 'the answer is empty once cut to the channel’s length' };
}

/** A provider's words, quoted in a reason: one line, at most 160 characters. */
export function short(text: string, max = 160): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${safeCut(line, max - 1)}…` : line;
}
