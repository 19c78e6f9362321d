/**
 * Read-mostly rows kept per process for the paths every webhook takes (an agent, its scenario
 * actions, a channel connection). Entries live `ttlMs` at most, so a replica sees another's change
 * within that time; this process's own writes clear the cache at once and again when their
 * transaction ends. A load that started before a clear never stores its (maybe older) answer.
 */
export class ReadCache {
  private readonly entries = new Map<string, { until: number; value: Promise<unknown> }>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 10_000,
  ) {}

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value as Promise<T>;
    const generation = this.generation;
    const value = load();
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { until: now + this.ttlMs, value });
    value.then(
      () => {
        if (generation !== this.generation) this.forget(key, value);
      },
      () => this.forget(key, value),
    );
    return value;
  }

  /** Drops everything (any write to what is cached: they are rare next to the reads). */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  private forget(key: string, value: Promise<unknown>): void {
    if (this.entries.get(key)?.value === value) this.entries.delete(key);
  }
}
