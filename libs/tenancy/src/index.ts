export * from './lib/tenancy.module';
export * from './lib/tokens.service';
export * from './lib/locations.service';
export * from './lib/location-tokens.service';
