export * from './lib/intent-detector';
