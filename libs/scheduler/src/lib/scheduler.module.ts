import { DynamicModule, Module } from '@nestjs/common';
import { FollowupDispatcher } from './dispatcher';
import { DISPATCHER_OPTIONS, DispatcherOptions } from '@followup/util';
import { MessageComposer, TemplateComposer } from '@followup/composer';
import { FollowupPlanner } from './planner';
import { OutboundSender } from '@followup/routing';
import { PreviewService } from './preview.service';
import { SchedulerSignals } from '@followup/util';
import { WorkflowDispatcher } from '@followup/workflows';
import { WorkflowsService } from '@followup/workflows';

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
