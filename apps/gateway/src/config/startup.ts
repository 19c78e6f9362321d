import { Store, StoreConfigError, describeStore, openDataSource } from '@followup/persistence';
import { SecretBox } from '@followup/util';
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
