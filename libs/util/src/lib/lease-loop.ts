import { Logger } from '@nestjs/common';
import type { Clock } from './clock';
import type { SchedulerSignals } from './signals';

/** What a lease loop drives: one round of claiming work, and when the next work falls due. */
export interface LoopWork {
  /** Claims (and starts) what is due now; true when it found work, so the loop goes again at once. */
  tick(): Promise<boolean>;
  /** When the next work falls due, to sleep until then (null: nothing scheduled). */
  nextDueAt(): Promise<Date | null>;
}

/**
 * The loop every store-as-queue worker runs (follow-ups, workflow deliveries): tick while there is
 * work; otherwise sleep until the next due time (at most `idleMaxMs`, so other replicas' rows are
 * seen), woken early when something due sooner is scheduled in this process. An error is logged and
 * the loop goes on after a second; the rows it held keep their lease and are recovered when it expires.
 */
export class LeaseLoop {
  private readonly log: Logger;
  private stopping = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private sleepingUntil = Number.POSITIVE_INFINITY;
  private unsubscribe?: () => void;

  constructor(
    name: string,
    private readonly work: LoopWork,
    private readonly clock: Clock,
    private readonly signals: SchedulerSignals,
    private readonly idleMaxMs: number,
  ) {
    this.log = new Logger(name);
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.unsubscribe = this.signals.onScheduled((dueAt) => {
      if (dueAt.getTime() < this.sleepingUntil) this.wake();
    });
    this.loop = this.run();
  }

  /** Stops after the current tick. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.wake();
    await this.loop;
    this.loop = undefined;
  }

  /** Wakes a sleeping loop (e.g. after the clock was moved). */
  wake(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        if (await this.work.tick()) continue;
        await this.sleepUntilNextDue();
      } catch (error) {
        this.log.error(`${error instanceof Error ? error.message : String(error)}`);
        await this.sleep(1_000);
      }
    }
  }

  private async sleepUntilNextDue(): Promise<void> {
    const next = await this.work.nextDueAt();
    const now = this.clock.now().getTime();
    const wait = next ? Math.min(Math.max(next.getTime() - now, 0), this.idleMaxMs) : this.idleMaxMs;
    if (wait <= 0 || this.stopping) return;
    this.sleepingUntil = now + wait;
    await this.sleep(wait);
    this.sleepingUntil = Number.POSITIVE_INFINITY;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }
}
