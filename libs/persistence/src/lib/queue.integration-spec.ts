import { reason } from '@followup/contracts';
import { newId } from '@followup/util';
import { FollowupAttemptEntity, FollowupEntity } from './entities';
import { Store } from './store';
import { ENGINES, openTestStore, testFollowup } from '../testing';
import { openDataSource } from './data-source';

describe.each(ENGINES)('the follow-up queue on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  const now = new Date('2026-05-01T12:00:00Z');

  beforeEach(async () => {
    ({ store, close } = await openTestStore(engine));
  });
  afterEach(() => close());

  it('claims due rows oldest first, under a lease, and never rows not yet due', async () => {
    const rows = [
      testFollowup(new Date('2026-05-01T11:00:00Z')),
      testFollowup(new Date('2026-05-01T10:00:00Z')),
      testFollowup(new Date('2026-05-01T12:00:01Z')),
    ];
    const [eleven, ten] = rows.map((f) => f.id);
    await store.run((r) => r.queue.insert([...rows]));
    const claimed = await store.transaction((r) => r.queue.claimDue(now, 'p1', 30_000, 10));
    expect(claimed.map((f) => f.id)).toEqual([ten, eleven]);
    expect(claimed[0]).toMatchObject({
      status: 'in_progress',
      leaseOwner: 'p1',
      attempt: 1,
      leaseExpiresAt: new Date(now.getTime() + 30_000),
    });
    expect(await store.transaction((r) => r.queue.claimDue(now, 'p2', 30_000, 10))).toEqual([]);
    expect(await store.run((r) => r.queue.nextDueAt())).toEqual(new Date('2026-05-01T12:00:01Z'));
  });

  it('writes outcomes only for rows the owner still holds, and takes over expired leases', async () => {
    const rows = [testFollowup(now), testFollowup(now)];
    await store.run((r) => r.queue.insert(rows));
    const claimed = await store.transaction((r) => r.queue.claimDue(now, 'p1', 1_000, 10));
    await store.run((r) => r.queue.markSendStarted([claimed[0]?.id as string], 'p1', now));
    const later = new Date(now.getTime() + 5_000);
    const expired = await store.transaction((r) => r.queue.claimExpired(later, 'p2', 30_000, 10));
    expect(expired.map((f) => f.id).sort()).toEqual(rows.map((f) => f.id).sort());
    expect(expired.find((f) => f.id === claimed[0]?.id)?.sendStartedAt).toEqual(now);
    const written = await store.transaction((r) =>
      r.queue.finish([{ id: rows[0]?.id as string, status: 'sent', statusReason: null, sentAt: now }], 'p1', later),
    );
    expect(written.size).toBe(0);
    const mine = await store.transaction((r) =>
      r.queue.finish(
        [{ id: rows[0]?.id as string, status: 'sent', statusReason: null, sentAt: later, providerMessageId: 'pm1' }],
        'p2',
        later,
      ),
    );
    expect([...mine]).toEqual([rows[0]?.id]);
    expect(await store.run((r) => r.followups.findById('loc', rows[0]?.id as string))).toMatchObject({
      status: 'sent',
      providerMessageId: 'pm1',
      leaseOwner: null,
      processedAt: later,
    });
  });

  it('marks the sends started and writes their attempts together, only on rows the owner holds', async () => {
    const rows = [testFollowup(now), testFollowup(now), testFollowup(now)];
    await store.run((r) => r.queue.insert(rows));
    const claimed = await store.transaction((r) => r.queue.claimDue(now, 'p1', 30_000, 2));
    const held = claimed.map((f) => f.id);
    const other = rows.find((f) => !held.includes(f.id)) as FollowupEntity;
    const attempt = (followupId: string, id = newId()) =>
      FollowupAttemptEntity.sending({ id, locationId: 'loc', followupId, channel: 'sms', connectionId: 'conn' }, now);
    await store.run((r) =>
      r.queue.markSendStarted(
        [...held, other.id],
        'p1',
        now,
        held.map((id) => attempt(id)),
      ),
    );
    const after = await store.run((r) => Promise.all(rows.map((f) => r.followups.findById('loc', f.id))));
    expect(after.map((f) => [f?.id, f?.sendStartedAt])).toEqual(rows.map((f) => [f.id, held.includes(f.id) ? now : null]));
    const attempts = await store.run((r) => r.attempts.listForFollowups(rows.map((f) => f.id)));
    expect(attempts.map((a) => [a.followupId, a.status, a.startedAt]).sort()).toEqual(held.map((id) => [id, 'sending', now]).sort());

    // An attempt that cannot be written (its id is taken) leaves no mark either: a send never starts half-recorded.
    const [again] = await store.transaction((r) => r.queue.claimDue(now, 'p2', 30_000, 1));
    const taken = (attempts[0] as FollowupAttemptEntity).id;
    await expect(
      store.run((r) => r.queue.markSendStarted([again?.id as string], 'p2', now, [attempt(again?.id as string, taken)])),
    ).rejects.toThrow();
    expect((await store.run((r) => r.followups.findById('loc', again?.id as string)))?.sendStartedAt).toBeNull();
  });

  it('cancels the pending follow-ups of a conversation, optionally by scenario', async () => {
    const busy = testFollowup(now, { scenario: 'contactIsBusy' });
    const quiet = testFollowup(now, { scenario: 'contactStoppedReplying' });
    const other = testFollowup(now, { conversationId: 'other' });
    const otherId = other.id;
    await store.run((r) => r.queue.insert([busy, quiet, other]));
    expect(
      await store.run((r) => r.queue.cancelPending('conv', { code: 'restarted', text: 'superseded' }, now, ['contactStoppedReplying'])),
    ).toBe(1);
    expect(await store.run((r) => r.queue.cancelPending('conv', reason('contact_replied'), now))).toBe(1);
    const rows = await store.run((r) => r.queue.listByConversation('conv'));
    expect(rows.map((f) => [f.scenario, f.status, f.statusReason])).toEqual(
      expect.arrayContaining([
        ['contactIsBusy', 'cancelled', 'contact_replied'],
        ['contactStoppedReplying', 'cancelled', 'superseded'],
      ]),
    );
    expect((await store.run((r) => r.followups.findById('loc', otherId)))?.status).toBe('scheduled');
  });
});

describe('claiming on PostgreSQL from several connections at once', () => {
  it('never gives the same row to two claimers', async () => {
    const { store, config, close } = await openTestStore('postgres');
    const others = await Promise.all([openDataSource(config), openDataSource(config), openDataSource(config)]);
    const stores = [store, ...others.map((d) => new Store(d))];
    try {
      const now = new Date('2026-05-01T12:00:00Z');
      const rows = Array.from({ length: 600 }, (_, i) => testFollowup(new Date(now.getTime() - i)));
      await store.run((r) => r.queue.insert(rows));
      const claimedBy = await Promise.all(
        stores.map(async (s, i) => {
          const ids: string[] = [];
          for (;;) {
            const batch = await s.transaction((r) => r.queue.claimDue(now, `p${i}`, 30_000, 25));
            if (!batch.length) return ids;
            ids.push(...batch.map((f) => f.id));
          }
        }),
      );
      const all = claimedBy.flat();
      expect(all).toHaveLength(600);
      expect(new Set(all).size).toBe(600);
      expect(claimedBy.filter((ids) => ids.length > 0).length).toBeGreaterThan(1);
    } finally {
      await Promise.all(others.map((d) => d.destroy()));
      await close();
    }
  });
});
