import { ConflictException, Injectable } from '@nestjs/common';
import { CreateTokenDto, IssuedTokenDto, TokenDto, grantsScope } from '@followup/contracts';
import { ApiTokenEntity, Store } from '@followup/persistence';
import { notFound, throwIfProblems } from '@followup/util';
import { Principal, TenancyError, TokensService } from './tokens.service';

function toTokenDto(t: ApiTokenEntity): TokenDto {
  return {
    id: t.id,
    name: t.name,
    prefix: t.tokenPrefix,
    scopes: t.scopes,
    created_at: t.createdAt.toISOString(),
    last_used_at: t.lastUsedAt?.toISOString() ?? null,
    revoked_at: t.revokedAt?.toISOString() ?? null,
  };
}

/**
 * `/tokens`: a location's own tokens over HTTP (the CLI manages every location's). A caller sees and
 * revokes only its location's tokens, and gives a new token only scopes it holds itself, so no
 * token can mint a stronger one. The secret is answered once, by the request that created it.
 */
@Injectable()
export class LocationTokensService {
  constructor(
    private readonly store: Store,
    private readonly tokens: TokensService,
  ) {}

  async list(locationId: string): Promise<TokenDto[]> {
    return (await this.tokens.list(locationId)).map(toTokenDto);
  }

  async create(caller: Principal, dto: CreateTokenDto): Promise<IssuedTokenDto> {
    const scopes = [...new Set(dto.scopes)];
    const beyond = scopes.filter((scope) => !grantsScope(caller.scopes, scope));
    throwIfProblems(beyond.length ? [`scopes ${beyond.join(', ')} cannot be given: the calling token does not hold them`] : []);
    const issued = await this.tokens.issue(caller.locationId, scopes, dto.name ?? 'dashboard token');
    return { ...toTokenDto(issued.record), token: issued.token };
  }

  /** Revokes one of the location's tokens (404 for another location's, 409 when already revoked). */
  async revoke(locationId: string, id: string): Promise<TokenDto> {
    const token = await this.store.run((r) => r.apiTokens.findById(id));
    if (!token || token.locationId !== locationId) throw notFound('Token', id);
    if (token.revokedAt) throw new ConflictException(`token ${id} is already revoked`);
    // The one way to revoke (it drops the tokens this process kept and notifies the others); a
    // revocation racing this one makes it 409 like the check above.
    const at = await this.tokens.revoke(id).catch((error: unknown) => {
      throw error instanceof TenancyError ? new ConflictException(`token ${id} is already revoked`) : error;
    });
    return toTokenDto({ ...token, revokedAt: at });
  }
}
