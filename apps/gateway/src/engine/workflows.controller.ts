import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateWorkflowDto, WorkflowDeliveryDto, WorkflowDto } from '@followup/contracts';
import { WorkflowsService } from '@followup/workflows';
import { CurrentLocation, RequireScope } from '../auth/auth.decorators';

@ApiTags('Workflows')
@ApiBearerAuth()
@Controller('workflows')
export class WorkflowsController {
  constructor(private readonly workflows: WorkflowsService) {}

  @Post()
  @RequireScope('followups.write')
  create(@CurrentLocation() locationId: string, @Body() body: CreateWorkflowDto): Promise<WorkflowDto> {
    return this.workflows.create(locationId, body);
  }

  @Get()
  @RequireScope('followups.readonly')
  list(@CurrentLocation() locationId: string): Promise<WorkflowDto[]> {
    return this.workflows.list(locationId);
  }

  @Get(':id')
  @RequireScope('followups.readonly')
  get(@CurrentLocation() locationId: string, @Param('id') id: string): Promise<WorkflowDto> {
    return this.workflows.get(locationId, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScope('followups.write')
  async delete(@CurrentLocation() locationId: string, @Param('id') id: string): Promise<void> {
    await this.workflows.delete(locationId, id);
  }

  @Get(':id/deliveries')
  @RequireScope('followups.readonly')
  deliveries(@CurrentLocation() locationId: string, @Param('id') id: string): Promise<WorkflowDeliveryDto[]> {
    return this.workflows.deliveries(locationId, id);
  }
}
