import { ChannelAdapter, ChannelLinks, ChannelRegistry } from '@followup/channels-core';
import { webhookChannelProvider } from '@followup/channels-webhook';
import {
  AgentActionEntity,
  ChannelConnectionEntity,
  ContactEntity,
  ConversationAgentEntity,
  ConversationEntity,
  FollowupEntity,
  LocationEntity,
  Store,
  openDataSource,
} from '@followup/persistence';
import { ENGINES, openTestStore } from '@followup/persistence/testing';
import { WebhookReceiver } from '@followup/testing';
import { ManualClock, newId, signWebhook } from '@followup/util';
import { MessageComposer, TemplateComposer } from '@followup/composer';
import { FollowupDispatcher } from './dispatcher';
import { DispatcherOptions } from '@followup/util';
import { FollowupPlanner } from './planner';
import { OutboundSender } from '@followup/routing';
import { SchedulerSignals } from '@followup/util';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const LOC = 'loc-1';
const options = (owner: string): DispatcherOptions => ({
  enabled: true,
  owner,
  batchSize: 50,
  concurrency: 200,
  leaseMs: 60_000,
  idleMaxMs: 50,
});

/** A channel without idempotency (like an SMS API): a send of unknown outcome must never repeat. */
const countingProvider = (sent: string[]) => ({
  name: 'plain',
  channels: ['sms'] as const,
  secretSettings: [],
  validateSettings: () => [],
  adapter: (): ChannelAdapter => ({
    channel: 'sms',
    provider: 'plain',
    capabilities: { templates: false, idempotentSend: false },
    canReach: () => true,
    sessionState: () => 'open',
    send: async (_message, context) => {
      sent.push(context.idempotencyKey);
      return { providerMessageId: `p-${sent.length}`, acceptedAt: new Date(), status: 'sent' };
    },
  }),
});

