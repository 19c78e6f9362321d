import 'reflect-metadata';
import { StoreEngine, freshStoreEnv, seedDueFollowups } from '@followup/persistence/testing';
import { RunningGateway, startGatewayProcess } from '@followup/testing';
import { Queue } from 'bullmq';
import { ChildProcess, execSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ProviderDouble, percentile } from './provider-double';
import { report } from './report';
import { chart } from './chart';
import { readSaved } from './saved';
import type { Row } from './saved';
import { benchApi } from './api/api-bench';
import { log } from './load/run-load';
import {
  CONCURRENCY,
  API,
  INGEST,
  command,
  N_STEADY,
  N_THROUGHPUT,
  PENDING_LARGE,
  PENDING_SMALL,
  RATE,
  ROOT,
  RUNS,
  engines,
  gatewayEnv,
  nodeArgs,
  quick,
  suites,
} from './settings';
import { benchIngest } from './ingest/ingest-bench';
import { compareClassifiers } from '@followup/detection/comparison';
import { claimTimesMs, medianOf, seedPending } from './store-work';

/**
 * Benchmarks of ingest, API writes and dispatch (not tests: nothing here asserts a timing). Writes
 * docs/benchmarks.md, .json and .svg. `npm run bench` for the full run, `npm run bench -- --quick` to try it.
 */

function rssMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

function lateness(arrivals: Map<string, number>, due: Map<string, number>): { p50: number; p99: number; max: number } {
  const values = [...due].map(([key, at]) => (arrivals.get(key) ?? Number.NaN) - at).sort((a, b) => a - b);
  return { p50: percentile(values, 50), p99: percentile(values, 99), max: values[values.length - 1] ?? Number.NaN };
}

async function benchEngine(engine: StoreEngine, double: ProviderDouble, url: string): Promise<Row> {
  const store = freshStoreEnv(engine);
  const small = freshStoreEnv(engine);
  const env = {
    ...store.env,
    LOG_LEVEL: 'warn',
    DISPATCH_CONCURRENCY: String(CONCURRENCY),
    DISPATCH_IDLE_MAX_MS: '50',
    ...(process.env['BENCH_BATCH'] ? { DISPATCH_BATCH_SIZE: process.env['BENCH_BATCH'] } : {}),
    ...(process.env['HTTP_WORKERS'] ? { HTTP_WORKERS: process.env['HTTP_WORKERS'] } : {}),
    ...gatewayEnv,
  };
  const result: Row = {};
  let gateway: RunningGateway | undefined;
  try {
    gateway = await startGatewayProcess(env, 30_000, nodeArgs);
    const locationId = gateway.locationId as string;
    // The token the first start printed (a restart over the same store prints none).
    const token = gateway.token as string;

    const throughput = await medianOf(RUNS, async () => {
      log(`${engine}: throughput, ${N_THROUGHPUT} follow-ups due at once`);
      double.reset();
      await seedDueFollowups(env, locationId, url, N_THROUGHPUT);
      const t0 = Date.now();
      await double.waitFor(N_THROUGHPUT, 600_000);
      result['repeats'] = Number(result['repeats'] ?? 0) + double.repeats;
      return Math.round(N_THROUGHPUT / ((Date.now() - t0) / 1000));
    });
    result['throughput'] = throughput.median;
    result['throughput_runs'] = throughput.runs.join(', ');
    if (process.env['BENCH_ONLY'] === 'throughput') return result;

    log(`${engine}: lateness at ${RATE}/s for ${N_STEADY / RATE} s`);
    double.reset();
    const start = Date.now() + 10_000;
    const ids = await seedDueFollowups(env, locationId, url, N_STEADY, (i) => new Date(start + Math.floor((i * 1000) / RATE)));
    const due = new Map(ids.map((id, i) => [`fu_${id}`, start + Math.floor((i * 1000) / RATE)]));
    const sampler = setInterval(() => {
      result['rss_under_load_mb'] = Math.max(Number(result['rss_under_load_mb'] ?? 0), rssMb(gateway?.process.pid as number).rss);
    }, 200);
    await double.waitFor(N_STEADY, 600_000);
    clearInterval(sampler);
    const late = lateness(double.arrivals, due);
    Object.assign(result, { lateness_p50: late.p50, lateness_p99: late.p99, lateness_max: late.max });
    await gateway.stop();
    gateway = undefined;

    log(`${engine}: claim time with ${PENDING_SMALL} and ${PENDING_LARGE} pending`);
    await seedPending(small.env, locationId, PENDING_SMALL);
    await seedPending(env, locationId, PENDING_LARGE);
    const claims = await claimTimesMs({ small: small.env, large: env }, locationId, url);
    result['claim_ms_small'] = claims.small;
    result['claim_ms_large'] = claims.large;

    log(`${engine}: memory with ${PENDING_LARGE} pending`);
    gateway = await startGatewayProcess(env);
    await readOneText(gateway.url, token);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    result['rss_idle_large_mb'] = rssMb(gateway.process.pid as number).rss;
    double.reset();
    await seedDueFollowups(env, locationId, url, 5_000);
    await double.waitFor(5_000, 600_000);
    result['rss_peak_large_mb'] = rssMb(gateway.process.pid as number).peak;
  } finally {
    await gateway?.stop();
    await store.dispose();
    await small.dispose();
  }
  return result;
}

