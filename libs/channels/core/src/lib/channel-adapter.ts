/** Channels a conversation can run on. */
export const CHANNEL_TYPES = ['sms', 'email', 'whatsapp', 'live_chat', 'voice'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** Where a contact can be reached. */
export interface ContactAddresses {
  phone?: string | null;
  email?: string | null;
  whatsapp?: string | null;
  liveChatSessionId?: string | null;
}

/** What a channel can do; the scheduler and the channel selector read these, never the channel name. */
export interface ChannelCapabilities {
  /** Free-form messages are allowed only this long after the contact's last message (WhatsApp: 24 h). */
  freeFormWindowMs?: number;
  /** Approved templates can be sent outside that window. */
  templates: boolean;
  /** Longest text the channel takes in one message. */
  maxLength?: number;
}

/** The facts about a conversation a channel needs to judge its session. */
export interface ConversationView {
  channel: ChannelType;
  lastInboundAt?: Date | null;
  /** The channel has reported the contact unreachable on it (bounce, session ended, 21610). */
  unreachable?: boolean;
}

export interface OutboundMessage {
  to: ContactAddresses;
  body: string;
  /** Template to use where only templates may be sent. */
  template?: { name: string; language: string; params: string[] };
}

export interface SendContext {
  locationId: string;
  conversationId: string;
  /** Idempotency key for the provider call (one follow-up step, one key). */
  idempotencyKey: string;
}

export interface SendResult {
  providerMessageId: string;
  acceptedAt: Date;
  status: 'queued' | 'sent' | 'delivered' | 'failed';
}

/** One channel plugin. Adding a channel is one library implementing this, registered in the registry. */
export interface ChannelAdapter {
  readonly channel: ChannelType;
  readonly capabilities: ChannelCapabilities;
  canReach(contact: ContactAddresses): boolean;
  sessionState(conversation: ConversationView, now: Date): 'open' | 'template_only' | 'inactive';
  send(message: OutboundMessage, context: SendContext): Promise<SendResult>;
}
