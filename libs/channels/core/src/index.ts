export * from './lib/channel-adapter';
export * from './lib/channel-registry';
export * from './lib/webhooks';
export * from './lib/sms-keywords';
export * from './lib/channel-links';
export * from './lib/session';
export * from './lib/pacing-setting';
