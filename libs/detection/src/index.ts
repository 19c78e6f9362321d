export * from './lib/intent-detector';
export * from './lib/intent-scenarios';
export * from './lib/multilingual-intent-detector';
export * from './lib/action-phrases';
