import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ActionEnvelopeDto,
  ActionListEnvelopeDto,
  ActionRequestDto,
  DeleteActionEnvelopeDto,
  UpdateFollowupSettingsDto,
} from '@followup/contracts';
import { ActionsService } from '@followup/agents';
import { CurrentLocation, RequireScope } from '../auth/auth.decorators';
import { HighLevelApi } from './highlevel-api.decorator';

@HighLevelApi('Conversation AI actions')
@Controller('conversation-ai/agents/:agentId')
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  @Post('actions')
  @RequireScope('conversation-ai.write')
  create(
    @CurrentLocation() locationId: string,
    @Param('agentId') agentId: string,
    @Body() body: ActionRequestDto,
  ): Promise<ActionEnvelopeDto> {
    return this.actions.create(locationId, agentId, body);
  }

  @Get('actions/list')
  @RequireScope('conversation-ai.readonly')
  list(@CurrentLocation() locationId: string, @Param('agentId') agentId: string): Promise<ActionListEnvelopeDto> {
    return this.actions.list(locationId, agentId);
  }

  @Get('actions/:actionId')
  @RequireScope('conversation-ai.readonly')
  get(
    @CurrentLocation() locationId: string,
    @Param('agentId') agentId: string,
    @Param('actionId') actionId: string,
  ): Promise<ActionEnvelopeDto> {
    return this.actions.get(locationId, agentId, actionId);
  }

  @Put('actions/:actionId')
  @RequireScope('conversation-ai.write')
  update(
    @CurrentLocation() locationId: string,
    @Param('agentId') agentId: string,
    @Param('actionId') actionId: string,
    @Body() body: ActionRequestDto,
  ): Promise<ActionEnvelopeDto> {
    return this.actions.update(locationId, agentId, actionId, body);
  }

  @Delete('actions/:actionId')
  @HttpCode(200)
  @RequireScope('conversation-ai.write')
  delete(
    @CurrentLocation() locationId: string,
    @Param('agentId') agentId: string,
    @Param('actionId') actionId: string,
  ): Promise<DeleteActionEnvelopeDto> {
    return this.actions.delete(locationId, agentId, actionId);
  }

  @Patch('followup-settings')
  @RequireScope('conversation-ai.write')
  updateFollowupSettings(
    @CurrentLocation() locationId: string,
    @Param('agentId') agentId: string,
    @Body() body: UpdateFollowupSettingsDto,
  ): Promise<ActionEnvelopeDto> {
    return this.actions.updateFollowupSettings(locationId, agentId, body);
  }
}
