import { ManualClock, SystemClock } from './clock';
import { isUuid, newId } from './ids';
import { isIanaZone } from './timezones';

describe('ManualClock', () => {
  it('moves only when told to', () => {
    const clock = new ManualClock('2026-03-08T06:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-03-08T06:00:00.000Z');
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-03-08T06:01:30.000Z');
    clock.set('2027-01-01T00:00:00Z');
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('returns a copy, so callers cannot move it by mutating the Date', () => {
    const clock = new ManualClock('2026-01-01T00:00:00.000Z');
    clock.now().setFullYear(1999);
    expect(clock.now().getUTCFullYear()).toBe(2026);
  });

  it('SystemClock follows the real time', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
  });
});

describe('ids and zones', () => {
  it('makes distinct UUIDs', () => {
    const a = newId();
    expect(isUuid(a)).toBe(true);
    expect(a).not.toBe(newId());
    expect(isUuid('not-a-uuid')).toBe(false);
  });

  it('knows real IANA zones from look-alikes', () => {
    expect(isIanaZone('America/New_York')).toBe(true);
    expect(isIanaZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isIanaZone('Mars/Olympus_Mons')).toBe(false);
    expect(isIanaZone('')).toBe(false);
  });
});
