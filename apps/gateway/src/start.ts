import { LocationsService } from '@followup/tenancy';
import { describeStore } from '@followup/persistence';
import { ChannelConnectionsService } from '@followup/channels-connections';
import { ChannelLinks } from '@followup/channels-core';
import { Clock, ManualClock, SecretBoxError, SystemClock, allowPrivateNetworks, useHttpWorkers } from '@followup/util';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { GatewayMetrics } from '@followup/metrics';
import { useReadingThreads } from '@followup/detection';
import { createApp } from './app/create-app';
import { EngineLifecycle } from './app/engine-lifecycle';
import { DashboardFiles } from './dashboard/dashboard-files';
import { SecretsKeyError, loadSecretsKey } from './config/secrets-key';
import { GatewayConfig, storeConfig } from './config/gateway-config';
import { StartupError, loadConfigOrFail, lockSqliteStoreOrFail, openStoreOrFail } from './config/startup';
import { createLogger } from './http/logging';
import { listeningAddress } from './http/listening-address';

function loadSecretsOrFail(config: GatewayConfig): ReturnType<typeof loadSecretsKey> {
  try {
    return loadSecretsKey(config);
  } catch (error) {
    if (error instanceof SecretsKeyError || error instanceof SecretBoxError) throw new StartupError(error.message);
    throw error;
  }
}

/** Starts the gateway: config, store (migrated), first-start token, HTTP server, signal handling. */
export async function startGateway(): Promise<void> {
  const config = loadConfigOrFail();
  const logger = createLogger(config.logLevel);
  lockSqliteStoreOrFail(config);
  const secrets = loadSecretsOrFail(config);
  const store = await openStoreOrFail(config, secrets.box);
  // Where outbound requests may go (network-policy.ts): the HTTP worker threads get it with each request.
  allowPrivateNetworks(config.allowPrivateNetworkUrls);
  if (config.allowPrivateNetworkUrls)
    logger.info('ALLOW_PRIVATE_NETWORK_URLS=true: outbound URLs may reach loopback and private addresses');
  await useHttpWorkers(config.httpWorkers);
  await useReadingThreads(config.detectionThreads);
  const clock: Clock = config.testClock ? new ManualClock(config.testClock.start ?? new Date()) : new SystemClock();
  if (config.testClock) logger.warn('TEST_CLOCK=manual: the clock stands still until POST /test/clock moves it (tests only)');
  const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const links = new ChannelLinks(secrets.box.derive('unsubscribe-links'), config.publicBaseUrl);
  const metrics = new GatewayMetrics();
  metrics.readQueueWith(() => store.run((r) => r.queue.queueSnapshot(clock.now())));
  const app = await createApp({
    metrics,
    store,
    clock,
    logger,
    links,
    dispatch: { ...config.dispatch, owner },
    testClock: Boolean(config.testClock),
    ai: config.ai,
    dashboard: config.dashboardDir ? new DashboardFiles(config.dashboardDir) : undefined,
    redisUrl: config.redisUrl,
    requestTimeoutMs: config.requestTimeoutMs,
  });
  const first = await app.get(LocationsService).firstRun(config.firstLocationName, config.defaultTimezone);
  const sealed = await app.get(ChannelConnectionsService).sealSecretsWrittenInClear();
  if (sealed) logger.info({ connections: sealed }, 'encrypted channel secrets that were stored in clear');
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new StartupError(`PORT: ${config.port} is already in use on ${config.host}`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new StartupError(`HOST: cannot listen on ${config.host}`);
    throw error;
  }
  // Signals are handled before the banner: a supervisor may stop us as soon as it sees it.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));

  const { port } = app.getHttpServer().address() as AddressInfo;
  const { url, description } = listeningAddress(config.host, port);
  links.useListeningAddress(url);
  app.get(EngineLifecycle).start();
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`followup-gateway listening on ${description} (store: ${describeStore(storeConfig(config))})`);
  if (secrets.created) {
    out(
      `First start: created the key that encrypts channel secrets at ${secrets.created} (back it up${store.engine === 'postgres' ? '; every replica needs the same key: set SECRETS_KEY' : ''}).`,
    );
  }
  if (first) {
    out(`First start: created location "${first.location.name}" (id ${first.location.id}) and an API token with every scope.`);
    out(`API token (shown once; keep it safe): ${first.issued.token}`);
    out(`Try: curl -H "Authorization: Bearer ${first.issued.token}" -H "Version: 2021-04-15" ${url}/conversation-ai/agents/search`);
  }
  out(`API docs: ${url}/docs  dashboard: ${url}/ui  health: ${url}/health/ready`);
  logger.info({ url, store: store.engine }, 'gateway started');
}
