import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AgentsModule } from '@followup/agents';
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
import { VoiceAgentsController } from '../voice-ai/voice-agents.controller';

export interface AppDependencies {
  store: Store;
  clock: Clock;
}

/** Makes the clock injectable everywhere (tests pass a ManualClock). */
@Global()
@Module({})
class ClockModule {
  static register(clock: Clock): DynamicModule {
    return { module: ClockModule, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}

/** The composition root: feature libraries, their controllers, and the global auth guard. */
@Module({})
export class AppModule {
  static register(deps: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ClockModule.register(deps.clock),
        PersistenceModule.forStore(deps.store),
        TerminusModule.forRoot({ logger: false }),
        TenancyModule,
        AgentsModule,
        FollowupsModule,
      ],
      controllers: [
        HealthController,
        ConversationAgentsController,
        ActionsController,
        VoiceAgentsController,
        FollowupConfigsController,
        FollowupsController,
      ],
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
