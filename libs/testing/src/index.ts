export * from './lib/webhook-receiver';
export * from './lib/gateway-process';
