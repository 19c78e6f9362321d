import { EntityManager, IsNull } from 'typeorm';
import { ApiTokenEntity, LocationEntity } from '../entities';
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

  findActiveByHash(tokenHash: string): Promise<ApiTokenEntity | null> {
    return this.manager.findOneBy(ApiTokenEntity, { tokenHash, revokedAt: IsNull() });
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

  /** Marks the token revoked; false when it does not exist or was already revoked. */
  async revoke(id: string, at: Date): Promise<boolean> {
    const result = await this.manager.update(ApiTokenEntity, { id, revokedAt: IsNull() }, { revokedAt: at });
    return (result.affected ?? 0) > 0;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.manager.update(ApiTokenEntity, { id }, { lastUsedAt: at });
  }
}
