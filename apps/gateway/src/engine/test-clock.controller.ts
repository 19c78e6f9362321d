import { Body, Controller, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsISO8601, IsInt, Max, Min } from 'class-validator';
import { Optional } from '@followup/contracts';
import { FollowupDispatcher } from '@followup/scheduler';
import { WorkflowDispatcher } from '@followup/workflows';
import { Clock, ManualClock } from '@followup/util';
import { Public } from '../auth/auth.decorators';

export class MoveClockDto {
  @Optional() @IsInt() @Min(0) @Max(400 * 86_400_000) advance_ms?: number;
  @Optional() @IsISO8601({ strict: true }) set?: string;
}

/**
 * Tests only (TEST_CLOCK=manual): moves the gateway's clock, then dispatches every follow-up and
 * workflow delivery now due and answers once they are recorded. No route exists otherwise.
 */
@ApiExcludeController()
@Public()
@Controller('test/clock')
export class TestClockController {
  constructor(
    private readonly clock: Clock,
    private readonly followups: FollowupDispatcher,
    private readonly workflows: WorkflowDispatcher,
  ) {}

  @Post()
  async move(@Body() body: MoveClockDto): Promise<{ now: string; dispatched: number; delivered: number }> {
    const clock = this.clock as ManualClock;
    if (body.set) clock.set(body.set);
    if (body.advance_ms) clock.advance(body.advance_ms);
    const dispatched = await this.followups.dispatchDue();
    const delivered = await this.workflows.deliverDue();
    return { now: clock.now().toISOString(), dispatched, delivered };
  }
}
