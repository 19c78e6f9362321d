import { ChannelAdapter, ChannelRegistry, ChannelType } from '@followup/channels-core';
import type { ChannelConnectionEntity, ContactEntity, ConversationEntity } from '@followup/persistence';
import { AttemptFacts, failedChannels } from './failover';
import { selectChannel } from './router';

const registry = new ChannelRegistry();
registry.register({
  name: 'test',
  channels: ['sms', 'email', 'whatsapp'],
  secretSettings: [],
  validateSettings: () => [],
  adapter: (channel): ChannelAdapter => ({
    channel,
    provider: 'test',
    capabilities: { templates: false, idempotentSend: true },
    canReach: (to) => (channel === 'email' ? Boolean(to.email) : Boolean(to.phone)),
    sessionState: () => 'open',
    send: async () => ({ providerMessageId: 'x', acceptedAt: new Date(0), status: 'sent' }),
  }),
});
const connections = ['sms', 'whatsapp', 'email'].map(
  (type) => ({ id: `k-${type}`, type, provider: 'test', settings: {} }) as unknown as ChannelConnectionEntity,
);
const conversation = { channel: 'sms', lastInboundAt: new Date(), lastOutboundAt: null } as unknown as ConversationEntity;
const contact = (over: Partial<ContactEntity> = {}) =>
  ({ phone: '+14155550123', email: 'ada@example.com', optedOut: [], undeliverable: [], ...over }) as ContactEntity;
const attempt = (channel: string, status: string, reasonCode: string | null = null): AttemptFacts => ({ channel, status, reasonCode });

describe('the channels a step failed on (failover)', () => {
  it.each<[string, AttemptFacts[], ChannelType[]]>([
    ['no attempt yet', [], []],
    ['a send refused for good', [attempt('sms', 'failed', 'send_failed')], ['sms']],
    ['undelivered after it was sent', [attempt('sms', 'undelivered')], ['sms']],
    ['failed in a status after it was sent', [attempt('email', 'failed')], ['email']],
    ['sent and delivered', [attempt('sms', 'delivered')], []],
    ['rate limited: the same channel again', [attempt('whatsapp', 'failed', 'rate_limited')], []],
    ['session closed: the same channel again, as a template', [attempt('whatsapp', 'failed', 'session_closed')], []],
    ['unknown outcome: not failed', [attempt('sms', 'unknown', 'outcome_unknown')], []],
    ['unknown outcome, waited in vain for a status: failed', [attempt('sms', 'unknown', 'awaiting_status')], ['sms']],
    ['unknown outcome recorded as failed after the wait', [attempt('email', 'failed', 'no_status')], ['email']],
    ['unknown outcome, then a retry on a deduplicating channel: the same channel', [attempt('whatsapp', 'unknown', 'retrying')], []],
    [
      'two channels, one of them twice',
      [attempt('sms', 'failed'), attempt('email', 'undelivered'), attempt('sms', 'undelivered')],
      ['sms', 'email'],
    ],
  ])('%s', (_, attempts, expected) => {
    expect(failedChannels(attempts)).toEqual(expected);
  });
});

describe('routing a step that fails over', () => {
  const route = (failed: ChannelType[], dynamicChannelSwitching: boolean, over: Partial<ContactEntity> = {}) => {
    const r = selectChannel(registry, {
      conversation,
      contact: contact(over),
      connections,
      dynamicChannelSwitching,
      now: new Date(),
      failedChannels: failed,
    });
    return 'reason' in r ? r.reason.text : r.channel;
  };

  it.each<[string, ChannelType[], boolean, Partial<ContactEntity>, string]>([
    ['nothing failed: its own channel', [], true, {}, 'sms'],
    ['SMS failed: WhatsApp next (the fixed order)', ['sms'], true, {}, 'whatsapp'],
    ['SMS and WhatsApp failed: email', ['sms', 'whatsapp'], true, {}, 'email'],
    ['SMS failed, no WhatsApp connection reachable: email', ['sms'], true, { phone: null }, 'email'],
    [
      'every channel failed: no channel, naming each',
      ['sms', 'whatsapp', 'email'],
      true,
      {},
      'no_channel: sms: already failed for this step; whatsapp: already failed for this step; email: already failed for this step',
    ],
    ['SMS failed, email opted out: WhatsApp', ['sms'], true, { optedOut: ['email'] }, 'whatsapp'],
    ['switching off: never another channel', ['sms'], false, {}, 'no_channel: sms: already failed for this step'],
  ])('%s', (_, failed, switching, over, expected) => {
    expect(route(failed, switching, over)).toBe(expected);
  });
});

describe('routing by where the contact answers', () => {
  const lastWrote = (channel: string) => [{ channel, sent: 1, replies: 1, lastReplyAt: new Date(Date.now() - 86_400_000) }];
  const choose = (history: ReturnType<typeof lastWrote>, over: Partial<ContactEntity> = {}, dynamicChannelSwitching = true) => {
    const r = selectChannel(registry, {
      conversation,
      contact: contact(over),
      connections,
      dynamicChannelSwitching,
      now: new Date(),
      history,
    });
    return 'reason' in r ? r.reason.text : `${r.channel}${r.rankedBecause ? ` (${r.rankedBecause})` : ''}`;
  };

  it.each<[string, ReturnType<typeof lastWrote>, Partial<ContactEntity>, boolean, string]>([
    ['they last wrote by email: email, saying so', lastWrote('email'), {}, true, 'email (replied by email 1 day ago)'],
    ['email is where they wrote, but they opted out of it: never ranked there', lastWrote('email'), { optedOut: ['email'] }, true, 'sms'],
    ['their email address failed: never ranked there', lastWrote('email'), { undeliverable: ['email'] }, true, 'sms'],
    ['without switching the history changes nothing', lastWrote('email'), {}, false, 'sms'],
  ])('%s', (_, history, over, switching, expected) => {
    expect(choose(history, over, switching)).toBe(expected);
  });
});
