import { GroupCommitter } from './group-commit';

/** A fake database: a transaction stages writes and commits them at once, or drops them. */
function fakeStore(options: { concurrency?: number; maxGroup?: number; failCommit?: () => boolean; interleave?: boolean } = {}) {
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
    interleave: options.interleave,
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
  /** Every step of every run of a unit, in the order they ran (a unit that runs again appears again). */
  const trace: string[] = [];
  /** A unit of `steps` steps, each after a wait on the (fake) database, in `lane`. */
  const unit = (name: string, lane: string | undefined, opts: { steps?: number; failAt?: number } = {}) =>
    groupsCommitter.submit(async (ctx) => {
      for (let step = 1; step <= (opts.steps ?? 2); step++) {
        await new Promise((resolve) => setImmediate(resolve));
        trace.push(`${name}${step}`);
        if (opts.failAt === step) throw new Error(`${name} refused`);
      }
      ctx.writes.push(name);
      ctx.onCommit.push(name);
      return `${name} done`;
    }, lane);
  return { write, unit, trace, committed, groups, afterCommit, maxOpen: () => maxOpen, firstOpen };
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

  describe('lanes (interleave)', () => {
    it("runs different lanes' units side by side, one lane's in order, one without a lane alone, and other kinds apart", async () => {
      const db = fakeStore({ interleave: true });
      const first = db.unit('w', undefined, { steps: 1 }); // a group of its own: the next ones arrive while it runs
      await db.firstOpen;
      const answers = Promise.all([
        db.unit('a', 'k:x'),
        db.unit('b', 'k:y'),
        db.unit('c', 'k:x'),
        db.unit('n', undefined),
        db.unit('d', 'k:y'),
        db.unit('e', 'k:z'),
        db.unit('f', 'other:x'), // another kind: after d and e
        db.unit('g', 'other:y'),
      ]);
      await first;
      expect(await answers).toEqual(['a done', 'b done', 'c done', 'n done', 'd done', 'e done', 'f done', 'g done']);
      expect(db.groups).toEqual([1, 8]);
      expect(db.trace).toEqual(['w1', 'a1', 'b1', 'a2', 'b2', 'c1', 'c2', 'n1', 'n2', 'd1', 'e1', 'd2', 'e2', 'f1', 'g1', 'f2', 'g2']);
      expect(db.committed).toEqual(['w', 'a', 'b', 'c', 'n', 'd', 'e', 'f', 'g']);
      expect(db.afterCommit).toEqual(['w', 'a', 'b', 'c', 'n', 'd', 'e', 'f', 'g']);
    });

    it('runs a group that failed interleaved again one unit after another: the failing unit gets its error, the others commit once', async () => {
      const db = fakeStore({ interleave: true });
      const first = db.unit('w', undefined, { steps: 1 });
      await db.firstOpen;
      const results = Promise.allSettled([db.unit('a', 'k:x'), db.unit('bad', 'k:y', { failAt: 1 }), db.unit('c', 'k:z')]);
      await first;
      expect((await results).map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
        'a done',
        'bad refused',
        'c done',
      ]);
      // Interleaved, rolled back; one after another, rolled back at bad; then a (the units before the
      // failing one), bad alone, and c.
      expect(db.trace).toEqual(['w1', 'a1', 'bad1', 'c1', 'a2', 'c2', 'a1', 'a2', 'bad1', 'a1', 'a2', 'bad1', 'c1', 'c2']);
      expect(db.committed).toEqual(['w', 'a', 'c']);
      expect(db.afterCommit).toEqual(['w', 'a', 'c']);
    });

    it('runs units one after another when interleaving is off, lanes or not', async () => {
      const db = fakeStore();
      await Promise.all([db.unit('a', 'k:x'), db.unit('b', 'k:y')]);
      expect(db.trace).toEqual(['a1', 'a2', 'b1', 'b2']);
    });
  });
});
