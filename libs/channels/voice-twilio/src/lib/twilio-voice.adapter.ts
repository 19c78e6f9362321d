import {
  ChannelAdapter,
  ChannelCapabilities,
  ContactAddresses,
  OutboundMessage,
  SendContext,
  SendError,
  SendResult,
} from '@followup/channels-core';
import { twilioClient, twilioSendError } from '@followup/channels-twilio-common';
import { MAX_SPOKEN_LENGTH, TWILIO_API, voiceSettings } from './twilio-voice.settings';

export const TWILIO_VOICE_PROVIDER = 'twilio-voice';

/** Twilio's codes for a number that cannot be called at all. */
const INVALID = ['21211', '21214', '21215', '13223', '13224'];
const ERROR_RULES = { channel: 'voice', invalidCodes: INVALID } as const;

/** The events of a call Twilio reports to the StatusCallback. */
export const CALL_EVENTS = ['initiated', 'ringing', 'answered', 'completed'];

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
    const client = twilioClient(s.account_sid, s.auth_token, s.api_base_url ?? TWILIO_API);
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
      throw twilioSendError(error, ERROR_RULES);
    }
  }
}
