export * from './lib/scheduler.module';
export * from './lib/dispatcher';
export * from './lib/planner';
export * from './lib/preview.service';
export * from './lib/placement';
export * from './lib/config-planner';
export { stepSettings } from './lib/guards';
