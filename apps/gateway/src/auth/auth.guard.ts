import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Scope, grantsScope } from '@followup/contracts';
import { TokensService } from '@followup/tenancy';
import type { FastifyRequest } from 'fastify';
import { AuthenticatedRequest, PUBLIC_ROUTE, REQUIRED_SCOPE } from './auth.decorators';

export const INVALID_TOKEN = 'Invalid token: access token is invalid';

/**
 * Global guard: every route needs a valid bearer token with the route's scope, unless marked
 * @Public(). A route with neither is refused (fail closed); a test checks none exists.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    const principal = await this.tokens.verify(match?.[1]);
    if (!principal) throw new UnauthorizedException(INVALID_TOKEN);
    const scope = this.reflector.getAllAndOverride<Scope | undefined>(REQUIRED_SCOPE, targets);
    if (!scope) throw new ForbiddenException('This route declares no scope');
    if (!grantsScope(principal.scopes, scope)) {
      throw new UnauthorizedException(`The token is not authorized for this scope: ${scope}`);
    }
    request.principal = principal;
    return true;
  }
}
