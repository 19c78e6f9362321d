export * from './lib/intent-detector';
export * from './lib/intent-scenarios';
