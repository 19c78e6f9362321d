/**
 * What a browser may import at run time (the dashboard): plain constants and functions, nothing
 * that pulls class-validator or class-transformer into a bundle. Types come from `@followup/contracts`
 * with `import type`.
 */
export * from './lib/engine/reasons';
export * from './lib/engine/channels';
export * from './lib/working-hours/interval-rules';
