import { FollowupOutcome, REPLY_WINDOW_MS, attributeReplies, followupAnalytics } from './reply-attribution';

const at = (iso: string) => new Date(iso);
let n = 0;
function sent(conversationId: string, step: number, sentAt: string, extra: Partial<FollowupOutcome> = {}): FollowupOutcome {
  return {
    id: `f${++n}`,
    conversationId,
    scenario: 'contactStoppedReplying',
    step,
    channel: 'sms',
    status: 'sent',
    sentAt: at(sentAt),
    updatedAt: at(sentAt),
    ...extra,
  };
}

describe('reply attribution', () => {
  it('gives a reply to the last follow-up of its conversation sent before it', () => {
    const one = sent('c1', 1, '2026-06-01T10:00:00Z');
    const two = sent('c1', 2, '2026-06-02T10:00:00Z');
    const replied = attributeReplies([one, two], [{ conversationId: 'c1', at: at('2026-06-02T11:00:00Z') }]);
    expect([...replied]).toEqual([two.id]);
  });

  it('counts a reply between two steps for the earlier one, and a follow-up once however many replies', () => {
    const one = sent('c1', 1, '2026-06-01T10:00:00Z');
    const two = sent('c1', 2, '2026-06-03T10:00:00Z');
    const replies = ['2026-06-01T12:00:00Z', '2026-06-01T13:00:00Z'].map((t) => ({ conversationId: 'c1', at: at(t) }));
    expect([...attributeReplies([two, one], replies)]).toEqual([one.id]);
  });

  it('ignores replies before any follow-up, in another conversation, or after the window', () => {
    const one = sent('c1', 1, '2026-06-01T10:00:00Z');
    const late = new Date(at('2026-06-01T10:00:00Z').getTime() + REPLY_WINDOW_MS + 1);
    const replies = [
      { conversationId: 'c1', at: at('2026-06-01T09:00:00Z') },
      { conversationId: 'c2', at: at('2026-06-01T11:00:00Z') },
      { conversationId: 'c1', at: late },
    ];
    expect(attributeReplies([one], replies).size).toBe(0);
  });

  it('tabulates per step, channel and day, with failures only per channel and day', () => {
    const range = { from: at('2026-06-01T00:00:00Z'), to: at('2026-06-03T00:00:00Z') };
    const a = sent('c1', 1, '2026-06-01T10:00:00Z', { status: 'delivered' });
    const b = sent('c2', 1, '2026-06-02T10:00:00Z', { channel: 'email' });
    const failed = sent('c3', 1, '2026-06-02T10:00:00Z', { status: 'failed', sentAt: null });
    const outside = sent('c4', 1, '2026-06-05T10:00:00Z');
    const tables = followupAnalytics([a, b, failed, outside], [{ conversationId: 'c1', at: at('2026-06-01T11:00:00Z') }], range);
    expect(tables.by_step).toEqual([{ scenario: 'contactStoppedReplying', step: 1, sent: 2, delivered: 1, replied: 1, reply_rate: 0.5 }]);
    expect(tables.by_channel).toEqual([
      { channel: 'email', sent: 1, delivered: 0, failed: 0, replied: 0, reply_rate: 0 },
      { channel: 'sms', sent: 1, delivered: 1, failed: 1, replied: 1, reply_rate: 1 },
    ]);
    expect(tables.by_day).toEqual([
      { day: '2026-06-01', sent: 1, delivered: 1, failed: 0, replied: 1 },
      { day: '2026-06-02', sent: 1, delivered: 0, failed: 1, replied: 0 },
    ]);
  });
});
