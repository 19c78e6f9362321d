import { firstDue, localIso, placeInHours, placeRequested, planSequence, resolveZone, stepDelayMs } from './plan';

const weekdays = [1, 2, 3, 4, 5].map((d) => ({
  dayOfTheWeek: d,
  intervals: [{ startHour: 9, startMinute: 0, endHour: 17, endMinute: 0 }],
}));
const hours = { followUpHours: true, workingHours: weekdays, dynamicChannelSwitching: false };
const steps = [
  { id: 1, followupTimeUnit: 'hours' as const, followupTime: 2 },
  { id: 2, followupTimeUnit: 'days' as const, followupTime: 1 },
  { id: 3, followupTimeUnit: 'minutes' as const, followupTime: 30 },
];

describe('planning follow-ups', () => {
  it('turns delays into milliseconds by unit', () => {
    expect(steps.map(stepDelayMs)).toEqual([7_200_000, 86_400_000, 1_800_000]);
  });

  it('reads working hours in the contact zone, else the business zone, else UTC', () => {
    expect(resolveZone({ timezoneToUse: 'contact' }, 'Asia/Tokyo', 'America/New_York')).toBe('Asia/Tokyo');
    expect(resolveZone({ timezoneToUse: 'contact' }, null, 'America/New_York')).toBe('America/New_York');
    expect(resolveZone(undefined, null, null)).toBe('UTC');
    expect(resolveZone({ timezoneToUse: 'business' }, 'Asia/Tokyo', 'America/New_York')).toBe('America/New_York');
    expect(resolveZone({ timezoneToUse: 'business' }, 'Asia/Tokyo', null)).toBe('UTC');
  });

  it('starts contactRequested at the requested time, the others after their delay', () => {
    const start = new Date('2026-06-15T10:00:00Z');
    expect(firstDue('contactStoppedReplying', steps[0] as never, start)).toEqual(new Date('2026-06-15T12:00:00Z'));
    expect(firstDue('contactRequested', steps[0] as never, start, new Date('2026-06-16T15:00:00Z'))).toEqual(
      new Date('2026-06-16T15:00:00Z'),
    );
  });

  it('moves only when working hours are on', () => {
    const saturday = new Date('2026-06-20T15:00:00Z');
    expect(placeInHours(saturday, { followUpHours: false, workingHours: weekdays }, 'UTC')).toEqual({ dueAt: saturday, moved: false });
    expect(placeInHours(saturday, hours, 'UTC')).toEqual({ dueAt: new Date('2026-06-22T09:00:00Z'), moved: true });
    expect(placeInHours(saturday, { followUpHours: true, workingHours: [] }, 'UTC')).toBeNull();
  });

  it('plans a sequence step after step, each from the previous one as sent', () => {
    // Friday 15:30 New York + 2h = 17:30 (closed) -> Monday 09:00; +1 day = Tuesday 09:00; +30 min = 09:30.
    const planned = planSequence('contactStoppedReplying', steps, hours, 'America/New_York', new Date('2026-06-19T19:30:00Z'));
    expect(planned.map((p) => [p.step, p.dueAt.toISOString(), p.moved])).toEqual([
      [1, '2026-06-22T13:00:00.000Z', true],
      [2, '2026-06-23T13:00:00.000Z', false],
      [3, '2026-06-23T13:30:00.000Z', false],
    ]);
    expect(localIso(planned[0]?.dueAt as Date, 'America/New_York')).toBe('2026-06-22T09:00:00.000-04:00');
  });
});

describe('placeRequested: a time the contact asked for', () => {
  const newYorkHours = {
    followUpHours: true,
    workingHours: [1, 2, 3, 4, 5].map((day) => ({
      dayOfTheWeek: day,
      intervals: [{ startHour: 9, startMinute: 0, endHour: 17, endMinute: 0 }],
    })),
  };
  const at = (iso: string) => new Date(iso);

  it('keeps a time of day as asked, whatever the business hours (3 pm in Los Angeles is 6 pm in New York)', () => {
    // Wednesday 2026-06-17 15:00 in Los Angeles.
    const placed = placeRequested(at('2026-06-17T22:00:00Z'), true, newYorkHours, 'America/New_York', 'America/Los_Angeles');
    expect(placed).toEqual({ dueAt: at('2026-06-17T22:00:00Z'), moved: false, rule: 'as_requested' });
  });

  it("moves a time outside the contact's 08:00-21:00 to the next such time in their zone", () => {
    // 22:30 in Los Angeles -> 08:00 the next morning there.
    expect(placeRequested(at('2026-06-18T05:30:00Z'), true, newYorkHours, 'America/New_York', 'America/Los_Angeles')).toEqual({
      dueAt: at('2026-06-18T15:00:00Z'),
      moved: true,
      rule: 'as_requested',
    });
    // 07:00 in Sao Paulo -> 08:00 the same morning.
    expect(placeRequested(at('2026-06-17T10:00:00Z'), true, undefined, 'UTC', 'America/Sao_Paulo')?.dueAt).toEqual(
      at('2026-06-17T11:00:00Z'),
    );
  });

  it('keeps to the contact day across a DST change (New York, 2026-03-08: 07:30 EDT -> 08:00 EDT)', () => {
    expect(placeRequested(at('2026-03-08T11:30:00Z'), true, undefined, 'UTC', 'America/New_York')?.dueAt).toEqual(
      at('2026-03-08T12:00:00Z'),
    );
  });

  it('places a day or a period without a time in the working hours, or else the contact day', () => {
    // "Friday": 2026-06-19 00:00 in New York -> 09:00 there with New York hours.
    expect(placeRequested(at('2026-06-19T04:00:00Z'), false, newYorkHours, 'America/New_York', 'America/New_York')).toEqual({
      dueAt: at('2026-06-19T13:00:00Z'),
      moved: true,
      rule: 'working_hours',
    });
    // Without working hours: 08:00 in the contact's zone.
    expect(placeRequested(at('2026-06-19T04:00:00Z'), false, undefined, 'UTC', 'America/New_York')).toEqual({
      dueAt: at('2026-06-19T12:00:00Z'),
      moved: true,
      rule: 'contact_day',
    });
  });
});
