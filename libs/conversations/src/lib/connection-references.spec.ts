import { VoiceAgentEntity } from '@followup/persistence';
import { voiceAgentHours, voiceAgentView } from './connection-references';

const agent = (agentWorkingHours: Record<string, unknown>[]) =>
  Object.assign(new VoiceAgentEntity(), {
    id: 'va1',
    welcomeMessage: 'Welcome!',
    language: 'en-US',
    maxCallDuration: 600,
    timezone: 'America/New_York',
    agentWorkingHours,
  });
const nineToFive = { startHour: 9, startMinute: 0, endHour: 17, endMinute: 0 };

describe('a voice agent as webhooks see it', () => {
  it("reads seed 002's days (1 = Monday ... 7 = Sunday) as libs/timing's (0 = Sunday)", () => {
    expect(
      voiceAgentHours(
        agent([
          { dayOfTheWeek: 1, intervals: [nineToFive] },
          { dayOfTheWeek: 7, intervals: [] },
        ]),
      ),
    ).toEqual([
      { dayOfTheWeek: 1, intervals: [nineToFive] },
      { dayOfTheWeek: 0, intervals: [] },
    ]);
  });

  it('is open inside its working hours in its own zone, closed outside, and always open without hours', () => {
    const sundays = agent([{ dayOfTheWeek: 7, intervals: [nineToFive] }]);
    // Sunday 2026-06-21 10:00 in New York is 14:00 UTC; 08:00 there is 12:00 UTC; Saturday is closed.
    expect(voiceAgentView(sundays, new Date('2026-06-21T14:00:00Z'))).toEqual({
      id: 'va1',
      welcomeMessage: 'Welcome!',
      language: 'en-US',
      maxCallDurationSeconds: 600,
      timezone: 'America/New_York',
      openNow: true,
    });
    expect(voiceAgentView(sundays, new Date('2026-06-21T12:00:00Z')).openNow).toBe(false);
    expect(voiceAgentView(sundays, new Date('2026-06-20T14:00:00Z')).openNow).toBe(false);
    expect(voiceAgentView(agent([]), new Date('2026-06-20T03:00:00Z')).openNow).toBe(true);
  });
});
