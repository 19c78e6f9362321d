export * from './lib/composer';
