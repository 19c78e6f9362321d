export * from './testing/test-store';
export * from './testing/seed';
export * from './testing/rows';
