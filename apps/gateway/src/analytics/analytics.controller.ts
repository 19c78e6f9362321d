import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FollowupAnalyticsDto, FollowupAnalyticsQuery } from '@followup/contracts';
import { AnalyticsService } from '@followup/analytics';
import { CurrentLocation, RequireScope } from '../auth/auth.decorators';

@ApiTags('Analytics')
@ApiBearerAuth()
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  /** Sent, delivered, failed and replied follow-ups per step, channel and day; a reply counts for the last follow-up sent before it. */
  @Get('followups')
  @RequireScope('followups.readonly')
  followups(@CurrentLocation() locationId: string, @Query() query: FollowupAnalyticsQuery): Promise<FollowupAnalyticsDto> {
    return this.analytics.followups(locationId, query);
  }
}
