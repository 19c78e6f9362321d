import { firstDue, localIso, placeInHours, planSequence, resolveZone, stepDelayMs } from './plan';

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
