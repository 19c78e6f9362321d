import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

/** The workspace root (the folder with nx.json), found from wherever this code runs (source or bundle). */
function workspaceRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

export const ROOT = workspaceRoot(__dirname);
export const GATEWAY_MAIN = join(ROOT, 'dist/apps/gateway/main.js');
export const GATEWAY_CLI = join(ROOT, 'dist/apps/gateway/cli.js');

export interface RunningGateway {
  url: string;
  /** The first-start token (every scope), when this start created the first location. */
  token?: string;
  locationId?: string;
  process: ChildProcess;
  stdout: string[];
  stderr: string[];
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no chance to clean up. */
  kill(): Promise<void>;
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/**
 * Starts the built gateway (dist/apps/gateway/main.js) as a real process on a free port and
 * waits until it prints where it listens (and, on a first start, its token). The provider doubles
 * listen on loopback, so outbound URLs may go there (ALLOW_PRIVATE_NETWORK_URLS=true) unless `env`
 * says otherwise (an empty value: unset, the gateway's default, which refuses them).
 */
export async function startGatewayProcess(
  env: Record<string, string>,
  timeoutMs = 60_000,
  nodeArgs: string[] = [],
): Promise<RunningGateway> {
  if (!existsSync(GATEWAY_MAIN)) throw new Error(`${GATEWAY_MAIN} is missing: build the gateway first (nx run gateway:build)`);
  const child = spawn(process.execPath, [...nodeArgs, GATEWAY_MAIN], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ALLOW_PRIVATE_NETWORK_URLS: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => stderr.push(line));
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const started = new Promise<{ url: string; token?: string; locationId?: string }>((resolve, reject) => {
    let url: string | undefined;
    let token: string | undefined;
    let locationId: string | undefined;
    const timer = setTimeout(() => reject(new Error(`gateway did not start in ${timeoutMs} ms\n${stderr.join('\n')}`)), timeoutMs);
    lines.on('line', (line) => {
      stdout.push(line);
      // "listening on http://host:port" or "listening on all interfaces (port N), reachable at http://127.0.0.1:N …"
      url ??= /listening on (?:all interfaces \(port \d+\), reachable at )?(http:\/\/[^\s,]+)/.exec(line)?.[1];
      locationId ??= /created location ".*" \(id ([^)]+)\)/.exec(line)?.[1];
      token ??= /API token \(shown once[^)]*\): (fgw_\S+)/.exec(line)?.[1];
      // The banner ends with the "API docs" line, after the first-start lines when there are any.
      if (url && line.startsWith('API docs:')) {
        clearTimeout(timer);
        resolve({ url, token, locationId });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited with ${code} before listening\n${stderr.join('\n')}`));
    });
  });
  const info = await started.catch(async (error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    ...info,
    process: child,
    stdout,
    stderr,
    stop: async () => {
      child.kill('SIGTERM');
      return waitForExit(child);
    },
    kill: async () => {
      child.kill('SIGKILL');
      await waitForExit(child);
    },
  };
}

/** Runs a command to completion and returns its exit code and output. */
export function runProcess(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
