export * from './lib/working-hours';
export * from './lib/plan';
export * from './lib/backoff';
