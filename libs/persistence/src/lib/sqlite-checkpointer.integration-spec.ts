import { Mutex } from '@followup/util';
import { existsSync } from 'node:fs';
import { testFollowup, testStoreConfig } from '../testing';
import { openDataSource } from './data-source';
import { CheckpointResult, SqliteCheckpointer } from './sqlite-checkpointer';
import { Store } from './store';

/** `count` follow-ups in one transaction: about a page of WAL per 4 rows, with their indexes. */
function write(store: Store, count: number): Promise<void> {
  const rows = Array.from({ length: count }, (_, i) => testFollowup(new Date(Date.UTC(2027, 0, 1) + i * 1000)));
  return store.transaction((r) => r.queue.insert(rows));
}

async function walFrames(store: Store): Promise<number> {
  // A checkpoint that can copy nothing (TRUNCATE needs every reader gone: a read transaction here blocks it) just counts.
  const [answer] = (await store.run(() => store.dataSource.query('PRAGMA wal_checkpoint(PASSIVE)'))) as CheckpointResult[];
  return (answer as CheckpointResult).log;
}

describe('SqliteCheckpointer (SQLite WAL checkpoints on a thread of their own)', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let file: string;

  beforeEach(async () => {
    const test = testStoreConfig('sqlite');
    dispose = test.dispose;
    file = test.config.sqlitePath;
    // Rounds only when the test asks for one.
    store = new Store(await openDataSource(test.config), undefined, { checkpoints: { intervalMs: 3_600_000, restartFrames: 256 } });
  });

  afterEach(async () => {
    await store.close();
    await dispose();
  });

  it('copies every committed page into the database file, and the next commit starts the WAL over', async () => {
    const checkpointer = store.checkpointer as SqliteCheckpointer;
    await checkpointer.round(); // starts the thread; the writer keeps its own checkpoint only as a ceiling from here on
    const [setting] = (await store.run(() => store.dataSource.query('PRAGMA wal_autocheckpoint'))) as { wal_autocheckpoint: number }[];
    expect(setting?.wal_autocheckpoint).toBe(SqliteCheckpointer.ceilingFrames);

    for (let i = 0; i < 8; i++) await write(store, 1_000);
    const copied = (await checkpointer.round()) as CheckpointResult;
    // More than SQLite's 1,000-page trigger: the writer left the checkpoint to the thread.
    expect(copied.log).toBeGreaterThan(1_000);
    expect(copied.checkpointed).toBe(copied.log);

    await write(store, 10);
    const after = (await checkpointer.round()) as CheckpointResult;
    expect(after.log).toBeLessThan(50);
    expect(after.checkpointed).toBe(after.log);
  });

  it('under steady writes, a WAL past the limit is copied whole between transactions, so it stays bounded', async () => {
    const checkpointer = store.checkpointer as SqliteCheckpointer;
    const results: CheckpointResult[] = [];
    for (let i = 0; i < 20; i++) {
      // Commits land while the round runs.
      const writes = [write(store, 400), write(store, 400)];
      results.push((await checkpointer.round()) as CheckpointResult);
      await Promise.all(writes);
    }
    for (const r of results) {
      if (r.log >= 256) expect(r.checkpointed).toBe(r.log);
    }
    // 16,000 rows were written; the WAL never held more than a few rounds' worth.
    expect(Math.max(...results.map((r) => r.log))).toBeLessThan(2_000);
    expect(await walFrames(store)).toBeLessThan(2_000);
  });

  it('closes its connection with the store, so the last close folds the WAL into the file and removes it', async () => {
    await write(store, 100);
    await (store.checkpointer as SqliteCheckpointer).round();
    expect(existsSync(`${file}-wal`)).toBe(true);
    await store.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(file)).toBe(true);
  });

  it('gives the checkpoints back to the writer (SQLite default of 1,000 pages) when its thread cannot open the store', async () => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const settings: number[] = [];
    const checkpointer = new SqliteCheckpointer(`${file}.missing`, new Mutex(), async (frames) => void settings.push(frames), {
      intervalMs: 5,
    });
    try {
      checkpointer.start();
      for (let i = 0; i < 200 && !settings.includes(1_000); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(settings).toEqual([SqliteCheckpointer.ceilingFrames, 1_000]);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/SQLite checkpoints are back on the main thread: .*unable to open database file/);
    } finally {
      await checkpointer.close();
      warn.mockRestore();
    }
  });

  it('is not started for a store opened with checkpoints: false', async () => {
    const test = testStoreConfig('sqlite');
    const plain = new Store(await openDataSource(test.config), undefined, { checkpoints: false });
    try {
      expect(plain.checkpointer).toBeUndefined();
    } finally {
      await plain.close();
      await test.dispose();
    }
  });
});
