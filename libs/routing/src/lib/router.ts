import { ChannelAdapter, ChannelRegistry, ChannelType } from '@followup/channels-core';
import type { ChannelConnectionEntity, ContactEntity, ConversationEntity } from '@followup/persistence';

/** Channels tried, in order, when dynamic channel switching moves a follow-up off a dead channel. */
export const FALLBACK_ORDER: ChannelType[] = ['sms', 'whatsapp', 'email'];

export interface ChannelChoice {
  channel: ChannelType;
  adapter: ChannelAdapter;
  connection: ChannelConnectionEntity;
  switched: boolean;
}

export interface SelectInput {
  conversation: ConversationEntity;
  contact: ContactEntity;
  connections: ChannelConnectionEntity[];
  dynamicChannelSwitching: boolean;
  now: Date;
}

/**
 * The channel a follow-up goes out on: the conversation's own while its session is open and the
 * contact is reachable and not opted out; with dynamic channel switching, else the first of
 * SMS, WhatsApp, email that is (seed 001: live chat -> SMS; WhatsApp/Facebook -> SMS after 24 h).
 * When none is usable, the reason names why for each channel tried.
 */
export function selectChannel(registry: ChannelRegistry, input: SelectInput): ChannelChoice | { reason: string } {
  const own = input.conversation.channel as ChannelType;
  const candidates = input.dynamicChannelSwitching ? [own, ...FALLBACK_ORDER.filter((c) => c !== own)] : [own];
  const why: string[] = [];
  for (const channel of candidates) {
    if (input.contact.optedOut.includes(channel)) {
      why.push(`${channel}: opted out`);
      continue;
    }
    if (input.contact.undeliverable?.includes(channel)) {
      why.push(`${channel}: address undeliverable`);
      continue;
    }
    // The conversation's own connection on its own channel; else the location's first of the channel.
    const usable = input.connections.filter((c) => c.type === channel && registry.adapter(c.provider, channel));
    const connection = (channel === own && usable.find((c) => c.id === input.conversation.connectionId)) || usable[0];
    if (!connection) {
      why.push(`${channel}: no connection`);
      continue;
    }
    const adapter = registry.adapter(connection.provider, channel) as ChannelAdapter;
    if (!adapter.canReach(input.contact)) {
      why.push(`${channel}: no address`);
      continue;
    }
    const session = adapter.sessionState(
      { channel, lastInboundAt: input.conversation.lastInboundAt, lastOutboundAt: input.conversation.lastOutboundAt },
      input.now,
    );
    if (session !== 'open') {
      why.push(`${channel}: session ${session === 'template_only' ? 'closed (templates only)' : 'inactive'}`);
      continue;
    }
    return { channel, adapter, connection, switched: channel !== own };
  }
  const optedOutOfAll = why.length > 0 && why.every((w) => w.endsWith('opted out') || w.endsWith('address undeliverable'));
  return { reason: `${optedOutOfAll ? 'opted_out' : 'no_channel'}: ${why.join('; ')}` };
}
