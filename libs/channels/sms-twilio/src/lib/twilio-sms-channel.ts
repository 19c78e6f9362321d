import {
  ChannelAdapter,
  ChannelCapabilities,
  ChannelProvider,
  ContactAddresses,
  OutboundMessage,
  SendContext,
  SendError,
  SendResult,
} from '@followup/channels-core';
import { TWILIO_API, apiBaseUrlProblems, twilioClient, twilioSendError } from '@followup/channels-twilio-common';
import { twilioWebhooks } from './twilio-webhooks';

export const TWILIO_PROVIDER = 'twilio';
/** Twilio's limit for one message body (it splits into segments up to this). */
const MAX_LENGTH = 1600;
/** What Twilio's refusals mean for SMS: 21211 and 21614 (not a valid or not a mobile number); a 429 goes again in a second, and its connection waits. */
const ERROR_RULES = { channel: 'sms', invalidCodes: ['21211', '21614'], retryAfterTooManyRequestsMs: 1_000 } as const;

export interface TwilioSettings {
  account_sid: string;
  auth_token: string;
  from?: string;
  messaging_service_sid?: string;
  api_base_url?: string;
  help_text?: string;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const KNOWN = ['account_sid', 'auth_token', 'from', 'messaging_service_sid', 'api_base_url', 'help_text'];

export function validateTwilioSettings(s: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof s['account_sid'] !== 'string' || !/^AC[0-9a-fA-F]{32}$/.test(s['account_sid']))
    problems.push('settings.account_sid must be a Twilio Account SID (AC followed by 32 hex digits)');
  if (typeof s['auth_token'] !== 'string' || s['auth_token'].length < 16)
    problems.push("settings.auth_token must be the account's auth token");
  const from = s['from'];
  const service = s['messaging_service_sid'];
  if (from === undefined && service === undefined)
    problems.push('settings.from is required (an E.164 number of the account) unless settings.messaging_service_sid is given');
  if (from !== undefined && (typeof from !== 'string' || !E164.test(from)))
    problems.push('settings.from must be an E.164 phone number such as +14155550123');
  if (service !== undefined && (typeof service !== 'string' || !/^MG[0-9a-fA-F]{32}$/.test(service)))
    problems.push('settings.messaging_service_sid must be a Messaging Service SID (MG followed by 32 hex digits)');
  problems.push(...apiBaseUrlProblems(s['api_base_url']));
  const help = s['help_text'];
  if (help !== undefined && (typeof help !== 'string' || !help.trim() || help.length > 320))
    problems.push('settings.help_text must be a text of at most 320 characters');
  for (const key of Object.keys(s))
    if (!KNOWN.includes(key)) problems.push(`settings.${key} is not a Twilio setting (${KNOWN.join(', ')})`);
  return problems;
}

/** SMS through Twilio's Messages API, with delivery statuses called back to the gateway. */
export class TwilioSmsAdapter implements ChannelAdapter {
  readonly channel = 'sms' as const;
  readonly provider = TWILIO_PROVIDER;
  readonly capabilities: ChannelCapabilities = { templates: false, idempotentSend: false, maxLength: MAX_LENGTH };

  canReach(contact: ContactAddresses): boolean {
    return Boolean(contact.phone);
  }

  sessionState(): 'open' {
    return 'open';
  }

  async send(message: OutboundMessage, context: SendContext): Promise<SendResult> {
    const s = context.connection.settings as unknown as TwilioSettings;
    if (!message.to.phone) throw new SendError('the contact has no phone number', 'no_address', true);
    if (message.body.length > MAX_LENGTH)
      throw new SendError(`the text is ${message.body.length} characters; Twilio takes at most ${MAX_LENGTH}`, 'body_too_long', true);
    const client = twilioClient(s.account_sid, s.auth_token, s.api_base_url ?? TWILIO_API);
    try {
      const sent = await client.messages.create({
        to: message.to.phone,
        body: message.body,
        ...(s.messaging_service_sid ? { messagingServiceSid: s.messaging_service_sid } : { from: s.from as string }),
        ...(context.webhookBaseUrl ? { statusCallback: `${context.webhookBaseUrl}/status` } : {}),
      });
      return {
        providerMessageId: sent.sid,
        acceptedAt: sent.dateCreated ?? new Date(),
        status: sent.status === 'sent' || sent.status === 'delivered' ? sent.status : 'queued',
      };
    } catch (error) {
      throw twilioSendError(error, ERROR_RULES);
    }
  }
}

export const twilioSmsProvider: ChannelProvider = {
  name: TWILIO_PROVIDER,
  channels: ['sms'],
  secretSettings: ['auth_token'],
  validateSettings: validateTwilioSettings,
  adapter: () => new TwilioSmsAdapter(),
  webhooks: twilioWebhooks,
};
