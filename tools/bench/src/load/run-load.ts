import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { LoadResult } from './closed-loop';

export const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);

/**
 * Runs a load generator (a bundled entry of tools/bench, e.g. `ingest-load`) in a process of its own,
 * so its CPU is not the measured process's, and answers what it measured.
 */
export function runLoad(entry: string, spec: object): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, `${entry}.js`), JSON.stringify(spec)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`${entry} exited with ${code}`))));
  });
}

/** Summary of one target's turns: the mean rate, the worst p99, and each turn's figures. */
export function summarise(list: LoadResult[]): Record<string, string | number> {
  return {
    rps: Math.round(list.reduce((n, r) => n + r.rps, 0) / list.length),
    rps_runs: list.map((r) => r.rps).join(', '),
    p99_ms: Math.max(...list.map((r) => r.p99)),
    p99_runs: list.map((r) => r.p99).join(', '),
    answered_ok: list.reduce((n, r) => n + r.ok, 0),
    not_ok: list.reduce((n, r) => n + (r.sent - r.ok), 0),
  };
}
