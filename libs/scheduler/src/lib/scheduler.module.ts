import { DynamicModule, Module } from '@nestjs/common';
import { FollowupDispatcher } from './dispatcher';
import { DISPATCHER_OPTIONS, DispatcherOptions } from '@followup/util';
import { AiComposerConfig, MessageComposer, composerFor } from '@followup/composer';
import { FollowupPlanner } from './planner';
import { ConfigPlanner } from './config-planner';
import { OutboundSender } from '@followup/routing';
import { PreviewService } from './preview.service';
import { SchedulerSignals } from '@followup/util';
import { WorkflowDispatcher } from '@followup/workflows';
import { WorkflowsService } from '@followup/workflows';

/**
 * The follow-up engine: planner (scenarios -> rows), dispatch loops (rows -> providers, workflows),
 * preview. Needs Store, Clock, ChannelRegistry and ChannelLinks from the application; the composer is
 * the AI one when an endpoint is configured (composerFor), else custom messages only.
 */
@Module({})
export class SchedulerModule {
  /** `ai`: an OpenAI-compatible endpoint for AI-written steps (none: they are held, or send their customMessage). */
  static register(options: DispatcherOptions, ai?: AiComposerConfig): DynamicModule {
    return {
      module: SchedulerModule,
      global: true,
      providers: [
        { provide: DISPATCHER_OPTIONS, useValue: options },
        { provide: MessageComposer, useValue: composerFor(ai) },
        SchedulerSignals,
        FollowupPlanner,
        ConfigPlanner,
        OutboundSender,
        FollowupDispatcher,
        WorkflowDispatcher,
        PreviewService,
        WorkflowsService,
      ],
      exports: [
        WorkflowsService,
        FollowupPlanner,
        ConfigPlanner,
        OutboundSender,
        FollowupDispatcher,
        WorkflowDispatcher,
        PreviewService,
        SchedulerSignals,
        MessageComposer,
      ],
    };
  }
}
