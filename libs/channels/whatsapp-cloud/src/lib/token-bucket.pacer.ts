/**
 * A token bucket that holds one token: a new token every `1 / rate` seconds, and a caller that
 * finds none reserves the next one and waits for it. Sends are therefore spaced `1000 / rate` ms
 * apart at most as fast, in the order they asked, so no one-second window ever holds more than
 * `rate` of them (a fuller bucket would let a burst through after a quiet spell).
 */
export class TokenBucket {
  /** When the next token is free (epoch ms); tokens reserved by waiting callers push it forward. */
  private nextFreeAt = Number.NEGATIVE_INFINITY;

  constructor(private rate: number) {
    if (!(rate > 0)) throw new Error(`a token bucket needs a rate above 0, not ${rate}`);
  }

  get perSecond(): number {
    return this.rate;
  }

  /** Changes the rate from the next reservation on. */
  setRate(rate: number): void {
    if (!(rate > 0)) throw new Error(`a token bucket needs a rate above 0, not ${rate}`);
    this.rate = rate;
  }

  /** Reserves the next token and says how long to wait for it (0: now). */
  reserve(now: number): number {
    const at = Math.max(now, this.nextFreeAt);
    this.nextFreeAt = at + 1000 / this.rate;
    return at - now;
  }
}

export interface PacerOptions {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One token bucket per key (a connection: Meta's throughput limit is per phone number). */
export class SendPacer {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: PacerOptions = {}) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? sleep;
  }

  /** Resolves when `key` may send its next message at `perSecond`. */
  async wait(key: string, perSecond: number): Promise<void> {
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new TokenBucket(perSecond)));
    else if (bucket.perSecond !== perSecond) bucket.setRate(perSecond);
    const delay = bucket.reserve(this.now());
    if (delay > 0) await this.sleep(Math.ceil(delay));
  }
}
