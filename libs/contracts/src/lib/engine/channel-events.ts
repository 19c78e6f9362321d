import type { ChannelType } from './channels';

/**
 * The normalised events a channel's webhooks produce. Nothing channel-specific passes this point:
 * the gateway hands them to the conversations use cases whatever the provider was.
 */

/** Where a message came from, as the provider names it. */
export interface EventAddress {
  phone?: string;
  email?: string;
  whatsapp?: string;
  name?: string;
}

/** SMS keywords with a meaning of their own (carrier and CTIA conventions). */
export type InboundKeyword = 'opt_out' | 'opt_in' | 'help';

export interface InboundMessage {
  kind: 'inbound';
  channel: ChannelType;
  /** The provider's id of the message: recording is idempotent on it. */
  providerMessageId: string;
  from: EventAddress;
  /** The address it was sent to (the connection's number or mailbox). */
  to?: string;
  /** The text, with quoted history already removed where the channel quotes (email). */
  body: string;
  subject?: string;
  occurredAt?: Date;
  /** Provider ids of the messages this one answers (email In-Reply-To and References), newest first. */
  inReplyTo?: string[];
  /** The conversation the address it was sent to names (a tagged reply address), when it names one. */
  conversationId?: string;
  /**
   * The contact's own id on the channel, where the channel has one (live chat: the visitor id):
   * the message continues that id's conversation on the connection, or starts it.
   */
  channelContactId?: string;
  /** An opt-out, opt-in or help keyword, and the channels an opt-out or opt-in applies to. */
  keyword?: InboundKeyword;
  keywordChannels?: ChannelType[];
}

/** Delivery states, in the order they can only move forward in (failed and undelivered are final). */
export const DELIVERY_STATES = ['queued', 'sent', 'delivered', 'read', 'failed', 'undelivered'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export interface DeliveryStatus {
  kind: 'status';
  channel: ChannelType;
  /** The provider's id of the message this status is about (what the send returned). */
  providerMessageId: string;
  status: DeliveryState;
  /** The provider's error code (Twilio: 30003; SMTP: the enhanced status 5.1.1). */
  errorCode?: string;
  errorMessage?: string;
  occurredAt?: Date;
  /**
   * What the failure says about the contact's address: opted out at the carrier (Twilio 21610) or
   * not deliverable at all (a bounce). The contact stops getting messages on these channels.
   */
  address?: { state: 'opted_out' | 'invalid'; phone?: string; email?: string; channels: ChannelType[] };
  /**
   * The message failed because the conversation's session window had closed when the provider
   * tried it (WhatsApp 131047: more than 24 hours since the contact's last message). Nothing is
   * wrong with the address: only a template can reach the contact until they write again.
   */
  sessionClosed?: boolean;
}

export type ChannelEvent = InboundMessage | DeliveryStatus;

const RANK: Record<string, number> = { queued: 0, sent: 1, delivered: 2, read: 3, failed: 2, undelivered: 2 };

/**
 * A delivery status moves forward only: a later `sent` never overwrites `delivered`, and once a
 * message is delivered, failed or undelivered only `read` can follow. True when `next` may replace
 * `current` (null: no status yet).
 */
export function deliveryAdvances(current: string | null, next: DeliveryState): boolean {
  if (current === null || !(current in RANK)) return true;
  return (RANK[next] ?? 0) > (RANK[current] ?? 0) && !(next === 'read' && (current === 'failed' || current === 'undelivered'));
}
