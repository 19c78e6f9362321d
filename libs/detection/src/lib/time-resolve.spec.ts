import { DateTime } from 'luxon';
import { chronoTime } from './chrono-fallback';
import { expandText } from './intent-cues';
import type { DetectionLanguage } from './intent-detector';
import { normalizeText, tokensOf } from './text-normalize';
import { parseTime } from './time-parse';
import { resolveMeridiem, resolveTime } from './time-resolve';

const NY = 'America/New_York';
const sent = (local: string, zone = NY) => DateTime.fromISO(local, { zone }).toJSDate();
/** The requested time as local wall clock ("2026-06-11T15:00", or "2026-06-11 (day)" when no time was given). */
function read(text: string, sentLocal: string, zone = NY, language: DetectionLanguage = 'en'): string | undefined {
  const r = resolveTime(parseTime(expandText(tokensOf(normalizeText(text)), language)), sent(sentLocal, zone), zone, language);
  if (!r) return undefined;
  const at = DateTime.fromJSDate(r.at, { zone });
  return r.timeGiven ? at.toFormat("yyyy-LL-dd'T'HH:mm") : `${at.toFormat('yyyy-LL-dd')} (day)`;
}
const WED = '2026-06-10T10:15';

describe('reading requested times', () => {
  it('keeps the meridiem rule: 1-6 afternoon, 7-11 morning, 24-hour forms as written', () => {
    expect([1, 6, 7, 11, 12].map((h) => resolveMeridiem(h))).toEqual([13, 18, 7, 11, 12]);
    expect(resolveMeridiem(8, true)).toBe(20);
    expect(read('at 3', WED)).toBe('2026-06-10T15:00');
    expect(read('at 9', WED)).toBe('2026-06-11T09:00'); // 9:00 has passed today
    expect(read('a las 3', WED, 'America/Mexico_City', 'es')).toBe('2026-06-10T15:00');
    expect(read('às 3', WED, 'America/Sao_Paulo', 'pt')).toBe('2026-06-10T15:00');
    expect(read('às 15h', WED, 'America/Sao_Paulo', 'pt')).toBe('2026-06-10T15:00');
    expect(read('at 15:00', WED)).toBe('2026-06-10T15:00');
    expect(read('at 3am tomorrow', WED)).toBe('2026-06-11T03:00');
    expect(read('a las 8 de la noche', WED, 'America/Mexico_City', 'es')).toBe('2026-06-10T20:00');
    expect(read('at 8 tonight', WED)).toBe('2026-06-10T20:00');
  });

  it('maps parts of the day to fixed hours', () => {
    expect(read('tomorrow morning', WED)).toBe('2026-06-11T09:00');
    expect(read('mañana en la tarde', WED, 'America/Mexico_City', 'es')).toBe('2026-06-11T15:00');
    expect(read('hoje à noite', WED, 'America/Sao_Paulo', 'pt')).toBe('2026-06-10T19:00');
    expect(read('after work', WED)).toBe('2026-06-10T18:00');
    expect(read('at lunch', WED)).toBe('2026-06-10T13:00');
    expect(read('this afternoon', '2026-06-10T16:00')).toBe('2026-06-10T17:00'); // still afternoon: an hour from now
    expect(read('this morning', '2026-06-10T13:00')).toBe('2026-06-11T09:00');
  });

  it('gives days and periods as 00:00 local without a time', () => {
    expect(read('tomorrow', WED)).toBe('2026-06-11 (day)');
    expect(read('next week', WED)).toBe('2026-06-15 (day)');
    expect(read('this weekend', WED)).toBe('2026-06-13 (day)');
    expect(read('next month', WED)).toBe('2026-07-01 (day)');
    expect(read('el lunes', WED, 'America/Mexico_City', 'es')).toBe('2026-06-15 (day)');
    expect(read('segunda-feira', WED, 'America/Sao_Paulo', 'pt')).toBe('2026-06-15 (day)');
    expect(read('in 2 days', WED)).toBe('2026-06-12 (day)');
    expect(read('today', WED)).toBeUndefined(); // today's 00:00 is past: not a request by itself
  });

  it('reads "next <weekday>" as the one in next week, "próximo" as the coming one', () => {
    expect(read('next friday', WED)).toBe('2026-06-19 (day)');
    expect(read('next monday', WED)).toBe('2026-06-15 (day)');
    expect(read('el próximo viernes', WED, 'America/Mexico_City', 'es')).toBe('2026-06-12 (day)');
    expect(read('sexta que vem', WED, 'America/Sao_Paulo', 'pt')).toBe('2026-06-19 (day)');
    expect(read('wednesday', WED)).toBe('2026-06-17 (day)');
  });

  it('reads dates, the next one of its kind, day first in Spanish and Portuguese', () => {
    expect(read('7/15', WED)).toBe('2026-07-15 (day)');
    expect(read('15/07', WED, 'America/Sao_Paulo', 'pt')).toBe('2026-07-15 (day)');
    expect(read('5/3', WED, 'America/Sao_Paulo', 'pt')).toBe('2027-03-05 (day)');
    expect(read('el 2 de diciembre a las 3', WED, 'America/Mexico_City', 'es')).toBe('2026-12-02T15:00');
    expect(read('on the 5th', WED)).toBe('2026-07-05 (day)');
  });

  it('counts only times after the message', () => {
    expect(read('I called yesterday at 3', WED)).toBeUndefined();
    expect(read('la semana pasada', WED, 'America/Mexico_City', 'es')).toBeUndefined();
    expect(read('today at 9', WED)).toBeUndefined();
    expect(read('in a minute', WED)).toBeUndefined(); // "soon", not a time
  });

  it('keeps the wall-clock time across a DST change between the message and the day', () => {
    // Clocks go forward on Sunday 2026-03-08 in New York (EST -5 -> EDT -4), back on 2026-11-01.
    expect(read('next monday at 10', '2026-03-04T10:15')).toBe('2026-03-09T10:00');
    expect(read('sunday at 2am', '2026-03-04T10:15')).toBe('2026-03-08T03:00'); // 2:00 does not exist that night
    expect(read('in 100 hours', '2026-03-04T10:15')).toBe('2026-03-08T15:15'); // a duration is elapsed time
    expect(read('monday at 9', '2026-10-28T10:15')).toBe('2026-11-02T09:00');
    expect(read('next week', '2026-10-28T10:15')).toBe('2026-11-02 (day)');
    const monday = resolveTime(parseTime('next monday at 10'), sent('2026-03-04T10:15'), NY, 'en');
    expect(monday?.at).toEqual(new Date('2026-03-09T14:00:00Z'));
  });

  it('places chrono-node results in the zone with the offset of the requested day', () => {
    const r = chronoTime('December 2nd 2026 at 3pm', sent('2026-06-10T10:15'), NY, 'en');
    expect(r).toEqual({ at: new Date('2026-12-02T20:00:00Z'), timeGiven: true }); // 15:00 EST, though the message was sent in EDT
    expect(chronoTime('2026-12-02', sent('2026-06-10T10:15'), NY, 'en')).toEqual({
      at: new Date('2026-12-02T05:00:00Z'),
      timeGiven: false,
    });
    expect(chronoTime('June 1st 2026', sent('2026-06-10T10:15'), NY, 'en')).toBeUndefined();
  });
});
