import { Reason, reason } from '@followup/contracts';
import type { ConversationEntity } from '@followup/persistence';
import { SettingsSpec, placeInHours, placeRequested, resolveZone } from '@followup/timing';

/** A time the contact asked for: `exact` when they named a time of day (not only a day or a period). */
export interface Requested {
  at: Date;
  exact: boolean;
}

/** Where a new step goes: when, in which zone, and why it is not where it fell due. */
export interface StepPlacement {
  status: 'scheduled' | 'on_hold';
  scheduledAt: Date;
  zone: string;
  moved: boolean;
  reason: Reason | null;
  /** `as_requested`: the contact timed it, the working-hours guard leaves it alone. */
  timingRule: 'as_requested' | null;
}

export const NO_OPEN_HOURS = 'no_working_hours: working hours are on but no interval is open on any day';

/**
 * Places a step due at `due`: in the sequence's working hours (read in the zone its settings name),
 * or, for a time the contact asked for, as they asked (placeRequested: their own 08:00-21:00 only).
 */
export function placeStep(
  due: Date,
  settings: SettingsSpec | undefined,
  contactZone: string | null | undefined,
  businessZone: string | null | undefined,
  asked?: Requested,
): StepPlacement {
  const zone = resolveZone(settings, contactZone, businessZone);
  if (asked) {
    const theirs = contactZone || businessZone || 'UTC';
    const placed = placeRequested(due, asked.exact, settings, zone, theirs);
    if (!placed)
      return { status: 'on_hold', scheduledAt: due, zone, moved: false, reason: reason('no_working_hours', null), timingRule: null };
    const why = !placed.moved
      ? null
      : placed.rule === 'as_requested'
        ? reason('outside_contact_hours', `moved to 08:00-21:00 in ${theirs}`)
        : reason(
            'moved_into_hours',
            placed.rule === 'contact_day' ? `the day asked for, from 08:00 in ${theirs}` : 'moved into working hours',
          );
    return {
      status: 'scheduled',
      scheduledAt: placed.dueAt,
      zone: placed.rule === 'working_hours' ? zone : theirs,
      moved: placed.moved,
      reason: why,
      timingRule: placed.rule === 'as_requested' ? 'as_requested' : null,
    };
  }
  const placed = placeInHours(due, settings, zone);
  if (!placed)
    return { status: 'on_hold', scheduledAt: due, zone, moved: false, reason: reason('no_working_hours', null), timingRule: null };
  return {
    status: 'scheduled',
    scheduledAt: placed.dueAt,
    zone,
    moved: placed.moved,
    reason: placed.moved ? { code: 'moved_into_hours', text: 'moved into working hours' } : null,
    timingRule: null,
  };
}

/**
 * Why no sequence may start on the conversation now, or null: its bot is not active (stopped,
 * handed over, sleeping until later), or the contact said they are not interested.
 */
export function sequencesHeld(
  conversation: Pick<ConversationEntity, 'botStatus' | 'botSleepUntil' | 'followupsPaused'>,
  now: Date,
): string | null {
  if (conversation.followupsPaused) return `the contact said they are ${conversation.followupsPaused.replace(/_/g, ' ')}`;
  const status = conversation.botStatus;
  const until = conversation.botSleepUntil;
  if (status === 'active' || ((status === 'sleeping' || status === 'handed_over') && until && until.getTime() <= now.getTime()))
    return null;
  if (status === 'handed_over') return 'the conversation was handed over to a person';
  if (status === 'stopped') return 'the bot is stopped';
  return until ? `the bot sleeps until ${until.toISOString()}` : null;
}
