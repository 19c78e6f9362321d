import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  ConversationDto,
  ConversationListDto,
  CreateConversationDto,
  ListConversationsQuery,
  MessageDto,
  RecordMessageDto,
  TimelineDto,
  UpdateConversationDto,
} from '@followup/contracts';
import { ConversationStateService, ConversationsService } from '@followup/conversations';
import { CurrentLocation, RequireScope } from '../auth/auth.decorators';

@ApiTags('Conversations')
@ApiBearerAuth()
@Controller('conversations')
export class ConversationsController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly state: ConversationStateService,
  ) {}

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

  /** Sets the bot's status (active, sleeping until bot_sleep_until, stopped, handed_over), the assignee and the CRM status. */
  @Patch(':id')
  @RequireScope('followups.write')
  update(@CurrentLocation() locationId: string, @Param('id') id: string, @Body() body: UpdateConversationDto): Promise<ConversationDto> {
    return this.state.update(locationId, id, body);
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
