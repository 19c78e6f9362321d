import {
  ChannelAdapter,
  ChannelCapabilities,
  ChannelProvider,
  ChannelType,
  ContactAddresses,
  ConversationView,
  OutboundMessage,
  SESSION_RULES,
  SessionState,
  SendContext,
  SendError,
  SendResult,
  sessionStateFor,
} from '@followup/channels-core';
import { HttpAnswer, HttpPostError, NOT_SENT_CODES, literalUrlProblem, newWebhookSecret, postJson, signWebhook } from '@followup/util';

/**
 * The webhook channel: each outbound message is an HTTP POST of JSON to the connection's URL,
 * signed per Standard Webhooks. It bridges the gateway to any system that delivers messages itself
 * (a live-chat widget, a bot platform, an in-house SMS sender). `webhook-id` is the idempotency key,
 * stable across retries, and receivers dedupe on it, so a send of unknown outcome may be repeated.
 */
export const WEBHOOK_PROVIDER = 'webhook';
const TIMEOUT_MS = 10_000;

function reachable(channel: ChannelType, to: ContactAddresses): boolean {
  if (channel === 'email') return Boolean(to.email);
  if (channel === 'whatsapp') return Boolean(to.whatsapp ?? to.phone);
  if (channel === 'sms' || channel === 'voice') return Boolean(to.phone);
  return true; // live chat: the conversation itself is the address
}

export class WebhookChannelAdapter implements ChannelAdapter {
  readonly provider = WEBHOOK_PROVIDER;
  readonly capabilities: ChannelCapabilities;

  constructor(
    readonly channel: ChannelType,
    private readonly now: () => Date = () => new Date(),
  ) {
    // The channel type's session rule (WhatsApp 24 h, live chat 30 min); a template goes to the
    // receiver as it is, for channels that have templates.
    const session = SESSION_RULES[channel];
    this.capabilities = { templates: session?.afterWindow === 'template_only', idempotentSend: true, session };
  }

  canReach(contact: ContactAddresses): boolean {
    return reachable(this.channel, contact);
  }

  sessionState(conversation: ConversationView, now: Date): SessionState {
    return sessionStateFor(this.capabilities, conversation, now);
  }

  async send(message: OutboundMessage, context: SendContext): Promise<SendResult> {
    const url = String(context.connection.settings['url']);
    const secret = String(context.connection.settings['secret']);
    const body = JSON.stringify({
      type: 'message.outbound',
      channel: this.channel,
      location_id: context.locationId,
      conversation_id: context.conversationId,
      to: message.to,
      body: message.body,
      ...(message.template ? { template: message.template } : {}),
      metadata: context.metadata ?? {},
    });
    const headers = signWebhook(secret, context.idempotencyKey, this.now(), body);
    let answer: HttpAnswer;
    try {
      answer = await postJson(url, { 'user-agent': 'followup-gateway', ...headers }, body, TIMEOUT_MS);
    } catch (error) {
      const code = error instanceof HttpPostError ? error.code : 'network_error';
      // Refused, unresolvable, or a destination the network policy refuses: nothing reached the receiver. Anything else may have.
      throw new SendError(`webhook ${url}: ${error instanceof HttpPostError ? error.message : code}`, code, NOT_SENT_CODES.includes(code));
    }
    if (answer.status < 200 || answer.status >= 300) {
      // 4xx: the receiver refused it; 5xx: it may or may not have acted on it.
      // 429: the receiver asks to slow down and took nothing; the step goes again in a second, and its connection waits.
      const hints = answer.status === 429 ? { retryAfterMs: 1_000 } : {};
      throw new SendError(`webhook ${url} answered ${answer.status}`, `http_${answer.status}`, answer.status < 500, undefined, hints);
    }
    const text = answer.body;
    let id: string = context.idempotencyKey;
    try {
      const parsed = JSON.parse(text) as { id?: unknown; message_id?: unknown };
      const given = parsed.message_id ?? parsed.id;
      if (typeof given === 'string' && given) id = given;
    } catch {
      // an empty or non-JSON 2xx answer is an acceptance too
    }
    return { providerMessageId: id, acceptedAt: this.now(), status: 'sent' };
  }
}

export const webhookChannelProvider: ChannelProvider = {
  name: WEBHOOK_PROVIDER,
  channels: ['sms', 'email', 'whatsapp', 'live_chat', 'voice'],
  secretSettings: ['secret'],
  validateSettings(settings) {
    const problems: string[] = [];
    const url = settings['url'];
    if (typeof url !== 'string' || !/^https?:\/\/[^\s]+$/.test(url)) problems.push('settings.url must be an http(s) URL');
    else {
      // A loopback or private address written in the URL (a name is checked when sending, after DNS).
      const refused = literalUrlProblem(url);
      if (refused) problems.push(`settings.url: ${refused}`);
    }
    const secret = settings['secret'];
    if (typeof secret !== 'string' || !/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/.test(secret)) {
      problems.push('settings.secret must be a Standard Webhooks secret (whsec_...)');
    }
    const unknown = Object.keys(settings).filter((k) => k !== 'url' && k !== 'secret');
    for (const key of unknown) problems.push(`settings.${key} is not a webhook setting (url, secret)`);
    return problems;
  },
  completeSettings: (settings) => ({ ...settings, secret: settings['secret'] ?? newWebhookSecret() }),
  adapter: (channel) => new WebhookChannelAdapter(channel),
};
