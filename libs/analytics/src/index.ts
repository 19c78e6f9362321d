export * from './lib/analytics.module';
export * from './lib/analytics.service';
export * from './lib/reply-attribution';
