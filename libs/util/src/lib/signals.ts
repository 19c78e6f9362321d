import { Injectable } from '@nestjs/common';

/** In-process notice that a follow-up was scheduled, so a sleeping dispatcher can wake early. */
@Injectable()
export class SchedulerSignals {
  private readonly listeners = new Set<(dueAt: Date) => void>();

  onScheduled(listener: (dueAt: Date) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  scheduled(dueAt: Date): void {
    for (const listener of this.listeners) listener(dueAt);
  }
}
