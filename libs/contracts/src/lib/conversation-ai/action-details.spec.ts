import { parseActionDetails } from './action.dto';
import { validatePlain } from '../validation';
import { UpdateFollowupSettingsDto } from './followup-settings.dto';

const step = (over: Record<string, unknown> = {}) => ({
  id: 1,
  followupTimeUnit: 'hours',
  followupTime: 2,
  aiEnabledMessage: false,
  customMessage: 'Hi {{contact.first_name}}, still there?',
  ...over,
});
const followup = (over: Record<string, unknown> = {}) => ({
  enabled: true,
  scenarioId: 'contactStoppedReplying',
  followupSequence: [step()],
  ...over,
});

describe('advancedFollowup details', () => {
  it('accepts the seed example and fills defaults', () => {
    const { details, errors } = parseActionDetails(
      'advancedFollowup',
      followup({ followupSequence: [{ id: 1, followupTimeUnit: 'hours', followupTime: 2 }] }),
    );
    expect(errors).toEqual([]);
    expect(details['followupSequence']).toEqual([
      { id: 1, followupTimeUnit: 'hours', followupTime: 2, aiEnabledMessage: true, triggerWorkflow: false },
    ]);
  });

  it.each([
    ['minutes', 61, 'details.followupSequence.0.followupTime must not be greater than 60 when followupTimeUnit is minutes'],
    ['hours', 25, 'details.followupSequence.0.followupTime must not be greater than 24 when followupTimeUnit is hours'],
    ['days', 181, 'details.followupSequence.0.followupTime must not be greater than 180 when followupTimeUnit is days'],
  ])('limits followupTime in %s', (unit, time, message) => {
    const { errors } = parseActionDetails(
      'advancedFollowup',
      followup({ followupSequence: [step({ followupTimeUnit: unit, followupTime: time })] }),
    );
    expect(errors).toEqual([message]);
  });

  it('allows the maximum of each unit', () => {
    for (const [unit, time] of [
      ['minutes', 60],
      ['hours', 24],
      ['days', 180],
    ] as const) {
      expect(
        parseActionDetails('advancedFollowup', followup({ followupSequence: [step({ followupTimeUnit: unit, followupTime: time })] }))
          .errors,
      ).toEqual([]);
    }
  });

  it('refuses a sixth follow-up, duplicate step ids, and missing conditional fields', () => {
    const six = [1, 2, 3, 4, 5, 6].map((id) => step({ id }));
    expect(parseActionDetails('advancedFollowup', followup({ followupSequence: six })).errors).toEqual([
      'details.followupSequence must contain at most 5 follow-ups',
    ]);
    expect(parseActionDetails('advancedFollowup', followup({ followupSequence: [step(), step()] })).errors).toEqual([
      'details.followupSequence uses step id 1 more than once',
    ]);
    const { errors } = parseActionDetails(
      'advancedFollowup',
      followup({
        followupSequence: [{ id: 1, followupTimeUnit: 'hours', followupTime: 1, aiEnabledMessage: false, triggerWorkflow: true }],
      }),
    );
    expect(errors).toEqual([
      'details.followupSequence.0.customMessage is required when aiEnabledMessage is false',
      'details.followupSequence.0.workflowId is required when triggerWorkflow is true',
    ]);
  });

  it('names unknown fields and bad enums', () => {
    const { errors } = parseActionDetails('advancedFollowup', followup({ scenarioId: 'sometimes', extra: 1 }));
    expect(errors).toContain('property details.extra should not exist');
    expect(errors.some((e) => e.startsWith('details.scenarioId must be one of the following values'))).toBe(true);
  });

  it('validates embedded follow-up settings with the 0 = Sunday convention', () => {
    const { errors } = parseActionDetails(
      'advancedFollowup',
      followup({
        followupSettings: { dynamicChannelSwitching: true, workingHours: [{ dayOfTheWeek: 7, intervals: [] }] },
      }),
    );
    expect(errors).toEqual(['details.followupSettings.workingHours.0.dayOfTheWeek must not be greater than 6']);
  });
});

