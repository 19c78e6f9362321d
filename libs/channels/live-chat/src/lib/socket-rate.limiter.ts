/** Bursts a socket may send at once before the per-minute rate applies. */
export const BURST = 5;

/**
 * One socket's messages: a token bucket holding `burst` tokens, refilled at `perMinute` a minute.
 * `take` answers 0 when a message may go now, else how many milliseconds until one may.
 */
export class SocketRateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perMinute: number,
    private readonly burst = Math.min(BURST, perMinute),
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = this.burst;
    this.last = this.now();
  }

  take(): number {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.perMinute) / 60_000);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) * 60_000) / this.perMinute);
  }
}
