import type { FollowupSettingsDto, FollowupStepDto, ScenarioId } from '@followup/contracts';
import { DateTime } from 'luxon';
import { WorkingHours, nextOpenInstant } from './working-hours';

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

export type StepSpec = Pick<FollowupStepDto, 'id' | 'followupTime' | 'followupTimeUnit'> & Partial<FollowupStepDto>;
export type SettingsSpec = Partial<
  Pick<FollowupSettingsDto, 'followUpHours' | 'workingHours' | 'timezoneToUse' | 'dynamicChannelSwitching'>
>;

/** A step's delay: its followupTime in its unit. */
export function stepDelayMs(step: StepSpec): number {
  return step.followupTime * UNIT_MS[step.followupTimeUnit];
}

/**
 * The zone working hours are read in. `contact` (the default): the contact's zone, else the
 * business's, else UTC; `business`: the agent's zone, else UTC.
 */
export function resolveZone(settings: SettingsSpec | undefined, contactZone?: string | null, businessZone?: string | null): string {
  if (settings?.timezoneToUse === 'business') return businessZone || 'UTC';
  return contactZone || businessZone || 'UTC';
}

export interface Placement {
  dueAt: Date;
  moved: boolean;
}

/**
 * Moves a due time into the working hours when the settings ask for it. Null when working hours
 * are on but no interval is ever open (the step can never be sent).
 */
export function placeInHours(due: Date, settings: SettingsSpec | undefined, zone: string): Placement | null {
  if (!settings?.followUpHours) return { dueAt: due, moved: false };
  const open = nextOpenInstant(due, (settings.workingHours ?? []) as WorkingHours, zone);
  if (!open) return null;
  return { dueAt: open, moved: open.getTime() !== due.getTime() };
}

/** The hours of a contact's own day in which a time they asked for is kept: 08:00 to 21:00 in their zone. */
export const CONTACT_DAY: WorkingHours = [0, 1, 2, 3, 4, 5, 6].map((day) => ({
  dayOfTheWeek: day,
  intervals: [{ startHour: 8, startMinute: 0, endHour: 21, endMinute: 0 }],
}));

/**
 * Where a follow-up the contact asked for goes. A time of day they named (`exact`) is kept as asked:
 * the business's working hours do not move it, only the contact's own day (CONTACT_DAY in
 * `contactZone`) does, to its next open instant. A day or a period without a time ("tomorrow",
 * "next week") starts at that day's beginning, placed in the working hours when the settings have
 * them, else in the contact's day. Null when working hours are on but never open.
 */
export function placeRequested(
  requestedAt: Date,
  exact: boolean,
  settings: SettingsSpec | undefined,
  zone: string,
  contactZone: string,
): (Placement & { rule: 'as_requested' | 'working_hours' | 'contact_day' }) | null {
  if (!exact && settings?.followUpHours) {
    const placed = placeInHours(requestedAt, settings, zone);
    return placed ? { ...placed, rule: 'working_hours' } : null;
  }
  const open = nextOpenInstant(requestedAt, CONTACT_DAY, contactZone) as Date;
  return { dueAt: open, moved: open.getTime() !== requestedAt.getTime(), rule: exact ? 'as_requested' : 'contact_day' };
}

/**
 * When a scenario's step 1 falls due (before working hours): its delay after the message that
 * started it, or, for contactRequested, the time the contact asked for.
 */
export function firstDue(scenario: ScenarioId, step: StepSpec, startedAt: Date, requestedAt?: Date | null): Date {
  if (scenario === 'contactRequested' && requestedAt) return requestedAt;
  return new Date(startedAt.getTime() + stepDelayMs(step));
}

export interface PlannedStep {
  step: number;
  dueAt: Date;
  originalDueAt: Date;
  zone: string;
  moved: boolean;
}

/** ISO 8601 with the zone's offset, e.g. 2026-03-09T09:00:00.000-04:00. */
export function localIso(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISO() as string;
}

/**
 * Plans the steps after `afterStep` (1-based) as if each were sent when due, starting from the
 * previous step's due time. Stops at a step that can never be placed.
 */
export function planFollowing(
  steps: StepSpec[],
  afterStep: number,
  previousDue: Date,
  settings: SettingsSpec | undefined,
  zone: string,
): PlannedStep[] {
  const planned: PlannedStep[] = [];
  let previous = previousDue;
  for (let i = afterStep; i < steps.length; i++) {
    const original = new Date(previous.getTime() + stepDelayMs(steps[i] as StepSpec));
    const placed = placeInHours(original, settings, zone);
    if (!placed) break;
    planned.push({ step: i + 1, dueAt: placed.dueAt, originalDueAt: original, zone, moved: placed.moved });
    previous = placed.dueAt;
  }
  return planned;
}

/** Plans a whole sequence as if every step were sent when due. */
export function planSequence(
  scenario: ScenarioId,
  steps: StepSpec[],
  settings: SettingsSpec | undefined,
  zone: string,
  startedAt: Date,
  requestedAt?: Date | null,
): PlannedStep[] {
  const first = steps[0];
  if (!first) return [];
  const original = firstDue(scenario, first, startedAt, requestedAt);
  const placed = placeInHours(original, settings, zone);
  if (!placed) return [];
  return [
    { step: 1, dueAt: placed.dueAt, originalDueAt: original, zone, moved: placed.moved },
    ...planFollowing(steps, 1, placed.dueAt, settings, zone),
  ];
}
