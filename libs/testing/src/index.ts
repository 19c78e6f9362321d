export * from './lib/webhook-receiver';
export * from './lib/gateway-process';
export * from './lib/twilio-api-double';
export * from './lib/smtp-test-server';
export * from './lib/http-api-double';
export * from './lib/graph-api-double';
export * from './lib/graph-webhook-payloads';
export * from './lib/chat-completions-double';
