import { ENGINES, StoreEngine, StoreEnv, freshStoreEnv } from '@followup/persistence/testing';
import { GATEWAY_CLI, RunningGateway, runProcess, startGatewayProcess } from '@followup/testing';
import { Api, Json } from './http';

export { ENGINES };
export type { StoreEngine };

export interface GatewayFixture {
  engine: StoreEngine;
  gateway: RunningGateway;
  store: StoreEnv;
  /** Client with the first-start token (every scope). */
  api: Api;
  locationId: string;
  /** Runs the gateway's CLI against the same store. */
  cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** A new location and a token for it with the given scopes. */
  newTenant(scopes?: string): Promise<{ locationId: string; api: Api }>;
  /** TEST_CLOCK=manual gateways: moves the clock and answers once everything due is dispatched. */
  moveClock(advanceMs: number): Promise<{ now: string; dispatched: number }>;
  /** The items of a conversation's timeline (messages and follow-ups, in order). */
  timeline(conversationId: string): Promise<Json[]>;
}

/**
 * Starts one gateway on a fresh store of `engine` for the enclosing describe block, and stops it
 * (and drops the store) afterwards. Use inside `describe.each(ENGINES)`.
 */
export function useGateway(engine: StoreEngine, env: Record<string, string> = {}): GatewayFixture {
  const fixture = { engine } as GatewayFixture;
  beforeAll(async () => {
    fixture.store = freshStoreEnv(engine);
    fixture.gateway = await startGatewayProcess({ ...fixture.store.env, ...env });
    if (!fixture.gateway.token || !fixture.gateway.locationId) throw new Error('first start printed no token');
    fixture.api = new Api(fixture.gateway.url, fixture.gateway.token);
    fixture.locationId = fixture.gateway.locationId;
    fixture.cli = (...args: string[]) => runProcess([GATEWAY_CLI, ...args], fixture.store.env);
    fixture.newTenant = async (scopes = 'all') => {
      const location = await fixture.cli('location', 'create', '--name', 'Other tenant');
      const locationId = /created location (\S+)/.exec(location.stdout)?.[1];
      if (!locationId) throw new Error(`location create failed: ${location.stderr}`);
      const token = await fixture.cli('token', '--location', locationId, '--scopes', scopes);
      const secret = /token:\s+(fgw_\S+)/.exec(token.stdout)?.[1];
      if (!secret) throw new Error(`token create failed: ${token.stderr}`);
      return { locationId, api: new Api(fixture.gateway.url, secret) };
    };
    fixture.moveClock = async (advanceMs) => (await fixture.api.post('/test/clock', { advance_ms: advanceMs }, { token: null })).body;
    fixture.timeline = async (conversationId) => (await fixture.api.get(`/conversations/${conversationId}/timeline`)).body.items;
  });
  afterAll(async () => {
    await fixture.gateway?.stop();
    await fixture.store?.dispose();
  });
  return fixture;
}
