import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import { mergeRouteConfig } from '../http/request-policy';
import type { Scope } from '@followup/contracts';
import type { Principal } from '@followup/tenancy';

export const PUBLIC_ROUTE = 'followup:public';
export const REQUIRED_SCOPE = 'followup:scope';

/** A route anyone may call (health, docs, provider webhooks that carry their own signature). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The scope a token needs for this route (or any one of several) (a `.write` scope also grants its `.readonly` twin). The
 * token itself is checked as the request arrives, before its body is read (request-policy.ts).
 */
export const RequireScope =
  (scope: Scope, ...orScopes: Scope[]): MethodDecorator =>
  (target, key, descriptor) => {
    // Several scopes: any one of them grants the route.
    SetMetadata(REQUIRED_SCOPE, orScopes.length ? [scope, ...orScopes] : scope)(target, key, descriptor);
    mergeRouteConfig(descriptor.value as object, { authenticate: true });
    return descriptor;
  };

export interface AuthenticatedRequest {
  principal?: Principal;
}

/** The caller's location (tenant): every query a handler makes is scoped to it. */
export const CurrentLocation = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentLocation used on a route without authentication');
  return principal.locationId;
});

/** The caller's principal (token id, location, scopes), for use cases that check what the caller holds. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});
