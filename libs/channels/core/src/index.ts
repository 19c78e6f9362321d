export * from './lib/channels-core';
