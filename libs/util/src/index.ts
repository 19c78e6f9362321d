export * from './lib/clock';
export * from './lib/ids';
export * from './lib/mutex';
export * from './lib/timezones';
export * from './lib/http-errors';
export * from './lib/standard-webhooks';
export * from './lib/cursor';
export * from './lib/http-post';
