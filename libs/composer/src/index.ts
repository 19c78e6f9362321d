export * from './lib/composer';
export * from './lib/ai-composer';
export * from './lib/ai-prompt';
export * from './lib/ai-reply';
