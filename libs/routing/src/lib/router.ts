import { ChannelAdapter, ChannelRegistry, ChannelType } from '@followup/channels-core';
import type { TemplateSpec } from '@followup/composer';
import { Reason, reason } from '@followup/contracts';
import type { ChannelConnectionEntity, ContactEntity, ConversationEntity } from '@followup/persistence';
import { ChannelUseFacts, rankChannels } from './channel-ranking';

/** Channels tried, in order, when dynamic channel switching moves a follow-up off a dead channel. */
export const FALLBACK_ORDER: ChannelType[] = ['sms', 'whatsapp', 'email'];

export interface ChannelChoice {
  channel: ChannelType;
  adapter: ChannelAdapter;
  connection: ChannelConnectionEntity;
  switched: boolean;
  /** When switched: why each channel tried before this one could not take it (`live_chat: session inactive`). */
  passedOver?: string;
  /** The session is closed and the message goes as a template (the channel takes only those now). */
  asTemplate: boolean;
  /** Why this channel ranked first for the contact (`replied by email 2 days ago`), when their history put it there. */
  rankedBecause?: string;
}

/** Why one channel cannot take a message now. */
export type ChannelBlock =
  | 'opted_out'
  | 'undeliverable'
  | 'no_connection'
  | 'no_address'
  | 'session_closed'
  | 'session_inactive'
  | 'too_long'
  | 'failed_before';

/** What the router says of one channel: usable (with its connection and adapter), or why not. */
export type ChannelVerdict =
  | { channel: ChannelType; usable: true; adapter: ChannelAdapter; connection: ChannelConnectionEntity; asTemplate: boolean }
  | { channel: ChannelType; usable: false; block: ChannelBlock; connection: ChannelConnectionEntity | null };

export interface RouteInput {
  conversation: ConversationEntity;
  contact: ContactEntity;
  connections: ChannelConnectionEntity[];
  /**
   * The message can also go as a template (it has one), for channels whose session takes only
   * templates. A connection with a `reengagement_template` setting has one for any message.
   */
  hasTemplate?: boolean;
  /**
   * Only the message's own template counts (`hasTemplate`): the connection's re-engagement template
   * never stands in for it. A reply a person wrote is sent as written or refused, never replaced.
   */
  ownTemplateOnly?: boolean;
  /** The text's length, when known: a channel whose `maxLength` is shorter cannot take it. */
  textLength?: number;
  /**
   * Where the message belongs, when not the conversation's own channel and connection (a seed 003
   * official channel's step goes out on its connection): the channel tried first, and its connection.
   */
  own?: { channel: ChannelType; connectionId?: string };
  /** Channels this message already failed on for good (failover.ts): never tried again for it. */
  failedChannels?: readonly ChannelType[];
}

export interface SelectInput extends RouteInput {
  dynamicChannelSwitching: boolean;
  now: Date;
  /**
   * The contact's history per channel (what was sent there, what they wrote there): with switching,
   * channels are tried by where this contact answers (channel-ranking.ts) before the fixed order.
   */
  history?: readonly ChannelUseFacts[];
}

/**
 * The template a connection sends when its channel's session takes only templates (its
 * `reengagement_template` setting: what a sequence sends once WhatsApp's 24 hours have passed).
 */
export function connectionTemplate(connection: Pick<ChannelConnectionEntity, 'settings'>): TemplateSpec | undefined {
  const t = connection.settings['reengagement_template'] as Partial<TemplateSpec> | null | undefined;
  if (!t || typeof t.name !== 'string' || !t.name) return undefined;
  const params = Array.isArray(t.params) ? t.params.filter((p): p is string => typeof p === 'string') : [];
  return { name: t.name, language: typeof t.language === 'string' && t.language ? t.language : 'en', params };
}

/** The words the reasons have always used for each block. */
const BLOCK_WORDS: Record<ChannelBlock, string> = {
  opted_out: 'opted out',
  undeliverable: 'address undeliverable',
  no_connection: 'no connection',
  no_address: 'no address',
  session_closed: 'session closed (templates only)',
  session_inactive: 'session inactive',
  too_long: 'message longer than the channel takes',
  failed_before: 'already failed for this step',
};

/**
 * The one rule of whether a channel can take a message for this contact now, in order: the contact
 * has not opted out of it, its address there has not failed, the location has a connection for it
 * (the conversation's own on its own channel, else the location's first of the channel), the
 * adapter can reach the contact, the text fits the channel's `maxLength`, and (given `sessionAt`)
 * the channel's session is open at that instant, or takes only templates and the message has one.
 * Every rule reads the adapter's capabilities and session state, never the channel's name.
 */
