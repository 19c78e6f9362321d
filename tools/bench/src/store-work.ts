import { Store, openDataSource } from '@followup/persistence';
import { seedDueFollowupsIn, storeConfigOf, testFollowup } from '@followup/persistence/testing';
import { percentile } from './provider-double';

export async function withStore<T>(env: Record<string, string>, work: (store: Store) => Promise<T>): Promise<T> {
  const store = new Store(await openDataSource(storeConfigOf(env)));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Follow-up rows that are not due for a month (the pending backlog), written in batches. */
export async function seedPending(env: Record<string, string>, locationId: string, count: number): Promise<void> {
  await withStore(env, async (store) => {
    const now = Date.now();
    for (let done = 0; done < count; done += 500) {
      const rows = Array.from({ length: Math.min(500, count - done) }, (_, i) => {
        const due = new Date(now + 30 * 86_400_000 + done + i);
        return testFollowup(due, {
          locationId,
          contactId: 'c',
          conversationId: 'backlog',
          direction: 'outbound',
          agentId: null,
          actionId: null,
          createdAt: new Date(now),
          updatedAt: new Date(now),
        });
      });
      await store.transaction((r) => r.queue.insert(rows));
    }
  });
}

/**
 * Median time of one claim of 100 due rows with a small and with a large backlog pending. The two
 * stores are sampled in alternation (small, large, small, ...) so that the machine's drift between
 * samples falls on both sides of the ratio alike. The 100 rows of each sample are written through
 * the store that claims them, as a gateway's own planner writes its follow-ups: written from a
 * connection opened and closed for the purpose, the claim paid for that connection's teardown
 * (PostgreSQL: a median of 15 ms against 5 ms) and, on SQLite, for a page cache another connection had just
 * invalidated. On PostgreSQL both tables are analysed first, as autovacuum would have done long
 * before a real queue grew to that size.
 */
export async function claimTimesMs(
  envs: { small: Record<string, string>; large: Record<string, string> },
  locationId: string,
  url: string,
): Promise<{ small: number; large: number }> {
  return withStore(envs.small, (small) =>
    withStore(envs.large, async (large) => {
      const stores = { small, large };
      if (envs.small['DATABASE_URL']) for (const store of Object.values(stores)) await store.run((r) => r.queue.analyze());
      const samples: Record<'small' | 'large', number[]> = { small: [], large: [] };
      for (let i = 0; i < 31; i++) {
        for (const size of ['small', 'large'] as const) {
          await seedDueFollowupsIn(stores[size], locationId, url, 100);
          const started = process.hrtime.bigint();
          const claimed = await stores[size].run((r) => r.queue.claimDue(new Date(), 'bench', 60_000, 100));
          if (i > 0) samples[size].push(Number(process.hrtime.bigint() - started) / 1e6); // the first warms the connection up
          await stores[size].transaction((r) =>
            r.queue.finish(
              claimed.map((f) => ({ id: f.id, status: 'cancelled', statusReason: 'bench' })),
              'bench',
              new Date(),
            ),
          );
        }
      }
      const median = (values: number[]) =>
        percentile(
          values.sort((a, b) => a - b),
          50,
        );
      return { small: median(samples.small), large: median(samples.large) };
    }),
  );
}

/** Runs `measure` `times` times and keeps the median, with the spread beside it. */
export async function medianOf(times: number, measure: () => Promise<number>): Promise<{ median: number; runs: number[] }> {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) runs.push(await measure());
  return {
    median: percentile(
      [...runs].sort((a, b) => a - b),
      50,
    ),
    runs,
  };
}
