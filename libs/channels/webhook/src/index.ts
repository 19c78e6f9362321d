export * from './lib/webhook-channel';
