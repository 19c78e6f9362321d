import type { ChannelType } from '@followup/channels-core';
import { ChannelUseFacts, rankChannels } from './channel-ranking';

const NOW = new Date('2026-06-17T12:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const use = (channel: string, sent: number, replies: number, lastReplyAt: Date | null = null): ChannelUseFacts => ({
  channel,
  sent,
  replies,
  lastReplyAt,
});
const FIXED: ChannelType[] = ['sms', 'whatsapp', 'email'];

describe('ranking a contact’s channels by where they answer', () => {
  it.each<[string, ChannelType, ChannelUseFacts[], string[]]>([
    ['no history: the conversation’s own, then the fixed order', 'sms', [], ['sms', 'whatsapp', 'email']],
    ['no history on a live chat: live chat first', 'live_chat', [], ['live_chat', 'sms', 'whatsapp', 'email']],
    [
      'they last wrote by email: email first',
      'sms',
      [use('sms', 4, 1, daysAgo(9)), use('email', 1, 1, daysAgo(2))],
      ['email', 'sms', 'whatsapp'],
    ],
    [
      'the last reply wins over a better rate; then the rate orders the rest',
      'sms',
      [use('sms', 10, 1, daysAgo(1)), use('email', 2, 2, daysAgo(5)), use('whatsapp', 4, 1, daysAgo(20))],
      ['sms', 'email', 'whatsapp'],
    ],
    [
      'channels we only sent on rank after those they answered on',
      'email',
      [use('sms', 5, 0), use('whatsapp', 1, 1, daysAgo(3))],
      ['whatsapp', 'email', 'sms'],
    ],
  ])('%s', (_, own, history, expected) => {
    expect(
      rankChannels(own, FIXED, history, NOW)
        .map((r) => r.channel)
        .slice(0, expected.length),
    ).toEqual(expected);
  });

  it('says why the first channels stand where they do', () => {
    const ranked = rankChannels('sms', FIXED, [use('email', 1, 1, daysAgo(2)), use('whatsapp', 4, 2, daysAgo(6))], NOW);
    expect(ranked.slice(0, 3)).toEqual([
      { channel: 'email', why: 'replied by email 2 days ago' },
      { channel: 'whatsapp', why: 'answers 2 of 4 messages on whatsapp' },
      { channel: 'sms' },
    ]);
    expect(rankChannels('sms', FIXED, [use('sms', 1, 1, new Date(NOW.getTime() - 3 * 3_600_000))], NOW)[0]).toEqual({
      channel: 'sms',
      why: 'replied by sms 3 hours ago',
    });
  });
});
