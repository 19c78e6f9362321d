export * from './lib/router';
export * from './lib/outbound-sender';
export * from './lib/contact-channels';
export * from './lib/failover';
export * from './lib/channel-ranking';
