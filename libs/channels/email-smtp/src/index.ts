export * from './lib/smtp-email-channel';
export * from './lib/inbound-email';
