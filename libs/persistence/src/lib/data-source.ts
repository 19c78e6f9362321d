import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES, SnakeNamingStrategy } from './entities';
import { MIGRATIONS } from './migrations';
import { PipelinedClient } from './pipelined-client';
import { StoreConfig, StoreConfigError, absolute, storeEngine } from './store-config';

const SCHEMA_RE = /^[a-z_][a-z0-9_]{0,62}$/;

export function dataSourceOptions(config: StoreConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: false,
  } as const;
  if (storeEngine(config) === 'sqlite') {
    // better-sqlite3 runs each statement on the calling thread: no hop to a thread pool and back per
    // statement (the sqlite3 driver's hops left the inbound path waiting 60 % of the time; see
    // docs/benchmarks.md). Statements are prepared once and kept (statementCacheSize).
    return {
      ...common,
      type: 'better-sqlite3',
      database: absolute(config.sqlitePath),
      enableWAL: true,
      timeout: 10_000,
      statementCacheSize: 500,
    };
  }
  const schema = config.databaseSchema || undefined;
  if (schema && !SCHEMA_RE.test(schema)) {
    throw new StoreConfigError('DATABASE_SCHEMA', `"${schema}" is not a plain lower-case schema name`);
  }
  return {
    ...common,
    type: 'postgres',
    url: config.databaseUrl,
    schema,
    poolSize: config.poolSize ?? 10,
    connectTimeoutMS: 5_000,
    applicationName: 'followup-gateway',
    // Pipelined connections: the statements a group's interleaved units issue together travel in one
    // round trip (pipelined-client.ts, group-commit.ts).
    extra: { Client: PipelinedClient },
  };
}

function describeError(error: unknown): string {
  // Duck-typed: errors raised inside node's internals may come from another realm.
  const e = error as { errors?: unknown[]; code?: unknown; message?: unknown } | null;
  const first = (Array.isArray(e?.errors) && e.errors.length > 0 ? e.errors[0] : e) as typeof e;
  const code = first?.code;
  // System errors (ECONNREFUSED, ENOTFOUND, EACCES) read best as their code; server errors as text.
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  return typeof first?.message === 'string' ? first.message : String(first);
}

/** Explains a failure to reach the database in one line naming the variable to fix. */
function connectionError(config: StoreConfig, error: unknown): StoreConfigError {
  const detail = describeError(error);
  if (storeEngine(config) === 'sqlite') {
    return new StoreConfigError('DATA_DIR', `cannot open the SQLite store at ${absolute(config.sqlitePath)} (${detail})`);
  }
  const url = new URL(config.databaseUrl as string);
  return new StoreConfigError(
    'DATABASE_URL',
    `cannot connect to PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname} (${detail})`,
  );
}

/**
 * Opens the store and, unless told not to, applies pending migrations. On PostgreSQL the
 * schema is created when missing and migrations run under an advisory lock, so replicas that
 * start together do not race.
 */
export async function openDataSource(config: StoreConfig, options: { migrate?: boolean } = {}): Promise<DataSource> {
  const dsOptions = dataSourceOptions(config);
  if (dsOptions.type === 'better-sqlite3') {
    try {
      mkdirSync(dirname(dsOptions.database), { recursive: true });
    } catch (error) {
      throw connectionError(config, error);
    }
  }
  const dataSource = new DataSource(dsOptions);
  try {
    await dataSource.initialize();
  } catch (error) {
    throw connectionError(config, error);
  }
  try {
    if (dsOptions.type === 'better-sqlite3') {
      // WAL with synchronous=NORMAL: a commit survives the process crashing (kill -9); only a power
      // loss can drop the last commits. FULL would fsync every commit and cap dispatch throughput.
      await dataSource.query('PRAGMA synchronous = NORMAL');
      // A 32 MB page cache (the default is 2 MB) keeps the queue's index pages in memory as the
      // backlog grows, so a claim costs the same with a million follow-ups pending as with ten thousand.
      await dataSource.query('PRAGMA cache_size = -32768');
      // Temporary b-trees (an UPDATE that changes an indexed column it filters on, an ORDER BY no index
      // serves) in memory: as files, every such statement created one, ~150 µs each (cancelling a
      // conversation's pending follow-ups went from 220 µs to 18 µs).
      await dataSource.query('PRAGMA temp_store = MEMORY');
    }
    if (dsOptions.type === 'postgres' && dsOptions.schema) {
      // IF NOT EXISTS does not hold between two sessions creating it at once (replicas starting
      // together): the loser fails on pg_namespace's unique index, and the schema is there all the same.
      await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${dsOptions.schema}"`).catch((error: unknown) => {
        const code = (error as { driverError?: { code?: string } }).driverError?.code;
        if (code !== '23505' && code !== '42P06') throw error;
      });
    }
    if (options.migrate !== false) await migrate(dataSource);
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  return dataSource;
}

const MIGRATION_LOCK = 724_611_001;

export async function migrate(dataSource: DataSource): Promise<string[]> {
  if (dataSource.options.type !== 'postgres') {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
