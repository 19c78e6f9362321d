import {
  ChannelAdapter,
  ChannelCapabilities,
  ChannelProvider,
  ContactAddresses,
  ConversationView,
  OutboundMessage,
  SendContext,
  SendError,
  SendResult,
} from '@followup/channels-core';
import { HttpAnswer, HttpPostError, NOT_SENT_CODES, postJson } from '@followup/util';

export const PROVIDER = 'whatsapp-cloud';
const TIMEOUT_MS = 10_000;
const SETTINGS = ['api_base_url', 'api_key'];

/**
 * whatsapp through the whatsapp-cloud provider's HTTP API.
 *
 * As generated it speaks a plain JSON API: `POST <api_base_url>/messages` with
 * `Authorization: Bearer <api_key>` and `{ to, body, idempotency_key }`, answered 2xx with `{ id }`.
 * Replace the request with the provider's own API or SDK (a vendor SDK is imported only here) and
 * keep the rule of the error mapping: a refusal is a definite SendError, an unknown outcome is not.
 */
export class WhatsappCloudAdapter implements ChannelAdapter {
  readonly channel = 'whatsapp' as const;
  readonly provider = PROVIDER;
  readonly capabilities: ChannelCapabilities = { templates: false, idempotentSend: false };

  canReach(contact: ContactAddresses): boolean {
    return Boolean(contact.whatsapp);
  }

  sessionState(_conversation: ConversationView, _now: Date): 'open' | 'template_only' | 'inactive' {
    return 'open';
  }

  async send(message: OutboundMessage, context: SendContext): Promise<SendResult> {
    const settings = context.connection.settings;
    const url = `${String(settings['api_base_url']).replace(/\/+$/, '')}/messages`;
    const to = message.to.whatsapp;
    const body = JSON.stringify({ to, body: message.body, idempotency_key: context.idempotencyKey });
    let answer: HttpAnswer;
    try {
      answer = await postJson(url, { authorization: `Bearer ${String(settings['api_key'])}` }, body, TIMEOUT_MS);
    } catch (error) {
      const code = error instanceof HttpPostError ? error.code : 'network_error';
      throw new SendError(`${PROVIDER}: ${code}`, code, NOT_SENT_CODES.includes(code));
    }
    if (answer.status < 200 || answer.status >= 300) {
      // 4xx: the provider refused it; 5xx: it may or may not have taken it.
      throw new SendError(
        `${PROVIDER} answered ${answer.status}: ${answer.body.slice(0, 200)}`,
        `http_${answer.status}`,
        answer.status < 500,
      );
    }
    const id = messageId(answer.body);
    if (!id) throw new SendError(`${PROVIDER} answered ${answer.status} without a message id`, 'no_message_id', false);
    return { providerMessageId: id, acceptedAt: new Date(), status: 'queued' };
  }
}

function messageId(text: string): string | undefined {
  try {
    const id = (JSON.parse(text) as { id?: unknown }).id;
    return typeof id === 'string' && id ? id : undefined;
  } catch {
    return undefined;
  }
}

export const whatsappCloudChannelProvider: ChannelProvider = {
  name: PROVIDER,
  channels: ['whatsapp'],
  secretSettings: ['api_key'],
  validateSettings(settings) {
    const problems: string[] = [];
    const url = settings['api_base_url'];
    if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url)) problems.push('settings.api_base_url must be an http(s) URL');
    if (typeof settings['api_key'] !== 'string' || !settings['api_key']) problems.push('settings.api_key is required');
    for (const key of Object.keys(settings))
      if (!SETTINGS.includes(key)) problems.push(`settings.${key} is not a ${PROVIDER} setting (${SETTINGS.join(', ')})`);
    return problems;
  },
  adapter: () => new WhatsappCloudAdapter(),
};
