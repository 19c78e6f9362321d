import type { DateTime } from 'luxon';
import type { DetectionLanguage } from './intent-detector';
import type { TimeParts } from './time-parse';
import { PART_OF_DAY } from './time-vocabulary';
import { atLocal, localTime } from './zone-clock';

/** A requested time: the instant, and whether the text named a time of day (else it is 00:00 local of the day). */
export interface RequestedTime {
  at: Date;
  timeGiven: boolean;
}

/**
 * A clock hour without am/pm: hours 1-6 are afternoon, 7-11 morning ("at 3" is 15:00, "a las 10"
 * is 10:00); a part of day ("tonight", "de la tarde") decides when the text gives one.
 */
export function resolveMeridiem(hour: number, pm?: boolean): number {
  if (pm === true) return hour < 12 ? hour + 12 : hour;
  if (pm === false) return hour;
  return hour >= 1 && hour <= 6 ? hour + 12 : hour;
}

/** The local day the parts name, if they name one (a date, a weekday, a period, "tomorrow", "in 3 days"). */
function dayOf(parts: TimeParts, today: DateTime, language: DetectionLanguage): DateTime | undefined {
  const weekday = today.weekday;
  if (parts.date) return dateOf(parts.date, today, language);
  if (parts.weekday) {
    if (parts.period === 'nextWeek') return today.startOf('week').plus({ weeks: 1, days: parts.weekday - 1 });
    let diff = (parts.weekday - weekday + 7) % 7 || 7;
    if (parts.weekdayNext && weekday + diff <= 7) diff += 7;
    return today.plus({ days: diff });
  }
  switch (parts.period) {
    case 'nextWeek':
      return today.startOf('week').plus({ weeks: 1 });
    case 'weekend':
      return today.plus({ days: weekday === 7 ? 6 : 6 - weekday });
    case 'nextWeekend':
      return today.plus({ days: (weekday === 7 ? 6 : 6 - weekday) + 7 });
    case 'nextMonth':
      return today.startOf('month').plus({ months: 1 });
    case 'endOfWeek':
      return today.plus({ days: (5 - weekday + 7) % 7 });
    case 'endOfMonth':
      return today.endOf('month').startOf('day');
  }
  if (parts.monthOffset) return today.plus({ months: parts.monthOffset });
  if (parts.dayOffset !== undefined) return today.plus({ days: parts.dayOffset });
  return undefined;
}

/** "2 de dezembro", "june 20", "15/07" (day first in es/pt, month first in en), "el 15": the next such day. */
function dateOf(date: NonNullable<TimeParts['date']>, today: DateTime, language: DetectionLanguage): DateTime | undefined {
  let { day, month } = date;
  if (month !== undefined && date.numeric && (language === 'en' ? day <= 12 : month > 12)) [day, month] = [month, day];
  const candidate = (year: number, m: number) => {
    const d = today.set({ year, month: m, day });
    return d.isValid && d.day === day && d.month === m ? d : undefined;
  };
  if (month === undefined) {
    const thisMonth = candidate(today.year, today.month);
    if (thisMonth && thisMonth >= today) return thisMonth;
    const next = today.plus({ months: 1 });
    return candidate(next.year, next.month);
  }
  if (month < 1 || month > 12) return undefined;
  const thisYear = candidate(today.year, month);
  return thisYear && thisYear >= today ? thisYear : candidate(today.year + 1, month);
}

/** Places the parts on the calendar in the zone, relative to when the message was sent; only times after it count. */
export function resolveTime(parts: TimeParts, sentAt: Date, zone: string, language: DetectionLanguage): RequestedTime | undefined {
  if (!parts.found) return undefined;
  if (parts.offsetMinutes !== undefined) {
    return parts.past ? undefined : { at: new Date(sentAt.getTime() + parts.offsetMinutes * 60_000), timeGiven: true };
  }
  const now = localTime(sentAt, zone);
  const today = now.startOf('day');
  const explicit = dayOf(parts, today, language);
  if (parts.past && !explicit) return undefined;
  const day = explicit ?? today;
  const part = parts.part ? PART_OF_DAY[parts.part] : undefined;
  let hour = 0;
  let minute = 0;
  if (parts.clock) {
    const { clock } = parts;
    hour = clock.certain ? clock.hour : resolveMeridiem(clock.hour, part?.pm);
    minute = clock.minute;
    if (clock.shift) [hour, minute] = [hour + Math.floor((minute + clock.shift) / 60), (((minute + clock.shift) % 60) + 60) % 60];
  } else if (part) {
    [hour, minute] = [part.hour, part.minute];
  }
  const timeGiven = parts.clock !== undefined || part !== undefined;
  if (!timeGiven && !explicit) return undefined;
  let at = atLocal(day, hour, minute);
  if (at <= now) {
    if (explicit || !timeGiven) return undefined;
    if (!parts.clock && part && now.hour < part.end) return { at: new Date(sentAt.getTime() + 3_600_000), timeGiven: true };
    at = atLocal(day.plus({ days: 1 }), hour, minute);
  }
  return { at: at.toJSDate(), timeGiven };
}
