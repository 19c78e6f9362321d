import type { AiComposerConfig } from '@followup/composer';
import { StoreConfig } from '@followup/persistence';
import { CHANNEL_TYPES } from '@followup/contracts';
import { NoStatusWait, SecretBox, isIanaZone, literalUrlProblem } from '@followup/util';
import { join } from 'node:path';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The gateway's configuration, read once from the environment and validated at boot. */
export interface GatewayConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  databaseSchema?: string;
  databasePoolSize: number;
  dataDir: string;
  logLevel: LogLevel;
  /** Where providers and browsers reach the gateway (callbacks, links); defaults to the local URL. */
  publicBaseUrl?: string;
  firstLocationName: string;
  defaultTimezone: string;
  dispatch: {
    enabled: boolean;
    batchSize: number;
    concurrency: number;
    leaseMs: number;
    idleMaxMs: number;
    noStatusWait: NoStatusWait;
  };
  /** Worker threads that make the providers' HTTP calls (0: the main thread). */
  httpWorkers: number;
  detectionThreads: number;
  /** Outbound URLs may reach loopback, private and link-local addresses (off by default: see network-policy.ts). */
  allowPrivateNetworkUrls: boolean;
  /** Longest a request may take to arrive (headers and body); slower senders get 408. */
  requestTimeoutMs: number;
  /** Live chat across processes through Redis (socket.io's Redis adapter) instead of PostgreSQL's NOTIFY. */
  redisUrl?: string;
  /** The key that seals channel secrets at rest: given (SECRETS_KEY) or kept in a file. */
  secretsKey: { value: string } | { file: string };
  /** The chat completions endpoint that writes AI follow-ups (AI_BASE_URL); unset: AI steps are held. */
  ai?: AiComposerConfig;
  /** The built dashboard's files, served at /ui (undefined: dist/apps/dashboard beside the gateway's bundle). */
  dashboardDir?: string;
  /** Tests only: a clock that stands still until POST /test/clock moves it. */
  testClock?: { start?: Date };
}

/** One line per problem, each naming the environment variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/**
 * Every environment variable the gateway reads, with its default and meaning. The README's
 * configuration table is this list; nothing else in the code base reads process.env.
 */
export const ENVIRONMENT = [
  ['PORT', '3000', 'HTTP port (0 picks a free one).'],
  ['HOST', '0.0.0.0', 'Interface to listen on.'],
  ['DATABASE_URL', '(unset)', 'postgres://user:password@host:5432/db to use PostgreSQL; unset uses the embedded SQLite store.'],
  ['DATABASE_SCHEMA', 'public', 'PostgreSQL schema for the tables (created when missing).'],
  ['DATABASE_POOL_SIZE', '10', 'PostgreSQL connections per gateway process.'],
  ['DATA_DIR', './data', 'Folder of the SQLite store (followup.sqlite) and key files; created on first start.'],
  ['LOG_LEVEL', 'info', 'fatal, error, warn, info, debug, trace or silent. Logs are JSON lines on stdout.'],
  [
    'PUBLIC_BASE_URL',
    '(the listening address)',
    'Public URL of the gateway as providers and browsers reach it: status callbacks, signed webhook URLs, unsubscribe links.',
  ],
  ['FIRST_LOCATION_NAME', 'Default location', 'Name of the location created on the first start with an empty store.'],
  ['DEFAULT_TIMEZONE', 'UTC', 'IANA zone of that first location (default zone of its voice agents).'],
  ['DISPATCH_ENABLED', 'true', 'Run the follow-up and workflow dispatch loops in this process (false: API only).'],
  ['DISPATCH_BATCH_SIZE', '100', 'Due follow-ups claimed per query.'],
  ['DISPATCH_CONCURRENCY', '200', 'Follow-up sends in flight at once in this process.'],
  ['DISPATCH_LEASE_MS', '60000', 'How long a claimed follow-up is held; rows of a process that died are recovered after this.'],
  ['DISPATCH_IDLE_MAX_MS', '2000', 'Longest sleep when nothing is due (rows another replica scheduled are seen at least this often).'],
  [
    'FAILOVER_NO_STATUS_MS',
    '900000',
    'With dynamic channel switching, how long a send of unknown outcome (timeout, 5xx) waits for a status before it counts as failed and the step fails over; per channel: `900000,email=3600000`.',
  ],
  [
    'SECRETS_KEY',
    '(unset)',
    'Key that encrypts channel secrets at rest (AES-256-GCM): 32 bytes as base64 (`openssl rand -base64 32`) or hex. Replicas must share it.',
  ],
  [
    'SECRETS_KEY_FILE',
    '$DATA_DIR/secrets.key',
    'Where the key is kept when SECRETS_KEY is unset; the first start creates it (mode 600) and says so.',
  ],
  ['HTTP_WORKERS', '1', 'Worker threads that make the outbound HTTP calls (channels, workflows); 0 makes them on the main thread.'],
  [
    'DETECTION_THREADS',
    '1',
    'Worker threads that read inbound texts (language, cues, times named) before their unit of work; 0 reads them on the main thread.',
  ],
  [
    'ALLOW_PRIVATE_NETWORK_URLS',
    'false',
    "true lets outbound URLs (webhook channels, workflows, AI_BASE_URL, providers' api_base_url) reach loopback, private, link-local and CGNAT addresses; off, they are refused.",
  ],
  [
    'HTTP_REQUEST_TIMEOUT_MS',
    '30000',
    'Longest a request may take to arrive, headers and body; a slower sender gets 408 and is disconnected.',
  ],
  [
    'AI_BASE_URL',
    '(unset)',
    'OpenAI-compatible endpoint that writes AI follow-ups (`https://api.openai.com/v1`, `http://127.0.0.1:11434/v1`...); unset: AI-written steps are held.',
  ],
  ['AI_API_KEY', '(unset)', 'Its key, sent as `Authorization: Bearer`; leave unset for a local server that takes none. Never logged.'],
  ['AI_MODEL', '(unset)', 'The model to ask (`gpt-4o-mini`, `llama3.2`...); required with AI_BASE_URL.'],
  ['AI_TIMEOUT_MS', '10000', 'Longest the endpoint may stay silent; then the step falls back to its customMessage or is held.'],
  [
    'DASHBOARD_DIR',
    '(the built dashboard)',
    'Folder of the dashboard files served at /ui (default: dist/apps/dashboard, where the build puts them).',
  ],
  [
    'REDIS_URL',
    '(unset)',
    'redis://host:6379 to carry live chat messages between gateway processes through Redis (socket.io Redis adapter); unset: PostgreSQL LISTEN/NOTIFY, or nothing on SQLite (one process).',
  ],
  [
    'TEST_CLOCK',
    '(unset)',
    'Tests only: `manual` freezes the clock (start at TEST_CLOCK_START) and adds POST /test/clock to move it. Never in production.',
  ],
  ['TEST_CLOCK_START', '(now)', 'Tests only: the instant the manual clock starts at (ISO 8601).'],
] as const;

