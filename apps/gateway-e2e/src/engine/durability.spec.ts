import { ENGINES } from '../support/fixtures';
import { SEED_SECRET, freshStoreEnv, seedDueFollowups, statusCounts } from '@followup/persistence/testing';
import { WebhookReceiver, startGatewayProcess } from '@followup/testing';

/**
 * Real processes, real clock, counted at the provider side: the receiver dedupes on webhook-id as
 * a receiver must, and also keeps every raw request.
 */
async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('two gateway processes on one PostgreSQL database', () => {
  it('dispatch 10,000 due follow-ups between them, each sent exactly once', async () => {
    const store = freshStoreEnv('postgres');
    const receiver = new WebhookReceiver(SEED_SECRET);
    const url = await receiver.start();
    const env = { ...store.env, DISPATCH_IDLE_MAX_MS: '100', DISPATCH_BATCH_SIZE: '100' };
    const a = await startGatewayProcess(env);
    const b = await startGatewayProcess(env);
    try {
      const ids = await seedDueFollowups(store.env, a.locationId as string, url, 10_000);
      await receiver.waitFor(10_000, 120_000);
      await until(async () => (await statusCounts(store.env))['sent'] === 10_000, 30_000, 'every row recorded as sent');
      expect(receiver.requests).toHaveLength(10_000);
      expect(new Set(receiver.requests.map((r) => r.id))).toEqual(new Set(ids.map((id) => `fu_${id}`)));
      expect(receiver.requests.every((r) => r.signatureValid)).toBe(true);
      expect(await statusCounts(store.env)).toMatchObject({ sent: 10_000, scheduled: 0, in_progress: 0, failed: 0 });
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await receiver.stop();
      await store.dispose();
    }
  });
});

describe.each(ENGINES)('a gateway killed with SIGKILL in mid-dispatch (%s)', (engine) => {
  it('loses nothing and sends nothing twice once it (or another) restarts', async () => {
    const store = freshStoreEnv(engine);
    const receiver = new WebhookReceiver(SEED_SECRET);
    const url = await receiver.start();
    receiver.behaviour = { delayMs: 150 };
    const env = {
      ...store.env,
      DISPATCH_IDLE_MAX_MS: '100',
      DISPATCH_CONCURRENCY: '20',
      DISPATCH_BATCH_SIZE: '10',
      DISPATCH_LEASE_MS: '2000',
    };
    const first = await startGatewayProcess(env);
    let second: Awaited<ReturnType<typeof startGatewayProcess>> | undefined;
    try {
      await seedDueFollowups(store.env, first.locationId as string, url, 400);
      await until(async () => receiver.accepted.size >= 60, 60_000, 'the first sends');
      await first.kill();
      const atKill = receiver.accepted.size;
      expect(atKill).toBeLessThan(400);
      receiver.behaviour = {};
      second = await startGatewayProcess(env);
      await receiver.waitFor(400, 60_000);
      await until(async () => (await statusCounts(store.env))['sent'] === 400, 30_000, 'every row recorded as sent');
      // Every follow-up reached the provider once; a request the killed process had in flight may
      // have been repeated with the same webhook-id, which the provider dedupes.
      expect(receiver.accepted.size).toBe(400);
      const repeats = receiver.requests.length - receiver.accepted.size;
      expect(repeats).toBeLessThanOrEqual(20);
      expect(await statusCounts(store.env)).toMatchObject({ sent: 400, scheduled: 0, in_progress: 0, failed: 0 });
    } finally {
      await first.kill();
      await second?.stop();
      await receiver.stop();
      await store.dispose();
    }
  });
});

describe('a gateway stopped with SIGTERM in mid-dispatch', () => {
  it('finishes its in-flight sends, gives back the rest, exits 0 within 10 s, and nothing is lost', async () => {
    const store = freshStoreEnv('sqlite');
    const receiver = new WebhookReceiver(SEED_SECRET);
    const url = await receiver.start();
    receiver.behaviour = { delayMs: 300 };
    const env = { ...store.env, DISPATCH_IDLE_MAX_MS: '100', DISPATCH_CONCURRENCY: '10', DISPATCH_BATCH_SIZE: '10' };
    const first = await startGatewayProcess(env);
    let second: Awaited<ReturnType<typeof startGatewayProcess>> | undefined;
    try {
      await seedDueFollowups(store.env, first.locationId as string, url, 100);
      await until(async () => receiver.requests.length >= 5, 30_000, 'the first sends');
      const stopping = Date.now();
      expect(await first.stop()).toBe(0);
      expect(Date.now() - stopping).toBeLessThan(10_000);
      const counts = await statusCounts(store.env);
      expect(counts['in_progress']).toBe(0);
      expect((counts['sent'] ?? 0) + (counts['scheduled'] ?? 0)).toBe(100);
      receiver.behaviour = {};
      second = await startGatewayProcess(env);
      await receiver.waitFor(100, 60_000);
      await until(async () => (await statusCounts(store.env))['sent'] === 100, 30_000, 'every row recorded as sent');
      expect(receiver.requests).toHaveLength(100);
    } finally {
      await first.kill();
      await second?.stop();
      await receiver.stop();
      await store.dispose();
    }
  });
});
