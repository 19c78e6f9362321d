import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { ChannelRegistry } from '@followup/channels-core';
import { FollowupDispatcher } from '@followup/scheduler';
import { WorkflowDispatcher } from '@followup/workflows';

/**
 * Starts the dispatch loops once the gateway listens (its public URL is known then: status
 * callbacks and unsubscribe links need it) and stops them before the store closes: no new
 * claims, in-flight sends finished and recorded, unstarted claims given back; then the channel
 * plugins close what they hold (SMTP pools).
 */
@Injectable()
export class EngineLifecycle implements BeforeApplicationShutdown {
  constructor(
    private readonly followups: FollowupDispatcher,
    private readonly workflows: WorkflowDispatcher,
    private readonly registry: ChannelRegistry,
  ) {}

  start(): void {
    this.followups.start();
    this.workflows.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.followups.stop(), this.workflows.stop()]);
    await this.registry.close();
  }
}
