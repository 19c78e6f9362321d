import type { ChannelType } from '@followup/channels-core';

/** What a contact did on one channel (persistence's ChannelUse, as the router reads it). */
export interface ChannelUseFacts {
  channel: string;
  sent: number;
  replies: number;
  lastReplyAt: Date | null;
}

/** A channel in rank order, and why it stands where it does (said on the follow-up when it is chosen). */
export interface RankedChannel {
  channel: ChannelType;
  why?: string;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** "2 days ago", "5 hours ago", "just now". */
function ago(at: Date, now: Date): string {
  const ms = Math.max(0, now.getTime() - at.getTime());
  if (ms >= DAY) return `${Math.floor(ms / DAY)} day${ms >= 2 * DAY ? 's' : ''} ago`;
  if (ms >= HOUR) return `${Math.floor(ms / HOUR)} hour${ms >= 2 * HOUR ? 's' : ''} ago`;
  return 'just now';
}

/** Replies per message sent there; a channel they wrote on and we never used counts as answering every time. */
const rate = (u: ChannelUseFacts) => u.replies / Math.max(1, u.sent);

/**
 * The channels to try for a contact, by where this contact actually answers: the channel of their
 * most recent message first, then the others they wrote on by reply rate (replies per message sent
 * there), then the conversation's own channel, then `fallback` (the fixed order). Channels the
 * contact cannot be reached on are not removed here: the router's rule (evaluateChannel) still
 * judges each in turn, so an opted-out or failed address is never chosen.
 */
export function rankChannels(
  own: ChannelType,
  fallback: readonly ChannelType[],
  history: readonly ChannelUseFacts[],
  now: Date,
): RankedChannel[] {
  const answered = history.filter((u) => u.replies > 0 && u.lastReplyAt);
  const latest = [...answered].sort((a, b) => (b.lastReplyAt as Date).getTime() - (a.lastReplyAt as Date).getTime())[0];
  const byRate = answered.filter((u) => u !== latest).sort((a, b) => rate(b) - rate(a) || a.channel.localeCompare(b.channel));
  const out: RankedChannel[] = [];
  const add = (channel: string, why?: string) => {
    if (!out.some((r) => r.channel === channel)) out.push({ channel: channel as ChannelType, ...(why ? { why } : {}) });
  };
  if (latest) add(latest.channel, `replied by ${latest.channel} ${ago(latest.lastReplyAt as Date, now)}`);
  for (const u of byRate) add(u.channel, `answers ${u.replies} of ${u.sent} messages on ${u.channel}`);
  add(own);
  for (const channel of fallback) add(channel);
  return out;
}
