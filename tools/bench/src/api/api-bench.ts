import { StoreEngine, freshStoreEnv, storeConfigOf } from '@followup/persistence/testing';
import { openDataSource } from '@followup/persistence';
import { RunningGateway, startGatewayProcess } from '@followup/testing';
import type { LoadResult } from '../load/closed-loop';
import { log, runLoad, summarise } from '../load/run-load';
import { gatewayEnv } from '../settings';
import { INGEST_TEXTS, setUpIngestLocation } from '../ingest/ingest-setup';
import type { ApiLoadSpec } from './load';

type Row = Record<string, string | number>;

export interface ApiOptions {
  engines: StoreEngine[];
  rounds: number;
  warmupMs: number;
  measureMs: number;
  connections: number;
  nodeArgs: string[];
}

/** Rows the API writes made, counted after the run (each 2xx answer must have left exactly one). */
async function storeRows(env: Record<string, string>): Promise<Row> {
  const dataSource = await openDataSource(storeConfigOf(env), { migrate: false });
  const table = (name: string) => (env['DATABASE_SCHEMA'] ? `"${env['DATABASE_SCHEMA']}".${name}` : name);
  const count = async (sql: string) => Number((await dataSource.query(sql))[0].n);
  try {
    return {
      contacts: await count(`SELECT count(*) AS n FROM ${table('contacts')}`),
      conversations: await count(`SELECT count(*) AS n FROM ${table('conversations')}`),
      messages: await count(`SELECT count(*) AS n FROM ${table('messages')}`),
      followup_records: await count(`SELECT count(*) AS n FROM ${table('followups')} WHERE status = 'on_hold'`),
    };
  } finally {
    await dataSource.destroy();
  }
}

/**
 * API writes on each engine: a CRM integration's workers creating contacts, conversations, messages
 * (outbound, and inbound ones that run detection and rescheduling) and manual follow-up records,
 * `connections` at a time, in turns per engine like the ingest benchmark.
 */
export async function benchApi(options: ApiOptions): Promise<Record<string, Row>> {
  const targets: {
    name: StoreEngine;
    gateway: RunningGateway;
    agentId: string;
    env: Record<string, string>;
    dispose: () => Promise<void>;
  }[] = [];
  const runs: Record<string, LoadResult[]> = {};
  try {
    for (const engine of options.engines) {
      const store = freshStoreEnv(engine);
      const gateway = await startGatewayProcess({ ...store.env, LOG_LEVEL: 'warn', ...gatewayEnv }, 30_000, options.nodeArgs);
      const { agentId } = await setUpIngestLocation(gateway, {
        authToken: '0123456789abcdef0123456789abcdef',
        accountSid: `AC${'1'.repeat(32)}`,
        from: '+15005550006',
      });
      targets.push({ name: engine, gateway, agentId, env: store.env, dispose: store.dispose });
    }
    for (let round = 1; round <= options.rounds; round++) {
      for (const target of targets) {
        log(`api: ${target.name}, round ${round}: ${options.warmupMs / 1000} s warm-up, ${options.measureMs / 1000} s measured`);
        const result = await runLoad('api-load', {
          url: target.gateway.url,
          token: target.gateway.token as string,
          agentId: target.agentId,
          run: round,
          connections: options.connections,
          warmupMs: options.warmupMs,
          measureMs: options.measureMs,
          texts: INGEST_TEXTS,
        } satisfies ApiLoadSpec);
        log(`api: ${target.name}, round ${round}: ${result.rps}/s, p99 ${result.p99} ms, answers ${JSON.stringify(result.statuses)}`);
        (runs[target.name] ??= []).push(result);
      }
    }
    const results: Record<string, Row> = {};
    for (const target of targets) {
      const list = runs[target.name] ?? [];
      const kinds: Row = {};
      for (const kind of Object.keys(list[0]?.kinds ?? {})) {
        const each = list.map((r) => r.kinds[kind] ?? { rps: 0, p99: Number.NaN });
        kinds[`rps ${kind}`] = Math.round(each.reduce((n, k) => n + k.rps, 0) / each.length);
        kinds[`p99 ${kind}`] = Math.max(...each.map((k) => k.p99));
      }
      results[target.name] = { ...summarise(list), ...kinds, ...(await storeRows(target.env)) };
    }
    return results;
  } finally {
    for (const target of targets) {
      await target.gateway.stop();
      await target.dispose();
    }
  }
}
