import { ConfigError, ENVIRONMENT, loadConfig, storeConfig } from './gateway-config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('gateway configuration', () => {
  it('has working defaults for a first start', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '0.0.0.0', dataDir: './data', logLevel: 'info', defaultTimezone: 'UTC' });
    expect(storeConfig(config)).toMatchObject({ sqlitePath: join('data', 'followup.sqlite'), databaseUrl: undefined });
  });

  it('names every bad variable, one line each', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DEFAULT_TIMEZONE: 'Mars/Base', PUBLIC_BASE_URL: 'ftp://x', DATABASE_POOL_SIZE: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'LOG_LEVEL: "loud" is not one of fatal, error, warn, info, debug, trace, silent',
      'DEFAULT_TIMEZONE: "Mars/Base" is not an IANA time zone',
      'PUBLIC_BASE_URL: "ftp://x" is not an http(s) URL',
      'PORT: "eighty" is not an integer from 0 to 65535',
      'DATABASE_POOL_SIZE: "0" is not an integer from 1 to 200',
    ]);
  });

  it('keeps the secrets key in a file beside the store unless SECRETS_KEY is given, and checks a given key', () => {
    expect(loadConfig({ DATA_DIR: '/var/lib/fgw' }).secretsKey).toEqual({ file: join('/var/lib/fgw', 'secrets.key') });
    expect(loadConfig({ SECRETS_KEY_FILE: '/run/secrets/fgw' }).secretsKey).toEqual({ file: '/run/secrets/fgw' });
    const key = Buffer.alloc(32, 9).toString('base64');
    expect(loadConfig({ SECRETS_KEY: key }).secretsKey).toEqual({ value: key });
    expect(() => loadConfig({ SECRETS_KEY: 'hunter2' })).toThrow(
      'SECRETS_KEY: a secrets key is 32 bytes written as 64 hex digits or base64 (openssl rand -base64 32)',
    );
  });

  it('takes a Redis URL for the live chat bus, and nothing else there', () => {
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2' }).redisUrl).toBe('redis://127.0.0.1:6379/2');
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(
      'REDIS_URL: "http://127.0.0.1:6379" is not a redis:// or rediss:// URL',
    );
  });

  it('documents every variable in the README configuration table', () => {
    const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
    for (const [name] of ENVIRONMENT) expect(readme).toContain(`| \`${name}\``);
  });
});
