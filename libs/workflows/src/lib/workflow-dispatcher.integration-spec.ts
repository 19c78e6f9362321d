import { ConversationEntity, FollowupEntity, FollowupOutcome, LocationEntity, Store, WorkflowDeliveryEntity } from '@followup/persistence';
import { ENGINES, openTestStore } from '@followup/persistence/testing';
import { WebhookReceiver } from '@followup/testing';
import { deliveryBackoffMs } from '@followup/timing';
import { ManualClock, SchedulerSignals, allowPrivateNetworks, newId, verifyWebhook } from '@followup/util';
import { MAX_DELIVERY_ATTEMPTS, WorkflowDispatcher, workflowDelivery } from './workflow-dispatcher';
import { WorkflowsService } from './workflows.service';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const LOC = 'loc';

describe.each(ENGINES)('WorkflowDispatcher on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  // No secret given: the receiver checks signatures against the wall clock, these are signed at the test's clock.
  const receiver = new WebhookReceiver();
  const clock = new ManualClock('2026-06-15T13:00:00Z');
  let dispatcher: WorkflowDispatcher;

  beforeAll(async () => {
    ({ store, close } = await openTestStore(engine));
    const url = await receiver.start();
    await store.run((r) =>
      r.locations.insert(Object.assign(new LocationEntity(), { id: LOC, name: 'L', timezone: 'UTC', createdAt: clock.now() })),
    );
    const workflows = new WorkflowsService(store, clock);
    await workflows.create(LOC, { id: 'wf-booked', name: 'Booked', url: `${url}/hooks/booked`, secret: SECRET });
    dispatcher = new WorkflowDispatcher(store, clock, new SchedulerSignals(), {
      enabled: true,
      owner: 'w1',
      batchSize: 10,
      concurrency: 10,
      leaseMs: 60_000,
      idleMaxMs: 50,
    });
  });
  afterAll(async () => {
    await receiver.stop();
    await close();
  });

  /** A pending delivery of a sent follow-up step, due now, stored as the follow-up dispatcher stores it. */
  async function pending(workflowId = 'wf-booked'): Promise<WorkflowDeliveryEntity> {
    const followup = Object.assign(new FollowupEntity(), {
      id: newId(),
      locationId: LOC,
      agentId: 'agent',
      scenario: 'contactStoppedReplying',
      step: 1,
      channel: 'sms',
    });
    const conversation = Object.assign(new ConversationEntity(), { id: newId(), locationId: LOC, contactId: 'contact' });
    const outcome: FollowupOutcome = {
      id: followup.id,
      status: 'sent',
      statusReason: null,
      body: 'Hi',
      providerMessageId: 'P1',
      sentAt: clock.now(),
    };
    const delivery = workflowDelivery(followup, outcome, workflowId, conversation, clock.now());
    await store.run((r) => r.workflowDeliveries.insert([delivery]));
    return delivery;
  }
  const stored = async (d: WorkflowDeliveryEntity) =>
    (await store.run((r) => r.workflowDeliveries.list(LOC, d.workflowId))).find((x) => x.id === d.id) as WorkflowDeliveryEntity;
  const hitsOf = (d: WorkflowDeliveryEntity) => receiver.requests.filter((w) => w.id === d.id);

  it('posts a pending delivery signed per Standard Webhooks and marks it succeeded', async () => {
    const d = await pending();
    expect(await dispatcher.deliverDue()).toBe(1);
    const [hit, ...more] = hitsOf(d);
    expect(more).toHaveLength(0);
    expect(hit).toMatchObject({ path: '/hooks/booked', raw: d.payload });
    expect(verifyWebhook(SECRET, hit?.headers as Record<string, string>, hit?.raw as string, clock.now())).toBe(true);
    expect(
      verifyWebhook('whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', hit?.headers as Record<string, string>, d.payload, clock.now()),
    ).toBe(false);
    expect(hit?.body).toMatchObject({ type: 'followup.sent', data: { workflow_id: 'wf-booked', followup_id: d.followupId, body: 'Hi' } });
    expect(await stored(d)).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      deliveredAt: clock.now(),
      nextAttemptAt: null,
      leaseOwner: null,
    });
    expect(await dispatcher.deliverDue()).toBe(0);
  });

  it('retries with backoff while the receiver answers 500, with the same webhook-id, and gives up after the last attempt', async () => {
    const d = await pending();
    receiver.behaviour = { status: 500 };
    try {
      for (let attempt = 1; attempt < MAX_DELIVERY_ATTEMPTS; attempt++) {
        expect(await dispatcher.deliverDue()).toBe(1);
        expect(await stored(d)).toMatchObject({
          status: 'pending',
          attempts: attempt,
          lastStatusCode: 500,
          lastError: 'answered 500',
          nextAttemptAt: new Date(clock.now().getTime() + deliveryBackoffMs(attempt)),
        });
        clock.advance(deliveryBackoffMs(attempt) - 1);
        expect(await dispatcher.deliverDue()).toBe(0);
        clock.advance(1);
      }
      expect(await dispatcher.deliverDue()).toBe(1);
    } finally {
      receiver.behaviour = {};
    }
    expect(await stored(d)).toMatchObject({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS, nextAttemptAt: null, deliveredAt: null });
    expect(hitsOf(d)).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    expect(new Set(hitsOf(d).map((w) => w.headers['webhook-id']))).toEqual(new Set([d.id]));
    clock.advance(3_600_000);
    expect(await dispatcher.deliverDue()).toBe(0);
  });

  it('delivers on a retry with the same webhook-id, signed anew', async () => {
    const d = await pending();
    receiver.refuseNext(503);
    await dispatcher.deliverDue();
    expect(await stored(d)).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 503 });
    clock.advance(deliveryBackoffMs(1));
    await dispatcher.deliverDue();
    expect(await stored(d)).toMatchObject({ status: 'succeeded', attempts: 2, lastStatusCode: 200, lastError: null });
    const [first, second] = hitsOf(d);
    expect([first?.id, second?.id]).toEqual([d.id, d.id]);
    expect(second?.headers['webhook-timestamp']).not.toBe(first?.headers['webhook-timestamp']);
    expect(verifyWebhook(SECRET, second?.headers as Record<string, string>, d.payload, clock.now())).toBe(true);
  });

  it('fails a delivery for an unregistered workflow at once, naming it, without posting anything', async () => {
    const d = await pending('wf-unknown');
    expect(await dispatcher.deliverDue()).toBe(1);
    expect(await stored(d)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastStatusCode: null,
      lastError: 'workflow wf-unknown is not registered (POST /workflows)',
      nextAttemptAt: null,
    });
    expect(hitsOf(d)).toHaveLength(0);
  });

  it('fails a delivery to a loopback URL at once when private networks are not allowed, with the reason, posting nothing', async () => {
    const d = await pending();
    allowPrivateNetworks(false);
    try {
      expect(await dispatcher.deliverDue()).toBe(1);
    } finally {
      allowPrivateNetworks(true);
    }
    expect(await stored(d)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastStatusCode: null,
      lastError: 'destination_not_allowed: 127.0.0.1 is a loopback address; set ALLOW_PRIVATE_NETWORK_URLS=true to allow',
      nextAttemptAt: null,
    });
    expect(hitsOf(d)).toHaveLength(0);
  });
});
