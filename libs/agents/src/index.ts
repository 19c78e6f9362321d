export * from './lib/agents.module';
export * from './lib/conversation-ai/conversation-agents.service';
export * from './lib/conversation-ai/actions.service';
export * from './lib/voice-ai/voice-agents.service';
