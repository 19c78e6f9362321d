import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ConversationAgentDto,
  CreateConversationAgentDto,
  DeleteConversationAgentResponseDto,
  SearchConversationAgentsQuery,
  SearchConversationAgentsResponseDto,
  UpdateConversationAgentDto,
} from '@followup/contracts';
import { ConversationAgentsService } from '@followup/agents';
import { CurrentLocation, RequireScope } from '../auth/auth.decorators';
import { HighLevelApi } from './highlevel-api.decorator';

@HighLevelApi('Conversation AI agents')
@Controller('conversation-ai/agents')
export class ConversationAgentsController {
  constructor(private readonly agents: ConversationAgentsService) {}

  @Post()
  @RequireScope('conversation-ai.write')
  create(@CurrentLocation() locationId: string, @Body() body: CreateConversationAgentDto): Promise<ConversationAgentDto> {
    return this.agents.create(locationId, body);
  }

  @Get('search')
  @RequireScope('conversation-ai.readonly')
  search(
    @CurrentLocation() locationId: string,
    @Query() query: SearchConversationAgentsQuery,
  ): Promise<SearchConversationAgentsResponseDto> {
    return this.agents.search(locationId, query);
  }

  @Get(':agentId')
  @RequireScope('conversation-ai.readonly')
  get(@CurrentLocation() locationId: string, @Param('agentId') agentId: string): Promise<ConversationAgentDto> {
    return this.agents.get(locationId, agentId);
  }

  @Put(':agentId')
  @RequireScope('conversation-ai.write')
  update(
    @CurrentLocation() locationId: string,
    @Param('agentId') agentId: string,
    @Body() body: UpdateConversationAgentDto,
  ): Promise<ConversationAgentDto> {
    return this.agents.update(locationId, agentId, body);
  }

  @Delete(':agentId')
  @HttpCode(200)
  @RequireScope('conversation-ai.write')
  delete(@CurrentLocation() locationId: string, @Param('agentId') agentId: string): Promise<DeleteConversationAgentResponseDto> {
    return this.agents.delete(locationId, agentId);
  }
}
