export * from './lib/live-chat.provider';
export * from './lib/live-chat.adapter';
export * from './lib/live-chat.settings';
export * from './lib/visitor-token.signer';
export * from './lib/visitor-events.parser';
export * from './lib/socket-rate.limiter';
export * from './lib/widget.script';
export * from './lib/chat.page';
