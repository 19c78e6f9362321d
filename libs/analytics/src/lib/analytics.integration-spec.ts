import { UnprocessableEntityException } from '@nestjs/common';
import { FollowupEntity, MessageEntity, Store } from '@followup/persistence';
import { ENGINES, openTestStore } from '@followup/persistence/testing';
import { ManualClock, newId } from '@followup/util';
import { AnalyticsService } from './analytics.service';

const HOUR = 3_600_000;

/** The 422's lines of a refused call. */
async function lines(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
    return 'no error';
  } catch (error) {
    if (!(error instanceof UnprocessableEntityException)) throw error;
    return (error.getResponse() as { message: string[] }).message;
  }
}

function followup(locationId: string, conversationId: string, fields: Partial<FollowupEntity>): FollowupEntity {
  const now = fields.sentAt ?? new Date('2026-06-01T00:00:00Z');
  return Object.assign(new FollowupEntity(), {
    id: newId(),
    locationId,
    debtId: null,
    contactId: null,
    conversationId,
    status: 'sent',
    type: 'sms',
    callDate: null,
    scheduledAt: now,
    summary: null,
    notes: null,
    callId: null,
    audioUrl: null,
    durationMs: null,
    disconnectionReason: null,
    direction: 'outbound',
    phoneNumberUsed: null,
    isRetry: false,
    processedAt: null,
    agentId: 'agent-1',
    actionId: 'action-1',
    scenario: 'contactStoppedReplying',
    step: 1,
    channel: 'sms',
    attempt: 1,
    leaseOwner: null,
    leaseExpiresAt: null,
    sendStartedAt: null,
    conversationVersion: 1,
    statusReason: null,
    reasonCode: null,
    providerMessageId: null,
    sentAt: null,
    originalDueAt: null,
    timezone: 'UTC',
    movedByWorkingHours: false,
    body: null,
    errorCode: null,
    createdAt: now,
    updatedAt: now,
    ...fields,
  });
}

function inbound(locationId: string, conversationId: string, occurredAt: Date): MessageEntity {
  return Object.assign(new MessageEntity(), {
    id: newId(),
    locationId,
    conversationId,
    direction: 'inbound',
    channel: 'sms',
    body: 'yes please',
    providerMessageId: null,
    intent: null,
    requestedAt: null,
    intentSource: null,
    occurredAt,
    connectionId: null,
    status: 'received',
    statusReason: null,
    errorCode: null,
    subject: null,
    followupNote: null,
    createdAt: occurredAt,
  });
}

/** The analytics read from the stored follow-ups and messages, on both engines, scoped to the location. */
describe.each(ENGINES)('follow-up analytics on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  const clock = new ManualClock('2026-06-10T00:00:00Z');
  let analytics: AnalyticsService;
  const day1 = new Date('2026-06-01T10:00:00Z');

  beforeAll(async () => {
    ({ store, close } = await openTestStore(engine));
    analytics = new AnalyticsService(store, clock);
    await store.transaction(async (r) => {
      await r.queue.insert([
        followup('loc-a', 'c1', { sentAt: day1 }),
        followup('loc-a', 'c1', { step: 2, sentAt: new Date(day1.getTime() + 24 * HOUR), status: 'delivered' }),
        followup('loc-a', 'c2', { sentAt: day1, channel: 'email', agentId: 'agent-2' }),
        followup('loc-a', 'c3', { status: 'failed', updatedAt: day1 }),
        followup('loc-a', 'c4', { status: 'scheduled', scheduledAt: day1 }),
        followup('loc-b', 'c9', { sentAt: day1 }),
      ]);
      // c1: a reply after step 2 (counts for step 2); c2: none; loc-b's reply never counts for loc-a.
      await r.messages.insert(inbound('loc-a', 'c1', new Date(day1.getTime() + 25 * HOUR)));
      await r.messages.insert(inbound('loc-b', 'c9', new Date(day1.getTime() + HOUR)));
    });
  });
  afterAll(() => close());

  it('counts sent, delivered, failed and replied per step, channel and day', async () => {
    const result = await analytics.followups('loc-a', { from: '2026-06-01T00:00:00Z', to: '2026-06-03T00:00:00Z' });
    expect(result.by_step).toEqual([
      { scenario: 'contactStoppedReplying', step: 1, sent: 2, delivered: 0, replied: 0, reply_rate: 0 },
      { scenario: 'contactStoppedReplying', step: 2, sent: 1, delivered: 1, replied: 1, reply_rate: 1 },
    ]);
    expect(result.by_channel).toEqual([
      { channel: 'email', sent: 1, delivered: 0, failed: 0, replied: 0, reply_rate: 0 },
      { channel: 'sms', sent: 2, delivered: 1, failed: 1, replied: 1, reply_rate: 0.5 },
    ]);
    expect(result.by_day.map((d) => [d.day, d.sent, d.failed, d.replied])).toEqual([
      ['2026-06-01', 2, 1, 0],
      ['2026-06-02', 1, 0, 1],
    ]);
  });

  it('reads the 30 days before now by default; an agent_id must name an agent of the location', async () => {
    const byDefault = await analytics.followups('loc-b', {});
    expect(byDefault).toMatchObject({ from: '2026-05-11T00:00:00.001Z', to: '2026-06-10T00:00:00.001Z', reply_window_hours: 168 });
    expect(byDefault.by_step).toEqual([{ scenario: 'contactStoppedReplying', step: 1, sent: 1, delivered: 0, replied: 1, reply_rate: 1 }]);
    await expect(lines(analytics.followups('loc-a', { agent_id: 'agent-2' }))).resolves.toEqual([
      'agent_id agent-2 is not a Conversation AI agent of this location',
    ]);
  });

  it('refuses a backwards or too long range with 422 lines naming the fields', async () => {
    await expect(lines(analytics.followups('loc-a', { from: '2026-06-03T00:00:00Z', to: '2026-06-01T00:00:00Z' }))).resolves.toEqual([
      'from must be before to',
    ]);
    await expect(lines(analytics.followups('loc-a', { from: '2024-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' }))).resolves.toEqual([
      'from and to must be at most 366 days apart',
    ]);
  });
});
