import { reasonWords, scenarioName } from './reasons.format';

describe('reasons in words', () => {
  it('uses the typed code and keeps the case detail', () => {
    expect(reasonWords('contact_replied', 'contact_replied')).toEqual({
      label: 'Cancelled because the contact replied',
      sentence: 'the contact replied, so the pending follow-ups of the conversation were cancelled',
    });
    expect(reasonWords('outside_hours', 'outside_hours: Saturday is closed')?.sentence).toMatch(
      /moved to the next open interval \(Saturday is closed\)$/,
    );
    expect(reasonWords(null, 'planned: scheduled when step 1 is sent')?.label).toBe('Planned: scheduled when step 1 is sent');
    expect(reasonWords(null, null)).toBeNull();
    expect(scenarioName('contactIsBusy')).toBe('Busy');
  });
});
