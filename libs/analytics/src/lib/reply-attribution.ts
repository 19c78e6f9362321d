import type { ChannelAnalyticsDto, DayAnalyticsDto, StepAnalyticsDto } from '@followup/contracts';

/** A reply counts for the last follow-up sent before it, when it came within this long of it. */
export const REPLY_WINDOW_MS = 7 * 24 * 3_600_000;

/** A follow-up as the analytics read it. */
export interface FollowupOutcome {
  id: string;
  conversationId: string | null;
  scenario: string | null;
  step: number | null;
  channel: string | null;
  status: string;
  sentAt: Date | null;
  updatedAt: Date;
}

/** An inbound message: when, in which conversation. */
export interface Reply {
  conversationId: string;
  at: Date;
}

export interface AnalyticsRange {
  from: Date;
  to: Date;
}

export interface AnalyticsTables {
  by_step: StepAnalyticsDto[];
  by_channel: ChannelAnalyticsDto[];
  by_day: DayAnalyticsDto[];
}

const rate = (replied: number, sent: number) => (sent ? Math.round((replied / sent) * 10_000) / 10_000 : 0);
const inRange = (at: Date, { from, to }: AnalyticsRange) => at >= from && at < to;
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The follow-ups a reply was counted for: each reply goes to the last follow-up of its conversation
 * sent at or before it (a later follow-up closes the earlier one's window), if it came within
 * `windowMs`; a follow-up counts once however many replies it got.
 */
export function attributeReplies(followups: FollowupOutcome[], replies: Reply[], windowMs = REPLY_WINDOW_MS): Set<string> {
  const sentBy = new Map<string, FollowupOutcome[]>();
  for (const f of followups) {
    if (!f.sentAt || !f.conversationId) continue;
    const list = sentBy.get(f.conversationId) ?? [];
    list.push(f);
    sentBy.set(f.conversationId, list);
  }
  for (const list of sentBy.values()) list.sort((a, b) => (a.sentAt as Date).getTime() - (b.sentAt as Date).getTime());
  const replied = new Set<string>();
  for (const reply of replies) {
    const sent = sentBy.get(reply.conversationId) ?? [];
    let last: FollowupOutcome | undefined;
    for (const f of sent) {
      if ((f.sentAt as Date).getTime() > reply.at.getTime()) break;
      last = f;
    }
    if (last && reply.at.getTime() - (last.sentAt as Date).getTime() <= windowMs) replied.add(last.id);
  }
  return replied;
}

interface Counts {
  sent: number;
  delivered: number;
  failed: number;
  replied: number;
}
const zero = (): Counts => ({ sent: 0, delivered: 0, failed: 0, replied: 0 });

function bump(map: Map<string, Counts>, key: string, f: FollowupOutcome, replied: Set<string>): void {
  const c = map.get(key) ?? zero();
  if (f.sentAt) {
    c.sent++;
    if (f.status === 'delivered') c.delivered++;
    if (replied.has(f.id)) c.replied++;
  } else if (f.status === 'failed') c.failed++;
  map.set(key, c);
}

/** Every UTC day from `from` to `to` (at most 400 of them). */
function days({ from, to }: AnalyticsRange): string[] {
  const out: string[] = [];
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  while (cursor < to && out.length < 400) {
    out.push(dayOf(cursor));
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return out;
}

/**
 * The tables of `GET /analytics/followups`. A follow-up belongs to the range when it went out in it
 * (sent, delivered) or failed in it without going out; replies are attributed over every follow-up
 * given (attributeReplies), so one sent after the range still ends the window of one sent in it.
 */
export function followupAnalytics(followups: FollowupOutcome[], replies: Reply[], range: AnalyticsRange): AnalyticsTables {
  const replied = attributeReplies(followups, replies);
  const steps = new Map<string, Counts>();
  const channels = new Map<string, Counts>();
  const perDay = new Map<string, Counts>(days(range).map((d) => [d, zero()]));
  for (const f of followups) {
    const at = f.sentAt ?? (f.status === 'failed' ? f.updatedAt : null);
    if (!at || !inRange(at, range)) continue;
    bump(steps, `${f.scenario ?? 'unknown'}\u0000${f.step ?? 0}`, f, replied);
    bump(channels, f.channel ?? 'none', f, replied);
    bump(perDay, dayOf(at), f, replied);
  }
  const by_step = [...steps.entries()]
    .map(([key, c]) => {
      const [scenario = 'unknown', step = '0'] = key.split('\u0000');
      return {
        scenario,
        step: Number(step),
        sent: c.sent,
        delivered: c.delivered,
        replied: c.replied,
        reply_rate: rate(c.replied, c.sent),
      };
    })
    .filter((s) => s.sent > 0)
    .sort((a, b) => a.scenario.localeCompare(b.scenario) || a.step - b.step);
  const by_channel = [...channels.entries()]
    .map(([channel, c]) => ({ channel, ...c, reply_rate: rate(c.replied, c.sent) }))
    .sort((a, b) => a.channel.localeCompare(b.channel));
  const by_day = [...perDay.entries()].map(([day, c]) => ({ day, ...c })).sort((a, b) => a.day.localeCompare(b.day));
  return { by_step, by_channel, by_day };
}
