import { DynamicModule, Module } from '@nestjs/common';
import { FollowupDispatcher } from './engine/dispatcher';
import { DISPATCHER_OPTIONS, DispatcherOptions } from './engine/dispatcher-options';
import { MessageComposer, TemplateComposer } from './engine/composer';
import { FollowupPlanner } from './engine/planner';
import { OutboundSender } from './engine/outbound-sender';
import { PreviewService } from './engine/preview.service';
import { SchedulerSignals } from './engine/signals';
import { WorkflowDispatcher } from './engine/workflow-dispatcher';
import { WorkflowsService } from './engine/workflows.service';

/**
 * The follow-up engine: planner (scenarios -> rows), dispatch loops (rows -> providers, workflows),
 * preview. Needs Store, Clock, ChannelRegistry and ChannelLinks from the application; the composer can be
 * replaced by providing another MessageComposer.
 */
@Module({})
export class SchedulerModule {
  static register(options: DispatcherOptions): DynamicModule {
    return {
      module: SchedulerModule,
      global: true,
      providers: [
        { provide: DISPATCHER_OPTIONS, useValue: options },
        { provide: MessageComposer, useClass: TemplateComposer },
        SchedulerSignals,
        FollowupPlanner,
        OutboundSender,
        FollowupDispatcher,
        WorkflowDispatcher,
        PreviewService,
        WorkflowsService,
      ],
      exports: [
        WorkflowsService,
        FollowupPlanner,
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
