import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';

/** The bodies a route takes: media types (without parameters) and the largest size. */
export interface BodyPolicy {
  readonly contentTypes: readonly string[];
  readonly maxBytes: number;
}

/** Every API route: JSON up to 1 MiB. */
export const JSON_BODIES: BodyPolicy = { contentTypes: ['application/json'], maxBytes: 1024 * 1024 };
/** HTML forms (the one-click unsubscribe post). */
export const FORM_BODIES: BodyPolicy = { contentTypes: ['application/x-www-form-urlencoded', 'multipart/form-data'], maxBytes: 64 * 1024 };

/** What the gateway's request hooks read of a route (Fastify route config, set by the decorators below). */
export interface GatewayRouteConfig {
  /** The route needs a token: it is checked before the body is read. */
  authenticate?: boolean;
  /** The bodies it takes; `provider`: those the webhook namespace's provider declares. Default JSON_BODIES. */
  bodies?: BodyPolicy | 'provider';
}

/** Adds to a handler's Fastify route config (several decorators may each add a part). */
export function mergeRouteConfig(handler: object, config: GatewayRouteConfig): void {
  const current = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as GatewayRouteConfig | undefined) ?? {};
  Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...current, ...config }, handler);
}

/** The bodies a route takes, when not JSON. */
export function Bodies(policy: BodyPolicy | 'provider'): MethodDecorator {
  return (_target, _key, descriptor) => {
    mergeRouteConfig(descriptor.value as object, { bodies: policy });
    return descriptor;
  };
}

export interface RequestPolicyDeps {
  /** True when the bearer token is valid; remembers its principal on the request for the guard. */
  authenticate(request: FastifyRequest): Promise<boolean>;
  /** The bodies a webhook namespace's provider takes (undefined: no such namespace). */
  providerBodies(namespace: string): BodyPolicy | undefined;
  /** The largest body any provider takes (the webhook route's hard limit). */
  largestProviderBody: number;
  unauthorized: string;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function refuse(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply
    .code(status)
    .header('connection', status === 401 ? 'keep-alive' : 'close')
    .send({ statusCode: status, message, error: STATUS_CODES[status] });
}

function routeConfig(request: FastifyRequest): GatewayRouteConfig {
  return (request.routeOptions.config ?? {}) as GatewayRouteConfig;
}

/**
 * Checks what can be checked before a body is read, so a large or unwanted upload costs nothing:
 * the token (401), the content type the route takes (415, naming it) and the declared size (413).
 * Each route's hard body limit is its policy's (Fastify stops reading there). The AuthGuard still
 * decides every route (fail closed) and checks scopes; this only refuses early.
 */
export function registerRequestPolicy(fastify: FastifyInstance, deps: () => RequestPolicyDeps): void {
  fastify.addHook('onRoute', (route) => {
    const bodies = (route.config as GatewayRouteConfig | undefined)?.bodies;
    if (bodies === 'provider') route.bodyLimit = deps().largestProviderBody;
    else if (bodies) route.bodyLimit = bodies.maxBytes;
  });
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.is404) return;
    const config = routeConfig(request);
    const { unauthorized, authenticate, providerBodies } = deps();
    if (config.authenticate && !(await authenticate(request))) return refuse(reply, 401, unauthorized);
    const length = request.headers['content-length'];
    const hasBody = (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
    if (!hasBody || !BODY_METHODS.has(request.method)) return;
    const namespace = (request.params as Record<string, string | undefined>)['namespace'];
    const policy = config.bodies === 'provider' ? providerBodies(namespace ?? '') : (config.bodies ?? JSON_BODIES);
    if (!policy) return; // an unknown webhook namespace: the route answers 404
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!policy.contentTypes.includes(type)) {
      const takes = policy.contentTypes.join(' or ');
      const got = type ? `not ${type}` : 'and the request has no Content-Type';
      return refuse(reply, 415, `${request.method} ${request.routeOptions.url} takes ${takes}, ${got}`);
    }
    if (Number(length) > policy.maxBytes) {
      return refuse(reply, 413, `${request.method} ${request.routeOptions.url} takes bodies up to ${policy.maxBytes} bytes`);
    }
    return undefined;
  });
}
