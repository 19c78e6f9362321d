export * from './lib/followups.module';
export * from './lib/followup-configs.service';
export * from './lib/followup-records.service';
export * from './lib/call-records';
