import { Injectable } from '@nestjs/common';
import { SCOPES, Scope, isScope } from '@followup/contracts';
import { ApiTokenEntity, Store } from '@followup/persistence';
import { Clock, newId } from '@followup/util';
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'fgw_';

/** What a valid bearer token proves: who (token), for which tenant (location), allowed to do what. */
export interface Principal {
  tokenId: string;
  locationId: string;
  scopes: string[];
}

export interface IssuedToken {
  /** The secret itself: shown once, never stored. */
  token: string;
  record: ApiTokenEntity;
}

export class TenancyError extends Error {}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Parses `a,b c` into known scopes; `all` or `*` means every scope. */
export function parseScopes(list: string): Scope[] {
  const names = list.split(/[\s,]+/).filter(Boolean);
  if (names.length === 0) throw new TenancyError(`--scopes is empty; choose from: ${SCOPES.join(', ')} (or all)`);
  if (names.some((n) => n === 'all' || n === '*')) return [...SCOPES];
  const unknown = names.filter((n) => !isScope(n));
  if (unknown.length) throw new TenancyError(`unknown scope ${unknown.join(', ')}; choose from: ${SCOPES.join(', ')} (or all)`);
  return [...new Set(names)] as Scope[];
}

const TOUCH_EVERY_MS = 60_000;
/** Longest a verified token is trusted without asking the database again, notices or not. */
const CACHE_MS = 60_000;
const CACHE_MAX = 10_000;

/** Issues, verifies and revokes API tokens. Only a token's SHA-256 is ever stored. */
@Injectable()
export class TokensService {
  private readonly touched = new Map<string, number>();
  private lastTouch: Promise<void> = Promise.resolve();
  /** Verified tokens by hash (PostgreSQL only, while the store's notices are live: see verify). */
  private readonly verified = new Map<string, { principal: Principal; at: number }>();
  /** Moves on whenever the cached tokens are dropped here (a revocation by this process). */
  private drops = 0;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {
    // Any notice about tokens (a revocation anywhere), or a gap in the notices, drops them all.
    store.notices.onNotice((topic) => {
      if (topic === 'api_tokens' || topic === '*') this.verified.clear();
    });
  }

  /** Drops the verified tokens kept here (revoke, once it has committed; the notice reaches the other processes). */
  private forgetVerified(): void {
    this.drops++;
    this.verified.clear();
  }

  async issue(locationId: string, scopes: readonly string[], name = 'api token'): Promise<IssuedToken> {
    const location = await this.store.run((r) => r.locations.findById(locationId));
    if (!location) throw new TenancyError(`location ${locationId} does not exist`);
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const record = Object.assign(new ApiTokenEntity(), {
      id: newId(),
      locationId,
      name,
      tokenHash: hashToken(token),
      tokenPrefix: token.slice(0, 12),
      scopes: [...scopes],
      createdAt: this.clock.now(),
      lastUsedAt: null,
      revokedAt: null,
    });
    await this.store.run((r) => r.apiTokens.insert(record));
    return { token, record };
  }

  /**
   * The principal of a presented token, or null when it is unknown, malformed or revoked.
   *
   * On PostgreSQL a verified token is kept for up to a minute while the store's notices are live,
   * which saves a query on every API request: a revocation by any process (this one, a replica,
   * the CLI) notifies in the statement that revokes, and every process drops its cached tokens when
   * the notice arrives (store-notices.ts). When notices are not live every request asks the
   * database. On SQLite every request asks (a local read of a few microseconds; the CLI may revoke
   * from another process, and SQLite has no notices).
   */
  async verify(token: string | undefined): Promise<Principal | null> {
    if (!token || !token.startsWith(TOKEN_PREFIX) || token.length > 128) return null;
    const hash = hashToken(token);
    const notices = this.store.notices;
    notices.start();
    const now = this.clock.now().getTime();
    const cached = notices.live ? this.verified.get(hash) : undefined;
    if (cached && now - cached.at < CACHE_MS) {
      this.noteUse(cached.principal.tokenId);
      return cached.principal;
    }
    // A notice arriving while the read runs may be about this very token: keep the answer only if none did.
    const [generation, drops] = [notices.generation, this.drops];
    const record = await this.store.run((r) => r.apiTokens.findActiveByHash(hash));
    if (!record) return null;
    const principal = { tokenId: record.id, locationId: record.locationId, scopes: record.scopes };
    if (notices.live && notices.generation === generation && this.drops === drops) {
      if (this.verified.size >= CACHE_MAX) this.verified.clear();
      this.verified.set(hash, { principal, at: now });
    }
    this.noteUse(record.id);
    return principal;
  }

  list(locationId?: string): Promise<ApiTokenEntity[]> {
    return this.store.run((r) => r.apiTokens.list(locationId));
  }

  /** Revokes a token (every revocation goes through here): answers when, from the next request on. */
  async revoke(id: string): Promise<Date> {
    const at = this.clock.now();
    const done = await this.store.run((r) => r.apiTokens.revoke(id, at));
    this.forgetVerified();
    if (!done) {
      const existing = await this.store.run((r) => r.apiTokens.findById(id));
      throw new TenancyError(existing ? `token ${id} is already revoked` : `token ${id} does not exist`);
    }
    return at;
  }

  /** Records when a token was last used, at most once a minute per token (not on every request). */
  private noteUse(tokenId: string): void {
    const now = this.clock.now();
    const last = this.touched.get(tokenId);
    if (last !== undefined && now.getTime() - last < TOUCH_EVERY_MS) return;
    this.touched.set(tokenId, now.getTime());
    this.lastTouch = this.store.run((r) => r.apiTokens.touch(tokenId, now)).catch(() => undefined);
  }

  /** Resolves once the last "last used" write has finished (it runs in the background). */
  settled(): Promise<void> {
    return this.lastTouch;
  }
}
