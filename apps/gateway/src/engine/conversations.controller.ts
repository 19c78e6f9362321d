import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  ConversationDto,
  ConversationListDto,
  CreateConversationDto,
  ListConversationsQuery,
  MessageDto,
  RecordMessageDto,
  TimelineDto,
} from '@followup/contracts';
import { ConversationsService } from '@followup/conversations';
import { CurrentLocation, RequireScope } from '../auth/auth.decorators';

@ApiTags('Conversations')
@ApiBearerAuth()
@Controller('conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Post()
  @RequireScope('followups.write')
  create(@CurrentLocation() locationId: string, @Body() body: CreateConversationDto): Promise<ConversationDto> {
    return this.conversations.create(locationId, body);
  }

  @Get()
  @RequireScope('followups.readonly')
  list(@CurrentLocation() locationId: string, @Query() query: ListConversationsQuery): Promise<ConversationListDto> {
    return this.conversations.list(locationId, query);
  }

  @Get(':id')
  @RequireScope('followups.readonly')
  get(@CurrentLocation() locationId: string, @Param('id') id: string): Promise<ConversationDto> {
    return this.conversations.get(locationId, id);
  }

  /** Records a message; an inbound one cancels pending follow-ups and may start busy/requested. */
  @Post(':id/messages')
  @RequireScope('followups.write')
  record(@CurrentLocation() locationId: string, @Param('id') id: string, @Body() body: RecordMessageDto): Promise<MessageDto> {
    return this.conversations.record(locationId, id, body);
  }

  /** Messages and follow-ups (past and pending) in order, with the reason for each follow-up's state. */
  @Get(':id/timeline')
  @RequireScope('followups.readonly')
  timeline(@CurrentLocation() locationId: string, @Param('id') id: string): Promise<TimelineDto> {
    return this.conversations.timeline(locationId, id);
  }
}
