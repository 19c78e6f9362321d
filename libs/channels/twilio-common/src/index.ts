export * from './lib/twilio-client';
export * from './lib/twilio-send-error.mapper';
export * from './lib/api-base-url';
