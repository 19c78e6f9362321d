import { SendPacer, TokenBucket } from './token-bucket.pacer';

describe('TokenBucket', () => {
  it('spaces reservations 1/rate apart, in the order they came, and waits for nothing after a quiet spell', () => {
    const bucket = new TokenBucket(4);
    expect([0, 0, 0, 0].map((t) => bucket.reserve(t))).toEqual([0, 250, 500, 750]);
    expect(bucket.reserve(600)).toBe(400); // the next free token is at 1000
    expect(bucket.reserve(10_000)).toBe(0); // a quiet spell does not fill the bucket for a burst
    expect(bucket.reserve(10_000)).toBe(250);
  });

  it('takes a new rate from the next reservation on, and refuses a rate that is not above 0', () => {
    const bucket = new TokenBucket(1);
    expect(bucket.reserve(0)).toBe(0);
    bucket.setRate(10);
    expect(bucket.reserve(0)).toBe(1000);
    expect(bucket.reserve(0)).toBe(1100);
    expect(() => new TokenBucket(0)).toThrow(/above 0/);
    expect(() => bucket.setRate(-1)).toThrow(/above 0/);
  });

  it('never lets more than `rate` sends into any one-second window, whatever the arrivals', () => {
    const rate = 80;
    const bucket = new TokenBucket(rate);
    let seed = 7;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const sends: number[] = [];
    let now = 0;
    for (let i = 0; i < 2_000; i++) {
      now += random() < 0.2 ? random() * 3_000 : random() * 5; // bursts and quiet spells
      sends.push(now + bucket.reserve(now));
    }
    sends.sort((a, b) => a - b);
    let start = 0;
    for (let end = 0; end < sends.length; end++) {
      while ((sends[end] as number) - (sends[start] as number) >= 1000) start++;
      expect(end - start + 1).toBeLessThanOrEqual(rate);
    }
  });
});

describe('SendPacer', () => {
  it('keeps one bucket per connection and sleeps for the reserved wait', async () => {
    const waits: string[] = [];
    let now = 0;
    const pacer = new SendPacer({ now: () => now, sleep: async (ms) => void waits.push(`${ms}`) });
    await pacer.wait('a', 2);
    await pacer.wait('a', 2);
    await pacer.wait('b', 2);
    await pacer.wait('a', 2);
    now = 5_000;
    await pacer.wait('a', 2);
    expect(waits).toEqual(['500', '1000']);
  });

  it('paces real time: 6 sends at 20 per second take at least 250 ms', async () => {
    const pacer = new SendPacer();
    const started = Date.now();
    await Promise.all(Array.from({ length: 6 }, () => pacer.wait('k', 20)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(245);
  });
});
