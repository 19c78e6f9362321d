export * from './lib/clock';
export * from './lib/ids';
export * from './lib/mutex';
export * from './lib/timezones';
export * from './lib/http-errors';
