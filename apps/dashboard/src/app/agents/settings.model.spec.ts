import { fromApi, placeApiErrors, toApi, validate } from './settings.model';

describe('the follow-up settings form', () => {
  const api = {
    dynamicChannelSwitching: true,
    followUpHours: true,
    timezoneToUse: 'location',
    workingHours: [{ dayOfTheWeek: 1, intervals: [{ startHour: 9, startMinute: 0, endHour: 17, endMinute: 30 }] }],
  };

  it('reads and writes the API shape (location is business, 24:00 is written 23:59)', () => {
    const form = fromApi(api);
    expect(form.timezoneToUse).toBe('business');
    expect(form.days[1]).toEqual([{ start: '09:00', end: '17:30' }]);
    form.days[2] = [{ start: '20:00', end: '24:00' }];
    expect(toApi(form).workingHours).toEqual([
      { dayOfTheWeek: 1, intervals: [{ startHour: 9, startMinute: 0, endHour: 17, endMinute: 30 }] },
      { dayOfTheWeek: 2, intervals: [{ startHour: 20, startMinute: 0, endHour: 23, endMinute: 59 }] },
    ]);
  });

  it('checks intervals with the API rules and names the day', () => {
    const form = fromApi(api);
    form.days[3] = [
      { start: '10:00', end: '09:00' },
      { start: '12:00', end: '14:00' },
      { start: '13:00', end: '15:00' },
    ];
    expect(validate(form)).toEqual({ 'workingHours.3': ['interval 1 must start before it ends', 'interval 3 overlaps interval 2'] });
    expect(validate({ ...form, days: form.days.map(() => []) })).toEqual({
      followUpHours: ['Open at least one interval, or follow-ups could never be sent.'],
    });
  });

  it('puts the API 422 lines beside the day they name', () => {
    const sent = toApi(fromApi(api));
    expect(
      placeApiErrors(['followupSettings.workingHours.0.intervals.0.endHour must not be greater than 23', 'other problem'], sent),
    ).toEqual({
      'workingHours.1': ['followupSettings.workingHours.0.intervals.0.endHour must not be greater than 23'],
      form: ['other problem'],
    });
  });
});
