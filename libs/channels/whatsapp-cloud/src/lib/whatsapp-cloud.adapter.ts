import {
  ChannelAdapter,
  ChannelCapabilities,
  ContactAddresses,
  ConversationView,
  OutboundMessage,
  SESSION_RULES,
  SendContext,
  SendError,
  SendResult,
  SessionState,
  sessionStateFor,
} from '@followup/channels-core';
import { HttpAnswer, postJson } from '@followup/util';
import { fromAnswer, fromTransport } from './graph-error.mapper';
import { SendPacer } from './token-bucket.pacer';
import { DEFAULT_MESSAGES_PER_SECOND, WhatsappCloudSettings, messagesUrl } from './whatsapp-cloud.settings';

export const WHATSAPP_CLOUD_PROVIDER = 'whatsapp-cloud';
/** The Cloud API's limit for a text message's body. */
export const MAX_LENGTH = 4096;
const TIMEOUT_MS = 10_000;

export interface WhatsappCloudAdapterOptions {
  /** How long one request to the Cloud API may take before its outcome is unknown. */
  timeoutMs?: number;
  pacer?: SendPacer;
  now?: () => Date;
}

/** The digits the Cloud API takes as `to`: the contact's WhatsApp number, else its phone. */
export function recipient(to: ContactAddresses): string | undefined {
  const digits = (to.whatsapp ?? to.phone ?? '').replace(/\D/g, '');
  return digits.length >= 7 ? digits : undefined;
}

/** The Cloud API's message object for a text or a template (with its body parameters). */
export function messageBody(message: OutboundMessage, to: string): Record<string, unknown> {
  const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to };
  const template = message.template;
  if (!template) return { ...base, type: 'text', text: { preview_url: false, body: message.body } };
  const parameters = template.params.map((text) => ({ type: 'text', text }));
  return {
    ...base,
    type: 'template',
    template: {
      name: template.name,
      language: { code: template.language },
      ...(parameters.length ? { components: [{ type: 'body', parameters }] } : {}),
    },
  };
}

/**
 * WhatsApp through Meta's Cloud API: `POST {api_base_url}/{api_version}/{phone_number_id}/messages`
 * with the connection's Bearer token, paced per connection under its `messages_per_second`.
 * Meta's 200 means accepted (the `sent`, `delivered` and `read` statuses come by webhook), so a
 * send answers `queued` with the wamid. Meta does not deduplicate sends: `idempotentSend` is false.
 */
export class WhatsappCloudAdapter implements ChannelAdapter {
  readonly channel = 'whatsapp' as const;
  readonly provider = WHATSAPP_CLOUD_PROVIDER;
  readonly capabilities: ChannelCapabilities = {
    templates: true,
    session: SESSION_RULES.whatsapp,
    maxLength: MAX_LENGTH,
    idempotentSend: false,
    // Follow-ups are paced by the dispatcher at this rate unless the connection's messages_per_second says otherwise.
    sendsPerSecond: DEFAULT_MESSAGES_PER_SECOND,
  };
  private readonly timeoutMs: number;
  private readonly pacer: SendPacer;
  private readonly now: () => Date;

  constructor(options: WhatsappCloudAdapterOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
    this.pacer = options.pacer ?? new SendPacer();
    this.now = options.now ?? (() => new Date());
  }

  canReach(contact: ContactAddresses): boolean {
    return recipient(contact) !== undefined;
  }

  sessionState(conversation: ConversationView, now: Date): SessionState {
    return sessionStateFor(this.capabilities, conversation, now);
  }

  async send(message: OutboundMessage, context: SendContext): Promise<SendResult> {
    const settings = context.connection.settings as unknown as WhatsappCloudSettings;
    const to = recipient(message.to);
    if (!to) throw new SendError('the contact has no WhatsApp or phone number', 'no_address', true);
    if (!message.template && !message.body.trim()) throw new SendError('the text is empty', 'empty_body', true);
    if (!message.template && message.body.length > MAX_LENGTH)
      throw new SendError(`the text is ${message.body.length} characters; WhatsApp takes at most ${MAX_LENGTH}`, 'body_too_long', true);
    await this.pacer.wait(context.connection.id, settings.messages_per_second ?? DEFAULT_MESSAGES_PER_SECOND);
    let answer: HttpAnswer;
    try {
      answer = await postJson(
        messagesUrl(settings),
        { authorization: `Bearer ${settings.access_token}`, 'user-agent': 'followup-gateway' },
        JSON.stringify(messageBody(message, to)),
        this.timeoutMs,
      );
    } catch (error) {
      throw fromTransport(error);
    }
    if (answer.status < 200 || answer.status >= 300) throw fromAnswer(answer.status, answer.body);
    const id = wamid(answer.body);
    if (!id) throw new SendError(`WhatsApp Cloud API answered ${answer.status} without messages[0].id`, 'no_message_id', false);
    return { providerMessageId: id, acceptedAt: this.now(), status: 'queued' };
  }
}

function wamid(body: string): string | undefined {
  try {
    const id = (JSON.parse(body) as { messages?: { id?: unknown }[] }).messages?.[0]?.id;
    return typeof id === 'string' && id ? id : undefined;
  } catch {
    return undefined;
  }
}
