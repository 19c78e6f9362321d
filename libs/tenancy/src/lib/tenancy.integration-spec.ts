import { SCOPES } from '@followup/contracts';
import { ENGINES, openTestStore } from '@followup/persistence/testing';
import { ApiTokensRepository, Store, openDataSource } from '@followup/persistence';
import { ManualClock } from '@followup/util';
import { ConflictException, NotFoundException } from '@nestjs/common';
import { LocationsService } from './locations.service';
import { LocationTokensService } from './location-tokens.service';
import { TenancyError, TokensService, hashToken, parseScopes } from './tokens.service';

describe.each(ENGINES)('tenancy on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  let tokens: TokensService;
  let locations: LocationsService;

  beforeAll(async () => {
    ({ store, close } = await openTestStore(engine));
    tokens = new TokensService(store, clock);
    locations = new LocationsService(store, clock, tokens);
  });
  afterAll(() => close());

  it('creates the first location and an all-scope token once, on the first start only', async () => {
    const first = await locations.firstRun('Default location', 'Europe/London');
    expect(first?.location).toMatchObject({ name: 'Default location', timezone: 'Europe/London' });
    expect(first?.issued.record.scopes).toEqual([...SCOPES]);
    expect(await locations.firstRun('Default location', 'UTC')).toBeNull();
  });

  it('stores only the hash of a token, verifies it, and forgets it once revoked', async () => {
    const location = await locations.create('Acme', 'America/New_York');
    const { token, record } = await tokens.issue(location.id, ['followups.readonly'], 'ci');
    expect(token).toMatch(/^fgw_[A-Za-z0-9_-]{43}$/);
    const stored = await store.run((r) => r.apiTokens.findById(record.id));
    expect(stored?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await tokens.verify(token)).toEqual({ tokenId: record.id, locationId: location.id, scopes: ['followups.readonly'] });
    expect(await tokens.verify(`${token}x`)).toBeNull();
    expect(await tokens.verify('Bearer nonsense')).toBeNull();
    await tokens.revoke(record.id);
    expect(await tokens.verify(token)).toBeNull();
    await expect(tokens.revoke(record.id)).rejects.toThrow(`token ${record.id} is already revoked`);
    await expect(tokens.revoke('nope')).rejects.toThrow('token nope does not exist');
  });

  it('records when a token was last used, at most once a minute', async () => {
    const location = await locations.create('Touch', 'UTC');
    const { token, record } = await tokens.issue(location.id, ['followups.readonly']);
    await tokens.verify(token);
    await tokens.settled();
    const first = (await store.run((r) => r.apiTokens.findById(record.id)))?.lastUsedAt;
    expect(first?.toISOString()).toBe(clock.now().toISOString());
    clock.advance(30_000);
    await tokens.verify(token);
    await tokens.settled();
    expect((await store.run((r) => r.apiTokens.findById(record.id)))?.lastUsedAt?.toISOString()).toBe(first?.toISOString());
  });

  it('refuses bad locations and tokens for unknown locations with a clear message', async () => {
    await expect(locations.create('X', 'Mars/Base')).rejects.toThrow('timezone "Mars/Base" is not an IANA time zone');
    await expect(locations.create('  ', 'UTC')).rejects.toThrow(TenancyError);
    await locations.create('Fixed id', 'UTC', 'acme-1');
    await expect(locations.create('Again', 'UTC', 'acme-1')).rejects.toThrow('location acme-1 already exists');
    await expect(tokens.issue('nowhere', ['followups.readonly'])).rejects.toThrow('location nowhere does not exist');
  });

  it("lets a token list, create (with its own scopes at most) and revoke only its location's tokens", async () => {
    const mine = new LocationTokensService(store, tokens);
    const acme = await locations.create('Acme HTTP', 'UTC');
    const other = await locations.create('Other HTTP', 'UTC');
    const caller = { tokenId: 't', locationId: acme.id, scopes: ['followups.write', 'tokens.write'] };
    const issued = await mine.create(caller, { name: 'front desk', scopes: ['followups.readonly', 'tokens.readonly'] });
    expect(issued.token).toMatch(/^fgw_/);
    expect(issued).toMatchObject({ name: 'front desk', prefix: issued.token.slice(0, 12), revoked_at: null });
    await expect(mine.create(caller, { scopes: ['conversation-ai.write', 'followups.readonly'] })).rejects.toMatchObject({
      response: { message: ['scopes conversation-ai.write cannot be given: the calling token does not hold them'] },
    });
    const listed = await mine.list(acme.id);
    expect(listed.map((t) => t.name)).toEqual(['front desk']);
    expect(JSON.stringify(listed)).not.toContain(issued.token);
    await expect(mine.revoke(other.id, issued.id)).rejects.toThrow(NotFoundException);
    expect((await mine.revoke(acme.id, issued.id)).revoked_at).toBe(clock.now().toISOString());
    await expect(mine.revoke(acme.id, issued.id)).rejects.toThrow(ConflictException);
    expect(await tokens.verify(issued.token)).toBeNull();
  });
});

