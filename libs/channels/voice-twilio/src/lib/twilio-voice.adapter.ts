import {
  ChannelAdapter,
  ChannelCapabilities,
  ContactAddresses,
  OutboundMessage,
  SendContext,
  SendError,
  SendResult,
} from '@followup/channels-core';
import { twilioVoiceClient } from './twilio-voice.client';
import { MAX_SPOKEN_LENGTH, TWILIO_API, voiceSettings } from './twilio-voice.settings';

export const TWILIO_VOICE_PROVIDER = 'twilio-voice';

/** Transport errors after which Twilio certainly did not get the request. */
const NOT_SENT = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED_BEFORE_SEND'];
/** Twilio's codes for a number that cannot be called at all. */
const INVALID = ['21211', '21214', '21215', '13223', '13224'];

/** The events of a call Twilio reports to the StatusCallback. */
export const CALL_EVENTS = ['initiated', 'ringing', 'answered', 'completed'];

/** Twilio's REST error (what the SDK throws as RestException). */
interface TwilioError {
  status?: number;
  code?: number | string;
  message?: string;
}

/**
 * The URL Twilio fetches once the call is answered: the connection's `twiml` hook, carrying the text
 * to say and, for an assigned conversation whose assignee's number the connection knows, that number (`h`).
 */
export function twimlUrl(webhookBaseUrl: string, text: string, assigneeNumber?: string): string {
  return `${webhookBaseUrl}/twiml?m=${encodeURIComponent(text)}${assigneeNumber ? `&h=${encodeURIComponent(assigneeNumber)}` : ''}`;
}

/**
 * A message on voice is a phone call through Twilio's Calls API: once it is answered Twilio fetches
 * the connection's `twiml` hook (the text rides in its URL, which Twilio's signature covers), with
 * answering machine detection unless the connection turns it off, and reports the call's events to
 * the `status` hook. The call's SID is the send's provider id.
 */
export class TwilioVoiceAdapter implements ChannelAdapter {
  readonly channel = 'voice' as const;
  readonly provider = TWILIO_VOICE_PROVIDER;
  readonly capabilities: ChannelCapabilities = { templates: false, idempotentSend: false, maxLength: MAX_SPOKEN_LENGTH };

  canReach(contact: ContactAddresses): boolean {
    return Boolean(contact.phone);
  }

  sessionState(): 'open' {
    return 'open';
  }

  async send(message: OutboundMessage, context: SendContext): Promise<SendResult> {
    const s = voiceSettings(context.connection.settings);
    if (!message.to.phone) throw new SendError('the contact has no phone number', 'no_address', true);
    if (!message.body.trim()) throw new SendError('there is nothing to say: the text is empty', 'empty_body', true);
    if (message.body.length > MAX_SPOKEN_LENGTH)
      throw new SendError(`the text is ${message.body.length} characters; a call says at most ${MAX_SPOKEN_LENGTH}`, 'body_too_long', true);
    if (!context.webhookBaseUrl)
      throw new SendError('a call needs the gateway webhook URL (PUBLIC_BASE_URL) for its TwiML', 'no_webhook_url', true);
    const assignee = context.assignedUserId ? s.assignee_numbers?.[context.assignedUserId] : undefined;
    const client = twilioVoiceClient(s.account_sid, s.auth_token, s.api_base_url ?? TWILIO_API);
    try {
      const call = await client.calls.create({
        to: message.to.phone,
        from: s.from,
        url: twimlUrl(context.webhookBaseUrl, message.body, assignee),
        method: 'POST',
        statusCallback: `${context.webhookBaseUrl}/status`,
        statusCallbackMethod: 'POST',
        statusCallbackEvent: CALL_EVENTS,
        ...(s.machine_detection === false ? {} : { machineDetection: 'DetectMessageEnd' }),
      });
      return { providerMessageId: call.sid, acceptedAt: call.dateCreated ?? new Date(), status: 'queued' };
    } catch (error) {
      throw toSendError(error as TwilioError & NodeJS.ErrnoException);
    }
  }
}

function toSendError(error: TwilioError & NodeJS.ErrnoException): SendError {
  const status = typeof error.status === 'number' ? error.status : undefined;
  if (status !== undefined && error.code !== undefined && typeof error.code !== 'string') {
    // Twilio answered: a 4xx is a refusal (no call placed), a 5xx may or may not have placed it.
    const code = String(error.code);
    const address =
      code === '21610'
        ? { state: 'opted_out' as const, channels: ['sms' as const, 'voice' as const] }
        : INVALID.includes(code)
          ? { state: 'invalid' as const, channels: ['voice' as const] }
          : undefined;
    return new SendError(`Twilio error ${code}: ${error.message ?? 'no message'}`, `twilio_${code}`, status < 500, address);
  }
  if (status !== undefined) return new SendError(`Twilio answered HTTP ${status}`, `http_${status}`, status < 500);
  const code = typeof error.code === 'string' ? error.code : 'network_error';
  return new SendError(`Twilio unreachable: ${code}`, code, NOT_SENT.includes(code));
}
