import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreLockedError, acquireStoreLock, storeLockFile, storeLockHolder } from './store-lock';

describe('the SQLite store lock', () => {
  let dir: string;
  let store: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'store-lock-'));
    store = join(dir, 'followup.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is a file holding the pid, removed on release (once, and only while it is ours)', () => {
    const lock = acquireStoreLock(store);
    expect(lock.file).toBe(`${store}.lock`);
    expect(readFileSync(lock.file, 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
    writeFileSync(lock.file, '12345\n');
    lock.release();
    expect(readFileSync(lock.file, 'utf8')).toBe('12345\n');
  });

  it('is refused while the process named in it runs', () => {
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(storeLockFile(store), `${holder.pid}\n`);
      expect(storeLockHolder(store)).toBe(holder.pid);
      expect(() => acquireStoreLock(store)).toThrow(new StoreLockedError(storeLockFile(store), holder.pid as number));
      expect(readFileSync(storeLockFile(store), 'utf8')).toBe(`${holder.pid}\n`);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('is taken over when its process is gone, or when it is empty', () => {
    const gone = spawnSync('true').pid;
    writeFileSync(storeLockFile(store), `${gone}\n`);
    expect(storeLockHolder(store)).toBeUndefined();
    acquireStoreLock(store).release();
    writeFileSync(storeLockFile(store), '');
    const lock = acquireStoreLock(store);
    expect(readFileSync(lock.file, 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
  });
});
