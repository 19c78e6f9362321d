import type { ChannelType } from '@followup/contracts';
import type { ChannelCapabilities, ConversationView } from './channel-adapter';

/** How long a session stays open after the contact's last message, and what the channel allows after. */
export interface SessionRule {
  windowMs: number;
  /** WhatsApp: approved templates only; live chat: nothing (the visitor has left). */
  afterWindow: 'template_only' | 'inactive';
}

const HOUR = 3_600_000;

/** The session rules of channel types whose sessions close (adapters put them in their capabilities). */
export const SESSION_RULES: Partial<Record<ChannelType, SessionRule>> = {
  whatsapp: { windowMs: 24 * HOUR, afterWindow: 'template_only' },
  live_chat: { windowMs: 0.5 * HOUR, afterWindow: 'inactive' },
};

export type SessionState = 'open' | 'template_only' | 'inactive';

/**
 * The state of a conversation's session on a channel with these capabilities, at `now`: open for
 * the rule's window (or `windowMs`, a connection's own) after the contact's last sign of life, the
 * later of their last message and the last time they were seen present (`contactSeenAt`), unless
 * the provider has said since that it closed (`sessionClosedAt`: it knows better than our count).
 */
export function sessionStateFor(
  capabilities: ChannelCapabilities,
  conversation: ConversationView,
  now: Date,
  windowMs = capabilities.session?.windowMs,
): SessionState {
  const rule = capabilities.session;
  if (!rule || windowMs === undefined) return 'open';
  const times = [conversation.lastInboundAt, conversation.contactSeenAt]
    .filter((d): d is Date => d instanceof Date)
    .map((d) => d.getTime());
  const last = times.length ? Math.max(...times) : undefined;
  if (last !== undefined && conversation.sessionClosedAt && conversation.sessionClosedAt.getTime() >= last) return rule.afterWindow;
  if (last !== undefined && now.getTime() - last <= windowMs) return 'open';
  return rule.afterWindow;
}
