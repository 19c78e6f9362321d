import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { DetectionLanguage } from './intent-detector';
import { resolveMeridiem, type RequestedTime } from './time-resolve';
import { atLocal, offsetMinutes, zoneFor } from './zone-clock';

const PARSERS: Readonly<Record<DetectionLanguage, chrono.Chrono>> = { en: chrono.casual, es: chrono.es.casual, pt: chrono.pt.casual };

/**
 * chrono-node, for the date forms the detector's own reader does not know ("Dec 2nd 2026",
 * "2026-12-02"). Its reference zone is a minute offset, not an IANA name: it gets the zone's offset
 * at the message, and the day and hour it reads are then placed again in the zone with Luxon, so a
 * DST change between the message and the requested day does not shift the wall-clock time.
 */
export function chronoTime(raw: string, sentAt: Date, zone: string, language: DetectionLanguage): RequestedTime | undefined {
  const results = PARSERS[language].parse(raw, { instant: sentAt, timezone: offsetMinutes(sentAt, zone) }, { forwardDate: true });
  for (const result of results) {
    const start = result.start;
    const year = start.get('year');
    const month = start.get('month');
    const day = start.get('day');
    if (year === null || month === null || day === null) continue;
    const date = DateTime.fromObject({ year, month, day }, { zone: zoneFor(zone) });
    if (!date.isValid) continue;
    const timeGiven = start.isCertain('hour');
    const hour = start.get('hour') ?? 0;
    const wallHour = !timeGiven ? 0 : start.isCertain('meridiem') ? hour : resolveMeridiem(hour);
    const at = atLocal(date, wallHour, timeGiven ? (start.get('minute') ?? 0) : 0);
    if (at.toMillis() > sentAt.getTime()) return { at: at.toJSDate(), timeGiven };
  }
  return undefined;
}
