import { SecretBox } from '@followup/util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openDataSource } from '../lib/data-source';
import { Store } from '../lib/store';
import { StoreConfig, StoreEngine } from '../lib/store-config';

/** PostgreSQL used by the tests (CI has one at 127.0.0.1:5432, trust auth, database `test`). */
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export type { StoreEngine };
export const ENGINES: StoreEngine[] = ['sqlite', 'postgres'];

export interface TestStoreConfig {
  config: StoreConfig;
  /** Drops the PostgreSQL schema or deletes the SQLite folder. */
  dispose(): Promise<void>;
}

/**
 * A fresh, empty store configuration for one test run: a SQLite file in its own temp folder, or
 * a PostgreSQL schema of its own in the test database, so runs never collide.
 */
export function testStoreConfig(engine: StoreEngine): TestStoreConfig {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'fgw-test-'));
    return {
      config: { sqlitePath: join(dir, 'store.sqlite') },
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  return {
    config: { databaseUrl: TEST_DATABASE_URL, databaseSchema: schema, sqlitePath: '' },
    dispose: async () => {
      const client = new Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Opens (and migrates) a fresh store, sealing channel secrets with a fresh key as the gateway
 * does; `close` closes it and throws its data away.
 */
export async function openTestStore(
  engine: StoreEngine,
): Promise<{ store: Store; config: StoreConfig; secrets: SecretBox; close(): Promise<void> }> {
  const { config, dispose } = testStoreConfig(engine);
  const secrets = new SecretBox(SecretBox.generateKey());
  const store = new Store(await openDataSource(config), secrets);
  return {
    store,
    config,
    secrets,
    close: async () => {
      await store.close();
      await dispose();
    },
  };
}
