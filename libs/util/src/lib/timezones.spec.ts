import { DateTime, IANAZone } from 'luxon';
import { cachedZone, isIanaZone, suggestIanaZone } from './timezones';

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

describe('cachedZone', () => {
  // Zones with DST, half- and quarter-hour offsets, a 30-minute DST shift, and a southern-hemisphere DST.
  const zones = [
    'America/New_York',
    'Europe/London',
    'Asia/Kathmandu',
    'America/St_Johns',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'America/Sao_Paulo',
  ];

  it.each(zones)("gives luxon's offsets in %s, minute by minute around every change of 2024-2026", (name) => {
    const iana = IANAZone.create(name);
    const zone = cachedZone(name);
    const start = Date.UTC(2024, 0, 1);
    const end = Date.UTC(2027, 0, 1);
    let checked = 0;
    for (let t = start; t < end; t += 3_600_000) {
      if (iana.offset(t) === iana.offset(t + 3_600_000)) continue;
      for (let m = t - 120 * 60_000; m <= t + 180 * 60_000; m += 60_000) {
        expect(zone.offset(m)).toBe(iana.offset(m));
        checked++;
      }
    }
    // Kathmandu and São Paulo (no DST since 2019) have no changes then: compare a year of odd instants too.
    for (let t = start; t < start + 365 * 86_400_000; t += 3_600_000 + 7 * 60_000) expect(zone.offset(t)).toBe(iana.offset(t));
    expect(checked > 0).toBe(!['Asia/Kathmandu', 'America/Sao_Paulo'].includes(name));
  });

  it('asks luxon for instants before 2000, when offsets were not whole quarter hours', () => {
    const iana = IANAZone.create('Africa/Monrovia');
    const zone = cachedZone('Africa/Monrovia');
    // Monrovia kept -00:44:30 until 1972.
    const t = Date.UTC(1960, 5, 1, 12, 0, 0);
    expect(zone.offset(t)).toBe(-44.5);
    expect(zone.offset(t + 20 * 60_000)).toBe(iana.offset(t + 20 * 60_000));
  });

  it("places wall-clock times like luxon's own zone, the skipped and the repeated hour included", () => {
    for (const [year, month, day, hour, minute] of [
      [2026, 3, 8, 2, 30],
      [2026, 11, 1, 1, 30],
      [2026, 7, 15, 9, 0],
    ] as const) {
      const mine = DateTime.fromObject({ year, month, day, hour, minute }, { zone: cachedZone('America/New_York') });
      const theirs = DateTime.fromObject({ year, month, day, hour, minute }, { zone: 'America/New_York' });
      expect(mine.toMillis()).toBe(theirs.toMillis());
      expect(mine.startOf('day').toMillis()).toBe(theirs.startOf('day').toMillis());
      expect(mine.plus({ days: 1 }).toMillis()).toBe(theirs.plus({ days: 1 }).toMillis());
      expect(mine.toISO()).toBe(theirs.toISO());
    }
  });

  it('is the same zone object for the same name, and names itself as luxon does', () => {
    expect(cachedZone('Europe/Lisbon')).toBe(cachedZone('Europe/Lisbon'));
    expect(cachedZone('Europe/Lisbon').name).toBe('Europe/Lisbon');
    expect(cachedZone('Europe/Lisbon').equals(IANAZone.create('Europe/Lisbon'))).toBe(true);
    expect(DateTime.fromMillis(0, { zone: cachedZone('Europe/Lisbon') }).zoneName).toBe('Europe/Lisbon');
  });
});
