import { Body, Controller, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsISO8601, IsInt, Max, Min } from 'class-validator';
import { Optional } from '@followup/contracts';
import { FollowupDispatcher } from '@followup/scheduler';
import { WorkflowDispatcher } from '@followup/workflows';
import { Clock, ManualClock } from '@followup/util';
import { Public } from '../auth/auth.decorators';
import { VisitorPresence } from '../live-chat/visitor-presence.tracker';

export class MoveClockDto {
  @Optional() @IsInt() @Min(0) @Max(400 * 86_400_000) advance_ms?: number;
  @Optional() @IsISO8601({ strict: true }) set?: string;
}

/**
 * Tests only (TEST_CLOCK=manual): moves the gateway's clock, marks the live chat visitors with a
 * socket open in this process seen at the new time (as their 30-second refresh would have), then
 * dispatches every follow-up and workflow delivery now due and answers once they are recorded. No
 * route exists otherwise.
 */
@ApiExcludeController()
@Public()
@Controller('test/clock')
export class TestClockController {
  constructor(
    private readonly clock: Clock,
    private readonly followups: FollowupDispatcher,
    private readonly workflows: WorkflowDispatcher,
    private readonly presence: VisitorPresence,
  ) {}

  @Post()
  async move(@Body() body: MoveClockDto): Promise<{ now: string; dispatched: number; delivered: number }> {
    const clock = this.clock as ManualClock;
    if (body.set) clock.set(body.set);
    if (body.advance_ms) clock.advance(body.advance_ms);
    // Time passed for the open chat sockets too: they vouched for their visitors all along.
    await this.presence.refresh();
    const dispatched = await this.followups.dispatchDue();
    const delivered = await this.workflows.deliverDue();
    return { now: clock.now().toISOString(), dispatched, delivered };
  }
}
