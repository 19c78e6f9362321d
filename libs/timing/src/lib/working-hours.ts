import { cachedZone } from '@followup/util';
import type { Zone } from 'luxon';

/** An interval of a day, in local wall-clock time. */
export interface WorkingInterval {
  startHour: number;
  startMinute: number;
  endHour: number;
  endMinute: number;
}

/** Follow-up working hours as seed 000 stores them: `dayOfTheWeek` 0 = Sunday ... 6 = Saturday. */
export type WorkingHours = { dayOfTheWeek: number; intervals?: WorkingInterval[] }[];

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const MINUTE = 60_000;

/** The wall-clock time of an instant in the zone (milliseconds, read as UTC); offsets are cached per quarter hour (cachedZone). */
function wallOf(zone: Zone, at: number): number {
  return at + zone.offset(at) * MINUTE;
}

/**
 * The instant at which the clocks of `zone` show `local`. A local time that does not exist (the
 * hour skipped when DST starts) becomes the next valid instant (the moment the clocks jump); an
 * ambiguous one (the hour repeated when DST ends) becomes its first occurrence.
 */
export function localToInstant(local: LocalTime, zoneName: string): Date {
  const zone = cachedZone(zoneName);
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // Any instant showing `wall` lies within a day of it; the zone's offsets a day either side bound it.
  const candidates = [...new Set([zone.offset(wall - 86_400_000), zone.offset(wall + 86_400_000)])]
    .map((offset) => wall - offset * MINUTE)
    .sort((a, b) => a - b);
  const exact = candidates.find((c) => wallOf(zone, c) === wall);
  if (exact !== undefined) return new Date(exact);
  // In a gap: the first instant whose local time is at or after `wall` is the end of the gap.
  let lo = candidates[0] as number;
  let hi = candidates[candidates.length - 1] as number;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallOf(zone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

const DAY = 86_400_000;

const isEndOfDay = (iv: WorkingInterval) => iv.endHour === 23 && iv.endMinute === 59;

/** The local date `days` after the local day of `wall` (wall-clock milliseconds, read as UTC). */
function localDate(wallMidnight: number, days: number): { year: number; month: number; day: number; weekday: number } {
  const date = new Date(wallMidnight + days * DAY);
  // getUTCDay: 0 = Sunday ... 6 = Saturday, seed 000's numbering.
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() };
}

/**
 * The earliest instant at or after `due` that lies inside the working hours, read in `zone`.
 * Intervals are [start, end): open from the start minute, closed from the end minute, except that
 * an interval ending at 23:59 stays open until midnight. Null when no interval is ever open.
 */
export function nextOpenInstant(due: Date, hours: WorkingHours, zone: string): Date | null {
  const dueMs = due.getTime();
  const midnight = Math.floor(wallOf(cachedZone(zone), dueMs) / DAY) * DAY;
  // Eight local days cover every weekday once more after today's (the wrap-around of a week).
  for (let d = 0; d <= 7; d++) {
    const on = localDate(midnight, d);
    const day = hours.find((h) => h.dayOfTheWeek === on.weekday);
    const intervals = [...(day?.intervals ?? [])].sort((a, b) => a.startHour * 60 + a.startMinute - (b.startHour * 60 + b.startMinute));
    for (const iv of intervals) {
      const date = { year: on.year, month: on.month, day: on.day };
      const start = localToInstant({ ...date, hour: iv.startHour, minute: iv.startMinute }, zone).getTime();
      const next = localDate(midnight, d + 1);
      const end = isEndOfDay(iv)
        ? localToInstant({ year: next.year, month: next.month, day: next.day, hour: 0, minute: 0 }, zone).getTime()
        : localToInstant({ ...date, hour: iv.endHour, minute: iv.endMinute }, zone).getTime();
      if (start < end && dueMs < end) return new Date(Math.max(dueMs, start));
    }
  }
  return null;
}

/** True when `at` lies inside the working hours (the check made again just before sending). */
export function isWithinHours(at: Date, hours: WorkingHours, zone: string): boolean {
  return nextOpenInstant(at, hours, zone)?.getTime() === at.getTime();
}
