import { SocketRateLimiter } from './socket-rate.limiter';

describe('the per-socket message limit', () => {
  it('takes a burst of 5, then one per 60/perMinute seconds, saying how long to wait', () => {
    let now = 0;
    const limiter = new SocketRateLimiter(30, undefined, () => now);
    for (let i = 0; i < 5; i++) expect(limiter.take()).toBe(0);
    expect(limiter.take()).toBe(2000);
    now += 1_000;
    expect(limiter.take()).toBe(1000);
    now += 1_000;
    expect(limiter.take()).toBe(0);
    now += 60_000;
    for (let i = 0; i < 5; i++) expect(limiter.take()).toBe(0);
    expect(limiter.take()).toBeGreaterThan(0);
  });

  it('never bursts past a rate under 5 a minute', () => {
    const limiter = new SocketRateLimiter(2, undefined, () => 0);
    expect([limiter.take(), limiter.take(), limiter.take()]).toEqual([0, 0, 30_000]);
  });
});