describe('other action types', () => {
  it('appointmentBooking: the onlySendLink exclusions and conditional requirements', () => {
    const base = { calendarId: 'cal1', onlySendLink: true, triggerWorkflow: false, sleepAfterBooking: false, transferBot: false };
    expect(parseActionDetails('appointmentBooking', base).errors).toEqual([]);
    const { errors } = parseActionDetails('appointmentBooking', {
      ...base,
      triggerWorkflow: true,
      sleepAfterBooking: true,
      transferBot: true,
      rescheduleEnabled: true,
      cancelEnabled: true,
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        'details.triggerWorkflow cannot be true when onlySendLink is true',
        'details.workflowIds is required when triggerWorkflow is true',
        'details.sleepAfterBooking cannot be true when onlySendLink is true',
        'details.sleepTimeUnit is required when sleepAfterBooking is true',
        'details.sleepTime is required when sleepAfterBooking is true',
        'details.transferBot cannot be true when onlySendLink is true',
        'details.transferAgent is required when transferBot is true',
        'details.rescheduleEnabled cannot be true when onlySendLink is true',
        'details.cancelEnabled cannot be true when onlySendLink is true',
      ]),
    );
    const ok = parseActionDetails('appointmentBooking', { ...base, onlySendLink: false, triggerWorkflow: true, workflowIds: ['wf1'] });
    expect(ok.errors).toEqual([]);
    expect(ok.details['rescheduleEnabled']).toBe(false);
  });

  it('stopBot: at least 2 examples; sleep fields when reactivating', () => {
    const base = {
      stopBotDetectionType: 'Goodbye',
      stopBotTriggerCondition: 'bye',
      reactivateEnabled: true,
      enabled: true,
      stopBotExamples: ['bye'],
      finalMessage: 'Bye!',
    };
    expect(parseActionDetails('stopBot', base).errors.sort()).toEqual([
      'details.sleepTime is required when reactivateEnabled is true',
      'details.sleepTimeUnit is required when reactivateEnabled is true',
      'details.stopBotExamples must contain at least 2 examples',
    ]);
    expect(
      parseActionDetails('stopBot', { ...base, stopBotExamples: ['bye', 'thanks'], sleepTime: 24, sleepTimeUnit: 'hours' }).errors,
    ).toEqual([]);
  });

  it('humanHandOver: examples required for custom and contactRequest only', () => {
    const base = {
      enabled: true,
      triggerCondition: 'asks for a human',
      reactivateEnabled: false,
      finalMessage: 'Passing you on',
      handoverType: 'custom',
    };
    expect(parseActionDetails('humanHandOver', base).errors).toEqual([
      'details.examples is required when handoverType is custom or contactRequest',
    ]);
    expect(parseActionDetails('humanHandOver', { ...base, handoverType: 'lackOfInformation' }).errors).toEqual([]);
  });

  it('transferBot: Custom needs a condition and at least 2 examples', () => {
    const base = { transferBotType: 'Custom', transferToBot: 'agent2', enabled: true };
    expect(parseActionDetails('transferBot', base).errors).toEqual([
      'details.transferBotTriggerCondition is required when transferBotType is Custom',
      'details.transferBotExamples is required when transferBotType is Custom',
    ]);
    expect(
      parseActionDetails('transferBot', { ...base, transferBotTriggerCondition: 'sales', transferBotExamples: ['pricing'] }).errors,
    ).toEqual(['details.transferBotExamples must contain at least 2 examples when transferBotType is Custom']);
    expect(parseActionDetails('transferBot', { transferBotType: 'Default', transferToBot: 'agent2', enabled: true }).errors).toEqual([]);
  });

  it('triggerWorkflow and updateContactField require their fields', () => {
    expect(parseActionDetails('triggerWorkflow', {}).errors).toEqual([
      'details.workflowIds is required',
      'details.triggerCondition is required',
    ]);
    expect(parseActionDetails('triggerWorkflow', { workflowIds: [], triggerCondition: '' }).errors).toEqual([
      'details.workflowIds should not be empty',
      'details.triggerCondition should not be empty',
    ]);
    expect(
      parseActionDetails('updateContactField', { contactFieldId: 'f1', description: 'Business name' }).details['contactUpdateExamples'],
    ).toEqual([]);
  });

  it('refuses details that are not an object', () => {
    expect(parseActionDetails('stopBot', ['x']).errors).toEqual(['details must be a JSON object']);
  });
});

describe('follow-up settings body', () => {
  const body = (settings: Record<string, unknown>) => ({
    actionIds: ['a1'],
    followupSettings: { dynamicChannelSwitching: true, ...settings },
  });

  it('accepts the seed example and reads location as business', () => {
    const { value, errors } = validatePlain(
      UpdateFollowupSettingsDto,
      body({
        followUpHours: true,
        workingHours: [{ dayOfTheWeek: 1, intervals: [{ startHour: 9, startMinute: 0, endHour: 17, endMinute: 30 }] }],
        timezoneToUse: 'location',
      }),
    );
    expect(errors).toEqual([]);
    expect(value.followupSettings.timezoneToUse).toBe('business');
  });

  it('refuses intervals that end before they start, overlap, or fall outside the clock', () => {
    const { errors } = validatePlain(
      UpdateFollowupSettingsDto,
      body({
        workingHours: [
          { dayOfTheWeek: 1, intervals: [{ startHour: 17, startMinute: 0, endHour: 9, endMinute: 0 }] },
          {
            dayOfTheWeek: 2,
            intervals: [
              { startHour: 9, startMinute: 0, endHour: 12, endMinute: 0 },
              { startHour: 11, startMinute: 30, endHour: 14, endMinute: 0 },
            ],
          },
          { dayOfTheWeek: 3, intervals: [{ startHour: 24, startMinute: 60, endHour: 1, endMinute: 0 }] },
          { dayOfTheWeek: 3 },
        ],
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        'followupSettings.workingHours.0.intervals.0 must start before it ends',
        'followupSettings.workingHours.1.intervals.1 overlaps intervals.0',
        'followupSettings.workingHours.2.intervals.0.startHour must not be greater than 23',
        'followupSettings.workingHours.2.intervals.0.startMinute must not be greater than 59',
        'followupSettings.workingHours lists dayOfTheWeek 3 more than once',
      ]),
    );
  });

  it('refuses followUpHours without any open interval, and unknown timezoneToUse', () => {
    const { errors } = validatePlain(UpdateFollowupSettingsDto, body({ followUpHours: true, workingHours: [], timezoneToUse: 'mars' }));
    expect(errors).toEqual([
      'followupSettings.followUpHours is true but workingHours has no interval: follow-ups could never be sent',
      'followupSettings.timezoneToUse must be one of: contact, business (or location)',
    ]);
  });

  it('requires dynamicChannelSwitching and at least one action id', () => {
    const { errors } = validatePlain(UpdateFollowupSettingsDto, { actionIds: [], followupSettings: {} });
    expect(errors).toEqual(['actionIds should not be empty', 'followupSettings.dynamicChannelSwitching is required']);
  });
});
