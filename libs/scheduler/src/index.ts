export * from './lib/working-hours';
