import { SendError, SendErrorHints } from '@followup/channels-core';
import { HttpPostError, NOT_SENT_CODES } from '@followup/util';

/** Meta's error answer: `{"error": {message, type, code, error_subcode, error_data: {details}, fbtrace_id}}`. */
interface GraphError {
  message?: unknown;
  type?: unknown;
  code?: unknown;
  error_subcode?: unknown;
  error_data?: { details?: unknown };
  fbtrace_id?: unknown;
}

/** Message undeliverable: the number is not on WhatsApp (or cannot take business messages). */
export const UNDELIVERABLE = 131026;
/** Re-engagement message: more than 24 hours since the contact's last message, only templates go. */
export const WINDOW_CLOSED = 131047;

/**
 * Refusals that hold for a while, not for good: the message was not sent and may go again after
 * this long. The pacer keeps each connection under its throughput, so 130429 is rare; 131056 is
 * Meta's pair rate limit (about one message every 6 s to the same contact, with short bursts).
 */
export const RATE_LIMITS: Readonly<Record<number, number>> = {
  4: 60_000, // the app's API call rate
  80007: 60_000, // the WhatsApp Business Account's rate
  130429: 1_000, // the phone number's throughput (messages per second)
  131056: 6_000, // too many messages to the same contact in a short time
};

const WHY: Readonly<Record<number, string>> = {
  [UNDELIVERABLE]: 'the number cannot receive WhatsApp messages',
  [WINDOW_CLOSED]: "more than 24 hours since the contact's last message: only a template can go now",
  190: 'the access token is invalid or expired',
  132001: 'no approved template of that name and language',
};

function graphError(body: string): GraphError | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: unknown };
    return typeof parsed.error === 'object' && parsed.error !== null ? (parsed.error as GraphError) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A Cloud API answer that is not a 2xx, as a SendError: a 4xx is a refusal (nothing was sent,
 * `definite`), a 5xx an unknown outcome (Meta may have queued it). Codes that say more: 131026
 * closes the contact's WhatsApp address (invalid), 131047 says the window is closed, the rate
 * limits say when the same message may go again.
 */
export function fromAnswer(status: number, body: string): SendError {
  const definite = status < 500;
  const error = graphError(body);
  const code = typeof error?.code === 'number' ? error.code : undefined;
  if (code === undefined)
    return new SendError(`WhatsApp Cloud API answered HTTP ${status}: ${body.slice(0, 200)}`, `http_${status}`, definite);
  const details = typeof error?.error_data?.details === 'string' ? error.error_data.details : undefined;
  const trace = typeof error?.fbtrace_id === 'string' ? ` [fbtrace_id ${error.fbtrace_id}]` : '';
  const parts = [typeof error?.message === 'string' ? error.message : 'no message', details, WHY[code]].filter(Boolean);
  const message = `WhatsApp error ${code}${typeof error?.error_subcode === 'number' ? `/${error.error_subcode}` : ''}: ${parts.join('; ')}${trace}`;
  const hints: SendErrorHints = {};
  if (definite && code === WINDOW_CLOSED) hints.sessionClosed = true;
  if (definite && RATE_LIMITS[code] !== undefined) hints.retryAfterMs = RATE_LIMITS[code];
  const address = definite && code === UNDELIVERABLE ? { state: 'invalid' as const, channels: ['whatsapp' as const] } : undefined;
  return new SendError(message, `whatsapp_${code}`, definite, address, hints);
}

/**
 * A request that got no answer: refused or unresolvable means it never reached Meta (definite);
 * a timeout or a connection lost mid-request may have been processed (unknown).
 */
export function fromTransport(error: unknown): SendError {
  const code = error instanceof HttpPostError ? error.code : 'network_error';
  // The message is the code, or the reason a refused destination gives (destination_not_allowed: ...).
  const words = error instanceof HttpPostError ? error.message : code;
  return new SendError(`WhatsApp Cloud API unreachable: ${words}`, code, NOT_SENT_CODES.includes(code));
}
