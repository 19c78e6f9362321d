import {
  BackupError,
  StoreLockedError,
  absolute,
  acquireStoreLock,
  assertSqliteFile,
  backupSqliteStore,
  restoreSqliteStore,
  storeEngine,
} from '@followup/persistence';
import { SecretBox } from '@followup/util';
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GatewayConfig, storeConfig } from '../config/gateway-config';
import { loadConfigOrFail } from '../config/startup';
import { UsageError } from './usage-error';

type Out = (line: string) => void;

/** The SQLite store of this configuration; PostgreSQL is refused with the tool to use instead. */
function sqliteStore(config: GatewayConfig, command: 'backup' | 'restore'): string {
  const store = storeConfig(config);
  if (storeEngine(store) === 'postgres') {
    const tool = command === 'backup' ? 'pg_dump' : 'pg_restore (or psql for a plain dump)';
    throw new BackupError(
      `${command} works on the SQLite store; this gateway uses PostgreSQL (DATABASE_URL): use ${tool}, and keep SECRETS_KEY with the dump`,
    );
  }
  return absolute(store.sqlitePath);
}

function readKeyFile(file: string, what: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BackupError(`cannot read ${what} ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    SecretBox.parseKey(text);
  } catch {
    throw new BackupError(`${what} ${file} does not hold a secrets key`);
  }
  return text;
}

/** Writes `text` to `target` (mode 600) through a temporary file, never over an existing file. */
function writeNewFile(target: string, text: string): void {
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { mode: 0o600 });
    linkSync(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BackupError(code === 'EEXIST' ? `${target} already exists` : `cannot write ${target} (${code ?? String(error)})`);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** `backup <file>`: a consistent copy of the running store at <file>, and its secrets key at <file>.key. */
export function backup(args: string[], out: Out): void {
  const [file, extra] = args;
  if (!file || extra !== undefined) throw new UsageError('backup needs one argument, the file to write');
  const config = loadConfigOrFail();
  const source = sqliteStore(config, 'backup');
  const target = absolute(file);
  const keyTarget = `${target}.key`;
  for (const path of [target, keyTarget])
    if (existsSync(path)) throw new BackupError(`${path} already exists (a backup never overwrites a file)`);
  if (!existsSync(dirname(target))) throw new BackupError(`the folder ${dirname(target)} does not exist`);
  if (!existsSync(source)) throw new BackupError(`there is no store to back up at ${source} (DATA_DIR)`);
  // The key is read first: a backup that could not also keep it is refused before anything is written.
  const key = 'file' in config.secretsKey ? readKeyFile(config.secretsKey.file, 'the secrets key file') : undefined;
  const size = backupSqliteStore(source, target);
  if (key !== undefined) {
    try {
      writeNewFile(keyTarget, key);
    } catch (error) {
      rmSync(target, { force: true });
      throw error;
    }
  }
  out(`backed up ${source} to ${target} (${size} bytes)`);
  out(
    key !== undefined
      ? `and its secrets key to ${keyTarget} (keep the two together, and as private as the key)`
      : 'the secrets key comes from SECRETS_KEY, not a file: keep that value with the backup',
  );
}

/** Moves the files at `paths` aside (`<path>.replaced-<stamp>`), returning where each went. */
function moveAside(paths: string[], stamp: string): string[] {
  return paths.map((path) => {
    // followup.sqlite-wal goes to followup.sqlite.replaced-<stamp>-wal, beside its database file.
    const wal = /-(wal|shm)$/.exec(path);
    const aside = wal ? `${path.slice(0, -4)}.replaced-${stamp}${wal[0]}` : `${path}.replaced-${stamp}`;
    renameSync(path, aside);
    return aside;
  });
}

/**
 * `restore <file> [--replace]`: puts a backup (and <file>.key) into DATA_DIR. Refused while a
 * gateway holds the store; an existing store is only moved aside, with --replace.
 */
export function restore(args: string[], out: Out): void {
  const replace = args.includes('--replace');
  const positional = args.filter((a) => a !== '--replace');
  const unknown = positional.find((a) => a.startsWith('-'));
  if (unknown) throw new UsageError(`unknown option ${unknown} (restore takes --replace)`);
  const [file, extra] = positional;
  if (!file || extra !== undefined) throw new UsageError('restore needs one argument, the backup file');
  const config = loadConfigOrFail();
  const target = sqliteStore(config, 'restore');
  const source = absolute(file);
  assertSqliteFile(source, 'the backup');
  const keySource = `${source}.key`;
  const keyTarget = 'file' in config.secretsKey ? config.secretsKey.file : undefined;
  let key: string | undefined;
  if (keyTarget !== undefined) {
    if (!existsSync(keySource)) {
      throw new BackupError(`${keySource} is missing: without the key the backup's channel secrets cannot be read (or set SECRETS_KEY)`);
    }
    key = readKeyFile(keySource, 'the backup key');
  }
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch (error) {
    throw new BackupError(`cannot create ${dirname(target)} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let lock;
  try {
    lock = acquireStoreLock(target);
  } catch (error) {
    if (error instanceof StoreLockedError) {
      throw new BackupError(`a gateway (pid ${error.pid}) holds the store ${target} (${error.lockFile}): stop it, then restore`);
    }
    throw error;
  }
  try {
    const storeFiles = [target, `${target}-wal`, `${target}-shm`].filter((p) => existsSync(p));
    const keyDiffers = keyTarget !== undefined && existsSync(keyTarget) && readFileSync(keyTarget, 'utf8').trim() !== key?.trim();
    if ((storeFiles.length || keyDiffers) && !replace) {
      const what = storeFiles.length ? `a store (${target})` : `another secrets key (${keyTarget})`;
      throw new BackupError(`DATA_DIR already holds ${what}: restore into an empty DATA_DIR, or add --replace to move it aside`);
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let moved: string[] = [];
    // The backup is copied and checked before anything in DATA_DIR moves.
    restoreSqliteStore(source, target, () => {
      moved = moveAside([...storeFiles, ...(keyDiffers && keyTarget ? [keyTarget] : [])], stamp);
      if (key !== undefined && keyTarget !== undefined && !existsSync(keyTarget)) {
        mkdirSync(dirname(keyTarget), { recursive: true });
        writeNewFile(keyTarget, key);
      }
    });
    for (const path of moved) out(`moved aside: ${path}`);
    out(`restored ${source} to ${target}${key !== undefined ? ` and its key to ${keyTarget}` : ' (the secrets key is SECRETS_KEY)'}`);
    out('Start the gateway: it applies the migrations this release has and the backup lacks.');
  } finally {
    lock.release();
  }
}
