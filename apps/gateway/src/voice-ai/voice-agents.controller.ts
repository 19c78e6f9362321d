import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  CreateVoiceAgentDto,
  ListVoiceAgentsQuery,
  PatchVoiceAgentDto,
  VoiceAgentDto,
  VoiceAgentListDto,
  VoiceLocationQuery,
} from '@followup/contracts';
import { VoiceAgentsService } from '@followup/agents';
import { CurrentLocation, RequireScope } from '../auth/auth.decorators';
import { HighLevelApi } from '../conversation-ai/highlevel-api.decorator';

@HighLevelApi('Voice AI agents')
@Controller('voice-ai/agents')
export class VoiceAgentsController {
  constructor(private readonly agents: VoiceAgentsService) {}

  @Post()
  @RequireScope('voice-ai-agents.write')
  create(@CurrentLocation() locationId: string, @Body() body: CreateVoiceAgentDto): Promise<VoiceAgentDto> {
    return this.agents.create(locationId, body);
  }

  @Get()
  @RequireScope('voice-ai-agents.readonly')
  list(@CurrentLocation() locationId: string, @Query() query: ListVoiceAgentsQuery): Promise<VoiceAgentListDto> {
    return this.agents.list(locationId, query);
  }

  @Get(':agentId')
  @RequireScope('voice-ai-agents.readonly')
  get(
    @CurrentLocation() locationId: string,
    @Param('agentId') agentId: string,
    @Query() query: VoiceLocationQuery,
  ): Promise<VoiceAgentDto> {
    return this.agents.get(locationId, agentId, query.locationId);
  }

  @Patch(':agentId')
  @RequireScope('voice-ai-agents.write')
  patch(
    @CurrentLocation() locationId: string,
    @Param('agentId') agentId: string,
    @Query() query: VoiceLocationQuery,
    @Body() body: PatchVoiceAgentDto,
  ): Promise<VoiceAgentDto> {
    return this.agents.patch(locationId, agentId, body, query.locationId);
  }

  @Delete(':agentId')
  @HttpCode(204)
  @RequireScope('voice-ai-agents.write')
  async delete(
    @CurrentLocation() locationId: string,
    @Param('agentId') agentId: string,
    @Query() query: VoiceLocationQuery,
  ): Promise<void> {
    await this.agents.delete(locationId, agentId, query.locationId);
  }
}
