import { Reason, reason } from '@followup/contracts';
import type { AgentActionEntity, ContactEntity, ConversationAgentEntity, ConversationEntity, FollowupEntity } from '@followup/persistence';
import type { ChannelChoice } from '@followup/routing';
import { CONTACT_DAY, SettingsSpec, WorkingHours, isWithinHours, nextOpenInstant, resolveZone } from '@followup/timing';
import { ScenarioConfig, scenarioConfig } from './planner';

/** Everything the guards look at for one claimed follow-up, read before any of them runs. */
export interface GuardInput {
  row: FollowupEntity;
  now: Date;
  conversation?: ConversationEntity;
  agent?: ConversationAgentEntity;
  action?: AgentActionEntity;
  contact?: ContactEntity;
  /** What the router answered for this row (computed when the conversation and contact exist). */
  route?: ChannelChoice | { reason: Reason };
}

/** A guard's answer when the row must not be sent now: where it goes instead, and why. */
export interface GuardStop {
  status: 'cancelled' | 'failed' | 'on_hold' | 'scheduled';
  reason: Reason;
  /** With `scheduled`: when to try again. */
  scheduledAt?: Date;
  movedByWorkingHours?: boolean;
}

/** A named, pure check; null lets the row through to the next one. */
export interface Guard {
  name: string;
  check(input: GuardInput): GuardStop | null;
}

const config = (input: GuardInput): ScenarioConfig | undefined => (input.action ? scenarioConfig(input.action) : undefined);

/** The settings (working hours, zone rule, switching) a row keeps to: its configuration step's, else its sequence's. */
export function stepSettings(row: FollowupEntity, action?: AgentActionEntity): SettingsSpec | undefined {
  if (row.stepSpec) return row.stepSpec.settings as SettingsSpec | undefined;
  return action ? scenarioConfig(action).settings : undefined;
}
const cancel = (why: Reason): GuardStop => ({ status: 'cancelled', reason: why });

/**
 * The guards, in order; the first that stops a row decides its outcome. What can never change for
 * this row (deleted, inactive, opted out, no channel) is decided before the bot's sleep and working
 * hours, which only delay it.
 */
export const GUARDS: readonly Guard[] = [
  { name: 'conversation exists', check: (i) => (i.conversation ? null : cancel(reason('conversation_deleted'))) },
  {
    name: 'conversation unchanged',
    check: (i) =>
      i.conversation && i.conversation.version !== i.row.conversationVersion
        ? cancel(reason('conversation_changed', 'a message was recorded after this follow-up was scheduled'))
        : null,
  },
  { name: 'agent exists', check: (i) => (i.agent ? null : cancel(reason('agent_deleted'))) },
  { name: 'agent active', check: (i) => (i.agent?.active ? null : cancel(reason('agent_inactive'))) },
  // A seed 003 configuration's step carries what it sends (step_spec): it goes out as scheduled, whatever became of the configuration.
  {
    name: 'scenario enabled',
    check: (i) =>
      i.row.stepSpec || config(i)?.enabled
        ? null
        : cancel(reason('scenario_disabled', 'the advancedFollowup action was disabled or removed')),
  },
  {
    name: 'step exists',
    check: (i) =>
      i.row.stepSpec || config(i)?.steps[(i.row.step ?? 1) - 1]
        ? null
        : cancel(reason('step_removed', 'the sequence no longer has this step')),
  },
  { name: 'contact exists', check: (i) => (i.contact ? null : cancel(reason('contact_deleted'))) },
  {
    name: 'channel open',
    check: (i) => {
      if (!i.route || !('reason' in i.route)) return null;
      return { status: routeStopStatus(i.route.reason), reason: i.route.reason };
    },
  },
  { name: 'bot active', check: (i) => botStop(i) },
  { name: 'working hours', check: (i) => hoursStop(i) },
];

/**
 * Where a row goes when the router finds no channel: cancelled when the contact closed every channel
 * for good, held while the contact is away from the conversation's channel (released when they come
 * back: `contact_away`), else failed.
 */
export function routeStopStatus(why: Reason): 'cancelled' | 'on_hold' | 'failed' {
  return why.code === 'opted_out' ? 'cancelled' : why.code === 'contact_away' ? 'on_hold' : 'failed';
}

/**
 * A follow-up goes out only while the conversation's bot is active. A sleeping bot holds it until
 * `bot_sleep_until` (the dispatcher's clock wakes it: the row is due again then); a stopped or
 * handed-over bot holds it `on_hold` until the bot is made active again.
 */
function botStop({ conversation, now }: GuardInput): GuardStop | null {
  if (!conversation || conversation.botStatus === 'active') return null;
  // A handover that reactivates the bot later (seed 000's reactivateEnabled) carries the wake-up time too.
  if (conversation.botStatus === 'sleeping' || (conversation.botStatus === 'handed_over' && conversation.botSleepUntil)) {
    const until = conversation.botSleepUntil;
    if (!until || until.getTime() <= now.getTime()) return null;
    return { status: 'scheduled', reason: reason('bot_not_active', `the bot sleeps until ${until.toISOString()}`), scheduledAt: until };
  }
  const state = conversation.botStatus === 'handed_over' ? 'the conversation was handed over to a person' : 'the bot is stopped';
  return { status: 'on_hold', reason: reason('bot_not_active', `${state}; held until the bot is active again`) };
}

/**
 * Outside the hours that apply, the row moves to the next open instant: the sequence's working
 * hours, or for a time the contact asked for (`as_requested`), the contact's own 08:00-21:00.
 */
function hoursStop({ now, agent, action, contact, row }: GuardInput): GuardStop | null {
  const settings = stepSettings(row, action);
  const asRequested = row.timingRule === 'as_requested';
  if (!asRequested && !settings?.followUpHours) return null;
  const zone = asRequested ? row.timezone || contact?.timezone || 'UTC' : resolveZone(settings, contact?.timezone, agent?.timezone);
  const hours = asRequested ? CONTACT_DAY : ((settings?.workingHours ?? []) as WorkingHours);
  if (isWithinHours(now, hours, zone)) return null;
  const next = nextOpenInstant(now, hours, zone);
  if (!next) return { status: 'on_hold', reason: reason('no_working_hours', 'working hours are on but no interval is open on any day') };
  return {
    status: 'scheduled',
    reason: { code: 'outside_hours', text: 'outside working hours when due; moved to the next open interval' },
    scheduledAt: next,
    movedByWorkingHours: true,
  };
}

/** Runs the guards in order: the first stop, or null when the row may be sent. */
export function runGuards(input: GuardInput, guards: readonly Guard[] = GUARDS): GuardStop | null {
  for (const guard of guards) {
    const stop = guard.check(input);
    if (stop) return stop;
  }
  return null;
}
