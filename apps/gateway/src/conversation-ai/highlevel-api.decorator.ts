import { UseGuards, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { API_VERSIONS } from '@followup/contracts';
import { ApiVersionGuard } from '../http/api-version.guard';

/** Marks a controller as one of the HighLevel-compatible APIs: `Version` header required. */
export function HighLevelApi(tag: string): ClassDecorator {
  return applyDecorators(
    ApiTags(tag),
    ApiBearerAuth(),
    ApiHeader({ name: 'Version', required: true, enum: [...API_VERSIONS], description: 'API version' }),
    UseGuards(ApiVersionGuard),
  );
}
