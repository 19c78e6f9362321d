import { ChannelLinks, ChannelRegistry, DeliveryStatus, InboundMessage } from '@followup/channels-core';
import { webhookChannelProvider } from '@followup/channels-webhook';
import { KeywordIntentDetector } from '@followup/detection';
import {
  AgentActionEntity,
  ChannelConnectionEntity,
  ConversationAgentEntity,
  FollowupAttemptEntity,
  FollowupEntity,
  LocationEntity,
  Store,
} from '@followup/persistence';
import { ENGINES, openTestStore } from '@followup/persistence/testing';
import { OutboundSender } from '@followup/routing';
import { FollowupPlanner } from '@followup/scheduler';
import { ManualClock, SchedulerSignals, newId } from '@followup/util';
import { ChannelEventsService } from './channel-events.service';
import { ContactsService } from './contacts.service';
import { ConversationsService } from './conversations.service';
import { ActionMessages } from './action-messages';
import { MessageRecorder } from './message-recorder';
import { ReplyActions } from './reply-actions';

const LOC = 'loc';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe.each(ENGINES)('channel events on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  let events: ChannelEventsService;
  let contacts: ContactsService;
  let conversations: ConversationsService;
  let connection: ChannelConnectionEntity;
  const clock = new ManualClock('2026-06-15T13:00:00Z');

  beforeAll(async () => {
    ({ store, close } = await openTestStore(engine));
    const registry = new ChannelRegistry();
    registry.register(webhookChannelProvider);
    contacts = new ContactsService(store, clock);
    const actionMessages = new ActionMessages();
    const recorder = new MessageRecorder(
      clock,
      new FollowupPlanner(clock, new SchedulerSignals()),
      new KeywordIntentDetector(),
      new ReplyActions(clock),
      actionMessages,
    );
    conversations = new ConversationsService(
      store,
      clock,
      recorder,
      new OutboundSender(registry, new ChannelLinks(Buffer.alloc(32, 1), 'http://127.0.0.1:9')),
      actionMessages,
    );
    events = new ChannelEventsService(store, clock, recorder);
    const now = clock.now();
    await store.transaction(async (r) => {
      await r.locations.insert(Object.assign(new LocationEntity(), { id: LOC, name: 'L', timezone: 'UTC', createdAt: now }));
      await r.conversationAgents.insert(
        Object.assign(new ConversationAgentEntity(), {
          id: 'agent',
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
          timezone: 'UTC',
          active: true,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await r.agentActions.insert(
        Object.assign(new AgentActionEntity(), {
          id: 'quiet',
          locationId: LOC,
          agentId: 'agent',
          type: 'advancedFollowup',
          name: 'q',
          scenarioId: 'contactStoppedReplying',
          createdAt: now,
          updatedAt: now,
          details: {
            enabled: true,
            scenarioId: 'contactStoppedReplying',
            followupSequence: [{ id: 1, followupTimeUnit: 'hours', followupTime: 1, aiEnabledMessage: false, customMessage: 'a' }],
          },
        }),
      );
      connection = Object.assign(new ChannelConnectionEntity(), {
        id: 'k-sms',
        locationId: LOC,
        type: 'sms',
        provider: 'webhook',
        name: 'sms',
        settings: { url: 'http://127.0.0.1:9/sms', secret: SECRET },
        defaultAgentId: 'agent',
        createdAt: now,
        updatedAt: now,
      });
      await r.channelConnections.insert(connection, ['secret']);
    });
    connection = (await store.run((r) => r.channelConnections.findById(LOC, 'k-sms'))) as ChannelConnectionEntity;
  });
  afterAll(() => close());

  const inbound = (providerMessageId: string, phone: string, body: string, extra: Partial<InboundMessage> = {}): InboundMessage => ({
    kind: 'inbound',
    channel: 'sms',
    providerMessageId,
    from: { phone, name: 'Grace Hopper' },
    body,
    occurredAt: clock.now(),
    ...extra,
  });
  const status = (providerMessageId: string, s: DeliveryStatus['status'], extra: Partial<DeliveryStatus> = {}): DeliveryStatus => ({
    kind: 'status',
    channel: 'sms',
    providerMessageId,
    status: s,
    ...extra,
  });
  const contactByPhone = (phone: string) => store.run((r) => r.contacts.findByPhone(LOC, phone));
  const conversationsOf = (contactId: string) => store.run((r) => r.conversations.list(LOC, { contactId }, { limit: 10 }));
  const followupsOf = (conversationId: string) => store.run((r) => r.queue.listByConversation(conversationId));
  const followup = (id: string) => store.run((r) => r.followups.findById(LOC, id)) as Promise<FollowupEntity>;
  const attemptOf = (followupId: string) => store.run(async (r) => (await r.attempts.listForFollowups([followupId]))[0]);

  /** A contact with a conversation whose stopped-replying step 1 is pending (an outbound message was recorded). */
  async function waiting(phone: string, channel: 'sms' | 'email' = 'sms', contactId?: string) {
    const id = contactId ?? (await contacts.create(LOC, { name: 'Ada', phone, email: `${phone.slice(1)}@example.com` })).id;
    const conversation = await conversations.create(LOC, { contact_id: id, agent_id: 'agent', channel });
    await conversations.record(LOC, conversation.id, { direction: 'outbound', body: 'Want to book?' });
    return { contactId: id, conversationId: conversation.id };
  }

  /** A follow-up already sent with provider id `providerId`, and its attempt. */
  async function sent(contactId: string, conversationId: string, providerId: string): Promise<string> {
    const now = clock.now();
    const id = newId();
    const row = Object.assign(new FollowupEntity(), {
      ...{ id, locationId: LOC, debtId: null, contactId, conversationId, status: 'sent', type: 'sms', callDate: null, scheduledAt: now },
      ...{ summary: null, notes: null, callId: null, audioUrl: null, durationMs: null, disconnectionReason: null, direction: 'outbound' },
      ...{
        phoneNumberUsed: null,
        isRetry: false,
        processedAt: null,
        agentId: 'agent',
        actionId: 'quiet',
        scenario: 'contactStoppedReplying',
      },
      ...{ step: 1, channel: 'sms', attempt: 1, leaseOwner: null, leaseExpiresAt: null, sendStartedAt: now, conversationVersion: 1 },
      ...{ statusReason: null, reasonCode: null, providerMessageId: providerId, sentAt: now, originalDueAt: now, timezone: 'UTC' },
      ...{ movedByWorkingHours: false, body: 'a', errorCode: null, createdAt: now, updatedAt: now },
    });
    const attempt = Object.assign(new FollowupAttemptEntity(), {
      ...{ id: newId(), locationId: LOC, followupId: id, channel: 'sms', connectionId: 'k-sms', providerMessageId: providerId },
      ...{ status: 'sent', errorCode: null, reasonCode: null, reason: null, startedAt: now, updatedAt: now },
    });
    await store.transaction(async (r) => {
      await r.queue.insert([row]);
      await r.attempts.start([attempt]);
    });
    return id;
  }

  it('finds or creates the contact and conversation, and records a provider message once', async () => {
    await events.handle(connection, [inbound('SM-in-1', '+14155550201', 'Hello there')]);
    const contact = await contactByPhone('+14155550201');
    expect(contact).toMatchObject({ name: 'Grace Hopper', firstName: 'Grace', optedOut: [] });
    const [conversation, ...others] = await conversationsOf(contact?.id as string);
    expect(others).toHaveLength(0);
    expect(conversation).toMatchObject({ channel: 'sms', connectionId: 'k-sms', agentId: 'agent', version: 1 });
    const messages = () => store.run((r) => r.messages.listByConversation(conversation?.id as string));
    expect(await messages()).toMatchObject([
      { direction: 'inbound', body: 'Hello there', providerMessageId: 'SM-in-1', status: 'received', connectionId: 'k-sms' },
    ]);

    clock.advance(1_000);
    await events.handle(connection, [inbound('SM-in-1', '+14155550201', 'a redelivery, worded otherwise')]);
    expect(await messages()).toHaveLength(1);
    expect(await conversationsOf(contact?.id as string)).toMatchObject([{ id: conversation?.id, version: 1 }]);

    await events.handle(connection, [inbound('SM-in-2', '+14155550201', 'And again')]);
    expect((await messages()).map((m) => m.providerMessageId)).toEqual(['SM-in-1', 'SM-in-2']);
    expect(await conversationsOf(contact?.id as string)).toHaveLength(1);
  });

  it("opts the contact out of the channel on STOP and cancels that channel's pending follow-ups", async () => {
    const sms = await waiting('+14155550202');
    const email = await waiting('+14155550202', 'email', sms.contactId);
    expect((await followupsOf(sms.conversationId)).map((f) => f.status)).toEqual(['scheduled']);
    clock.advance(60_000);
    const outcome = await events.handle(connection, [inbound('SM-stop', '+14155550202', 'Stop!', { keyword: 'opt_out' })]);
    expect(outcome).toEqual({});
    expect(await contactByPhone('+14155550202')).toMatchObject({ optedOut: ['sms'] });
    expect(await followupsOf(sms.conversationId)).toMatchObject([
      { status: 'cancelled', reasonCode: 'opted_out', statusReason: 'opted_out: the contact replied STOP' },
    ]);
    expect(await followupsOf(email.conversationId)).toMatchObject([{ channel: 'email', status: 'scheduled' }]);
    const [stop] = await store
      .run((r) => r.messages.listByConversation(sms.conversationId))
      .then((m) => m.filter((x) => x.direction === 'inbound'));
    expect(stop).toMatchObject({ providerMessageId: 'SM-stop', intent: 'none', intentSource: 'channel' });
  });

  it('moves a sent follow-up and its attempt forward only: delivered, then a late sent changes nothing', async () => {
    const { contactId, conversationId } = await waiting('+14155550203');
    const id = await sent(contactId, conversationId, 'SM-out-1');
    clock.advance(1_000);
    await events.handle(connection, [status('SM-out-1', 'delivered')]);
    expect(await followup(id)).toMatchObject({ status: 'delivered', updatedAt: clock.now() });
    expect(await attemptOf(id)).toMatchObject({ status: 'delivered', updatedAt: clock.now() });
    const deliveredAt = clock.now();
    clock.advance(1_000);
    await events.handle(connection, [status('SM-out-1', 'sent')]);
    expect(await followup(id)).toMatchObject({ status: 'delivered', updatedAt: deliveredAt, reasonCode: null });
    expect(await attemptOf(id)).toMatchObject({ status: 'delivered', updatedAt: deliveredAt });
  });

  it("records a failure's error code on the follow-up (delivery_failed) and its attempt, and nothing after it", async () => {
    const { contactId, conversationId } = await waiting('+14155550204');
    const id = await sent(contactId, conversationId, 'SM-out-2');
    await events.handle(connection, [status('SM-out-2', 'failed', { errorCode: '30003', errorMessage: 'Unreachable handset' })]);
    const why = 'failed: 30003 Unreachable handset';
    expect(await followup(id)).toMatchObject({ status: 'failed', errorCode: '30003', reasonCode: 'delivery_failed', statusReason: why });
    expect(await attemptOf(id)).toMatchObject({ status: 'failed', errorCode: '30003', reason: why });
    await events.handle(connection, [status('SM-out-2', 'delivered')]);
    expect(await followup(id)).toMatchObject({ status: 'failed', reasonCode: 'delivery_failed' });
    expect(await attemptOf(id)).toMatchObject({ status: 'failed' });
  });

  it("marks the contact's channel undeliverable when a status says the address is invalid", async () => {
    const { contactId, conversationId } = await waiting('+14155550205');
    const id = await sent(contactId, conversationId, 'SM-out-3');
    const address = { state: 'invalid' as const, phone: '+14155550205', channels: ['sms' as const] };
    await events.handle(connection, [status('SM-out-3', 'undelivered', { errorCode: '30005', address })]);
    expect(await contactByPhone('+14155550205')).toMatchObject({ undeliverable: ['sms'], optedOut: [] });
    expect(await followup(id)).toMatchObject({ status: 'failed', errorCode: '30005' });
    const pending = (await followupsOf(conversationId)).find((f) => f.id !== id);
    expect(pending).toMatchObject({ status: 'cancelled', reasonCode: 'undeliverable' });

    // A status no stored message matches still closes the address it names.
    await contacts.create(LOC, { name: 'Bo', phone: '+14155550206' });
    const other = { ...address, phone: '+14155550206' };
    await events.handle(connection, [status('SM-unknown', 'failed', { errorCode: '30005', address: other })]);
    expect(await contactByPhone('+14155550206')).toMatchObject({ undeliverable: ['sms'] });
  });
});
