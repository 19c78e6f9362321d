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

/** The state of a conversation's session on a channel with these capabilities, at `now`. */
export function sessionStateFor(capabilities: ChannelCapabilities, conversation: ConversationView, now: Date): SessionState {
  const rule = capabilities.session;
  if (!rule) return 'open';
  const last = conversation.lastInboundAt?.getTime();
  if (last !== undefined && now.getTime() - last <= rule.windowMs) return 'open';
  return rule.afterWindow;
}
