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

  it('has no AI endpoint unless AI_BASE_URL is set, and then needs a model', () => {
    expect(loadConfig({}).ai).toBeUndefined();
    const local = { AI_BASE_URL: 'http://127.0.0.1:11434/v1', AI_MODEL: 'llama3.2', ALLOW_PRIVATE_NETWORK_URLS: 'true' };
    expect(loadConfig(local).ai).toEqual({
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'llama3.2',
      timeoutMs: 10_000,
    });
    const openai = { AI_BASE_URL: 'https://api.openai.com/v1', AI_API_KEY: 'sk-secret-1', AI_MODEL: 'gpt-4o-mini', AI_TIMEOUT_MS: '5000' };
    expect(loadConfig(openai).ai).toEqual({
      baseUrl: 'https://api.openai.com/v1',
      apiKey: 'sk-secret-1',
      model: 'gpt-4o-mini',
      timeoutMs: 5000,
    });
  });

  it('names each bad AI variable, never quoting the key', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (e) {
        return (e as ConfigError).problems;
      }
      return [];
    };
    expect(problems({ AI_BASE_URL: 'https://api.openai.com/v1' })).toEqual([
      'AI_MODEL: required when AI_BASE_URL is set (the model to ask, e.g. gpt-4o-mini or llama3.2)',
    ]);
    expect(problems({ AI_BASE_URL: 'localhost:11434', AI_MODEL: 'm', AI_TIMEOUT_MS: '0' })).toEqual([
      'AI_TIMEOUT_MS: "0" is not an integer from 500 to 120000',
      'AI_BASE_URL: "localhost:11434" is not an http(s) URL',
    ]);
    const unset = problems({ AI_API_KEY: 'sk-secret-2', AI_MODEL: 'gpt-4o-mini' });
    expect(unset).toEqual([
      'AI_MODEL: set without AI_BASE_URL (for OpenAI, AI_BASE_URL=https://api.openai.com/v1)',
      'AI_API_KEY: set without AI_BASE_URL (for OpenAI, AI_BASE_URL=https://api.openai.com/v1)',
    ]);
    expect(unset.join('\n')).not.toContain('sk-secret-2');
    expect(problems({ AI_BASE_URL: 'http://ai.internal:11434/v1', AI_MODEL: 'm', AI_TIMEOUT_MS: '40000' })).toEqual([
      'AI_TIMEOUT_MS: 40000 must be at most half of DISPATCH_LEASE_MS (60000)',
    ]);
  });

  it('refuses outbound URLs to private networks unless ALLOW_PRIVATE_NETWORK_URLS=true; a loopback AI_BASE_URL says so at boot', () => {
    expect(loadConfig({}).allowPrivateNetworkUrls).toBe(false);
    expect(loadConfig({ ALLOW_PRIVATE_NETWORK_URLS: 'true' }).allowPrivateNetworkUrls).toBe(true);
    expect(() => loadConfig({ ALLOW_PRIVATE_NETWORK_URLS: 'yes' })).toThrow('ALLOW_PRIVATE_NETWORK_URLS: "yes" is not true or false');
    expect(() => loadConfig({ AI_BASE_URL: 'http://127.0.0.1:11434/v1', AI_MODEL: 'llama3.2' })).toThrow(
      'AI_BASE_URL: 127.0.0.1 is a loopback address; set ALLOW_PRIVATE_NETWORK_URLS=true to allow',
    );
    expect(() => loadConfig({ AI_BASE_URL: 'http://localhost:11434/v1', AI_MODEL: 'llama3.2' })).toThrow(
      'AI_BASE_URL: localhost is a loopback address',
    );
    // A name is checked when the gateway connects, against what it resolves to.
    expect(loadConfig({ AI_BASE_URL: 'http://ollama.internal:11434/v1', AI_MODEL: 'llama3.2' }).ai?.baseUrl).toBe(
      'http://ollama.internal:11434/v1',
    );
  });

  it('takes a Redis URL for the live chat bus, and nothing else there', () => {
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2' }).redisUrl).toBe('redis://127.0.0.1:6379/2');
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(
      'REDIS_URL: "http://127.0.0.1:6379" is not a redis:// or rediss:// URL',
    );
  });

  it('reads the failover wait without a status: a default, then per-channel overrides; names each bad part', () => {
    expect(loadConfig({}).dispatch.noStatusWait).toEqual({ defaultMs: 900_000, byChannel: {} });
    expect(loadConfig({ FAILOVER_NO_STATUS_MS: '600000, email=3600000,whatsapp=1200000' }).dispatch.noStatusWait).toEqual({
      defaultMs: 600_000,
      byChannel: { email: 3_600_000, whatsapp: 1_200_000 },
    });
    expect(loadConfig({ FAILOVER_NO_STATUS_MS: 'sms=60000' }).dispatch.noStatusWait).toEqual({
      defaultMs: 900_000,
      byChannel: { sms: 60_000 },
    });
    let error: unknown;
    try {
      loadConfig({ FAILOVER_NO_STATUS_MS: 'soon,fax=1000,email=5' });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).problems).toEqual([
      'FAILOVER_NO_STATUS_MS: "soon" is not milliseconds from 1000 to 86400000 (e.g. 900000 or email=3600000)',
      'FAILOVER_NO_STATUS_MS: "fax" is not a channel (sms, email, whatsapp, live_chat, voice)',
      'FAILOVER_NO_STATUS_MS: "email=5" is not milliseconds from 1000 to 86400000 (e.g. 900000 or email=3600000)',
    ]);
  });

  it('documents every variable in the README configuration table', () => {
    const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
    for (const [name] of ENVIRONMENT) expect(readme).toContain(`| \`${name}\``);
  });
});
