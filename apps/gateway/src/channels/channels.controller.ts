import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ChannelConnectionDto, CreateChannelConnectionDto, UpdateChannelConnectionDto } from '@followup/contracts';
import { ChannelConnectionsService } from '@followup/channels-connections';
import { CurrentLocation, RequireScope } from '../auth/auth.decorators';

@ApiTags('Channels')
@ApiBearerAuth()
@Controller('channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelConnectionsService) {}

  @Post()
  @RequireScope('followups.write')
  create(@CurrentLocation() locationId: string, @Body() body: CreateChannelConnectionDto): Promise<ChannelConnectionDto> {
    return this.channels.create(locationId, body);
  }

  @Get()
  @RequireScope('followups.readonly')
  list(@CurrentLocation() locationId: string): Promise<ChannelConnectionDto[]> {
    return this.channels.list(locationId);
  }

  @Get(':id')
  @RequireScope('followups.readonly')
  get(@CurrentLocation() locationId: string, @Param('id') id: string): Promise<ChannelConnectionDto> {
    return this.channels.get(locationId, id);
  }

  @Patch(':id')
  @RequireScope('followups.write')
  update(
    @CurrentLocation() locationId: string,
    @Param('id') id: string,
    @Body() body: UpdateChannelConnectionDto,
  ): Promise<ChannelConnectionDto> {
    return this.channels.update(locationId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScope('followups.write')
  async delete(@CurrentLocation() locationId: string, @Param('id') id: string): Promise<void> {
    await this.channels.delete(locationId, id);
  }
}