/**
 * One text through POST /detect, read as the engine reads a reply: a gateway that receives replies
 * has started its reading thread (DETECTION_THREADS), whose heap counts in its resident memory.
 */
async function readOneText(url: string, token: string): Promise<void> {
  const res = await fetch(`${url}/detect`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, version: '2021-04-15', 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'call me tomorrow at 3' }),
  });
  if (!res.ok) throw new Error(`POST /detect: ${res.status} ${await res.text()}`);
}

async function benchBullmq(double: ProviderDouble, url: string): Promise<Row> {
  const connection = { host: '127.0.0.1', port: 6379 };
  const queue = new Queue('followup-bench', { connection });
  await queue.obliterate({ force: true });
  const worker: ChildProcess = spawn(process.execPath, [join(__dirname, 'bullmq-worker.js'), 'followup-bench', url, String(CONCURRENCY)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => worker.stdout?.once('data', () => resolve()));
  const result: Row = {};
  try {
    const throughput = await medianOf(RUNS, async (run = Math.random().toString(36).slice(2, 8)) => {
      log(`bullmq: throughput, ${N_THROUGHPUT} jobs due at once`);
      double.reset();
      await queue.pause();
      for (let i = 0; i < N_THROUGHPUT; i += 1_000) {
        await queue.addBulk(
          Array.from({ length: Math.min(1_000, N_THROUGHPUT - i) }, (_, k) => ({
            name: 'f',
            data: { body: 'Hi Load' },
            opts: { jobId: `t${run}-${i + k}`, removeOnComplete: true },
          })),
        );
      }
      const t0 = Date.now();
      await queue.resume();
      await double.waitFor(N_THROUGHPUT, 600_000);
      result['repeats'] = Number(result['repeats'] ?? 0) + double.repeats;
      return Math.round(N_THROUGHPUT / ((Date.now() - t0) / 1000));
    });
    result['throughput'] = throughput.median;
    result['throughput_runs'] = throughput.runs.join(', ');

    log(`bullmq: lateness at ${RATE}/s`);
    double.reset();
    const start = Date.now() + 10_000;
    const due = new Map<string, number>();
    for (let i = 0; i < N_STEADY; i += 1_000) {
      const now = Date.now();
      await queue.addBulk(
        Array.from({ length: Math.min(1_000, N_STEADY - i) }, (_, k) => {
          const at = start + Math.floor(((i + k) * 1000) / RATE);
          due.set(`s${i + k}`, at);
          return { name: 'f', data: { body: 'Hi Load' }, opts: { jobId: `s${i + k}`, delay: at - now, removeOnComplete: true } };
        }),
      );
    }
    const sampler = setInterval(() => {
      result['rss_under_load_mb'] = Math.max(Number(result['rss_under_load_mb'] ?? 0), rssMb(worker.pid as number).rss);
    }, 200);
    await double.waitFor(N_STEADY, 600_000);
    clearInterval(sampler);
    const late = lateness(double.arrivals, due);
    Object.assign(result, { lateness_p50: late.p50, lateness_p99: late.p99, lateness_max: late.max });
  } finally {
    worker.kill('SIGTERM');
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
  return result;
}

function machine(): string {
  const pg = execSync('psql -h 127.0.0.1 -U postgres -tAc "show server_version" test 2>/dev/null || true').toString().trim();
  return `${cpus().length} cores (${cpus()[0]?.model ?? 'cpu'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; PostgreSQL ${pg || '?'}`;
}

/** Runs the chosen suites; a full (not --quick) run replaces their figures in docs/benchmarks.json and rewrites the report and chart. */
async function main(): Promise<void> {
  const savedFile = join(ROOT, 'docs/benchmarks.json');
  const saved = readSaved(savedFile);
  const timed = async <T>(suite: string, work: () => Promise<T>) => {
    const began = Date.now();
    log(`${suite}: starting`);
    const figures = await work();
    log(`${suite}: done in ${Math.round((Date.now() - began) / 1000)} s`);
    return { date: new Date().toISOString(), command, seconds: (Date.now() - began) / 1000, machine: machine(), figures };
  };
  if (!process.argv.includes('--render')) {
    if (suites.includes('detection')) process.stdout.write(`\n${await compareClassifiers()}\n`);
    if (suites.includes('ingest')) saved.ingest = await timed('ingest', () => benchIngest({ ...INGEST, engines, nodeArgs }));
    if (suites.includes('api')) saved.api = await timed('api', () => benchApi({ ...API, engines, nodeArgs }));
    if (suites.includes('dispatch')) saved.dispatch = await timed('dispatch', benchDispatch);
  }
  const text = report(saved);
  process.stdout.write(`\n${text}`);
  // --render re-renders docs/benchmarks.md and the chart from the saved figures (after editing the notes).
  if (quick) return;
  writeFileSync(savedFile, `${JSON.stringify(saved, null, 2)}\n`);
  writeFileSync(join(ROOT, 'docs/benchmarks.md'), text);
  writeFileSync(join(ROOT, 'docs/benchmarks.svg'), chart(saved));
}

async function benchDispatch(): Promise<{ results: Record<string, Row>; bull: Row }> {
  const double = new ProviderDouble();
  const url = await double.start();
  const results: Record<string, Row> = {};
  try {
    for (const engine of engines) results[engine] = await benchEngine(engine, double, url);
    return { results, bull: await benchBullmq(double, url) };
  } finally {
    await double.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
