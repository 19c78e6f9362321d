import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, linkSync, openSync, readSync, rmSync, statSync } from 'node:fs';

/** A backup or restore that cannot go ahead: one line for the operator, nothing changed. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const HEADER = 'SQLite format 3\0';

function code(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code && /^E[A-Z]+$/.test(e.code) ? e.code : e.message;
}

/** Refuses a path that is not a readable SQLite database file (checked on its first 16 bytes). */
export function assertSqliteFile(path: string, what: string): void {
  let fd: number;
  try {
    if (!statSync(path).isFile()) throw new BackupError(`${what} ${path} is not a file`);
    fd = openSync(path, 'r');
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`cannot read ${what} ${path} (${code(error)})`);
  }
  const header = Buffer.alloc(HEADER.length);
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== HEADER) throw new BackupError(`${what} ${path} is not a SQLite database`);
}

/**
 * Checks a copied store: SQLite's quick check passes and it is a followup-gateway store (it has
 * the migrations table). Leaves it in rollback-journal mode, one self-contained file.
 */
function verifyStoreCopy(path: string, what: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${what} fails SQLite's integrity check (${String(check)})`);
    const migrations = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").get();
    if (!migrations) throw new BackupError(`${what} is a SQLite database but not a followup-gateway store (it has no migrations table)`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${what} cannot be read as a SQLite database (${code(error)})`);
  } finally {
    db?.close();
  }
}

/** Places a finished temporary file at `target` without ever overwriting a file there. */
function placeFile(temporary: string, target: string): void {
  try {
    linkSync(temporary, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new BackupError(`${target} already exists (a backup never overwrites a file)`);
    throw new BackupError(`cannot write ${target} (${code(error)})`);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * A consistent copy of a live store: `VACUUM INTO` reads one snapshot (WAL mode: the writers go
 * on meanwhile) and writes it compacted to a new file, checked before it is placed at `target`.
 * Returns the size of the copy in bytes.
 */
export function backupSqliteStore(source: string, target: string): number {
  if (existsSync(target)) throw new BackupError(`${target} already exists (a backup never overwrites a file)`);
  assertSqliteFile(source, 'the store');
  const temporary = `${target}.partial-${process.pid}`;
  rmSync(temporary, { force: true });
  let db: Database.Database | undefined;
  try {
    db = new Database(source, { fileMustExist: true, timeout: 10_000 });
    db.prepare('VACUUM INTO ?').run(temporary);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new BackupError(`cannot copy the store ${source} to ${temporary} (${code(error)})`);
  } finally {
    db?.close();
  }
  try {
    verifyStoreCopy(temporary, `the copy of ${source}`);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  const size = statSync(temporary).size;
  placeFile(temporary, target);
  return size;
}

/**
 * Copies a backup to `target` (which must not exist by the time `beforePlace` has run): checked as
 * a followup-gateway store first, then placed in one step, so a bad backup changes nothing and a
 * failed restore leaves nothing half-written at `target`.
 */
export function restoreSqliteStore(backup: string, target: string, beforePlace: () => void = () => undefined): void {
  assertSqliteFile(backup, 'the backup');
  const temporary = `${target}.restoring-${process.pid}`;
  rmSync(temporary, { force: true });
  try {
    copyFileSync(backup, temporary);
    verifyStoreCopy(temporary, `the backup ${backup}`);
    beforePlace();
  } catch (error) {
    rmSync(temporary, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`cannot restore ${backup} to ${target} (${code(error)})`);
  }
  placeFile(temporary, target);
}
