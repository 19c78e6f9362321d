import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateFollowupConfigDto, FollowupConfigDto, UpdateFollowupConfigDto } from '@followup/contracts';
import { FollowupConfigsService } from '@followup/followups';
import { CurrentLocation, RequireScope } from '../auth/auth.decorators';

@ApiTags('Follow-up configurations')
@ApiBearerAuth()
@Controller('backend/followup/configs')
export class FollowupConfigsController {
  constructor(private readonly configs: FollowupConfigsService) {}

  @Post()
  @RequireScope('followups.write')
  create(@CurrentLocation() locationId: string, @Body() body: CreateFollowupConfigDto): Promise<FollowupConfigDto> {
    return this.configs.create(locationId, body);
  }

  @Get('assistant/:assistantId')
  @RequireScope('followups.readonly')
  getByAssistant(@CurrentLocation() locationId: string, @Param('assistantId') assistantId: string): Promise<FollowupConfigDto> {
    return this.configs.getByAssistant(locationId, assistantId);
  }

  @Get('tenant/:tenantId')
  @RequireScope('followups.readonly')
  listByTenant(@CurrentLocation() locationId: string, @Param('tenantId') tenantId: string): Promise<FollowupConfigDto[]> {
    return this.configs.listByTenant(locationId, tenantId);
  }

  @Get(':id')
  @RequireScope('followups.readonly')
  get(@CurrentLocation() locationId: string, @Param('id') id: string): Promise<FollowupConfigDto> {
    return this.configs.get(locationId, id);
  }

  @Put(':id')
  @RequireScope('followups.write')
  update(
    @CurrentLocation() locationId: string,
    @Param('id') id: string,
    @Body() body: UpdateFollowupConfigDto,
  ): Promise<FollowupConfigDto> {
    return this.configs.update(locationId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScope('followups.write')
  async delete(@CurrentLocation() locationId: string, @Param('id') id: string): Promise<void> {
    await this.configs.delete(locationId, id);
  }
}
