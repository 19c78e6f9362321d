export * from './lib/conversations.module';
export * from './lib/contacts.service';
export * from './lib/conversations.service';
