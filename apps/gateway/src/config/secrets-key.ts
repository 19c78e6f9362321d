import { SecretBox } from '@followup/util';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GatewayConfig } from './gateway-config';

export class SecretsKeyError extends Error {}

/**
 * The SecretBox sealing channel secrets. SECRETS_KEY wins; else the key file is read, or created
 * on the first start (mode 600) — `created` says so, for the banner.
 */
export function loadSecretsKey(config: GatewayConfig): { box: SecretBox; created?: string } {
  const source = config.secretsKey;
  if ('value' in source) return { box: new SecretBox(SecretBox.parseKey(source.value)) };
  const file = source.file;
  if (existsSync(file)) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new SecretsKeyError(`SECRETS_KEY_FILE: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    try {
      return { box: new SecretBox(SecretBox.parseKey(text)) };
    } catch (error) {
      throw new SecretsKeyError(`SECRETS_KEY_FILE: ${file} does not hold a key: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const key = SecretBox.generateKey();
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  } catch (error) {
    // Another replica on the same folder created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadSecretsKey(config);
    throw new SecretsKeyError(`SECRETS_KEY_FILE: cannot create ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return { box: new SecretBox(key), created: file };
}
