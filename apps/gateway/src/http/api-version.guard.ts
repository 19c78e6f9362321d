import { BadRequestException, CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { API_VERSIONS } from '@followup/contracts';
import type { FastifyRequest } from 'fastify';

/** The `Version` header the HighLevel-derived routes require (seeds 000 and 002). */
@Injectable()
export class ApiVersionGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const version = context.switchToHttp().getRequest<FastifyRequest>().headers['version'];
    const accepted = API_VERSIONS.join(', ');
    if (version === undefined) throw new BadRequestException(`Version header is required (one of ${accepted})`);
    if (typeof version !== 'string' || !(API_VERSIONS as readonly string[]).includes(version)) {
      throw new BadRequestException(`Version header "${String(version)}" is not supported (use one of ${accepted})`);
    }
    return true;
  }
}
