import { WorkingHours, isWithinHours, localToInstant, nextOpenInstant } from './working-hours';

const NY = 'America/New_York';
const LONDON = 'Europe/London';
const weekdays9to17: WorkingHours = [1, 2, 3, 4, 5].map((d) => ({
  dayOfTheWeek: d,
  intervals: [{ startHour: 9, startMinute: 0, endHour: 17, endMinute: 0 }],
}));
const at = (iso: string) => new Date(iso);
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('localToInstant', () => {
  it('maps an ordinary local time', () => {
    expect(iso(localToInstant({ year: 2026, month: 6, day: 15, hour: 9, minute: 0 }, NY))).toBe('2026-06-15T13:00:00.000Z');
  });

  it('moves a local time that does not exist (spring forward) to the next valid instant', () => {
    // 2026-03-08 02:00 -> 03:00 in New York: 02:30 never happens; the next valid instant is 03:00 EDT.
    expect(iso(localToInstant({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, NY))).toBe('2026-03-08T07:00:00.000Z');
    // 2026-03-29 01:00 -> 02:00 in London.
    expect(iso(localToInstant({ year: 2026, month: 3, day: 29, hour: 1, minute: 15 }, LONDON))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('takes the first occurrence of an ambiguous local time (fall back)', () => {
    // 2026-11-01 01:30 happens twice in New York: first at EDT (-4).
    expect(iso(localToInstant({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, NY))).toBe('2026-11-01T05:30:00.000Z');
    // 2026-10-25 01:30 twice in London: first at BST (+1).
    expect(iso(localToInstant({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, LONDON))).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('nextOpenInstant', () => {
  it('leaves a time inside the hours where it is', () => {
    expect(nextOpenInstant(at('2026-06-15T14:00:00Z'), weekdays9to17, NY)).toEqual(at('2026-06-15T14:00:00Z'));
  });

  it('moves a time before opening to the opening, and after closing to the next open day', () => {
    expect(iso(nextOpenInstant(at('2026-06-15T11:00:00Z'), weekdays9to17, NY))).toBe('2026-06-15T13:00:00.000Z'); // 07:00 -> 09:00
    expect(iso(nextOpenInstant(at('2026-06-15T21:00:00Z'), weekdays9to17, NY))).toBe('2026-06-16T13:00:00.000Z'); // 17:00 Mon -> Tue 09:00
  });

  it('treats the end of an interval as closed', () => {
    expect(iso(nextOpenInstant(at('2026-06-15T20:59:59.999Z'), weekdays9to17, NY))).toBe('2026-06-15T20:59:59.999Z');
    expect(iso(nextOpenInstant(at('2026-06-15T21:00:00.000Z'), weekdays9to17, NY))).toBe('2026-06-16T13:00:00.000Z');
  });

  it('wraps from Friday evening over the weekend to Monday (0 = Sunday)', () => {
    // Friday 2026-06-19 18:00 EDT -> Monday 2026-06-22 09:00 EDT
    expect(iso(nextOpenInstant(at('2026-06-19T22:00:00Z'), weekdays9to17, NY))).toBe('2026-06-22T13:00:00.000Z');
    const sundayOnly: WorkingHours = [{ dayOfTheWeek: 0, intervals: [{ startHour: 10, startMinute: 0, endHour: 12, endMinute: 0 }] }];
    // Monday -> next Sunday (wraps around the end of the week)
    expect(iso(nextOpenInstant(at('2026-06-15T12:00:00Z'), sundayOnly, 'UTC'))).toBe('2026-06-21T10:00:00.000Z');
    // Sunday after closing -> the Sunday a week later
    expect(iso(nextOpenInstant(at('2026-06-21T12:00:00Z'), sundayOnly, 'UTC'))).toBe('2026-06-28T10:00:00.000Z');
  });

  it('keeps an interval ending at 23:59 open until midnight', () => {
    const lateShift: WorkingHours = [{ dayOfTheWeek: 1, intervals: [{ startHour: 20, startMinute: 0, endHour: 23, endMinute: 59 }] }];
    expect(iso(nextOpenInstant(at('2026-06-15T23:59:30Z'), lateShift, 'UTC'))).toBe('2026-06-15T23:59:30.000Z');
    expect(iso(nextOpenInstant(at('2026-06-16T00:00:00Z'), lateShift, 'UTC'))).toBe('2026-06-22T20:00:00.000Z');
  });

  it('uses several intervals in a day, in order', () => {
    const split: WorkingHours = [
      {
        dayOfTheWeek: 1,
        intervals: [
          { startHour: 14, startMinute: 0, endHour: 18, endMinute: 0 },
          { startHour: 9, startMinute: 0, endHour: 12, endMinute: 0 },
        ],
      },
    ];
    expect(iso(nextOpenInstant(at('2026-06-15T08:00:00Z'), split, 'UTC'))).toBe('2026-06-15T09:00:00.000Z');
    expect(iso(nextOpenInstant(at('2026-06-15T12:30:00Z'), split, 'UTC'))).toBe('2026-06-15T14:00:00.000Z');
  });

  it('is DST-correct in New York: opening at 09:00 local on both sides of the change', () => {
    // Saturday 2026-03-07 12:00 EST -> Monday 2026-03-09 09:00 EDT (13:00Z, not 14:00Z)
    expect(iso(nextOpenInstant(at('2026-03-07T17:00:00Z'), weekdays9to17, NY))).toBe('2026-03-09T13:00:00.000Z');
    // Friday 2026-10-30 18:00 EDT -> Monday 2026-11-02 09:00 EST (14:00Z)
    expect(iso(nextOpenInstant(at('2026-10-30T22:00:00Z'), weekdays9to17, NY))).toBe('2026-11-02T14:00:00.000Z');
  });

  it('is DST-correct in London, including an interval that starts inside the skipped hour', () => {
    const sundayNight: WorkingHours = [{ dayOfTheWeek: 0, intervals: [{ startHour: 1, startMinute: 30, endHour: 4, endMinute: 0 }] }];
    // 2026-03-29: 01:30 does not exist (01:00 -> 02:00 BST); the interval opens at 02:00 BST = 01:00Z.
    expect(iso(nextOpenInstant(at('2026-03-28T23:00:00Z'), sundayNight, LONDON))).toBe('2026-03-29T01:00:00.000Z');
    // 2026-10-25: 01:30 happens twice; the interval opens at the first one (BST) = 00:30Z.
    expect(iso(nextOpenInstant(at('2026-10-24T23:00:00Z'), sundayNight, LONDON))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('reads the hours in the zone it is given (a contact in another zone than the business)', () => {
    const due = at('2026-06-15T14:00:00Z'); // 10:00 in New York, 23:00 in Tokyo
    expect(iso(nextOpenInstant(due, weekdays9to17, NY))).toBe('2026-06-15T14:00:00.000Z');
    expect(iso(nextOpenInstant(due, weekdays9to17, 'Asia/Tokyo'))).toBe('2026-06-16T00:00:00.000Z'); // Tue 09:00 JST
  });

  it('answers null when no interval is ever open', () => {
    expect(nextOpenInstant(at('2026-06-15T14:00:00Z'), [{ dayOfTheWeek: 1, intervals: [] }], 'UTC')).toBeNull();
    expect(nextOpenInstant(at('2026-06-15T14:00:00Z'), [], 'UTC')).toBeNull();
  });
});

describe('isWithinHours', () => {
  it('is the send-time check: true only inside an open interval', () => {
    expect(isWithinHours(at('2026-06-15T14:00:00Z'), weekdays9to17, NY)).toBe(true);
    expect(isWithinHours(at('2026-06-15T12:59:59Z'), weekdays9to17, NY)).toBe(false);
    expect(isWithinHours(at('2026-06-20T14:00:00Z'), weekdays9to17, NY)).toBe(false); // Saturday
  });
});
