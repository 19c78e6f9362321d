import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AgentsModule } from '@followup/agents';
import type { AiComposerConfig } from '@followup/composer';
import { FollowupsModule } from '@followup/followups';
import { PersistenceModule, Store } from '@followup/persistence';
import { TenancyModule } from '@followup/tenancy';
import { Clock } from '@followup/util';
import { AuthGuard } from '../auth/auth.guard';
import { ActionsController } from '../conversation-ai/actions.controller';
import { ConversationAgentsController } from '../conversation-ai/agents.controller';
import { FollowupConfigsController } from '../followups/followup-configs.controller';
import { FollowupsController } from '../followups/followups.controller';
import { HealthController } from '../health/health.controller';
import { MetricsController } from '../health/metrics.controller';
import { DetectController } from '../engine/detect.controller';
import { GatewayMetrics } from '@followup/metrics';
import { VoiceAgentsController } from '../voice-ai/voice-agents.controller';
import { ChannelConnectionsModule } from '@followup/channels-connections';
import { ChannelLinks, ChannelRegistry } from '@followup/channels-core';
import { ConversationsModule } from '@followup/conversations';
import { SchedulerModule } from '@followup/scheduler';
import { DispatcherOptions } from '@followup/util';
import { ChannelsController } from '../channels/channels.controller';
import { UnsubscribeController } from '../channels/unsubscribe.controller';
import { WebhooksController } from '../channels/webhooks.controller';
import { ContactsController } from '../engine/contacts.controller';
import { ConversationsController } from '../engine/conversations.controller';
import { TestClockController } from '../engine/test-clock.controller';
import { WorkflowsController } from '../engine/workflows.controller';
import { ChatTypingController } from '../live-chat/chat-typing.controller';
import { LiveChatGateway } from '../live-chat/live-chat.gateway';
import { VisitorPresence } from '../live-chat/visitor-presence.tracker';
import { WidgetController } from '../live-chat/widget.controller';
import { channelRegistry } from './channel-plugins';
import { EngineLifecycle } from './engine-lifecycle';
import { AnalyticsModule } from '@followup/analytics';
import { AnalyticsController } from '../analytics/analytics.controller';
import { DashboardController } from '../dashboard/dashboard.controller';
import { DASHBOARD_FILES, DashboardFiles } from '../dashboard/dashboard-files';
import { TokensController } from '../tenancy/tokens.controller';
import { join } from 'node:path';

export interface AppDependencies {
  store: Store;
  clock: Clock;
  /** Public links (webhook bases, unsubscribe links); its base is set once the gateway listens. */
  links: ChannelLinks;
  dispatch: DispatcherOptions;
  /** This process's Prometheus metrics (GET /metrics). */
  metrics: GatewayMetrics;
  /** Live chat across processes through Redis (else PostgreSQL's NOTIFY; nothing on SQLite). */
  redisUrl?: string;
  /** Tests only: expose POST /test/clock (the clock must be a ManualClock). */
  testClock?: boolean;
  /**
   * The endpoint that writes AI follow-ups (AI_BASE_URL...), for the scheduler's composer
   * (`composerFor(deps.ai)` from libs/composer); unset: AI-written steps are held.
   */
  ai?: AiComposerConfig;
  /** The dashboard's built files, served at /ui. */
  dashboard?: DashboardFiles;
}

/** The clock, the channel registry and the public links, injectable everywhere (tests pass a ManualClock). */
@Global()
@Module({})
class RuntimeModule {
  static register(clock: Clock, links: ChannelLinks, metrics: GatewayMetrics): DynamicModule {
    const providers = [
      { provide: Clock, useValue: clock },
      { provide: ChannelLinks, useValue: links },
      { provide: GatewayMetrics, useValue: metrics },
      { provide: ChannelRegistry, useFactory: channelRegistry },
    ];
    return { module: RuntimeModule, providers, exports: [Clock, ChannelRegistry, ChannelLinks, GatewayMetrics] };
  }
}

/** The composition root: feature libraries, their controllers, and the global auth guard. */
@Module({})
export class AppModule {
  static register(deps: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        RuntimeModule.register(deps.clock, deps.links, deps.metrics),
        PersistenceModule.forStore(deps.store),
        SchedulerModule.register(deps.dispatch, deps.ai),
        TerminusModule.forRoot({ logger: false }),
        TenancyModule,
        AgentsModule,
        FollowupsModule,
        ConversationsModule,
        ChannelConnectionsModule,
        AnalyticsModule,
      ],
      controllers: [
        HealthController,
        MetricsController,
        DetectController,
        ConversationAgentsController,
        ActionsController,
        VoiceAgentsController,
        FollowupConfigsController,
        FollowupsController,
        ContactsController,
        ConversationsController,
        WorkflowsController,
        ChannelsController,
        WebhooksController,
        UnsubscribeController,
        AnalyticsController,
        TokensController,
        DashboardController,
        WidgetController,
        ChatTypingController,
        ...(deps.testClock ? [TestClockController] : []),
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        EngineLifecycle,
        LiveChatGateway,
        VisitorPresence,
        // Beside the gateway's bundle (dist/apps/gateway): dist/apps/dashboard.
        { provide: DASHBOARD_FILES, useValue: deps.dashboard ?? new DashboardFiles(join(__dirname, '../dashboard')) },
      ],
    };
  }
}
