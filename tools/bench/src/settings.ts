import { ENGINES, StoreEngine } from '@followup/persistence/testing';
import { join } from 'node:path';

/** What a run measures, from its command line (`--quick`, `--engines=`, `--profile=`) and BENCH_* variables. */
export const quick = process.argv.includes('--quick');
export const engines = (process.argv
  .find((a) => a.startsWith('--engines='))
  ?.slice(10)
  .split(',') ?? ENGINES) as StoreEngine[];
export const N_THROUGHPUT = Number(process.env['BENCH_N'] ?? (quick ? 3_000 : 20_000));
export const RATE = 500;
export const N_STEADY = quick ? 2_000 : 15_000;
export const PENDING_SMALL = 10_000;
export const PENDING_LARGE = quick ? 100_000 : 1_000_000;
/** Throughput is measured this many times and the median kept: the machine's speed drifts a lot. */
export const RUNS = quick ? 1 : 3;
export const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 200);
export const ROOT = join(__dirname, '../../..');
/** `--profile=<dir>`: write V8 CPU profiles of the gateway processes there. */
export const profileDir = process.argv.find((a) => a.startsWith('--profile='))?.slice(10);
/** Node options for the gateway processes: the profile's, and BENCH_NODE_ARGS (e.g. `--require ./probe.js`). */
export const nodeArgs = [
  ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
  ...(process.env['BENCH_NODE_ARGS']?.split(' ').filter(Boolean) ?? []),
];

/** `--suites=dispatch,ingest,api`: which benchmarks run (all by default). */
export const suites = process.argv
  .find((a) => a.startsWith('--suites='))
  ?.slice(9)
  .split(',') ?? ['dispatch', 'ingest', 'api'];
/** Ingest: seconds of warm-up and of measurement per turn, turns per target. */
export const INGEST = {
  rounds: quick ? 1 : 2,
  warmupMs: Number(process.env['BENCH_INGEST_WARMUP_S'] ?? (quick ? 3 : 15)) * 1000,
  measureMs: Number(process.env['BENCH_INGEST_MEASURE_S'] ?? (quick ? 5 : 15)) * 1000,
  connections: 50,
  senders: 2_000,
};
/** API writes: the same turns as ingest, over 50 connections. */
export const API = {
  rounds: INGEST.rounds,
  warmupMs: Number(process.env['BENCH_API_WARMUP_S'] ?? (quick ? 3 : 10)) * 1000,
  measureMs: Number(process.env['BENCH_API_MEASURE_S'] ?? (quick ? 5 : 15)) * 1000,
  connections: 50,
};
/** The command that ran (for the report). */
export const command = ['npm run bench', ...(process.argv.slice(2).length ? ['--', ...process.argv.slice(2)] : [])].join(' ');
/** Extra settings for the gateway processes: BENCH_GATEWAY_ENV="DATABASE_POOL_SIZE=4 HTTP_WORKERS=2". */
export const gatewayEnv: Record<string, string> = Object.fromEntries(
  (process.env['BENCH_GATEWAY_ENV'] ?? '')
    .split(' ')
    .filter((pair) => pair.includes('='))
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
);
