import { readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';

/**
 * The SQLite store is for one process. The process that owns it (the gateway, or a restore that
 * replaces the file) holds `<store>.lock`, a file holding its pid, created exclusively. A lock whose
 * pid is no longer running (a process killed with SIGKILL, a host that lost power) is stale and is
 * taken over. The CLI's short commands (token, location, migrate, backup) take no lock: they work
 * beside a running gateway, as SQLite's own locking allows.
 */
export class StoreLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(`${lockFile} is held by process ${pid}`);
    this.name = 'StoreLockedError';
  }
}

export interface StoreLock {
  readonly file: string;
  /** Removes the lock file if it is still ours; safe to call more than once (and from an exit handler). */
  release(): void;
}

export function storeLockFile(sqlitePath: string): string {
  return `${sqlitePath}.lock`;
}

/** Whether a process with this pid runs (EPERM: it runs as another user). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const pid = Number.parseInt(text.trim(), 10);
  // An empty or unreadable lock (a crash between create and write) counts as stale: pid 0.
  return Number.isInteger(pid) && pid > 0 ? pid : 0;
}

/**
 * The pid of the live process holding the store's lock, or undefined when nobody does. Our own
 * pid in a leftover lock (a container restarted with the same pid 1) does not count.
 */
export function storeLockHolder(sqlitePath: string): number | undefined {
  const pid = readHolder(storeLockFile(sqlitePath));
  if (!pid || pid === process.pid || !processIsAlive(pid)) return undefined;
  return pid;
}

/** Takes the store's lock (the folder must exist), or throws StoreLockedError naming the live holder. */
export function acquireStoreLock(sqlitePath: string): StoreLock {
  const file = storeLockFile(sqlitePath);
  const mine = `${process.pid}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, mine, { flag: 'wx', mode: 0o644 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = storeLockHolder(sqlitePath);
      // A second EEXIST: another process took the stale lock between our two tries; it wins.
      if (holder !== undefined || attempt > 0) throw new StoreLockedError(file, holder ?? readHolder(file) ?? 0);
      // Stale (its process is gone): remove it and try once more.
      rmSync(file, { force: true });
    }
  }
  let held = true;
  return {
    file,
    release: () => {
      if (!held) return;
      held = false;
      try {
        if (readFileSync(file, 'utf8') === mine) unlinkSync(file);
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}
