export * from './lib/channel-connections.module';
export * from './lib/channel-connections.service';
