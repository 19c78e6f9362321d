import { Module } from '@nestjs/common';
import { LocationsService } from './locations.service';
import { TokensService } from './tokens.service';

/** Locations (tenants) and their API tokens. Needs Store and Clock from the application. */
@Module({
  providers: [TokensService, LocationsService],
  exports: [TokensService, LocationsService],
})
export class TenancyModule {}
