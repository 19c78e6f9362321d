export * from './lib/whatsapp-cloud.provider';
export * from './lib/whatsapp-cloud.adapter';
export * from './lib/whatsapp-cloud.settings';
export * from './lib/whatsapp-cloud.webhooks';
export * from './lib/token-bucket.pacer';
export { RATE_LIMITS, UNDELIVERABLE, WINDOW_CLOSED } from './lib/graph-error.mapper';
