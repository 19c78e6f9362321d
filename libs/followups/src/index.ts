export * from './lib/followups.module';
