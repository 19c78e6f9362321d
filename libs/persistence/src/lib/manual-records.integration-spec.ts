import { newId } from '@followup/util';
import { FollowupEntity } from './entities';
import { Store } from './store';
import { ENGINES, openTestStore } from '../testing';

const now = new Date('2026-05-01T12:00:00Z');
const minuteAgo = new Date(now.getTime() - 60_000);

/** A seed 004 record as POST /followups stores it: no agent, action, scenario or step. */
function manual(over: Partial<FollowupEntity> = {}): FollowupEntity {
  return Object.assign(new FollowupEntity(), {
    id: newId(),
    locationId: 'loc',
    debtId: null,
    contactId: null,
    conversationId: null,
    status: 'scheduled',
    type: 'manual_call',
    callDate: null,
    scheduledAt: minuteAgo,
    summary: null,
    notes: 'call back',
    callId: null,
    audioUrl: null,
    durationMs: null,
    disconnectionReason: null,
    direction: null,
    phoneNumberUsed: null,
    isRetry: false,
    processedAt: null,
    createdAt: minuteAgo,
    updatedAt: minuteAgo,
    ...over,
  });
}

/** An engine step: it names the action it was planned from. */
function engineStep(over: Partial<FollowupEntity> = {}): FollowupEntity {
  return manual({ type: 'sms', agentId: 'a', actionId: 'x', scenario: 'contactStoppedReplying', step: 1, channel: 'sms', ...over });
}

describe.each(ENGINES)('manual follow-up records in the queue on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ store, close } = await openTestStore(engine));
  });
  afterEach(() => close());

  it('never claims a manual record, however due, and claims the engine step beside it', async () => {
    const record = manual();
    const step = engineStep({ scheduledAt: new Date(now.getTime() - 1000) });
    await store.run((r) => r.followups.insert(record));
    await store.run((r) => r.queue.insert([step]));
    const claimed = await store.transaction((r) => r.queue.claimDue(now, 'p1', 30_000, 10));
    expect(claimed.map((f) => f.id)).toEqual([step.id]);
    expect(await store.run((r) => r.followups.findById('loc', record.id))).toMatchObject({
      status: 'scheduled',
      leaseOwner: null,
      attempt: 0,
    });
  });

  it('does not wake the loop for manual records (nextDueAt sees engine steps only)', async () => {
    await store.run((r) => r.followups.insert(manual()));
    expect(await store.run((r) => r.queue.nextDueAt())).toBeNull();
    const later = new Date(now.getTime() + 60_000);
    await store.run((r) => r.queue.insert([engineStep({ scheduledAt: later })]));
    expect(await store.run((r) => r.queue.nextDueAt())).toEqual(later);
  });

  it("lists a conversation's follow-ups of one location only", async () => {
    const mine = engineStep({ conversationId: 'conv' });
    const theirs = manual({ locationId: 'other', conversationId: 'conv' });
    await store.run((r) => r.queue.insert([mine]));
    await store.run((r) => r.followups.insert(theirs));
    expect((await store.run((r) => r.queue.listByConversation('conv', 'loc'))).map((f) => f.id)).toEqual([mine.id]);
  });
});
