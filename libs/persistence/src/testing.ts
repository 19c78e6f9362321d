export * from './testing/test-store';
export * from './testing/seed';
