import { freshStoreEnv } from '@followup/persistence/testing';
import { GATEWAY_CLI, GATEWAY_MAIN, RunningGateway, runProcess, startGatewayProcess } from '@followup/testing';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { ENGINES } from '../support/fixtures';
import { Api } from '../support/http';

describe.each(ENGINES)('starting the gateway on %s', (engine) => {
  it('prints where it listens and a first token once; a restart keeps the data and prints none', async () => {
    const store = freshStoreEnv(engine);
    try {
      const first = await startGatewayProcess(store.env);
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(first.token).toMatch(/^fgw_/);
      const api = new Api(first.url, first.token);
      const agent = await api.post('/conversation-ai/agents', { name: 'Kept', personality: 'p', goal: 'g', instructions: 'i' });
      expect(agent.status).toBe(201);
      const ready = await api.get('/health/ready', { token: null });
      expect(ready.status).toBe(200);
      expect(ready.body.info.store).toMatchObject({ status: 'up', engine, migrations: 'applied' });
      expect((await api.get('/health', { token: null })).body).toEqual({ status: 'ok' });
      expect(await first.stop()).toBe(0);

      const second = await startGatewayProcess(store.env);
      expect(second.token).toBeUndefined();
      expect(second.stdout.join('\n')).not.toContain('fgw_');
      expect((await new Api(second.url, first.token).get(`/conversation-ai/agents/${agent.body.id}`)).body.name).toBe('Kept');
      await second.stop();
    } finally {
      await store.dispose();
    }
  });
});