type Env = Record<string, string | undefined>;

/**
 * FAILOVER_NO_STATUS_MS: a default wait, then `channel=ms` overrides (`900000,email=3600000`); each
 * from one second to a day.
 */
function noStatusWait(env: Env, problems: string[]): NoStatusWait {
  const name = 'FAILOVER_NO_STATUS_MS';
  const raw = env[name]?.trim();
  const wait: { defaultMs: number; byChannel: Record<string, number> } = { defaultMs: 900_000, byChannel: {} };
  if (!raw) return wait;
  const ms = (value: string): number | undefined => {
    const n = Number(value);
    return value !== '' && Number.isInteger(n) && n >= 1000 && n <= 86_400_000 ? n : undefined;
  };
  for (const part of raw.split(',').map((p) => p.trim())) {
    const [channel, value] = part.includes('=') ? part.split('=', 2).map((p) => p.trim()) : [undefined, part];
    const parsed = ms(value ?? '');
    if (channel !== undefined && !(CHANNEL_TYPES as readonly string[]).includes(channel)) {
      problems.push(`${name}: "${channel}" is not a channel (${CHANNEL_TYPES.join(', ')})`);
    } else if (parsed === undefined) {
      problems.push(`${name}: "${part}" is not milliseconds from 1000 to 86400000 (e.g. 900000 or email=3600000)`);
    } else if (channel === undefined) {
      wait.defaultMs = parsed;
    } else {
      wait.byChannel[channel] = parsed;
    }
  }
  return wait;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name}: "${raw}" is not an integer from ${min} to ${max}`);
    return fallback;
  }
  return value;
}

/** The AI composer's endpoint: none without AI_BASE_URL; a model is then required. */
function aiConfig(
  env: Env,
  text: (name: string) => string | undefined,
  problems: string[],
  allowPrivate: boolean,
): AiComposerConfig | undefined {
  const baseUrl = text('AI_BASE_URL');
  const apiKey = text('AI_API_KEY');
  const model = text('AI_MODEL');
  const timeoutMs = integer(env, 'AI_TIMEOUT_MS', 10_000, 500, 120_000, problems);
  if (baseUrl === undefined) {
    for (const [name, value] of [
      ['AI_MODEL', model],
      ['AI_API_KEY', apiKey],
    ] as const) {
      if (value !== undefined) problems.push(`${name}: set without AI_BASE_URL (for OpenAI, AI_BASE_URL=https://api.openai.com/v1)`);
    }
    return undefined;
  }
  let valid = false;
  try {
    const url = new URL(baseUrl);
    valid = (url.protocol === 'http:' || url.protocol === 'https:') && !/\s/.test(baseUrl);
  } catch {
    valid = false;
  }
  if (!valid) problems.push(`AI_BASE_URL: "${baseUrl}" is not an http(s) URL`);
  // A loopback or private address written in the URL would be refused at every AI step: say so at boot.
  const literal = valid ? literalUrlProblem(baseUrl, allowPrivate) : undefined;
  if (literal) problems.push(`AI_BASE_URL: ${literal}`);
  if (model === undefined) problems.push('AI_MODEL: required when AI_BASE_URL is set (the model to ask, e.g. gpt-4o-mini or llama3.2)');
  return valid && model !== undefined ? { baseUrl, model, timeoutMs, ...(apiKey !== undefined ? { apiKey } : {}) } : undefined;
}

