export * from './testing/test-store';
