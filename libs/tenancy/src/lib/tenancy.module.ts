import { Module } from '@nestjs/common';
import { LocationsService } from './locations.service';
import { TokensService } from './tokens.service';
import { LocationTokensService } from './location-tokens.service';

/** Locations (tenants) and their API tokens. Needs Store and Clock from the application. */
@Module({
  providers: [TokensService, LocationsService, LocationTokensService],
  exports: [TokensService, LocationsService, LocationTokensService],
})
export class TenancyModule {}
