import { GroupCommitter } from './group-commit';

/** A fake database: a transaction stages writes and commits them at once, or drops them. */
function fakeStore(options: { concurrency?: number; maxGroup?: number; failCommit?: () => boolean } = {}) {
  const committed: string[] = [];
  const groups: number[] = [];
  const afterCommit: string[] = [];
  let open = 0;
  let maxOpen = 0;
  let opened: () => void = () => undefined;
  /** Resolves once the first transaction has begun (what arrives after it waits for the next one). */
  const firstOpen = new Promise<void>((resolve) => (opened = resolve));
  type Ctx = { writes: string[]; onCommit: string[] };
  const groupsCommitter = new GroupCommitter<Ctx>({
    concurrency: options.concurrency ?? 1,
    maxGroup: options.maxGroup ?? 64,
    begin: async (body) => {
      open++;
      maxOpen = Math.max(maxOpen, open);
      opened();
      const staged: Ctx[] = [];
      try {
        await body(() => {
          const ctx = { writes: [], onCommit: [] };
          staged.push(ctx);
          return ctx;
        });
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (options.failCommit?.()) throw new Error('disk full');
        groups.push(staged.length);
        for (const ctx of staged) committed.push(...ctx.writes);
      } finally {
        open--;
      }
    },
    committed: (ctx) => afterCommit.push(...ctx.onCommit),
  });
  const write = (name: string, fail = false) =>
    groupsCommitter.submit(async (ctx) => {
      await Promise.resolve();
      ctx.writes.push(name);
      if (fail) throw new Error(`${name} refused`);
      ctx.onCommit.push(name);
      return `${name} done`;
    });
  return { write, committed, groups, afterCommit, maxOpen: () => maxOpen, firstOpen };
}

describe('GroupCommitter', () => {
  it('commits what arrives together, and what arrives during a transaction, in one transaction each, answering after the commit', async () => {
    const db = fakeStore();
    const together = Promise.all(['a', 'b'].map((name) => db.write(name)));
    await db.firstOpen; // the first group is running (its commit takes 5 ms)
    const later = Promise.all(['c', 'd', 'e'].map((name) => db.write(name)));
    expect([...(await together), ...(await later)]).toEqual(['a done', 'b done', 'c done', 'd done', 'e done']);
    expect(db.committed).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(db.groups).toEqual([2, 3]);
    expect(db.afterCommit).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it("gives a failing unit its own error, and commits the others without it (their writes once, the failed one's never)", async () => {
    const db = fakeStore();
    const first = db.write('first');
    const results = await Promise.allSettled([db.write('b'), db.write('bad', true), db.write('c'), db.write('d')]);
    await first;
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      'b done',
      'bad refused',
      'c done',
      'd done',
    ]);
    expect(db.committed.sort()).toEqual(['b', 'c', 'd', 'first']);
    expect(db.afterCommit.sort()).toEqual(['b', 'c', 'd', 'first']);
  });

  it('rejects every unit of a group whose commit fails, and nothing of it is written', async () => {
    let fail = false;
    const db = fakeStore({ failCommit: () => fail });
    const first = db.write('first').catch((error: Error) => error.message);
    fail = true;
    const results = await Promise.allSettled([db.write('x'), db.write('y')]);
    expect(await first).toBe('disk full');
    expect(results.map((r) => r.status === 'rejected' && (r.reason as Error).message)).toEqual(['disk full', 'disk full']);
    expect(db.committed).toEqual([]);
    expect(db.afterCommit).toEqual([]);
  });

  it('keeps to its concurrency and group size', async () => {
    const db = fakeStore({ concurrency: 2, maxGroup: 2 });
    await Promise.all(Array.from({ length: 9 }, (_, i) => db.write(`u${i}`)));
    expect(db.maxOpen()).toBe(2);
    expect(Math.max(...db.groups)).toBeLessThanOrEqual(2);
    expect(db.committed.sort()).toEqual(Array.from({ length: 9 }, (_, i) => `u${i}`).sort());
  });
});
