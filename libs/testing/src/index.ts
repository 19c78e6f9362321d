export * from './lib/webhook-receiver';
