export * from './lib/agents.module';
