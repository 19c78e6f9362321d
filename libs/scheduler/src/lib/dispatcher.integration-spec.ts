import { ChannelLinks, ChannelRegistry } from '@followup/channels-core';
import { webhookChannelProvider } from '@followup/channels-webhook';
import {
  AgentActionEntity,
  ChannelConnectionEntity,
  ContactEntity,
  ConversationAgentEntity,
  ConversationEntity,
  Store,
  openDataSource,
} from '@followup/persistence';
import { ENGINES, openTestStore } from '@followup/persistence/testing';
import { WebhookReceiver } from '@followup/testing';
import { ManualClock, newId } from '@followup/util';
import { MessageComposer, TemplateComposer } from '@followup/composer';
import { FollowupDispatcher } from './dispatcher';
import { FollowupPlanner } from './planner';
import { OutboundSender } from '@followup/routing';
import { SchedulerSignals } from '@followup/util';
import { LOC, SECRET, followupRow, options, scheduledFollowup, seedDispatchLocation } from './dispatcher-test-kit';

// Crash recovery, retries and the loop: dispatcher-recovery.integration-spec.ts.
describe.each(ENGINES)('the dispatch loop on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  let receiver: WebhookReceiver;
  const clock = new ManualClock('2026-06-15T13:00:00Z');
  const registry = new ChannelRegistry();
  registry.register(webhookChannelProvider);
  const signals = new SchedulerSignals();
  const planner = new FollowupPlanner(clock, signals);
  const composer: MessageComposer = new TemplateComposer();
  const sender = new OutboundSender(registry, new ChannelLinks(Buffer.alloc(32, 1), 'http://127.0.0.1:9'));
  const dispatcher = (s: Store, owner = 'p1') =>
    new FollowupDispatcher(s, clock, registry, composer, planner, signals, sender, options(owner));

  beforeAll(async () => {
    ({ store, close } = await openTestStore(engine));
    receiver = new WebhookReceiver(SECRET);
    await seedDispatchLocation(store, clock.now(), await receiver.start());
  });
  afterAll(async () => {
    await receiver.stop();
    await close();
  });

  const scheduled = () => scheduledFollowup(store, clock, planner);
  const row = (id: string) => followupRow(store, id);
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
