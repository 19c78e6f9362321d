import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CreateFollowupDto,
  FollowupEnvelopeDto,
  FollowupListDto,
  ListFollowupsQuery,
  PreviewFollowupsDto,
  PreviewResponseDto,
  UpdateFollowupDto,
} from '@followup/contracts';
import { PreviewService } from '@followup/scheduler';
import { FollowupRecordsService } from '@followup/followups';
import { CurrentLocation, RequireScope } from '../auth/auth.decorators';

@ApiTags('Follow-ups')
@ApiBearerAuth()
@Controller('followups')
export class FollowupsController {
  constructor(
    private readonly followups: FollowupRecordsService,
    private readonly previews: PreviewService,
  ) {}

  /** The planned steps of an advancedFollowup action for a start time; nothing is stored. */
  @Post('preview')
  @HttpCode(200)
  @RequireScope('followups.readonly')
  preview(@CurrentLocation() locationId: string, @Body() body: PreviewFollowupsDto): Promise<PreviewResponseDto> {
    return this.previews.preview(locationId, body);
  }

  @Get()
  @RequireScope('followups.readonly')
  list(@CurrentLocation() locationId: string, @Query() query: ListFollowupsQuery): Promise<FollowupListDto> {
    return this.followups.list(locationId, query);
  }

  @Post()
  @RequireScope('followups.write')
  create(@CurrentLocation() locationId: string, @Body() body: CreateFollowupDto): Promise<FollowupEnvelopeDto> {
    return this.followups.create(locationId, body);
  }

  @Get(':id')
  @RequireScope('followups.readonly')
  get(@CurrentLocation() locationId: string, @Param('id') id: string): Promise<FollowupEnvelopeDto> {
    return this.followups.get(locationId, id);
  }

  @Put(':id')
  @RequireScope('followups.write')
  update(@CurrentLocation() locationId: string, @Param('id') id: string, @Body() body: UpdateFollowupDto): Promise<FollowupEnvelopeDto> {
    return this.followups.update(locationId, id, body);
  }
}
