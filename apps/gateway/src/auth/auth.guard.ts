import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Scope, grantsScope } from '@followup/contracts';
import { Principal, TokensService } from '@followup/tenancy';
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
    // Usually authenticated already as the request arrived (authenticateRequest, before the body was read).
    if (!request.principal && !(await authenticateRequest(this.tokens, request))) throw new UnauthorizedException(INVALID_TOKEN);
    const principal = request.principal as Principal;
    const required = this.reflector.getAllAndOverride<Scope | Scope[] | undefined>(REQUIRED_SCOPE, targets);
    if (!required) throw new ForbiddenException('This route declares no scope');
    const anyOf = Array.isArray(required) ? required : [required];
    if (!anyOf.some((scope) => grantsScope(principal.scopes, scope))) {
      throw new UnauthorizedException(`The token is not authorized for this scope: ${anyOf.join(' or ')}`);
    }
    return true;
  }
}

/** Checks the request's bearer token; a valid one's principal is kept on the request. */
export async function authenticateRequest(tokens: TokensService, request: FastifyRequest & AuthenticatedRequest): Promise<boolean> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  const principal = match ? await tokens.verify(match[1]) : null;
  if (principal) request.principal = principal;
  return principal !== null;
}
