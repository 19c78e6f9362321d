import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { SCOPES } from '@followup/contracts';
import type { Store } from '@followup/persistence';
import { ChannelLinks } from '@followup/channels-core';
import { ManualClock } from '@followup/util';
import { GatewayMetrics } from '@followup/metrics';
import { AppModule } from '../app/app.module';
import { PUBLIC_ROUTE, REQUIRED_SCOPE } from './auth.decorators';

type Handler = (...args: unknown[]) => unknown;

/** Every route of every controller declares a scope or is explicitly public (fail closed). */
describe('route guarding', () => {
  const dispatch = { enabled: false, owner: 't', batchSize: 1, concurrency: 1, leaseMs: 1000, idleMaxMs: 10 };
  const controllers =
    AppModule.register({
      store: {} as Store,
      clock: new ManualClock(),
      links: new ChannelLinks(Buffer.alloc(32)),
      metrics: new GatewayMetrics(),
      dispatch,
      testClock: true,
    }).controllers ?? [];
  /** Writes nothing although it is not a GET. */
  const readOnlyPosts = ['FollowupsController.preview', 'DetectController.detect'];
  const routes = controllers.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype)
      .map((name) => ({ controller, name, handler: (controller.prototype as Record<string, Handler>)[name] as Handler }))
      .filter(
        ({ name, handler }) =>
          name !== 'constructor' && typeof handler === 'function' && Reflect.getMetadata(PATH_METADATA, handler) !== undefined,
      ),
  );

  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it.each(routes.map((r) => [`${r.controller.name}.${r.name}`, r] as const))('%s declares a scope or @Public()', (_name, route) => {
    const isPublic = Reflect.getMetadata(PUBLIC_ROUTE, route.handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, route.controller);
    const scope = Reflect.getMetadata(REQUIRED_SCOPE, route.handler) ?? Reflect.getMetadata(REQUIRED_SCOPE, route.controller);
    const scopes: unknown[] = scope === undefined ? [] : Array.isArray(scope) ? scope : [scope];
    expect(isPublic === true || (scopes.length > 0 && scopes.every((s) => (SCOPES as readonly unknown[]).includes(s)))).toBe(true);
    if (scopes.length && Reflect.getMetadata(METHOD_METADATA, route.handler) !== RequestMethod.GET && !readOnlyPosts.includes(_name)) {
      for (const s of scopes) expect(s).toMatch(/\.write$/);
    }
  });
});
