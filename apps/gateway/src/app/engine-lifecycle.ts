import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { FollowupDispatcher, WorkflowDispatcher } from '@followup/scheduler';

/**
 * Starts the dispatch loops with the application and stops them before the store closes: no new
 * claims, in-flight sends finished and recorded, unstarted claims given back.
 */
@Injectable()
export class EngineLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly followups: FollowupDispatcher,
    private readonly workflows: WorkflowDispatcher,
  ) {}

  onApplicationBootstrap(): void {
    this.followups.start();
    this.workflows.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.followups.stop(), this.workflows.stop()]);
  }
}
