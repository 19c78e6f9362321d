/**
 * A FIFO async lock: `run` waits for every earlier holder to finish, then runs `work`.
 * Used where one connection must never interleave two units of work (the SQLite store).
 */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
