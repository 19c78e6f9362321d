import { Module } from '@nestjs/common';
import { AnalyticsService } from './analytics.service';

/** Follow-up analytics (`GET /analytics/followups`). Needs Store and Clock. */
@Module({ providers: [AnalyticsService], exports: [AnalyticsService] })
export class AnalyticsModule {}
