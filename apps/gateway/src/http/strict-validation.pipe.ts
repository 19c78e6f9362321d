import { ArgumentMetadata, BadRequestException, Injectable, UnprocessableEntityException, ValidationPipe } from '@nestjs/common';
import { findNulStrings, flattenValidationErrors } from '@followup/contracts';

const PRIMITIVES: unknown[] = [String, Boolean, Number, Array, Object];

/**
 * The global pipe: bodies and queries are validated against their DTO class, unknown fields are
 * errors, and every failure is a 422 with one line per problem naming the field (seed error shape).
 */
@Injectable()
export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      transformOptions: { exposeDefaultValues: true },
      validationError: { target: false, value: true },
      exceptionFactory: (errors) => new UnprocessableEntityException(flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param' && typeof value === 'string' && value.includes('\u0000')) {
      throw new BadRequestException(`path parameter ${metadata.data ?? ''} must not contain NUL characters`);
    }
    const isDto = metadata.metatype !== undefined && !PRIMITIVES.includes(metadata.metatype);
    if (isDto && (metadata.type === 'body' || metadata.type === 'query')) {
      if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
        throw new UnprocessableEntityException([`${metadata.type === 'body' ? 'request body' : 'query'} must be a JSON object`]);
      }
      const nul = findNulStrings(value);
      if (nul.length) throw new UnprocessableEntityException(nul);
    }
    return super.transform(value, metadata);
  }
}
