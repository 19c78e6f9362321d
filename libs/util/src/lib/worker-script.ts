import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** How to start a worker thread: its file, and the Node options and environment it needs. */
export interface WorkerScript {
  path: string;
  execArgv: string[];
  env?: NodeJS.ProcessEnv;
}

/**
 * A worker thread's entry: `built` when it exists (the gateway's bundle has each worker as an entry
 * of its own, beside main.js), else the TypeScript `source` run through ts-node (tests run the
 * sources). Callers pass paths beside their own file (`join(__dirname, …)`).
 */
export function workerScript(built: string, source: string): WorkerScript {
  if (existsSync(built)) return { path: built, execArgv: [] };
  const compilerOptions = { module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0' };
  // The worker inherits this process's environment, plus how ts-node is to read the sources and
  // where the workspace's path aliases (@followup/…) are: the tsconfig.base.json above the source.
  const env = {
    ...process.env,
    TS_NODE_TRANSPILE_ONLY: 'true',
    TS_NODE_COMPILER_OPTIONS: JSON.stringify(compilerOptions),
    TS_NODE_PROJECT: workspaceConfig(dirname(source)),
  };
  return { path: source, execArgv: ['--require', 'ts-node/register', '--require', 'tsconfig-paths/register'], env };
}

function workspaceConfig(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const config = join(dir, 'tsconfig.base.json');
    if (existsSync(config) || dirname(dir) === dir) return config;
  }
}
