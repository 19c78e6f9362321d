import Database from 'better-sqlite3';
import { freshStoreEnv } from '@followup/persistence/testing';
import { GATEWAY_CLI, GATEWAY_MAIN, RunningGateway, runProcess, startGatewayProcess } from '@followup/testing';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Api } from '../support/http';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const AUTH_TOKEN = 'feed'.repeat(8);

/** Every contact id of the token's location, page by page. */
async function contactIds(api: Api): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const page: { status: number; body: { data: { id: string }[]; next_cursor: string | null } } = await api.get(
      `/contacts?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(page.status).toBe(200);
    for (const contact of page.body.data) ids.add(contact.id);
    cursor = page.body.next_cursor;
  } while (cursor);
  return ids;
}

/** One line on stderr, no stack trace, the exit code given. */
function expectOneLine(result: { code: number | null; stderr: string; stdout: string }, code: number, pattern: RegExp): void {
  expect({ code: result.code, stderr: result.stderr.trim() }).toEqual({ code, stderr: expect.stringMatching(pattern) });
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stdout).toBe('');
}

describe('backup and restore of the SQLite store', () => {
  const dirs: string[] = [];
  const disposers: (() => Promise<void>)[] = [];
  const running: RunningGateway[] = [];
  const fresh = () => {
    const store = freshStoreEnv('sqlite');
    disposers.push(store.dispose);
    return store;
  };
  const start = async (env: Record<string, string>) => {
    const gw = await startGatewayProcess(env);
    running.push(gw);
    return gw;
  };
  const cli = (env: Record<string, string>, ...args: string[]) => runProcess([GATEWAY_CLI, ...args], env);
  const scratch = () => {
    const dir = mkdtempSync(join(tmpdir(), 'fgw-backup-'));
    dirs.push(dir);
    return dir;
  };

  afterAll(async () => {
    for (const gw of running) if (gw.process.exitCode === null && gw.process.signalCode === null) await gw.kill();
    for (const dispose of disposers) await dispose();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('backs up under write load; the restored store has every row committed before, and its channel secret still reads', async () => {
    const original = fresh();
    const file = join(scratch(), 'nightly.sqlite');
    const gw = await start(original.env);
    const api = new Api(gw.url, gw.token);
    const settings = { account_sid: `AC${'2'.repeat(32)}`, auth_token: AUTH_TOKEN, from: '+15005550006' };
    const channel = await api.post('/channels', { type: 'sms', provider: 'twilio', settings });
    expect(channel.status).toBe(201);

    // Four writers post contacts back to back until told to stop; an id is committed once its 201 is back.
    const committed: string[] = [];
    let writing = true;
    const writer = async (w: number) => {
      for (let i = 0; writing; i++) {
        const created = await api.post('/contacts', { name: `Load ${w}-${i}`, phone: `+1415${w}${String(i).padStart(6, '0')}` });
        expect(created.status).toBe(201);
        committed.push(created.body.id);
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await sleep(800);
    const beforeBackup = [...committed];
    const backup = await cli(original.env, 'backup', file);
    const duringBackup = committed.length;
    await sleep(500);
    writing = false;
    await Promise.all(writers);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`to ${file} (`);
    expect(committed.length).toBeGreaterThan(duringBackup); // the writers went on while it copied
    expect(beforeBackup.length).toBeGreaterThan(20);
    expect(statSync(`${file}.key`).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${file}.key`, 'utf8')).toBe(readFileSync(join(original.env['DATA_DIR'] as string, 'secrets.key'), 'utf8'));
    // The copy is one self-contained file: no -wal beside it.
    expect(readdirSync(join(file, '..')).sort()).toEqual(['nightly.sqlite', 'nightly.sqlite.key']);

    // While the gateway holds its store, restoring into its DATA_DIR is refused, and the store is untouched.
    const refused = await cli(original.env, 'restore', file, '--replace');
    expectOneLine(
      refused,
      1,
      new RegExp(`^error: a gateway \\(pid ${gw.process.pid}\\) holds the store .*followup\\.sqlite .*: stop it, then restore$`),
    );
    expect((await api.get(`/contacts/${committed[committed.length - 1]}`)).status).toBe(200);
    expect(await gw.stop()).toBe(0);
    expect(existsSync(join(original.env['DATA_DIR'] as string, 'followup.sqlite.lock'))).toBe(false);

    const target = fresh();
    const restored = await cli(target.env, 'restore', file);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const again = await start(target.env);
    expect(again.token).toBeUndefined(); // not a first start: the restored store has its location and tokens
    const back = new Api(again.url, gw.token);
    const ids = await contactIds(back);
    expect(beforeBackup.filter((id) => !ids.has(id))).toEqual([]);
    expect(ids.size).toBeLessThanOrEqual(committed.length);
    const read = await back.get(`/channels/${channel.body.id}`);
    expect(read.body.settings.auth_token).toBe('****feed');
    // Changing the connection decrypts and reseals its secrets: it works only with the right key.
    expect((await back.patch(`/channels/${channel.body.id}`, { name: 'restored' })).status).toBe(200);
  });

  it('refuses bad input with one line and a non-zero exit, and never touches the existing store', async () => {
    const store = fresh();
    const dir = scratch();
    expect((await cli(store.env, 'migrate')).code).toBe(0);
    const keyFile = join(store.env['DATA_DIR'] as string, 'secrets.key');
    // migrate creates no key: the first gateway start does. A backup without its key is refused.
    expectOneLine(
      await cli(store.env, 'backup', join(dir, 'a.sqlite')),
      1,
      /^error: cannot read the secrets key file .*secrets\.key \(ENOENT\)$/,
    );
    writeFileSync(keyFile, `${Buffer.alloc(32, 9).toString('base64')}\n`, { mode: 0o600 });

    expectOneLine(
      await cli(store.env, 'backup'),
      2,
      /^error: backup needs one argument, the file to write \(usage: npm run backup -- help\)$/,
    );
    expectOneLine(
      await cli(store.env, 'restore'),
      2,
      /^error: restore needs one argument, the backup file \(usage: npm run restore -- help\)$/,
    );
    expectOneLine(await cli(store.env, 'restore', 'x', '--force'), 2, /^error: unknown option --force \(restore takes --replace\)/);
    expectOneLine(await cli(store.env, 'backup', join(dir, 'missing', 'a.sqlite')), 1, /^error: the folder .*missing does not exist$/);
    const taken = join(dir, 'taken.sqlite');
    writeFileSync(taken, 'mine');
    expectOneLine(await cli(store.env, 'backup', taken), 1, /taken\.sqlite already exists \(a backup never overwrites a file\)$/);
    expect(readFileSync(taken, 'utf8')).toBe('mine');

    const good = join(dir, 'good.sqlite');
    expect((await cli(store.env, 'backup', good)).code).toBe(0);
    const emptyDir = { DATA_DIR: join(dir, 'empty') };
    expectOneLine(
      await cli(emptyDir, 'restore', join(dir, 'nowhere.sqlite')),
      1,
      /^error: cannot read the backup .*nowhere\.sqlite \(ENOENT\)$/,
    );
    expectOneLine(await cli(emptyDir, 'restore', taken), 1, /^error: the backup .*taken\.sqlite is not a SQLite database$/);
    const noKey = join(dir, 'no-key.sqlite');
    writeFileSync(noKey, readFileSync(good));
    expectOneLine(await cli(emptyDir, 'restore', noKey), 1, /no-key\.sqlite\.key is missing: without the key/);
    const foreign = join(dir, 'foreign.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE t (x)');
    db.close();
    writeFileSync(`${foreign}.key`, readFileSync(`${good}.key`));
    expectOneLine(await cli(emptyDir, 'restore', foreign), 1, /not a followup-gateway store \(it has no migrations table\)$/);
    expect(existsSync(join(dir, 'empty', 'followup.sqlite'))).toBe(false);

    // The store exists: refused without --replace; with it, the old store is moved aside, not deleted.
    const before = readFileSync(join(store.env['DATA_DIR'] as string, 'followup.sqlite'));
    expectOneLine(
      await cli(store.env, 'restore', good),
      1,
      /^error: DATA_DIR already holds a store .*: restore into an empty DATA_DIR, or add --replace/,
    );
    expect(readFileSync(join(store.env['DATA_DIR'] as string, 'followup.sqlite')).equals(before)).toBe(true);
    const replaced = await cli(store.env, 'restore', good, '--replace');
    expect(replaced.code).toBe(0);
    const aside = /moved aside: (\S+)/.exec(replaced.stdout)?.[1] as string;
    expect(readFileSync(aside).equals(before)).toBe(true);

    // PostgreSQL: refused, pointing at pg_dump.
    const pg = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' };
    expectOneLine(await cli(pg, 'backup', join(dir, 'pg.sqlite')), 1, /this gateway uses PostgreSQL \(DATABASE_URL\): use pg_dump/);
  });

  it('lets one gateway hold a SQLite store, and takes over the lock of one that was killed', async () => {
    const store = fresh();
    const first = await start(store.env);
    const lockFile = join(store.env['DATA_DIR'] as string, 'followup.sqlite.lock');
    expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(first.process.pid));
    const second = await runProcess([GATEWAY_MAIN], { ...store.env, PORT: '0', HOST: '127.0.0.1' });
    expect(second.code).toBe(1);
    expect(second.stderr.trim()).toBe(
      `followup-gateway: DATA_DIR: the SQLite store ${store.env['DATA_DIR']}/followup.sqlite is in use by process ${first.process.pid} (${lockFile}); one process per SQLite store (PostgreSQL for several)`,
    );
    await first.kill();
    expect(existsSync(lockFile)).toBe(true); // SIGKILL: no chance to remove it
    const next = await start(store.env);
    expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(next.process.pid));
    expect(await next.stop()).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
  });
});
