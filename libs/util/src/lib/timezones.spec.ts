import { isIanaZone, suggestIanaZone } from './timezones';

describe('isIanaZone', () => {
  it.each(['UTC', 'Europe/London', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata', 'Etc/UTC'])('accepts the region name %s', (zone) => {
    expect(isIanaZone(zone)).toBe(true);
  });

  it.each(['BST', 'PST', 'IST', 'EST', 'EST5EDT', 'CET', 'GMT', 'Zulu', 'Mars/Base', '', 'Europe/', '/London'])('refuses %j', (zone) => {
    expect(isIanaZone(zone)).toBe(false);
  });

  it('refuses what is not a string', () => {
    expect(isIanaZone(42 as unknown as string)).toBe(false);
  });
});

describe('suggestIanaZone', () => {
  it.each([
    ['BST', 'Europe/London'],
    ['bst', 'Europe/London'],
    ['PST', 'America/Los_Angeles'],
    ['PDT', 'America/Los_Angeles'],
    ['EST', 'America/New_York'],
    ['EST5EDT', 'America/New_York'],
    ['IST', 'Asia/Kolkata'],
    ['CET', 'Europe/Paris'],
    ['GMT', 'UTC'],
  ])('%s -> %s', (abbreviation, zone) => {
    expect(suggestIanaZone(abbreviation)).toBe(zone);
  });

  it('has nothing for a name it does not know', () => {
    expect(suggestIanaZone('Mars/Base')).toBeUndefined();
  });
});
