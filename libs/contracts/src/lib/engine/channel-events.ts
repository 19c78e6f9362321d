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

/** What a call came to (seed 004's statuses for a call). */
export type CallOutcome = 'delivered' | 'no_answer' | 'failed';

/**
 * A phone call's facts, as a voice provider reports them (status callbacks, recordings, a handoff
 * nobody answered): each call is one seed 004 record, keyed by the provider's call id, that later
 * events about the same call complete. An outbound call that served a send moves that send's
 * delivery forward (`delivery`) like a DeliveryStatus.
 */
export interface CallEvent {
  kind: 'call';
  channel: ChannelType;
  /** The provider's call id (Twilio's CallSid): the record's `call_id`, and the send's provider id. */
  providerMessageId: string;
  /** Absent when the event adds a detail only (a recording). */
  direction?: 'inbound' | 'outbound';
  /** The contact's number (the called one outbound, the caller inbound). */
  contactPhone?: string;
  /** The gateway's number the call used. */
  phoneNumberUsed?: string;
  /** The call's outcome once known; absent while it is under way or when the event adds a detail only. */
  outcome?: CallOutcome;
  /** The delivery state of the send the call was (outbound): failed when nobody took it. */
  delivery?: DeliveryState;
  startedAt?: Date;
  durationMs?: number;
  recordingUrl?: string;
  /** Why the call ended (`completed`, `voicemail`, `busy`, `no_answer`, `handoff_not_answered`, ...). */
  disconnectionReason?: string;
  /** seed 004's type: `call`, or `voicemail` for a message the caller left. */
  recordType?: 'call' | 'voicemail';
  errorCode?: string;
  errorMessage?: string;
}

export type ChannelEvent = InboundMessage | DeliveryStatus | CallEvent;

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
