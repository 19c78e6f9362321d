export * from './lib/entities';
export * from './lib/repositories';
export * from './lib/store';
export * from './lib/store-config';
export * from './lib/data-source';
export * from './lib/persistence.module';
export * from './lib/store-lock';
export * from './lib/sqlite-backup';
