import { ConnectionPacer } from './connection-pacer';

const T0 = new Date('2026-06-15T13:00:00.000Z').getTime();
const at = (ms: number) => new Date(T0 + ms);
const offsets = (slots: (Date | null)[], now = 0) => slots.map((d) => (d ? d.getTime() - T0 : now));

describe('pacing sends per connection', () => {
  it('at 1 per second: one now, then one a second, in order', () => {
    const pacer = new ConnectionPacer();
    expect(offsets(Array.from({ length: 5 }, () => pacer.take('k', 1, at(0))))).toEqual([0, 1000, 2000, 3000, 4000]);
  });

  it('a row coming back due at its slot holds its token: new rows queue after the booked ones', () => {
    const pacer = new ConnectionPacer();
    [0, 1, 2].forEach(() => pacer.take('k', 1, at(0)));
    expect(offsets([pacer.take('k', 1, at(1000))], 1000)).toEqual([3000]);
  });

  it('at 80 per second: a second’s worth goes at once, then one every 12.5 ms (rounded up to the millisecond)', () => {
    const pacer = new ConnectionPacer();
    const slots = offsets(Array.from({ length: 82 }, () => pacer.take('k', 80, at(0))));
    expect(slots.slice(0, 80).every((s) => s === 0)).toBe(true);
    expect(slots.slice(80)).toEqual([13, 25]);
  });

  it('refills with time: after a quiet second, a full second’s worth again', () => {
    const pacer = new ConnectionPacer();
    [0, 1].forEach(() => pacer.take('k', 2, at(0)));
    expect(offsets([pacer.take('k', 2, at(1000)), pacer.take('k', 2, at(1000)), pacer.take('k', 2, at(1000))], 1000)).toEqual([
      1000, 1000, 1500,
    ]);
  });

  it('paces each connection on its own', () => {
    const pacer = new ConnectionPacer();
    pacer.take('a', 1, at(0));
    expect(pacer.take('b', 1, at(0))).toBeNull();
    expect(offsets([pacer.take('a', 1, at(0))])).toEqual([1000]);
  });

  it('backs off one connection when its provider says so, and only that one', () => {
    const pacer = new ConnectionPacer();
    pacer.backOff('a', at(30_000));
    expect(offsets([pacer.take('a', 10, at(0))])).toEqual([30_000]);
    expect(pacer.take('b', 10, at(0))).toBeNull();
  });
});
