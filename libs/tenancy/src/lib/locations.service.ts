import { Injectable } from '@nestjs/common';
import { SCOPES } from '@followup/contracts';
import { LocationEntity, Store } from '@followup/persistence';
import { Clock, isIanaZone, newId } from '@followup/util';
import { IssuedToken, TenancyError, TokensService } from './tokens.service';

export interface FirstRun {
  location: LocationEntity;
  issued: IssuedToken;
}

@Injectable()
export class LocationsService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly tokens: TokensService,
  ) {}

  async create(name: string, timezone = 'UTC', id: string = newId()): Promise<LocationEntity> {
    if (!name.trim()) throw new TenancyError('--name is empty');
    if (!isIanaZone(timezone)) throw new TenancyError(`timezone "${timezone}" is not an IANA time zone (e.g. America/New_York)`);
    if (!/^[A-Za-z0-9_-]{1,36}$/.test(id)) throw new TenancyError(`location id "${id}" must be 1-36 letters, digits, - or _`);
    if (await this.store.run((r) => r.locations.findById(id))) throw new TenancyError(`location ${id} already exists`);
    const location = Object.assign(new LocationEntity(), { id, name: name.trim(), timezone, createdAt: this.clock.now() });
    return this.store.run((r) => r.locations.insert(location));
  }

  get(id: string): Promise<LocationEntity | null> {
    return this.store.run((r) => r.locations.findById(id));
  }

  list(): Promise<LocationEntity[]> {
    return this.store.run((r) => r.locations.list());
  }

  /**
   * On the very first start (no location at all), creates a location and a token with every
   * scope, so a newcomer can call the API at once. Returns null on every later start.
   */
  async firstRun(name: string, timezone: string): Promise<FirstRun | null> {
    if ((await this.store.run((r) => r.locations.count())) > 0) return null;
    const location = await this.create(name, timezone);
    const issued = await this.tokens.issue(location.id, SCOPES, 'first-start token');
    return { location, issued };
  }
}
