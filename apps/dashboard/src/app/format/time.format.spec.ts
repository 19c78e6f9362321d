import { formatInZone, fromLocalInput, relative, toLocalInput } from './time.format';

describe('times in a zone', () => {
  it('shows an instant in the contact zone', () => {
    expect(formatInZone('2026-06-15T13:00:00Z', 'America/New_York')).toBe('Mon, 15 Jun 2026, 09:00');
    expect(formatInZone('2026-06-15T13:00:00Z', 'Not/AZone')).toBe('Mon, 15 Jun 2026, 13:00');
  });

  it('reads a wall-clock time in a zone back as the instant, across DST', () => {
    expect(fromLocalInput('2026-06-16T09:30', 'America/New_York')?.toISOString()).toBe('2026-06-16T13:30:00.000Z');
    expect(fromLocalInput('2026-01-16T09:30', 'America/New_York')?.toISOString()).toBe('2026-01-16T14:30:00.000Z');
    // 02:30 does not exist on 8 March 2026 in New York: the moment the clocks jump.
    expect(fromLocalInput('2026-03-08T02:30', 'America/New_York')?.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 1 November 2026: the first one.
    expect(fromLocalInput('2026-11-01T01:30', 'America/New_York')?.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(fromLocalInput('tomorrow', 'UTC')).toBeNull();
    expect(toLocalInput('2026-06-16T13:30:00.000Z', 'America/New_York')).toBe('2026-06-16T09:30');
  });

  it('says how far away an instant is', () => {
    const now = new Date('2026-06-15T12:00:00Z');
    expect(relative('2026-06-15T14:00:00Z', now)).toBe('in 2 h');
    expect(relative('2026-06-12T12:00:00Z', now)).toBe('3 d ago');
  });
});
