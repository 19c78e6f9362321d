export * from './lib/channel-adapter';
export * from './lib/channel-registry';
