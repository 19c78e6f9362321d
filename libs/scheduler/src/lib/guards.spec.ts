import type { AgentActionEntity, ContactEntity, ConversationAgentEntity, ConversationEntity, FollowupEntity } from '@followup/persistence';
import type { ChannelChoice } from '@followup/routing';
import { reason } from '@followup/contracts';
import { GUARDS, GuardInput, runGuards } from './guards';

const now = new Date('2026-06-15T12:00:00Z'); // a Monday, 08:00 in New York
const row = { id: 'f1', step: 1, conversationVersion: 3 } as FollowupEntity;
const conversation = (over: Partial<ConversationEntity> = {}) =>
  ({ id: 'c1', version: 3, botStatus: 'active', botSleepUntil: null, ...over }) as ConversationEntity;
const agent = (over: Partial<ConversationAgentEntity> = {}) =>
  ({ id: 'a1', active: true, timezone: 'America/New_York', ...over }) as ConversationAgentEntity;
const nineToFive = [1, 2, 3, 4, 5].map((dayOfTheWeek) => ({
  dayOfTheWeek,
  intervals: [{ startHour: 9, startMinute: 0, endHour: 17, endMinute: 0 }],
}));
const action = (details: Record<string, unknown> = {}) =>
  ({
    id: 'x1',
    details: {
      enabled: true,
      followupSequence: [{ id: 's1', followupTime: 1, followupTimeUnit: 'hours', aiEnabledMessage: false, customMessage: 'hi' }],
      ...details,
    },
  }) as unknown as AgentActionEntity;
const contact = { id: 'k1', timezone: null } as ContactEntity;
const route = { channel: 'sms' } as ChannelChoice;
const ok: GuardInput = { row, now, conversation: conversation(), agent: agent(), action: action(), contact, route };

/** Which guard stopped the row (by the reason's code), and where it sent it. */
const verdict = (over: Partial<GuardInput>) => {
  const stop = runGuards({ ...ok, ...over });
  return stop ? [stop.status, stop.reason.code] : 'send';
};

describe('the dispatch guards', () => {
  it('are named, in a fixed order', () => {
    expect(GUARDS.map((g) => g.name)).toEqual([
      'conversation exists',
      'conversation unchanged',
      'agent exists',
      'agent active',
      'scenario enabled',
      'step exists',
      'contact exists',
      'channel open',
      'bot active',
      'working hours',
    ]);
  });

  it.each<[string, Partial<GuardInput>, unknown]>([
    ['everything in order', {}, 'send'],
    ['conversation deleted', { conversation: undefined }, ['cancelled', 'conversation_deleted']],
    ['a message since it was scheduled', { conversation: conversation({ version: 4 }) }, ['cancelled', 'conversation_changed']],
    ['agent deleted', { agent: undefined }, ['cancelled', 'agent_deleted']],
    ['agent inactive', { agent: agent({ active: false }) }, ['cancelled', 'agent_inactive']],
    ['scenario disabled', { action: action({ enabled: false }) }, ['cancelled', 'scenario_disabled']],
    ['action removed', { action: undefined }, ['cancelled', 'scenario_disabled']],
    ['step removed', { row: { ...row, step: 2 } as FollowupEntity }, ['cancelled', 'step_removed']],
    ['contact deleted', { contact: undefined }, ['cancelled', 'contact_deleted']],
    ['opted out everywhere', { route: { reason: reason('opted_out', 'sms: opted out') } }, ['cancelled', 'opted_out']],
    ['no channel', { route: { reason: reason('no_channel', 'sms: no connection') } }, ['failed', 'no_channel']],
    ['contact away', { route: { reason: reason('contact_away', 'live_chat: session inactive') } }, ['on_hold', 'contact_away']],
    ['bot stopped', { conversation: conversation({ botStatus: 'stopped' }) }, ['on_hold', 'bot_not_active']],
    ['bot handed over', { conversation: conversation({ botStatus: 'handed_over' }) }, ['on_hold', 'bot_not_active']],
    [
      'bot sleeping',
      { conversation: conversation({ botStatus: 'sleeping', botSleepUntil: new Date('2026-06-15T13:00:00Z') }) },
      ['scheduled', 'bot_not_active'],
    ],
    ['bot whose sleep is over', { conversation: conversation({ botStatus: 'sleeping', botSleepUntil: now }) }, 'send'],
    [
      'outside working hours',
      { action: action({ followupSettings: { followUpHours: true, workingHours: nineToFive, timezoneToUse: 'business' } }) },
      ['scheduled', 'outside_hours'],
    ],
    [
      'working hours on with no open interval',
      { action: action({ followupSettings: { followUpHours: true, workingHours: [], timezoneToUse: 'business' } }) },
      ['on_hold', 'no_working_hours'],
    ],
  ])('%s', (_case, over, expected) => {
    expect(verdict(over)).toEqual(expected);
  });

  it('wakes a sleeping bot at bot_sleep_until, and moves a row outside hours to the next open instant', () => {
    const until = new Date('2026-06-15T13:00:00Z');
    expect(runGuards({ ...ok, conversation: conversation({ botStatus: 'sleeping', botSleepUntil: until }) })?.scheduledAt).toEqual(until);
    const hours = { followUpHours: true, workingHours: nineToFive, timezoneToUse: 'business' };
    const moved = runGuards({ ...ok, action: action({ followupSettings: hours }) });
    expect(moved).toMatchObject({ scheduledAt: new Date('2026-06-15T13:00:00Z'), movedByWorkingHours: true });
  });

  it('decides what can never change before what only delays (a deleted agent beats working hours and a sleeping bot)', () => {
    const sleeping = conversation({ botStatus: 'sleeping', botSleepUntil: new Date('2026-06-16T00:00:00Z') });
    expect(verdict({ agent: undefined, conversation: sleeping })).toEqual(['cancelled', 'agent_deleted']);
  });
});
