export * from './lib/channel-selector';
export * from './lib/outbound-sender';
export * from './lib/contact-channels';
