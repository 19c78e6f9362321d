import { EntityManager, IsNull } from 'typeorm';
import { ApiTokenEntity, LocationEntity } from '../entities';
import { noticeChannel, type NoticeTopic } from '../store-notices';
import { qualifiedTable } from './batch-update';
import { EntitySql } from './entity-sql';
import { guardDuplicates, insertRows } from './errors';

export class LocationsRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(location: LocationEntity): Promise<LocationEntity> {
    await guardDuplicates(() => insertRows(this.manager, LocationEntity, [location]));
    return location;
  }

  findById(id: string): Promise<LocationEntity | null> {
    return this.manager.findOneBy(LocationEntity, { id });
  }

  list(): Promise<LocationEntity[]> {
    return this.manager.find(LocationEntity, { order: { createdAt: 'ASC', id: 'ASC' } });
  }

  count(): Promise<number> {
    return this.manager.count(LocationEntity);
  }
}

export class ApiTokensRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(token: ApiTokenEntity): Promise<ApiTokenEntity> {
    await guardDuplicates(() => insertRows(this.manager, ApiTokenEntity, [token]));
    return token;
  }

  /** The token of a hash unless it was revoked (fixed SQL: every API request asks). */
  async findActiveByHash(tokenHash: string): Promise<ApiTokenEntity | null> {
    const token = await EntitySql.of(this.manager, ApiTokenEntity).findOne({ tokenHash });
    return token && token.revokedAt === null ? token : null;
  }

  findById(id: string): Promise<ApiTokenEntity | null> {
    return this.manager.findOneBy(ApiTokenEntity, { id });
  }

  list(locationId?: string): Promise<ApiTokenEntity[]> {
    return this.manager.find(ApiTokenEntity, {
      where: locationId ? { locationId } : {},
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Marks the token revoked; false when it does not exist or was already revoked. On PostgreSQL the
   * same statement notifies the other processes (StoreNotices), which drop the tokens they cached.
   */
  async revoke(id: string, at: Date): Promise<boolean> {
    if (this.manager.connection.options.type === 'postgres') {
      const schema = (this.manager.connection.options as { schema?: string }).schema ?? 'public';
      const rows = (await this.manager.query(
        `WITH revoked AS (UPDATE ${qualifiedTable(this.manager, ApiTokenEntity)} SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL RETURNING id)
         SELECT pg_notify($3, $4) FROM revoked`,
        [at.getTime(), id, noticeChannel(schema), 'api_tokens' satisfies NoticeTopic],
      )) as unknown[];
      return rows.length > 0;
    }
    const result = await this.manager.update(ApiTokenEntity, { id, revokedAt: IsNull() }, { revokedAt: at });
    return (result.affected ?? 0) > 0;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.manager.update(ApiTokenEntity, { id }, { lastUsedAt: at });
  }
}