describe('the gateway process', () => {
  it('serves the OpenAPI document and its UI, and answers x-request-id', async () => {
    const store = freshStoreEnv('sqlite');
    const gw = await startGatewayProcess(store.env);
    try {
      const api = new Api(gw.url);
      const doc = await api.get('/docs-json');
      expect(doc.status).toBe(200);
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining([
          '/conversation-ai/agents',
          '/conversation-ai/agents/{agentId}/followup-settings',
          '/voice-ai/agents/{agentId}',
          '/backend/followup/configs',
          '/followups/{id}',
          '/health/ready',
        ]),
      );
      expect(doc.body.components.schemas.CreateConversationAgentDto.properties.autoPilotMaxMessages).toMatchObject({
        minimum: 1,
        maximum: 100,
      });
      const ui = await fetch(`${gw.url}/docs`);
      expect(ui.status).toBe(200);
      expect(await ui.text()).toContain('swagger');
      const traced = await api.get('/health', { headers: { 'x-request-id': 'trace-123' } });
      expect(traced.headers.get('x-request-id')).toBe('trace-123');
      expect((await api.get('/health')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await gw.stop();
      await store.dispose();
    }
  });

  it('logs JSON lines with request ids and never the token', async () => {
    const store = freshStoreEnv('sqlite');
    const gw = await startGatewayProcess({ ...store.env, LOG_LEVEL: 'info' });
    try {
      const api = new Api(gw.url, gw.token);
      await api.get('/conversation-ai/agents/search', { headers: { 'x-request-id': 'log-check-1' } });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const logs = gw.stdout.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logs.some((l) => l['reqId'] === 'log-check-1')).toBe(true);
      expect(gw.stdout.filter((line) => line.startsWith('{')).join('\n')).not.toContain(gw.token as string);
    } finally {
      await gw.stop();
      await store.dispose();
    }
  });

  it('exits with one line naming DATABASE_URL when the database is unreachable or the URL is wrong', async () => {
    const unreachable = await runProcess([GATEWAY_MAIN], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test', PORT: '0' });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr.trim()).toBe(
      'followup-gateway: DATABASE_URL: cannot connect to PostgreSQL at 127.0.0.1:1/test (ECONNREFUSED)',
    );
    const wrong = await runProcess([GATEWAY_MAIN], { DATABASE_URL: 'mysql://localhost/db' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim().split('\n')).toEqual([
      'followup-gateway: DATABASE_URL: scheme "mysql" is not supported (use postgres://, or leave it unset for the embedded SQLite store)',
    ]);
    const badEnv = await runProcess([GATEWAY_MAIN], { PORT: '99999', LOG_LEVEL: 'chatty' });
    expect(badEnv.code).toBe(1);
    expect(badEnv.stderr).toContain('followup-gateway: PORT: "99999" is not an integer from 0 to 65535');
    expect(badEnv.stderr).toContain('followup-gateway: LOG_LEVEL: "chatty" is not one of');
    expect(badEnv.stderr).not.toMatch(/\n\s+at /);
  });

  it('creates the secrets key on first start, keeps channel secrets out of the store in clear, and says which secrets another key cannot read', async () => {
    const store = freshStoreEnv('sqlite');
    const keyFile = join(store.env['DATA_DIR'] as string, 'secrets.key');
    const authToken = 'c0ffee'.repeat(5) + 'ab';
    const started: RunningGateway[] = [];
    const start = async (env: Record<string, string>) => {
      const gw = await startGatewayProcess(env);
      started.push(gw);
      return gw;
    };
    try {
      const first = await start(store.env);
      expect(first.stdout.join('\n')).toContain(`First start: created the key that encrypts channel secrets at ${keyFile} (back it up).`);
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      const api = new Api(first.url, first.token);
      const settings = { account_sid: `AC${'1'.repeat(32)}`, auth_token: authToken, from: '+15005550006' };
      const created = await api.post('/channels', { type: 'sms', provider: 'twilio', settings });
      expect(created.status).toBe(201);
      expect(await first.stop()).toBe(0);
      for (const file of readdirSync(store.env['DATA_DIR'] as string).filter((f) => f.startsWith('followup.sqlite'))) {
        expect(readFileSync(join(store.env['DATA_DIR'] as string, file)).includes(authToken)).toBe(false);
      }

      const again = await start(store.env);
      expect(again.stdout.join('\n')).not.toContain('created the key');
      expect((await new Api(again.url, first.token).get(`/channels/${created.body.id}`)).body.settings.auth_token).toBe('****eeab');
      await again.stop();

      const otherKey = await start({ ...store.env, SECRETS_KEY: Buffer.alloc(32, 7).toString('base64') });
      const other = new Api(otherKey.url, first.token);
      const read = await other.get(`/channels/${created.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body.settings.auth_token).toMatch(/^\(cannot be decrypted: sealed under another secrets key/);
      const rename = await other.patch(`/channels/${created.body.id}`, { name: 'renamed' });
      expect(rename.status).toBe(409);
      expect(rename.body.message).toContain('settings.auth_token of this connection cannot be decrypted');
      const agent = (await other.post('/conversation-ai/agents', { name: 'Bot', personality: 'p', goal: 'g', instructions: 'i' })).body.id;
      const contact = (await other.post('/contacts', { name: 'Ada', phone: '+14155550123' })).body.id;
      const conversation = (
        await other.post('/conversations', { contact_id: contact, agent_id: agent, channel: 'sms', connection_id: created.body.id })
      ).body.id;
      const send = await other.post(`/conversations/${conversation}/messages`, { direction: 'outbound', body: 'Hi', send: true });
      expect(send.status).toBe(502);
      expect(send.body.message).toMatch(/cannot decrypt \(settings\.auth_token: sealed under another secrets key/);
      await otherKey.stop();

      const bad = await runProcess([GATEWAY_MAIN], { ...store.env, PORT: '0', SECRETS_KEY: 'hunter2' });
      expect(bad.code).toBe(1);
      expect(bad.stderr.trim()).toBe(
        'followup-gateway: SECRETS_KEY: a secrets key is 32 bytes written as 64 hex digits or base64 (openssl rand -base64 32)',
      );
    } finally {
      for (const gw of started) if (gw.process.exitCode === null) await gw.stop();
      await store.dispose();
    }
  });

  it('starts without deprecation warnings, and its banner names the address it is bound to', async () => {
    const store = freshStoreEnv('sqlite');
    const dataDir = store.env['DATA_DIR'] as string;
    try {
      const all = await startGatewayProcess({ ...store.env, HOST: '0.0.0.0' });
      const port = new URL(all.url).port;
      const external = Object.values(networkInterfaces())
        .flatMap((list) => list ?? [])
        .filter((i) => !i.internal && i.family === 'IPv4')
        .map((i) => `http://${i.address}:${port}`);
      const urls = [`http://127.0.0.1:${port}`, ...new Set(external)];
      const reachable = urls.length === 1 ? urls[0] : `${urls.slice(0, -1).join(', ')} and ${urls[urls.length - 1]}`;
      expect(all.stdout[0]).toBe(
        `followup-gateway listening on all interfaces (port ${port}), reachable at ${reachable} (store: sqlite ${dataDir}/followup.sqlite)`,
      );
      // Every address it names answers.
      for (const url of urls) expect((await fetch(`${url}/health`)).status).toBe(200);
      expect(await all.stop()).toBe(0);
      expect([...all.stdout, ...all.stderr].join('\n')).not.toMatch(/FSTDEP|DeprecationWarning|Warning:/);

      const one = await startGatewayProcess({ ...store.env, HOST: '127.0.0.1' });
      expect(one.stdout[0]).toBe(`followup-gateway listening on ${one.url} (store: sqlite ${dataDir}/followup.sqlite)`);
      expect(one.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await one.stop()).toBe(0);
      expect([...one.stdout, ...one.stderr].join('\n')).not.toMatch(/FSTDEP|DeprecationWarning|Warning:/);
    } finally {
      await store.dispose();
    }
  });

  it('stops on SIGTERM with exit code 0', async () => {
    const store = freshStoreEnv('sqlite');
    const gw = await startGatewayProcess(store.env);
    const started = Date.now();
    expect(await gw.stop()).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    await store.dispose();
  });
});

describe.each(ENGINES)('the CLI on %s', (engine) => {
  it('creates locations and tokens, lists them without secrets, revokes at once, migrates', async () => {
    const store = freshStoreEnv(engine);
    const cli = (...args: string[]) => runProcess([GATEWAY_CLI, ...args], store.env);
    try {
      const migrated = await cli('migrate');
      expect(migrated.code).toBe(0);
      expect(migrated.stdout).toContain('applied Initial1763900000000');
      expect((await cli('migrate')).stdout).toContain('nothing to apply');

      const location = await cli('location', 'create', '--name', 'Acme', '--timezone', 'Europe/London');
      expect(location.code).toBe(0);
      const locationId = /created location (\S+)/.exec(location.stdout)?.[1] as string;

      const issued = await cli('token', '--location', locationId, '--scopes', 'followups.readonly,conversation-ai.write', '--name', 'ci');
      expect(issued.code).toBe(0);
      const token = /token:\s+(fgw_\S+)/.exec(issued.stdout)?.[1] as string;
      const tokenId = /token id: (\S+)/.exec(issued.stdout)?.[1] as string;

      const listed = await cli('token', 'list', '--location', locationId);
      expect(listed.stdout).toContain(tokenId);
      expect(listed.stdout).toContain('followups.readonly,conversation-ai.write');
      expect(listed.stdout).not.toContain(token);

      const gw = await startGatewayProcess(store.env);
      try {
        const api = new Api(gw.url, token);
        expect((await api.get('/followups')).status).toBe(200);
        expect((await api.post('/followups', { type: 'sms' })).status).toBe(401);
        expect((await cli('token', 'revoke', tokenId)).code).toBe(0);
        expect((await api.get('/followups')).status).toBe(401);
      } finally {
        await gw.stop();
      }
      expect((await cli('token', 'revoke', tokenId)).stderr).toContain(`token ${tokenId} is already revoked`);
    } finally {
      await store.dispose();
    }
  });

  it('refuses bad input with a message and a non-zero exit', async () => {
    const store = freshStoreEnv(engine);
    const cli = (...args: string[]) => runProcess([GATEWAY_CLI, ...args], store.env);
    try {
      const noLocation = await cli('token', '--location', 'nowhere', '--scopes', 'all');
      expect(noLocation.code).toBe(1);
      expect(noLocation.stderr.trim()).toBe('error: location nowhere does not exist');
      const badScope = await cli('token', '--location', 'x', '--scopes', 'followups.read');
      expect(badScope.code).toBe(1);
      expect(badScope.stderr).toContain('unknown scope followups.read');
      const missing = await cli('token', '--scopes', 'all');
      expect(missing.code).toBe(2);
      expect(missing.stderr).toBe('error: --location <id> is required (usage: npm run token -- help)\n');
      const help = await cli('token', 'help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('npm run token -- revoke <token-id>');
      const unknown = await cli('token', '--locaton', 'x');
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain("Unknown option '--locaton'");
      const badZone = await cli('location', 'create', '--name', 'X', '--timezone', 'Mars/Base');
      expect(badZone.code).toBe(1);
      expect(badZone.stderr).toContain('timezone "Mars/Base" is not an IANA time zone');
      const frobnicate = await cli('frobnicate');
      expect(frobnicate.code).toBe(2);
      expect(frobnicate.stderr).toMatch(/^error: unknown command "frobnicate" \(commands: token, location, migrate[^\n]*\)\n$/);
    } finally {
      await store.dispose();
    }
  });
});
