import { KeywordIntentDetector } from '@followup/detection';
import { AgentActionEntity, ChannelConnectionEntity, ConversationAgentEntity, LocationEntity, Store } from '@followup/persistence';
import { ENGINES, openTestStore } from '@followup/persistence/testing';
import { FollowupPlanner } from '@followup/scheduler';
import { ManualClock, SchedulerSignals } from '@followup/util';
import { ChannelEventsService } from './channel-events.service';
import { ChatVisitor, ChatVisitorsService } from './chat-visitors.service';
import { ActionMessages } from './action-messages';
import { MessageRecorder } from './message-recorder';
import { ReplyActions } from './reply-actions';

const LOC = 'loc';
const MINUTE = 60_000;

describe.each(ENGINES)('live chat visitors on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  let visitors: ChatVisitorsService;
  let recorder: MessageRecorder;
  let connection: ChannelConnectionEntity;
  const clock = new ManualClock('2026-06-15T13:00:00Z');
  const signals = new SchedulerSignals();
  const visitor = (visitorId: string): ChatVisitor => ({ connection, visitorId });

  beforeAll(async () => {
    ({ store, close } = await openTestStore(engine));
    recorder = new MessageRecorder(
      clock,
      new FollowupPlanner(clock, signals),
      new KeywordIntentDetector(),
      new ReplyActions(clock),
      new ActionMessages(),
    );
    visitors = new ChatVisitorsService(store, clock, new ChannelEventsService(store, clock, recorder), signals);
    const now = clock.now();
    const agent = { id: 'agent', locationId: LOC, name: 'Bot', businessName: null, mode: 'off', channels: [], isPrimary: true };
    const settings = { waitTime: 2, waitTimeUnit: 'seconds', sleepEnabled: false, sleepTime: null, sleepTimeUnit: null };
    const prompt = { personality: 'p', goal: 'g', instructions: 'i', autoPilotMaxMessages: 25, knowledgeBaseIds: [] };
    const flags = { respondToImages: false, respondToAudio: false, sleepOnManualMessage: false, sleepOnWorkflowMessage: false };
    const step = { id: 1, followupTimeUnit: 'hours', followupTime: 1, aiEnabledMessage: false, customMessage: 'Still there?' };
    await store.transaction(async (r) => {
      await r.locations.insert(Object.assign(new LocationEntity(), { id: LOC, name: 'L', timezone: 'UTC', createdAt: now }));
      await r.conversationAgents.insert(
        Object.assign(new ConversationAgentEntity(), {
          ...agent,
          ...settings,
          ...prompt,
          ...flags,
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
          details: { enabled: true, scenarioId: 'contactStoppedReplying', followupSequence: [step] },
          createdAt: now,
          updatedAt: now,
        }),
      );
      const chat = { id: 'k-chat', locationId: LOC, type: 'live_chat', provider: 'live-chat', name: 'Website', defaultAgentId: 'agent' };
      const chatSettings = { allowed_origins: ['https://acme.test'], identity_secret: 'a'.repeat(64) };
      await r.channelConnections.insert(
        Object.assign(new ChannelConnectionEntity(), { ...chat, settings: chatSettings, createdAt: now, updatedAt: now }),
        [],
      );
    });
    connection = (await store.run((r) => r.channelConnections.findById(LOC, 'k-chat'))) as ChannelConnectionEntity;
  });
  afterAll(() => close());

  it("starts the visitor's conversation with their first message, records it once, and finds it again by their id", async () => {
    const first = await visitors.receive(visitor('user-42'), 'Is Tuesday free?', 'c1', { name: 'Ada Lovelace', phone: '+14155550123' });
    expect(first).toMatchObject({
      repeated: false,
      line: { body: 'Is Tuesday free?', direction: 'inbound', at: clock.now().toISOString() },
    });
    expect(await visitors.receive(visitor('user-42'), 'Is Tuesday free?', 'c1')).toEqual({ ...first, repeated: true });
    const conversation = await visitors.find(visitor('user-42'));
    expect(conversation).toMatchObject({
      id: first.conversationId,
      channel: 'live_chat',
      channelContactId: 'user-42',
      connectionId: 'k-chat',
    });
    expect(conversation?.contactSeenAt).toEqual(clock.now());
    const contact = await store.run((r) => r.contacts.findById(LOC, conversation?.contactId ?? ''));
    expect(contact).toMatchObject({ name: 'Ada Lovelace', firstName: 'Ada', phone: '+14155550123' });
    const message = await store.run((r) => r.messages.findByProviderId(LOC, 'lc:k-chat:user-42:c1'));
    expect(message).toMatchObject({ id: first.line.id, status: 'received', connectionId: 'k-chat' });

    expect(await visitors.visitorOf(LOC, first.conversationId)).toEqual({ connectionId: 'k-chat', visitorId: 'user-42' });
    await expect(visitors.visitorOf('another-location', first.conversationId)).rejects.toMatchObject({ status: 404 });

    // The same client_id from another visitor is another message, in another conversation.
    const other = await visitors.receive(visitor('user-43'), 'Hello', 'c1');
    expect(other.conversationId).not.toBe(first.conversationId);
  });

  it("puts what the visitor says about themselves on their contact, but never takes another contact's phone", async () => {
    await visitors.receive(visitor('user-50'), 'Hi', 'c1', { phone: '+14155550150' });
    const answer = await visitors.identify(visitor('user-51'), { name: 'Grace Hopper', email: 'Grace@Example.com' });
    expect(answer.unsaved).toEqual([]);
    expect((await visitors.identify(visitor('user-51'), { phone: '+14155550150' })).unsaved).toEqual(['phone']);
    const conversation = await visitors.find(visitor('user-51'));
    const contact = await store.run((r) => r.contacts.findById(LOC, conversation?.contactId ?? ''));
    expect(contact).toMatchObject({ name: 'Grace Hopper', email: 'grace@example.com', phone: null });
  });

  it('shows the conversation as the chat does: messages and the follow-ups that went out there, not what was never sent', async () => {
    const { conversationId } = await visitors.receive(visitor('user-60'), 'Question', 'c1');
    const conversation = await store.run((r) => r.conversations.findById(LOC, conversationId));
    if (!conversation) throw new Error('no conversation');
    await store.transaction(async (r) => {
      const fresh = await r.conversations.findById(LOC, conversationId);
      const out = { direction: 'outbound' as const, body: 'Answer', provider_message_id: 'lc_msg_1' };
      await recorder.record(r, fresh as typeof conversation, out, { status: 'sent', connectionId: 'k-chat' });
      await recorder.record(
        r,
        fresh as typeof conversation,
        { direction: 'outbound', body: 'Never sent' },
        { status: 'refused', react: false },
      );
    });
    // The reply started the stopped-replying sequence: its step went out on the chat an hour later.
    clock.advance(60 * MINUTE);
    const [step] = await store.run((r) => r.queue.claimDue(clock.now(), 'test', MINUTE, 100));
    if (!step) throw new Error('the reply scheduled no follow-up');
    const sent = { status: 'sent' as const, statusReason: null, channel: 'live_chat', body: 'Still there?', sentAt: clock.now() };
    await store.transaction((r) => r.queue.finish([{ id: step.id, ...sent, providerMessageId: `lc_fu_${step.id}` }], 'test', clock.now()));
    expect(
      (await visitors.history(conversation)).map((l) => [l.direction, l.body, l.id.startsWith('lc_') ? l.id.slice(0, 6) : 'id']),
    ).toEqual([
      ['inbound', 'Question', 'id'],
      ['outbound', 'Answer', 'lc_msg'],
      ['outbound', 'Still there?', 'lc_fu_'],
    ]);
  });

  it('marks visitors seen (forward only), and brings back the follow-ups held while they were away when they return', async () => {
    const { conversationId } = await visitors.receive(visitor('user-70'), 'Bye for now', 'c1');
    await store.transaction(async (r) => {
      const fresh = await r.conversations.findById(LOC, conversationId);
      await recorder.record(r, fresh as NonNullable<typeof fresh>, { direction: 'outbound', body: 'Talk soon' }, { status: 'sent' });
    });
    const [held] = await store.run((r) => r.queue.listByConversation(conversationId));
    if (!held) throw new Error('the reply scheduled no follow-up');
    // As the dispatcher leaves it when the visitor is away: claimed when due, then held.
    await store.run((r) => r.queue.claimDue(new Date(clock.now().getTime() + 2 * 60 * MINUTE), 'test', MINUTE, 100));
    const outcome = {
      id: held.id,
      status: 'on_hold' as const,
      statusReason: 'contact_away: live_chat: session inactive',
      reasonCode: 'contact_away',
    };
    await store.transaction((r) => r.queue.finish([outcome], 'test', clock.now()));
    expect((await store.run((r) => r.queue.listByConversation(conversationId)))[0]).toMatchObject({ status: 'on_hold' });

    const seenAt = () => store.run(async (r) => (await r.conversations.findById(LOC, conversationId))?.contactSeenAt);
    clock.advance(5 * MINUTE);
    await visitors.seen('k-chat', ['user-70', 'nobody']);
    expect(await seenAt()).toEqual(clock.now());
    const woken: Date[] = [];
    signals.onScheduled((at) => woken.push(at));
    clock.advance(MINUTE);
    expect((await visitors.arrived(visitor('user-70')))?.id).toBe(conversationId);
    expect(await seenAt()).toEqual(clock.now());
    expect((await store.run((r) => r.queue.listByConversation(conversationId)))[0]).toMatchObject({
      status: 'scheduled',
      scheduledAt: clock.now(),
    });
    expect(woken).toEqual([clock.now()]);
    expect(await visitors.arrived(visitor('user-never-wrote'))).toBeNull();
    const latest = clock.now();
    clock.advance(-10 * MINUTE);
    await visitors.seen('k-chat', ['user-70']);
    expect(await seenAt()).toEqual(latest);
  });
});