describe.each(ENGINES)('the dispatch loop on %s', (engine) => {
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
    const now = clock.now();
    await store.transaction(async (r) => {
      await r.locations.insert(Object.assign(new LocationEntity(), { id: LOC, name: 'L', timezone: 'UTC', createdAt: now }));
      await r.conversationAgents.insert(
        Object.assign(new ConversationAgentEntity(), {
          id: 'agent-1',
          locationId: LOC,
          name: 'Bot',
          businessName: 'Acme',
          mode: 'off',
          channels: [],
          isPrimary: true,
          waitTime: 2,
          waitTimeUnit: 'seconds',
          sleepEnabled: false,
          sleepTime: null,
          sleepTimeUnit: null,
          personality: 'p',
          goal: 'g',
          instructions: 'i',
          autoPilotMaxMessages: 25,
          knowledgeBaseIds: [],
          respondToImages: false,
          respondToAudio: false,
          sleepOnManualMessage: false,
          sleepOnWorkflowMessage: false,
          timezone: 'UTC',
          active: true,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await r.agentActions.insert(
        Object.assign(new AgentActionEntity(), {
          id: 'action-1',
          locationId: LOC,
          agentId: 'agent-1',
          type: 'advancedFollowup',
          name: 'quiet',
          scenarioId: 'contactStoppedReplying',
          createdAt: now,
          updatedAt: now,
          details: {
            enabled: true,
            scenarioId: 'contactStoppedReplying',
            followupSequence: [
              { id: 1, followupTimeUnit: 'minutes', followupTime: 10, aiEnabledMessage: false, customMessage: 'One' },
              { id: 2, followupTimeUnit: 'hours', followupTime: 1, aiEnabledMessage: false, customMessage: 'Two' },
            ],
          },
        }),
      );
      await r.contacts.insert(
        Object.assign(new ContactEntity(), {
          id: 'contact-1',
          locationId: LOC,
          name: 'Ada',
          firstName: 'Ada',
          phone: '+14155550123',
          email: null,
          whatsapp: null,
          timezone: null,
          optedOut: [],
          createdAt: now,
          updatedAt: now,
        }),
      );
      await r.channelConnections.insert(
        Object.assign(new ChannelConnectionEntity(), {
          id: 'k-sms',
          locationId: LOC,
          type: 'sms',
          provider: 'webhook',
          name: 'sms',
          settings: { url: `${url}/sms`, secret: SECRET },
          defaultAgentId: null,
          createdAt: now,
          updatedAt: now,
        }),
        [],
      );
    });
  });
  afterAll(async () => {
    await receiver.stop();
    await close();
  });

  /** A conversation with step 1 of the stopped-replying sequence scheduled 10 minutes from now. */
  async function scheduled(): Promise<FollowupEntity> {
    const now = clock.now();
    return store.transaction(async (r) => {
      const conversation = Object.assign(new ConversationEntity(), {
        id: newId(),
        locationId: LOC,
        contactId: 'contact-1',
        agentId: 'agent-1',
        channel: 'sms',
        version: 1,
        lastInboundAt: null,
        lastOutboundAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await r.conversations.insert(conversation);
      return (await planner.start(r, conversation, 'contactStoppedReplying', now)) as FollowupEntity;
    });
  }
  const row = (id: string) => store.run((r) => r.followups.findById(LOC, id)) as Promise<FollowupEntity>;
  const stepsOf = (conversationId: string) => store.run((r) => r.queue.listByConversation(conversationId));

  it('sends a due follow-up once, records it, and schedules the next step from when it was sent', async () => {
    const f = await scheduled();
    const d = dispatcher(store);
    expect(await d.dispatchDue()).toBe(0);
    clock.advance(10 * 60_000);
    expect(await d.dispatchDue()).toBe(1);
    const hit = receiver.accepted.get(`fu_${f.id}`);
    expect(hit?.signatureValid).toBe(true);
    expect(hit?.body).toMatchObject({ body: 'One', to: { phone: '+14155550123' } });
    expect(await row(f.id)).toMatchObject({
      status: 'sent',
      providerMessageId: expect.stringMatching(/^recv_/),
      body: 'One',
      sentAt: clock.now(),
      leaseOwner: null,
      attempt: 1,
    });
    const next = (await stepsOf(f.conversationId as string)).find((x) => x.step === 2);
    expect(next).toMatchObject({ status: 'scheduled', scheduledAt: new Date(clock.now().getTime() + 3_600_000) });
  });

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

  it('cancels instead of sending when the conversation moved on after scheduling', async () => {
    const f = await scheduled();
    await store.run(async (r) => {
      const c = (await r.conversations.findById(LOC, f.conversationId as string)) as ConversationEntity;
      await r.conversations.touch(c, 'inbound', clock.now(), clock.now(), true);
    });
    clock.advance(10 * 60_000);
    await dispatcher(store).dispatchDue();
    expect(await row(f.id)).toMatchObject({ status: 'cancelled', statusReason: expect.stringMatching(/^conversation_changed/) });
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

describe('several dispatchers on one PostgreSQL database', () => {
  it('send every due follow-up exactly once between them', async () => {
    const { store, config, close } = await openTestStore('postgres');
    const receiver = new WebhookReceiver(SECRET);
    const url = await receiver.start();
    const clock = new ManualClock('2026-06-15T13:00:00Z');
    const registry = new ChannelRegistry();
    registry.register(webhookChannelProvider);
    const signals = new SchedulerSignals();
    const planner = new FollowupPlanner(clock, signals);
    const sender = new OutboundSender(registry, new ChannelLinks(Buffer.alloc(32, 1), 'http://127.0.0.1:9'));
    const stores = [store, new Store(await openDataSource(config)), new Store(await openDataSource(config))];
    try {
      const now = clock.now();
      await store.transaction(async (r) => {
        await r.conversationAgents.insert(
          Object.assign(new ConversationAgentEntity(), {
            id: 'a',
            locationId: LOC,
            name: 'Bot',
            businessName: null,
            mode: 'off',
            channels: [],
            isPrimary: true,
            waitTime: 2,
            waitTimeUnit: 'seconds',
            sleepEnabled: false,
            sleepTime: null,
            sleepTimeUnit: null,
            personality: 'p',
            goal: 'g',
            instructions: 'i',
            autoPilotMaxMessages: 25,
            knowledgeBaseIds: [],
            respondToImages: false,
            respondToAudio: false,
            sleepOnManualMessage: false,
            sleepOnWorkflowMessage: false,
            timezone: null,
            active: true,
            createdAt: now,
            updatedAt: now,
          }),
        );
        await r.agentActions.insert(
          Object.assign(new AgentActionEntity(), {
            id: 'x',
            locationId: LOC,
            agentId: 'a',
            type: 'advancedFollowup',
            name: 'q',
            scenarioId: 'contactStoppedReplying',
            createdAt: now,
            updatedAt: now,
            details: {
              enabled: true,
              scenarioId: 'contactStoppedReplying',
              followupSequence: [{ id: 1, followupTimeUnit: 'minutes', followupTime: 1, aiEnabledMessage: false, customMessage: 'Hi' }],
            },
          }),
        );
        await r.contacts.insert(
          Object.assign(new ContactEntity(), {
            id: 'c',
            locationId: LOC,
            name: 'A',
            firstName: 'A',
            phone: '+14155550123',
            email: null,
            whatsapp: null,
            timezone: null,
            optedOut: [],
            createdAt: now,
            updatedAt: now,
          }),
        );
        await r.channelConnections.insert(
          Object.assign(new ChannelConnectionEntity(), {
            id: 'k',
            locationId: LOC,
            type: 'sms',
            provider: 'webhook',
            name: 'sms',
            settings: { url, secret: SECRET },
            defaultAgentId: null,
            createdAt: now,
            updatedAt: now,
          }),
          [],
        );
        for (let i = 0; i < 300; i++) {
          const conversation = Object.assign(new ConversationEntity(), {
            id: newId(),
            locationId: LOC,
            contactId: 'c',
            agentId: 'a',
            channel: 'sms',
            version: 1,
            lastInboundAt: null,
            lastOutboundAt: now,
            createdAt: now,
            updatedAt: now,
          });
          await r.conversations.insert(conversation);
          await planner.start(r, conversation, 'contactStoppedReplying', now);
        }
      });
      clock.advance(60_000);
      const dispatchers = stores.map(
        (s, i) =>
          new FollowupDispatcher(s, clock, registry, new TemplateComposer(), planner, signals, sender, {
            ...options(`p${i}`),
            batchSize: 10,
          }),
      );
      const counts = await Promise.all(dispatchers.map((d) => d.dispatchDue()));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(300);
      expect(counts.filter((n) => n > 0).length).toBeGreaterThan(1);
      expect(receiver.requests).toHaveLength(300);
      expect(receiver.accepted.size).toBe(300);
      expect(await store.run((r) => r.queue.countByStatus(['sent']))).toBe(300);
    } finally {
      await receiver.stop();
      await Promise.all(stores.slice(1).map((s) => s.close()));
      await close();
    }
  }, 60_000);
});
