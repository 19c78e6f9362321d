import { SecretBox } from '@followup/util';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  // Written to a temporary file, then linked into place: a replica starting at the same moment
  // either sees no file or the whole key, never an empty one.
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, `${key.toString('base64')}\n`, { mode: 0o600 });
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadSecretsKey(config);
    throw new SecretsKeyError(`SECRETS_KEY_FILE: cannot create ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  } finally {
    rmSync(temporary, { force: true });
  }
  return { box: new SecretBox(key), created: file };
}
