import { Injectable } from '@nestjs/common';
import { FollowupAnalyticsDto, FollowupAnalyticsQuery } from '@followup/contracts';
import { Store } from '@followup/persistence';
import { Clock, throwIfProblems } from '@followup/util';
import { REPLY_WINDOW_MS, followupAnalytics } from './reply-attribution';

const DAY_MS = 24 * 3_600_000;
/** The default range: the 30 days before `to`. */
export const DEFAULT_RANGE_DAYS = 30;
/** The longest range one request may ask for. */
export const MAX_RANGE_DAYS = 366;

/** `GET /analytics/followups`: the location's follow-ups per step, channel and day, with their replies. */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async followups(locationId: string, q: FollowupAnalyticsQuery): Promise<FollowupAnalyticsDto> {
    // Without `to`: up to and including now (a follow-up sent this millisecond counts).
    const to = q.to ? new Date(q.to) : new Date(this.clock.now().getTime() + 1);
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
    const problems: string[] = [];
    if (from >= to) problems.push('from must be before to');
    else if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS)
      problems.push(`from and to must be at most ${MAX_RANGE_DAYS} days apart`);
    throwIfProblems(problems);
    return this.store.run(async (r) => {
      if (q.agent_id && !(await r.conversationAgents.findById(locationId, q.agent_id))) {
        throwIfProblems([`agent_id ${q.agent_id} is not a Conversation AI agent of this location`]);
      }
      // Replies to a follow-up sent in the range may come up to the window after its end.
      const until = new Date(to.getTime() + REPLY_WINDOW_MS);
      const followups = await r.followups.outcomes(locationId, { from, to, until }, q.agent_id);
      const conversations = [...new Set(followups.filter((f) => f.sentAt && f.conversationId).map((f) => f.conversationId as string))];
      const replies: { conversationId: string; at: Date }[] = [];
      for (let i = 0; i < conversations.length; i += 500) {
        const chunk = await r.messages.inboundBetween(locationId, conversations.slice(i, i + 500), from, until);
        replies.push(...chunk.map((m) => ({ conversationId: m.conversationId, at: m.occurredAt })));
      }
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        agent_id: q.agent_id ?? null,
        reply_window_hours: REPLY_WINDOW_MS / 3_600_000,
        ...followupAnalytics(followups, replies, { from, to }),
      };
    });
  }
}
