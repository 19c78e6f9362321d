import { isAbsolute, resolve } from 'node:path';

export type StoreEngine = 'sqlite' | 'postgres';

/** Where the store lives: a SQLite file by default, PostgreSQL when a URL is given. */
export interface StoreConfig {
  /** `postgres://user@host:5432/db`; when absent the embedded SQLite file is used. */
  databaseUrl?: string;
  /** PostgreSQL schema holding the tables (created when missing). */
  databaseSchema?: string;
  /** SQLite file, created with its folder on first use. */
  sqlitePath: string;
  /** PostgreSQL connection pool size. */
  poolSize?: number;
}

/** A configuration problem that must stop the process with one clear line. */
export class StoreConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'StoreConfigError';
  }
}

export function storeEngine(config: StoreConfig): StoreEngine {
  if (!config.databaseUrl) return 'sqlite';
  let url: URL;
  try {
    url = new URL(config.databaseUrl);
  } catch {
    throw new StoreConfigError('DATABASE_URL', 'is not a valid URL (expected postgres://user:password@host:5432/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new StoreConfigError(
      'DATABASE_URL',
      `scheme "${url.protocol.replace(/:$/, '')}" is not supported (use postgres://, or leave it unset for the embedded SQLite store)`,
    );
  }
  if (!url.hostname) throw new StoreConfigError('DATABASE_URL', 'names no host');
  if (url.pathname.replace(/^\//, '') === '')
    throw new StoreConfigError('DATABASE_URL', 'names no database (postgres://host:5432/<database>)');
  return 'postgres';
}

/** The store described without secrets, for logs and the start banner. */
export function describeStore(config: StoreConfig): string {
  if (storeEngine(config) === 'sqlite') return `sqlite ${absolute(config.sqlitePath)}`;
  const url = new URL(config.databaseUrl as string);
  const schema = config.databaseSchema ? ` schema ${config.databaseSchema}` : '';
  return `postgres ${url.hostname}:${url.port || 5432}${url.pathname}${schema}`;
}

export function absolute(path: string): string {
  return isAbsolute(path) ? path : resolve(process.cwd(), path);
}
