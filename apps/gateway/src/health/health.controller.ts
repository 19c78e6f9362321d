import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Store } from '@followup/persistence';
import { Public } from '../auth/auth.decorators';

@ApiTags('Health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly store: Store,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  alive(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the store answers and every migration is applied (503 otherwise). */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      async () => {
        const indicator = this.indicators.check('store');
        const state = await this.store.ready();
        const details = {
          engine: this.store.engine,
          reachable: state.reachable,
          migrations: state.pendingMigrations ? 'pending' : 'applied',
        };
        return state.reachable && !state.pendingMigrations ? indicator.up(details) : indicator.down({ ...details, error: state.error });
      },
    ]);
  }
}