export function loadConfig(env: Env = process.env): GatewayConfig {
  const problems: string[] = [];
  const text = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const logLevel = (text('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL: "${logLevel}" is not one of ${LOG_LEVELS.join(', ')}`);
  const defaultTimezone = text('DEFAULT_TIMEZONE') ?? 'UTC';
  if (!isIanaZone(defaultTimezone)) problems.push(`DEFAULT_TIMEZONE: "${defaultTimezone}" is not an IANA time zone`);
  const publicBaseUrl = text('PUBLIC_BASE_URL');
  if (publicBaseUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(publicBaseUrl)) {
    problems.push(`PUBLIC_BASE_URL: "${publicBaseUrl}" is not an http(s) URL`);
  }
  const bool = (name: string, fallback: boolean) => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    problems.push(`${name}: "${raw}" is not true or false`);
    return fallback;
  };
  const secretsKey = text('SECRETS_KEY');
  if (secretsKey !== undefined) {
    try {
      SecretBox.parseKey(secretsKey);
    } catch (error) {
      problems.push(`SECRETS_KEY: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const allowPrivateNetworkUrls = bool('ALLOW_PRIVATE_NETWORK_URLS', false);
  const ai = aiConfig(env, text, problems, allowPrivateNetworkUrls);
  const redisUrl = text('REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\/\S+$/.test(redisUrl))
    problems.push(`REDIS_URL: "${redisUrl}" is not a redis:// or rediss:// URL`);
  let testClock: GatewayConfig['testClock'];
  const clockMode = text('TEST_CLOCK');
  if (clockMode !== undefined) {
    if (clockMode !== 'manual') problems.push(`TEST_CLOCK: "${clockMode}" is not "manual"`);
    const start = text('TEST_CLOCK_START');
    if (start !== undefined && Number.isNaN(Date.parse(start))) problems.push(`TEST_CLOCK_START: "${start}" is not an ISO 8601 instant`);
    testClock = { start: start ? new Date(start) : undefined };
  }
  const config: GatewayConfig = {
    port: integer(env, 'PORT', 3000, 0, 65535, problems),
    host: text('HOST') ?? '0.0.0.0',
    databaseUrl: text('DATABASE_URL'),
    databaseSchema: text('DATABASE_SCHEMA'),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 200, problems),
    dataDir: text('DATA_DIR') ?? './data',
    logLevel,
    publicBaseUrl: publicBaseUrl?.replace(/\/+$/, ''),
    firstLocationName: text('FIRST_LOCATION_NAME') ?? 'Default location',
    defaultTimezone,
    dispatch: {
      enabled: bool('DISPATCH_ENABLED', true),
      batchSize: integer(env, 'DISPATCH_BATCH_SIZE', 100, 1, 5000, problems),
      concurrency: integer(env, 'DISPATCH_CONCURRENCY', 200, 1, 10000, problems),
      leaseMs: integer(env, 'DISPATCH_LEASE_MS', 60_000, 1000, 3_600_000, problems),
      idleMaxMs: integer(env, 'DISPATCH_IDLE_MAX_MS', 2_000, 10, 60_000, problems),
      noStatusWait: noStatusWait(env, problems),
    },
    httpWorkers: integer(env, 'HTTP_WORKERS', 1, 0, 16, problems),
    detectionThreads: integer(env, 'DETECTION_THREADS', 1, 0, 16, problems),
    allowPrivateNetworkUrls,
    requestTimeoutMs: integer(env, 'HTTP_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000, problems),
    redisUrl,
    secretsKey: secretsKey
      ? { value: secretsKey }
      : { file: text('SECRETS_KEY_FILE') ?? join(text('DATA_DIR') ?? './data', 'secrets.key') },
    ai,
    dashboardDir: text('DASHBOARD_DIR'),
    testClock,
  };
  // An AI-written step is composed after its claim: the endpoint's answer must come well within the lease.
  if (ai && ai.timeoutMs * 2 > config.dispatch.leaseMs) {
    problems.push(`AI_TIMEOUT_MS: ${ai.timeoutMs} must be at most half of DISPATCH_LEASE_MS (${config.dispatch.leaseMs})`);
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

export function storeConfig(config: GatewayConfig): StoreConfig {
  return {
    databaseUrl: config.databaseUrl,
    databaseSchema: config.databaseSchema,
    poolSize: config.databasePoolSize,
    sqlitePath: join(config.dataDir, 'followup.sqlite'),
  };
}