export function evaluateChannel(
  registry: ChannelRegistry,
  channel: ChannelType,
  input: RouteInput,
  sessionAt: Date | null,
): ChannelVerdict {
  const usable = input.connections.filter((c) => c.type === channel && registry.adapter(c.provider, channel));
  const pinned = input.own?.channel === channel ? input.own.connectionId : undefined;
  const connection = pinned
    ? usable.find((c) => c.id === pinned)
    : (channel === input.conversation.channel && usable.find((c) => c.id === input.conversation.connectionId)) || usable[0];
  const blocked = (block: ChannelBlock): ChannelVerdict => ({ channel, usable: false, block, connection: connection ?? null });
  if (input.contact.optedOut.includes(channel)) return blocked('opted_out');
  if (input.failedChannels?.includes(channel)) return blocked('failed_before');
  if (input.contact.undeliverable?.includes(channel)) return blocked('undeliverable');
  if (!connection) return blocked('no_connection');
  const adapter = registry.adapter(connection.provider, channel) as ChannelAdapter;
  if (!adapter.canReach(input.contact)) return blocked('no_address');
  const { maxLength, templates } = adapter.capabilities;
  let asTemplate = false;
  if (sessionAt) {
    const { lastInboundAt, lastOutboundAt, contactSeenAt, sessionClosedAt } = input.conversation;
    const view = { channel, lastInboundAt, lastOutboundAt, contactSeenAt, sessionClosedAt, connectionSettings: connection.settings };
    const session = adapter.sessionState(view, sessionAt);
    if (session === 'inactive') return blocked('session_inactive');
    if (session === 'template_only') {
      const standIn = !input.ownTemplateOnly && connectionTemplate(connection);
      if (!(input.hasTemplate || standIn) || !templates) return blocked('session_closed');
      asTemplate = true;
    }
  }
  if (!asTemplate && maxLength !== undefined && input.textLength !== undefined && input.textLength > maxLength) return blocked('too_long');
  return { channel, usable: true, adapter, connection, asTemplate };
}

/**
 * The channel a follow-up goes out on. Without dynamic channel switching: the conversation's own,
 * or none. With it: the channels in the order the contact answers on (rankChannels: the channel of
 * their last message, then by reply rate, then the conversation's own, then SMS, WhatsApp, email),
 * the first usable one (live chat -> SMS when the visitor left; WhatsApp -> SMS after 24 h when
 * there is no template). A step pinned to a channel (a seed 003 official channel) is not ranked.
 * When none is usable, the reason names why for each channel tried: `opted_out` when every channel
 * is closed for good for this contact, `contact_away` when the conversation's own channel is only
 * inactive (the contact left, as a live chat visitor who closed the page: the follow-up waits for
 * them to come back), else `no_channel`.
 */
export function selectChannel(registry: ChannelRegistry, input: SelectInput): ChannelChoice | { reason: Reason } {
  const own = input.own?.channel ?? (input.conversation.channel as ChannelType);
  const candidates = !input.dynamicChannelSwitching
    ? [{ channel: own }]
    : input.own
      ? [{ channel: own }, ...FALLBACK_ORDER.filter((c) => c !== own).map((channel) => ({ channel }))]
      : rankChannels(own, FALLBACK_ORDER, input.history ?? [], input.now);
  const blocked: Extract<ChannelVerdict, { usable: false }>[] = [];
  for (const { channel, why } of candidates as { channel: ChannelType; why?: string }[]) {
    const verdict = evaluateChannel(registry, channel, input, input.now);
    if (verdict.usable) {
      const { adapter, connection, asTemplate } = verdict;
      const passedOver = blocked.length ? blocked.map((v) => `${v.channel}: ${BLOCK_WORDS[v.block]}`).join('; ') : undefined;
      return {
        channel,
        adapter,
        connection,
        switched: channel !== own,
        asTemplate,
        ...(passedOver ? { passedOver } : {}),
        ...(why ? { rankedBecause: why } : {}),
      };
    }
    blocked.push(verdict);
  }
  const closedForGood = blocked.every((v) => v.block === 'opted_out' || v.block === 'undeliverable');
  const away = blocked.find((v) => v.channel === own)?.block === 'session_inactive';
  const detail = blocked.map((v) => `${v.channel}: ${BLOCK_WORDS[v.block]}`).join('; ');
  return { reason: reason(closedForGood ? 'opted_out' : away ? 'contact_away' : 'no_channel', detail) };
}
