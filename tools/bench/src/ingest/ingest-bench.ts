import { StoreEngine, freshStoreEnv, storeConfigOf } from '@followup/persistence/testing';
import { openDataSource } from '@followup/persistence';
import { RunningGateway, startGatewayProcess } from '@followup/testing';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import sqlite3 from 'sqlite3';
import type { LoadResult, LoadSpec } from './load';
import { log, runLoad, summarise } from '../load/run-load';
import { gatewayEnv } from '../settings';
import { INGEST_TEXTS, setUpIngestLocation } from './ingest-setup';

type Row = Record<string, string | number>;

export interface IngestOptions {
  engines: StoreEngine[];
  rounds: number;
  warmupMs: number;
  measureMs: number;
  connections: number;
  senders: number;
  nodeArgs: string[];
}

const AUTH_TOKEN = '0123456789abcdef0123456789abcdef';
const ACCOUNT_SID = `AC${'1'.repeat(32)}`;
const TO = '+15005550006';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The bare floor in a process of its own: Fastify, the signature check, one sqlite3 insert. */
async function startFloor(dir: string): Promise<{ url: string; file: string; stop: () => void }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const file = join(dir, 'floor.sqlite');
  const child = spawn(process.execPath, [join(__dirname, 'ingest-floor.js'), file, AUTH_TOKEN, base], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) =>
    createInterface({ input: child.stdout }).on('line', (line) => line.startsWith('listening') && resolve()),
  );
  return { url: `${base}/webhooks/twilio/floor/messages`, file, stop: () => child.kill('SIGTERM') };
}

function floorRows(file: string): Promise<{ rows: number; distinct: number }> {
  const db = new sqlite3.Database(file);
  return new Promise((resolve, reject) =>
    db.get('SELECT count(*) AS rows, count(DISTINCT sid) AS "distinct" FROM messages', (error, row: { rows: number; distinct: number }) => {
      db.close();
      if (error) reject(error);
      else resolve(row);
    }),
  );
}

async function gatewayRows(env: Record<string, string>): Promise<{ rows: number; distinct: number; followups: number }> {
  const dataSource = await openDataSource(storeConfigOf(env), { migrate: false });
  const table = (name: string) => (env['DATABASE_SCHEMA'] ? `"${env['DATABASE_SCHEMA']}".${name}` : name);
  try {
    const [m] = await dataSource.query(
      `SELECT count(*) AS rows, count(DISTINCT provider_message_id) AS dist FROM ${table('messages')} WHERE direction = 'inbound'`,
    );
    const [f] = await dataSource.query(`SELECT count(*) AS n FROM ${table('followups')}`);
    return { rows: Number(m.rows), distinct: Number(m.dist), followups: Number(f.n) };
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Signed inbound ingest: the bare floor and the gateway on each engine, measured in turns (floor,
 * then each engine, `rounds` times) so drift in the machine's speed hits all of them alike.
 */
export async function benchIngest(options: IngestOptions): Promise<Record<string, Row>> {
  const dir = mkdtempSync(join(tmpdir(), 'fgw-ingest-'));
  const floor = await startFloor(dir);
  const gateways: { name: string; gateway: RunningGateway; url: string; env: Record<string, string>; dispose: () => Promise<void> }[] = [];
  const runs: Record<string, LoadResult[]> = {};
  try {
    for (const engine of options.engines) {
      const store = freshStoreEnv(engine);
      const gateway = await startGatewayProcess({ ...store.env, LOG_LEVEL: 'warn', ...gatewayEnv }, 30_000, options.nodeArgs);
      const { connectionId } = await setUpIngestLocation(gateway, { authToken: AUTH_TOKEN, accountSid: ACCOUNT_SID, from: TO });
      gateways.push({
        name: engine,
        gateway,
        url: `${gateway.url}/webhooks/twilio/${connectionId}/messages`,
        env: store.env,
        dispose: store.dispose,
      });
    }
    const targets = [{ name: 'floor', url: floor.url }, ...gateways];
    for (let round = 1; round <= options.rounds; round++) {
      for (const target of targets) {
        log(`ingest: ${target.name}, round ${round}: ${options.warmupMs / 1000} s warm-up, ${options.measureMs / 1000} s measured`);
        const result = await runLoad('ingest-load', {
          url: target.url,
          authToken: AUTH_TOKEN,
          accountSid: ACCOUNT_SID,
          to: TO,
          senders: options.senders,
          connections: options.connections,
          warmupMs: options.warmupMs,
          measureMs: options.measureMs,
          sidPrefix: `${target.name.slice(0, 2)}${round}`,
          texts: INGEST_TEXTS,
        } satisfies LoadSpec);
        log(`ingest: ${target.name}, round ${round}: ${result.rps}/s, p99 ${result.p99} ms, answers ${JSON.stringify(result.statuses)}`);
        (runs[target.name] ??= []).push(result);
      }
    }
    const results: Record<string, Row> = {};
    const summary = (name: string, rows: { rows: number; distinct: number }, extra: Row = {}): Row => {
      const overall = summarise(runs[name] ?? []);
      return {
        ...overall,
        rows: rows.rows,
        lost: Number(overall['answered_ok']) - rows.distinct,
        duplicated: rows.rows - rows.distinct,
        ...extra,
      };
    };
    results['floor'] = summary('floor', await floorRows(floor.file));
    for (const g of gateways) {
      const rows = await gatewayRows(g.env);
      results[g.name] = summary(g.name, rows, { followups: rows.followups });
    }
    return results;
  } finally {
    floor.stop();
    for (const g of gateways) {
      await g.gateway.stop();
      await g.dispose();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
