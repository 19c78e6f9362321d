import type { ChannelType } from '@followup/contracts';
import type { ChannelWebhooks } from './webhooks';
import type { SessionRule } from './session';

export { CHANNEL_TYPES, DELIVERY_STATES } from '@followup/contracts';
export type {
  CallEvent,
  CallOutcome,
  ChannelEvent,
  ChannelType,
  DeliveryState,
  DeliveryStatus,
  EventAddress,
  InboundKeyword,
  InboundMessage,
} from '@followup/contracts';

/** Where a contact can be reached. */
export interface ContactAddresses {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  whatsapp?: string | null;
}

/** What a channel can do; the scheduler and the channel selector read these, never the channel name. */
export interface ChannelCapabilities {
  /**
   * The channel's session rule: free-form messages only this long after the contact's last message
   * (WhatsApp: 24 h, then templates only; live chat: 30 min, then the visitor is gone). Absent: always open.
   * `sessionStateFor` (session.ts) reads it; the router reads the state, never the channel's name.
   */
  session?: SessionRule;
  /** The channel takes template messages (approved templates can go out when the session is closed). */
  templates: boolean;
  /**
   * How many messages per second a connection sends when its `messages_per_second` setting does
   * not say (the dispatcher paces per connection); absent: unpaced.
   */
  sendsPerSecond?: number;
  /** Longest text the channel takes in one message. */
  maxLength?: number;
  /**
   * The provider deduplicates on the idempotency key, so a send whose outcome is unknown (the
   * process died mid-call) may be repeated with the same key. When false it is never repeated.
   */
  idempotentSend: boolean;
  /** Messages form a thread the channel keeps (email): sends get the conversation's earlier ids. */
  threaded?: boolean;
}

/** The facts about a conversation a channel needs to judge its session. */
export interface ConversationView {
  channel: ChannelType;
  lastInboundAt?: Date | null;
  lastOutboundAt?: Date | null;
  /**
   * The last time the contact was seen present on the conversation's channel, where the channel
   * has presence (live chat: a visitor socket open, refreshed while one is). Null or absent: never.
   */
  contactSeenAt?: Date | null;
  /** When the provider said the session had closed (WhatsApp 131047): closed until the contact writes again. */
  sessionClosedAt?: Date | null;
  /** The settings of the connection the message would go out on, for rules a connection sets (live chat's idle timeout). */
  connectionSettings?: Readonly<Record<string, unknown>>;
}

/** A template message: an approved template by name and language, with its parameters filled in. */
export interface OutboundTemplate {
  name: string;
  /** The template's language code (WhatsApp: `pt_BR`, `en_US`). */
  language: string;
  /** The body parameters, in order, with the contact's variables already filled in. */
  params: string[];
}

/**
 * What goes to the contact: text, or a template (only to adapters whose capabilities say
 * `templates`). A template message's `body` is its readable rendering, for the record and the timeline.
 */
export interface OutboundMessage {
  to: ContactAddresses;
  body: string;
  template?: OutboundTemplate;
  /** Where the channel has one (email); threaded channels default to the thread's. */
  subject?: string;
}

/**
 * A Voice AI agent (seed 002) as a connection's webhooks see it, when a setting names one
 * (`ChannelProvider.settingReferences`): what it says and how long a call may last, and whether it
 * is inside its working hours (`agentWorkingHours` in its `timezone`) at the request's time.
 */
export interface VoiceAgentView {
  id: string;
  welcomeMessage: string;
  /** BCP 47 (`en-US`). */
  language: string;
  maxCallDurationSeconds: number;
  timezone: string;
  /** Inside its working hours now (an agent with no working hours is always open). */
  openNow: boolean;
}

/** Kinds of resources of the location a connection's settings may name, and what the gateway loads for each. */
export interface SettingReferenceViews {
  voice_agent: VoiceAgentView;
}
export type SettingReferenceKind = keyof SettingReferenceViews;

/** A location's connection to the provider (settings include its secrets, in clear). */
export interface ConnectionView {
  id: string;
  locationId?: string;
  settings: Record<string, unknown>;
  /**
   * For webhooks: the resources the settings name (`ChannelProvider.settingReferences`), loaded by
   * the gateway, by setting name (`voice_agent_id` -> the agent). A missing one is absent.
   */
  references?: Readonly<Record<string, SettingReferenceViews[SettingReferenceKind]>>;
}

/** The conversation's earlier messages on a threaded channel, oldest first. */
export interface ThreadView {
  subject?: string | null;
  providerMessageIds: string[];
}

export interface SendContext {
  locationId: string;
  conversationId: string;
  /** The contact's own id on the conversation's channel, where it has one (live chat: the visitor id). */
  channelContactId?: string | null;
  /** The person the conversation is assigned to, if anyone (a call's handoff goes to their number where the connection knows it). */
  assignedUserId?: string | null;
  connection: ConnectionView;
  /** Stable for one follow-up across attempts: the provider dedupes on it where it can. */
  idempotencyKey: string;
  /** Anything the receiving side may find useful (follow-up id, scenario, step). */
  metadata?: Record<string, unknown>;
  /**
   * This connection's webhook base (`<PUBLIC_BASE_URL>/webhooks/<namespace>/<connection id>`), for
   * providers that call back with delivery statuses (Twilio's StatusCallback is `<base>/status`).
   */
  webhookBaseUrl?: string;
  /** A signed link that opts the contact out of this channel (email: List-Unsubscribe). */
  unsubscribeUrl?: string;
  /** Threaded channels only: the earlier messages to answer (email: In-Reply-To, References). */
  thread?: ThreadView;
}

export interface SendResult {
  providerMessageId: string;
  acceptedAt: Date;
  status: 'queued' | 'sent' | 'delivered';
}

/** What a refusal says beyond "not sent", for an engine that can act on it (both optional). */
export interface SendErrorHints {
  /**
   * The provider refused for now, not for good (a rate limit: WhatsApp 130429, 131056): nothing
   * was sent, and the same message may go again after this long.
   */
  retryAfterMs?: number;
  /**
   * The conversation's session window is closed (WhatsApp 131047: more than 24 hours since the
   * contact's last message): free-form text is refused, a template may still go.
   */
  sessionClosed?: boolean;
}

/**
 * A send that failed. `definite` means the provider certainly did not take the message (refused,
 * unreachable before the request was written); otherwise the outcome is unknown.
 */
export class SendError extends Error {
  /**
   * `address`: what the refusal says about the contact's address (Twilio 21610: the number opted
   * out at the carrier), so the contact stops getting messages on those channels.
   * `hints`: a refusal that is temporary or that only this kind of message meets (SendErrorHints).
   */
  constructor(
    message: string,
    readonly code: string,
    readonly definite: boolean,
    readonly address?: { state: 'opted_out' | 'invalid'; channels: ChannelType[] },
    readonly hints: SendErrorHints = {},
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
  /**
   * Settings that name a resource of the connection's location (`voice_agent_id: 'voice_agent'`):
   * the gateway refuses a connection naming one that does not exist (422), and loads each into
   * `ConnectionView.references` for the webhooks.
   */
  readonly settingReferences?: Readonly<Record<string, SettingReferenceKind>>;
  /** Fills in defaults (e.g. a generated secret) before a connection is stored. */
  completeSettings?(settings: Record<string, unknown>): Record<string, unknown>;
  adapter(channel: ChannelType): ChannelAdapter;
  /** Inbound messages and delivery statuses, when the provider calls the gateway back. */
  readonly webhooks?: ChannelWebhooks;
  /** Lets go of what the provider holds for its connections (pooled SMTP connections, ...). */
  close?(): Promise<void>;
}
