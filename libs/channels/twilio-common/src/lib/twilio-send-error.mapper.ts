import { ChannelType, SendError } from '@followup/channels-core';
import { DESTINATION_NOT_ALLOWED } from '@followup/util';

/** Transport errors after which Twilio certainly did not get the request (a destination the network policy refuses included). */
export const TWILIO_NOT_SENT = [
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED_BEFORE_SEND',
  DESTINATION_NOT_ALLOWED,
];

/** Twilio's REST error (what the SDK throws as RestException), or a transport error. */
export interface TwilioError {
  status?: number;
  code?: number | string;
  message?: string;
}

/** What one channel library makes of Twilio's refusals. */
export interface TwilioErrorRules {
  /** The channel whose address a refusal in `invalidCodes` marks invalid. */
  channel: ChannelType;
  /** Twilio's codes for an address this channel cannot reach at all (21211: not a valid phone number, ...). */
  invalidCodes: readonly string[];
  /** Too many requests (HTTP 429, Twilio 20429): nothing was queued; the step goes again after this long. */
  retryAfterTooManyRequestsMs?: number;
}

/** Twilio 21610: the number replied STOP at the carrier; no message nor call reaches it. */
const OPTED_OUT = '21610';

/**
 * The SDK's error as a SendError: Twilio's answer (a 4xx is a refusal, nothing sent; a 5xx may or
 * may not have been acted on), or a transport error (definite when the request never left).
 */
export function twilioSendError(error: unknown, rules: TwilioErrorRules): SendError {
  const e = (error ?? {}) as TwilioError & NodeJS.ErrnoException;
  const status = typeof e.status === 'number' ? e.status : undefined;
  if (status !== undefined && e.code !== undefined && typeof e.code !== 'string') {
    const code = String(e.code);
    const address =
      code === OPTED_OUT
        ? { state: 'opted_out' as const, channels: ['sms', 'voice'] as ChannelType[] }
        : rules.invalidCodes.includes(code)
          ? { state: 'invalid' as const, channels: [rules.channel] }
          : undefined;
    const tooMany = status === 429 || code === '20429';
    return new SendError(
      `Twilio error ${code}: ${e.message ?? 'no message'}`,
      `twilio_${code}`,
      status < 500,
      address,
      tooMany && rules.retryAfterTooManyRequestsMs !== undefined ? { retryAfterMs: rules.retryAfterTooManyRequestsMs } : {},
    );
  }
  if (status !== undefined) return new SendError(`Twilio answered HTTP ${status}`, `http_${status}`, status < 500);
  const code = typeof e.code === 'string' ? e.code : 'network_error';
  // A refused destination says which address and why (destination_not_allowed: ...).
  const words = code === DESTINATION_NOT_ALLOWED && e.message ? e.message : code;
  return new SendError(`Twilio unreachable: ${words}`, code, TWILIO_NOT_SENT.includes(code));
}
