export * from './lib/twilio-sms-channel';
export * from './lib/twilio-webhooks';
