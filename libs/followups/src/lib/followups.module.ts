import { Module } from '@nestjs/common';
import { FollowupConfigsService } from './followup-configs.service';
import { FollowupRecordsService } from './followup-records.service';

/** Follow-up configurations (seed 003) and follow-up records (seed 004). Needs Store and Clock. */
@Module({
  providers: [FollowupConfigsService, FollowupRecordsService],
  exports: [FollowupConfigsService, FollowupRecordsService],
})
export class FollowupsModule {}
