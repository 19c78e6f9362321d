/**
 * Group commit: units of work submitted while a transaction is running wait, and the next
 * transaction runs them all, one after another, then commits once. Each caller is answered when
 * the transaction holding its unit has committed (durable before the answer), or with its own
 * error. A unit that fails rolls its whole group back; the others run again without it and the
 * failing unit runs alone, so one caller's error never becomes another's. A unit may therefore run
 * more than once: it must read what it changes inside itself and touch nothing but the database
 * before it returns (after-commit callbacks are the place for anything else).
 *
 * Lanes (`interleave`, PostgreSQL): a unit submitted with a lane may run interleaved with the units
 * of other lanes in its group, on the group's one connection, so that their statements travel
 * together (the connection pipelines what is issued at once: one round trip for all the units
 * waiting on the database instead of one per statement). Units of one lane run in the order they
 * came, and a unit without a lane runs alone, between the others. A lane names what a unit reads and
 * writes (a webhook's sender): units of different lanes must not depend on each other's writes.
 * A lane's kind, the text before its first ':', says how it names that (a webhook's sender by its
 * address, an API call's contact by its id): two kinds may name one contact differently, so only
 * units whose lanes are of one kind run side by side; a change of kind starts a new segment. If
 * an interleaved run fails, the group rolls back and runs again one unit after another, as without
 * lanes, so the failure is the failing unit's alone.
 */
interface Unit<R, T> {
  work: (context: R) => Promise<T>;
  lane?: string;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

interface Done<R> {
  unit: Unit<R, unknown>;
  value: unknown;
  context: R;
}

/** Thrown inside a group to stop it at the unit that failed (the transaction then rolls back). */
class UnitFailed extends Error {
  constructor(
    readonly index: number,
    readonly error: unknown,
  ) {
    super('a unit of work in the group failed');
  }
}

export interface GroupCommitOptions<R> {
  /** Opens a transaction and runs `body` in it with a fresh context per unit; commits when `body` resolves. */
  begin: (body: (context: () => R) => Promise<void>) => Promise<void>;
  /** Runs the unit's after-commit callbacks. */
  committed: (context: R) => void;
  /** Groups running at once (SQLite: 1, its single connection; PostgreSQL: a share of the pool). */
  concurrency: number;
  /** Most units in one group. */
  maxGroup: number;
  /** Run the units of different lanes interleaved (see the file comment); false: one after another. */
  interleave?: boolean;
}

export class GroupCommitter<R> {
  private readonly waiting: Unit<R, unknown>[] = [];
  private running = 0;
  private scheduled = false;

  constructor(private readonly options: GroupCommitOptions<R>) {}

  /** `lane`: what the unit touches, for running it interleaved with other lanes' units (see the file comment). */
  submit<T>(work: (context: R) => Promise<T>, lane?: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, lane, resolve, reject } as Unit<R, unknown>);
      // A group starts after the I/O callbacks of this turn of the event loop (setImmediate), so the
      // requests that arrived together reach the queue first and commit together.
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  private pump(): void {
    while (this.running < this.options.concurrency && this.waiting.length) {
      const group = this.waiting.splice(0, this.options.maxGroup);
      this.running++;
      void this.runGroup(group).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  /**
   * Runs a group; on a unit's failure, the units before it again, the failing one alone, then the
   * rest. An interleaved run that fails runs again with its units one after another.
   */
  private async runGroup(group: Unit<R, unknown>[], interleave = this.options.interleave === true): Promise<void> {
    let rest = group;
    while (rest.length) {
      const outcome = interleave ? await this.attemptInterleaved(rest) : await this.attempt(rest);
      if (!outcome.ok && 'interleaved' in outcome) {
        interleave = false;
        continue;
      }
      if (outcome.ok) {
        for (const done of outcome.done) this.options.committed(done.context);
        for (const done of outcome.done) done.unit.resolve(done.value);
        return;
      }
      if (outcome.index === undefined) {
        for (const unit of rest) unit.reject(outcome.error); // the commit itself failed: nothing was written
        return;
      }
      const before = rest.slice(0, outcome.index);
      const failed = rest[outcome.index] as Unit<R, unknown>;
      if (before.length) await this.runGroup(before, false);
      if (before.length || rest.length > 1) await this.runGroup([failed], false);
      else failed.reject(outcome.error); // alone, it failed: that is its answer
      rest = rest.slice(outcome.index + 1);
    }
  }

  private async attempt(units: Unit<R, unknown>[]): Promise<{ ok: true; done: Done<R>[] } | { ok: false; index?: number; error: unknown }> {
    const done: Done<R>[] = [];
    try {
      await this.options.begin(async (context) => {
        for (let index = 0; index < units.length; index++) {
          const unit = units[index] as Unit<R, unknown>;
          const ctx = context();
          try {
            done.push({ unit, value: await unit.work(ctx), context: ctx });
          } catch (error) {
            throw new UnitFailed(index, error);
          }
        }
      });
      return { ok: true, done };
    } catch (error) {
      if (error instanceof UnitFailed) return { ok: false, index: error.index, error: error.error };
      return { ok: false, error };
    }
  }

  /**
   * The units in one transaction, each lane's in order and the lanes side by side; a unit without a
   * lane alone, after what came before it and before what comes after. Any failure: `interleaved`,
   * and the group runs again without lanes (the failing unit is not known: its statement may have
   * been refused as the other units' were, once the transaction was aborted).
   */
  private async attemptInterleaved(
    units: Unit<R, unknown>[],
  ): Promise<{ ok: true; done: Done<R>[] } | { ok: false; interleaved: true } | { ok: false; index?: undefined; error: unknown }> {
    const done: Done<R>[] = new Array(units.length);
    let unitFailed = false;
    try {
      await this.options.begin(async (context) => {
        const run = async (index: number) => {
          const unit = units[index] as Unit<R, unknown>;
          const ctx = context();
          done[index] = { unit, value: await unit.work(ctx), context: ctx };
        };
        for (const segment of segments(units)) {
          const lanes = new Map<string, number[]>();
          for (const index of segment) {
            const lane = units[index]?.lane as string;
            lanes.set(lane, [...(lanes.get(lane) ?? []), index]);
          }
          const settled = await Promise.allSettled(
            [...lanes.values()].map(async (indexes) => {
              for (const index of indexes) await run(index);
            }),
          );
          const failed = settled.find((s) => s.status === 'rejected');
          if (failed) {
            unitFailed = true;
            throw (failed as PromiseRejectedResult).reason;
          }
        }
      });
      return { ok: true, done };
    } catch (error) {
      return unitFailed ? { ok: false, interleaved: true } : { ok: false, error };
    }
  }
}

/**
 * Indexes of units that may run side by side: a run of units whose lanes are of one kind, or one
 * without a lane alone.
 */
function segments(units: { lane?: string }[]): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  let kind: string | undefined;
  units.forEach((unit, index) => {
    const unitKind = unit.lane === undefined ? undefined : unit.lane.slice(0, Math.max(0, unit.lane.indexOf(':')));
    if (unitKind === undefined || unitKind !== kind) {
      if (current.length) out.push(current);
      current = [];
    }
    kind = unitKind;
    if (unitKind === undefined) out.push([index]);
    else current.push(index);
  });
  if (current.length) out.push(current);
  return out;
}
