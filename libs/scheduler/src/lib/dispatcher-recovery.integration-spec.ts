import { ChannelLinks, ChannelRegistry } from '@followup/channels-core';
import { webhookChannelProvider } from '@followup/channels-webhook';
import { ChannelConnectionEntity, Store } from '@followup/persistence';
import { ENGINES, openTestStore } from '@followup/persistence/testing';
import { WebhookReceiver } from '@followup/testing';
import { ManualClock, signWebhook } from '@followup/util';
import { MessageComposer, TemplateComposer } from '@followup/composer';
import { FollowupDispatcher } from './dispatcher';
import { FollowupPlanner } from './planner';
import { OutboundSender } from '@followup/routing';
import { SchedulerSignals } from '@followup/util';
import { LOC, SECRET, countingProvider, followupRow, options, scheduledFollowup, seedDispatchLocation } from './dispatcher-test-kit';

// The dispatcher's crash recovery (expired leases), retries of unknown outcomes, and its loop.
describe.each(ENGINES)('the dispatch loop on %s: recovery, retries and the loop', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  let receiver: WebhookReceiver;
  let url: string;
  const clock = new ManualClock('2026-06-15T13:00:00Z');
  const plainSent: string[] = [];
  const registry = new ChannelRegistry();
  registry.register(webhookChannelProvider);
  registry.register(countingProvider(plainSent));
  const signals = new SchedulerSignals();
  const planner = new FollowupPlanner(clock, signals);
  const composer: MessageComposer = new TemplateComposer();
  const sender = new OutboundSender(registry, new ChannelLinks(Buffer.alloc(32, 1), 'http://127.0.0.1:9'));
  const dispatcher = (s: Store, owner = 'p1') =>
    new FollowupDispatcher(s, clock, registry, composer, planner, signals, sender, options(owner));

  beforeAll(async () => {
    ({ store, close } = await openTestStore(engine));
    receiver = new WebhookReceiver(SECRET);
    url = await receiver.start();
    await seedDispatchLocation(store, clock.now(), url);
  });
  afterAll(async () => {
    await receiver.stop();
    await close();
  });

  const scheduled = () => scheduledFollowup(store, clock, planner);
  const row = (id: string) => followupRow(store, id);

  it('requeues a row whose process died before sending, and sends it once', async () => {
    const f = await scheduled();
    clock.advance(10 * 60_000);
    const claimed = await store.transaction((r) => r.queue.claimDue(clock.now(), 'dead', 1_000, 100));
    expect(claimed.map((c) => c.id)).toContain(f.id);
    clock.advance(5_000);
    await dispatcher(store).dispatchDue();
    expect(await row(f.id)).toMatchObject({ status: 'sent', attempt: 2 });
    expect(receiver.requests.filter((w) => w.id === `fu_${f.id}`)).toHaveLength(1);
  });

  it('resends with the same idempotency key when the channel dedupes, so the contact gets one message', async () => {
    const f = await scheduled();
    clock.advance(10 * 60_000);
    await store.transaction((r) => r.queue.claimDue(clock.now(), 'dead', 1_000, 100));
    await store.run((r) => r.queue.markSendStarted([f.id], 'dead', clock.now()));
    // The dead process's request did reach the receiver before it died.
    const body = JSON.stringify({ body: 'One' });
    await fetch(`${url}/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signWebhook(SECRET, `fu_${f.id}`, new Date(), body) },
      body,
    });
    clock.advance(5_000);
    await dispatcher(store).dispatchDue();
    expect(await row(f.id)).toMatchObject({ status: 'sent' });
    expect(receiver.requests.filter((w) => w.id === `fu_${f.id}`)).toHaveLength(2);
    expect([...receiver.accepted.keys()].filter((id) => id === `fu_${f.id}`)).toHaveLength(1);
  });

  it('never resends on a channel without idempotency: the outcome is recorded as unknown', async () => {
    const f = await scheduled();
    await store.run(async (r) => {
      const c = (await r.channelConnections.findById(LOC, 'k-sms')) as ChannelConnectionEntity;
      await r.channelConnections.save(Object.assign(c, { provider: 'plain' }), []);
    });
    try {
      clock.advance(10 * 60_000);
      await store.transaction((r) => r.queue.claimDue(clock.now(), 'dead', 1_000, 100));
      await store.run((r) => r.queue.markSendStarted([f.id], 'dead', clock.now()));
      clock.advance(5_000);
      await dispatcher(store).dispatchDue();
      expect(await row(f.id)).toMatchObject({ status: 'failed', errorCode: 'outcome_unknown' });
      expect(plainSent).not.toContain(`fu_${f.id}`);
    } finally {
      await store.run(async (r) => {
        const c = (await r.channelConnections.findById(LOC, 'k-sms')) as ChannelConnectionEntity;
        await r.channelConnections.save(Object.assign(c, { provider: 'webhook' }), []);
      });
    }
  });

  it('retries a failure of unknown outcome on an idempotent channel, with backoff', async () => {
    const f = await scheduled();
    clock.advance(10 * 60_000);
    receiver.behaviour = { status: 503 };
    await dispatcher(store).dispatchDue();
    receiver.behaviour = {};
    expect(await row(f.id)).toMatchObject({
      status: 'scheduled',
      errorCode: 'http_503',
      statusReason: expect.stringMatching(/^retrying after http_503/),
    });
    clock.advance(30_000);
    await dispatcher(store).dispatchDue();
    expect(await row(f.id)).toMatchObject({ status: 'sent', attempt: 2 });
  });

  it('runs as a loop: wakes for a newly scheduled follow-up and stops cleanly', async () => {
    const d = dispatcher(store, 'looper');
    d.start();
    try {
      const f = await scheduled();
      clock.advance(10 * 60_000);
      d.wake();
      await receiver.waitFor(receiver.accepted.size + 1, 10_000);
      await new Promise<void>((resolve) => {
        const check = async () => ((await row(f.id)).status === 'sent' ? resolve() : setTimeout(check, 20));
        void check();
      });
    } finally {
      await d.stop();
    }
  });
});
