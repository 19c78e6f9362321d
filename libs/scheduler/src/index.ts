export * from './lib/scheduler.module';