/** Polls until `check` holds (notices travel through PostgreSQL: milliseconds, not a fixed delay). */
async function eventually(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const until = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('verified tokens kept on PostgreSQL, two processes sharing the store', () => {
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  let close: () => Promise<void>;
  let mine: Store;
  let theirs: Store;
  let tokens: TokensService;
  let otherTokens: TokensService;
  let otherLocations: LocationTokensService;
  let locationId: string;
  let schema: string;

  beforeAll(async () => {
    const opened = await openTestStore('postgres');
    schema = opened.config.databaseSchema as string;
    ({ store: mine, close } = opened);
    // A second store on the same schema: what a replica or the CLI opens.
    theirs = new Store(await openDataSource(opened.config, { migrate: false }), opened.secrets);
    tokens = new TokensService(mine, clock);
    otherTokens = new TokensService(theirs, clock);
    otherLocations = new LocationTokensService(theirs, otherTokens);
    locationId = (await new LocationsService(mine, clock, tokens).create('Shared', 'UTC')).id;
  });
  afterAll(async () => {
    await theirs.close();
    await close();
  });

  /** A token verified once here while notices are live, so that the next verify answers from the cache. */
  async function cachedToken(): Promise<{ token: string; id: string; lookups: () => number }> {
    const { token, record } = await tokens.issue(locationId, ['followups.readonly']);
    await tokens.verify(token);
    await eventually(() => mine.notices.live, 'the notices are live');
    const lookups = jest.spyOn(ApiTokensRepository.prototype, 'findActiveByHash');
    await tokens.verify(token);
    await tokens.settled();
    lookups.mockClear();
    return { token, id: record.id, lookups: () => lookups.mock.calls.length };
  }

  afterEach(() => jest.restoreAllMocks());

  it('answers a token verified before from memory, and a revocation by another process drops it as soon as its notice arrives', async () => {
    const { token, id, lookups } = await cachedToken();
    expect(await tokens.verify(token)).toEqual({ tokenId: id, locationId, scopes: ['followups.readonly'] });
    expect(lookups()).toBe(0);
    await otherTokens.revoke(id);
    await eventually(async () => (await tokens.verify(token)) === null, 'the revoked token is refused');
    // Once refused it stays refused: nothing cached it again.
    expect(await tokens.verify(token)).toBeNull();
  });

  it("drops it too when another process revokes through a location's own /tokens", async () => {
    const { token, id } = await cachedToken();
    await otherLocations.revoke(locationId, id);
    await eventually(async () => (await tokens.verify(token)) === null, 'the revoked token is refused');
  });

  it('refuses a token it revoked itself at once, before its own notice comes back', async () => {
    const { token, id } = await cachedToken();
    await tokens.revoke(id);
    expect(await tokens.verify(token)).toBeNull();
  });

  it('asks the database on every request while its notices are not live, and keeps tokens again once they are', async () => {
    const { token, id, lookups } = await cachedToken();
    // The listening connection is cut (PostgreSQL restarted, a network fault): nothing kept is trusted.
    await theirs.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'followup-gateway notices' AND pid <> pg_backend_pid()`,
    );
    await eventually(() => !mine.notices.live, 'the notices are down');
    // A revocation no notice reports (written straight into the table) is seen by the next request.
    await theirs.dataSource.query(`UPDATE "${schema}".api_tokens SET revoked_at = $1 WHERE id = $2`, [clock.now().getTime(), id]);
    expect(await tokens.verify(token)).toBeNull();
    expect(lookups()).toBeGreaterThan(0);
    await eventually(() => mine.notices.live, 'the notices are back');
    const again = await cachedToken();
    expect(await tokens.verify(again.token)).not.toBeNull();
    expect(again.lookups()).toBe(0);
  });
});

describe('parseScopes', () => {
  it('reads lists, "all", and refuses unknown scopes naming them', () => {
    expect(parseScopes('followups.readonly, conversation-ai.write')).toEqual(['followups.readonly', 'conversation-ai.write']);
    expect(parseScopes('all')).toEqual([...SCOPES]);
    expect(() => parseScopes('followups.read,voice')).toThrow('unknown scope followups.read, voice');
    expect(() => parseScopes(' ')).toThrow('--scopes is empty');
  });
});
