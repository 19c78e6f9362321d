import {
  Store,
  StoreConfigError,
  StoreLockedError,
  absolute,
  acquireStoreLock,
  describeStore,
  openDataSource,
  storeEngine,
} from '@followup/persistence';
import { SecretBox } from '@followup/util';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, GatewayConfig, loadConfig, storeConfig } from './gateway-config';

/*
 * What the gateway and the CLI check before they work on the store. Kept apart from start.ts (the
 * HTTP application) so that the CLI's bundle loads only configuration and persistence, and answers
 * at once.
 */

/** A start-up failure the operator must fix: printed as one line, exit code 1, no stack trace. */
export class StartupError extends Error {}

export function loadConfigOrFail(): GatewayConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new StartupError(error.problems.join('\n'));
    throw error;
  }
}

export async function openStoreOrFail(config: GatewayConfig, secrets?: SecretBox): Promise<Store> {
  try {
    return new Store(await openDataSource(storeConfig(config)), secrets);
  } catch (error) {
    if (error instanceof StoreConfigError) throw new StartupError(error.message);
    const detail = error instanceof Error ? error.message : String(error);
    throw new StartupError(`store: ${describeStore(storeConfig(config))}: ${detail}`);
  }
}

/**
 * One process per SQLite store: the gateway holds `<store>.lock` (its pid) while it runs, so a
 * second gateway, or a restore, is refused. The lock of a process that is gone is taken over.
 */
export function lockSqliteStoreOrFail(config: GatewayConfig): void {
  const store = storeConfig(config);
  try {
    if (storeEngine(store) !== 'sqlite') return;
  } catch (error) {
    if (error instanceof StoreConfigError) throw new StartupError(error.message);
    throw error;
  }
  const path = absolute(store.sqlitePath);
  try {
    mkdirSync(dirname(path), { recursive: true });
    const lock = acquireStoreLock(path);
    process.once('exit', () => lock.release());
  } catch (error) {
    if (error instanceof StoreLockedError) {
      throw new StartupError(
        `DATA_DIR: the SQLite store ${path} is in use by process ${error.pid} (${error.lockFile}); one process per SQLite store (PostgreSQL for several)`,
      );
    }
    throw new StartupError(`DATA_DIR: cannot lock the SQLite store ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
