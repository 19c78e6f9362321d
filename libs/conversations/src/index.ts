export * from './lib/conversations.module';
export * from './lib/contacts.service';
export * from './lib/conversations.service';
export * from './lib/message-recorder';
export * from './lib/conversation-state.service';
export * from './lib/channel-events.service';
export * from './lib/chat-visitors.service';
export * from './lib/unsubscribe.service';
