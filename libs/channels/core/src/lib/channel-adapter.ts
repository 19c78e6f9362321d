import type { ChannelType } from '@followup/contracts';

export { CHANNEL_TYPES } from '@followup/contracts';
export type { ChannelType };

/** Where a contact can be reached. */
export interface ContactAddresses {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  whatsapp?: string | null;
}

/** What a channel can do; the scheduler and the channel selector read these, never the channel name. */
export interface ChannelCapabilities {
  /** Free-form messages are allowed only this long after the contact's last message (WhatsApp: 24 h). */
  freeFormWindowMs?: number;
  /** Approved templates can be sent outside that window. */
  templates: boolean;
  /** Longest text the channel takes in one message. */
  maxLength?: number;
  /**
   * The provider deduplicates on the idempotency key, so a send whose outcome is unknown (the
   * process died mid-call) may be repeated with the same key. When false it is never repeated.
   */
  idempotentSend: boolean;
}

/** The facts about a conversation a channel needs to judge its session. */
export interface ConversationView {
  channel: ChannelType;
  lastInboundAt?: Date | null;
  lastOutboundAt?: Date | null;
}

export interface OutboundMessage {
  to: ContactAddresses;
  body: string;
}

/** A location's connection to the provider (settings include its secrets). */
export interface ConnectionView {
  id: string;
  settings: Record<string, unknown>;
}

export interface SendContext {
  locationId: string;
  conversationId: string;
  connection: ConnectionView;
  /** Stable for one follow-up across attempts: the provider dedupes on it where it can. */
  idempotencyKey: string;
  /** Anything the receiving side may find useful (follow-up id, scenario, step). */
  metadata?: Record<string, unknown>;
}

export interface SendResult {
  providerMessageId: string;
  acceptedAt: Date;
  status: 'queued' | 'sent' | 'delivered';
}

/**
 * A send that failed. `definite` means the provider certainly did not take the message (refused,
 * unreachable before the request was written); otherwise the outcome is unknown.
 */
export class SendError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly definite: boolean,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

/** One channel of one provider. The scheduler never asks which channel it is. */
export interface ChannelAdapter {
  readonly channel: ChannelType;
  readonly provider: string;
  readonly capabilities: ChannelCapabilities;
  canReach(contact: ContactAddresses): boolean;
  sessionState(conversation: ConversationView, now: Date): 'open' | 'template_only' | 'inactive';
  send(message: OutboundMessage, context: SendContext): Promise<SendResult>;
}

/** A channel plugin: validates its connections' settings and makes the adapters for its channels. */
export interface ChannelProvider {
  readonly name: string;
  readonly channels: readonly ChannelType[];
  /** Settings never returned by the API (masked). */
  readonly secretSettings: readonly string[];
  /** Problems with a connection's settings, one line each naming the field (`settings.url ...`). */
  validateSettings(settings: Record<string, unknown>): string[];
  /** Fills in defaults (e.g. a generated secret) before a connection is stored. */
  completeSettings?(settings: Record<string, unknown>): Record<string, unknown>;
  adapter(channel: ChannelType): ChannelAdapter;
}
