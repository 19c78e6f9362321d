import { cachedZone } from '@followup/util';
import { DateTime, IANAZone, type Zone } from 'luxon';

/**
 * The contact's zone, cached: checking an IANA name and asking it for offsets are the costly part
 * of reading a time, so each zone is checked once and its offsets kept (cachedZone). An unknown
 * zone reads as UTC.
 */
const ZONES = new Map<string, Zone | 'utc'>();

export function zoneFor(name: string): Zone | 'utc' {
  let zone = ZONES.get(name);
  if (!zone) {
    zone = name && IANAZone.isValidZone(name) ? cachedZone(name) : 'utc';
    if (ZONES.size > 1000) ZONES.clear();
    ZONES.set(name, zone);
  }
  return zone;
}

/** The instant as a wall-clock time in the zone. */
export function localTime(at: Date, zone: string): DateTime {
  return DateTime.fromMillis(at.getTime(), { zone: zoneFor(zone) });
}

/** The zone's offset from UTC in minutes at that instant (chrono-node's `timezone`). */
export function offsetMinutes(at: Date, zone: string): number {
  const z = zoneFor(zone);
  return z === 'utc' ? 0 : z.offset(at.getTime());
}

/**
 * The instant a wall-clock time names in the zone on a given local day. Luxon resolves it with the
 * offset in force on that day (not on the day of the message); a time that does not exist (the hour
 * skipped when clocks go forward) moves forward with the clocks, as a wall clock does.
 */
export function atLocal(day: DateTime, hour: number, minute: number): DateTime {
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour, minute, second: 0, millisecond: 0 },
    { zone: day.zone },
  );
}
