import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DetectRequestDto, DetectResultDto } from '@followup/contracts';
import { DetectionService } from '@followup/conversations';
import { CurrentLocation, RequireScope } from '../auth/auth.decorators';

/** Reads a reply as the engine would (intent, requested time, language): any read scope. */
@ApiTags('Detection')
@ApiBearerAuth()
@Controller('detect')
export class DetectController {
  constructor(private readonly detection: DetectionService) {}

  @Post()
  @HttpCode(200)
  @RequireScope('followups.readonly', 'conversation-ai.readonly', 'voice-ai-agents.readonly')
  detect(@CurrentLocation() locationId: string, @Body() body: DetectRequestDto): Promise<DetectResultDto> {
    return this.detection.detect(locationId, body);
  }
}
