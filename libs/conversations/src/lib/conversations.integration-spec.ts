import { ConflictException, UnprocessableEntityException } from '@nestjs/common';
import { KeywordIntentDetector } from '@followup/detection';
import { AgentActionEntity, ConversationAgentEntity, LocationEntity, Store } from '@followup/persistence';
import { ENGINES, openTestStore } from '@followup/persistence/testing';
import { ChannelLinks, ChannelRegistry } from '@followup/channels-core';
import { webhookChannelProvider } from '@followup/channels-webhook';
import { FollowupPlanner } from '@followup/scheduler';
import { OutboundSender } from '@followup/routing';
import { SchedulerSignals } from '@followup/util';
import { ManualClock } from '@followup/util';
import { ContactsService } from './contacts.service';
import { ConversationsService } from './conversations.service';
import { ActionMessages } from './action-messages';
import { MessageRecorder } from './message-recorder';
import { ReplyActions } from './reply-actions';
import { FollowupRecordsService } from '@followup/followups';

describe.each(ENGINES)('contacts and conversations on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  const clock = new ManualClock('2026-06-15T13:00:00Z');
  let contacts: ContactsService;
  let conversations: ConversationsService;

  beforeAll(async () => {
    ({ store, close } = await openTestStore(engine));
    contacts = new ContactsService(store, clock);
    const registry = new ChannelRegistry();
    registry.register(webhookChannelProvider);
    const actionMessages = new ActionMessages();
    conversations = new ConversationsService(
      store,
      clock,
      new MessageRecorder(
        clock,
        new FollowupPlanner(clock, new SchedulerSignals()),
        new KeywordIntentDetector(),
        new ReplyActions(clock),
        actionMessages,
      ),
      new OutboundSender(registry, new ChannelLinks(Buffer.alloc(32, 1), 'http://127.0.0.1:9')),
      actionMessages,
    );
    const now = clock.now();
    await store.transaction(async (r) => {
      await r.locations.insert(Object.assign(new LocationEntity(), { id: 'loc', name: 'L', timezone: 'UTC', createdAt: now }));
      await r.conversationAgents.insert(
        Object.assign(new ConversationAgentEntity(), {
          id: 'agent',
          locationId: 'loc',
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
          timezone: 'America/New_York',
          active: true,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await r.agentActions.insert(
        Object.assign(new AgentActionEntity(), {
          id: 'quiet',
          locationId: 'loc',
          agentId: 'agent',
          type: 'advancedFollowup',
          name: 'q',
          scenarioId: 'contactStoppedReplying',
          createdAt: now,
          updatedAt: now,
          details: {
            enabled: true,
            scenarioId: 'contactStoppedReplying',
            followupSequence: [
              { id: 1, followupTimeUnit: 'hours', followupTime: 1, aiEnabledMessage: false, customMessage: 'a' },
              { id: 2, followupTimeUnit: 'hours', followupTime: 2, aiEnabledMessage: false, customMessage: 'b' },
            ],
          },
        }),
      );
    });
  });
  afterAll(() => close());

  it('keeps phone and email unique per location and merges opt-out flags', async () => {
    const ada = await contacts.create('loc', { name: 'Ada', phone: '+14155550123', email: 'ADA@example.com', opted_out: { email: true } });
    expect(ada).toMatchObject({
      email: 'ada@example.com',
      opted_out: { sms: false, email: true, whatsapp: false, voice: false, live_chat: false },
    });
    await expect(contacts.create('loc', { phone: '+14155550123' })).rejects.toThrow(ConflictException);
    await expect(contacts.create('other', { phone: '+14155550123' })).resolves.toMatchObject({ phone: '+14155550123' });
    const updated = await contacts.update('loc', ada.id, { opted_out: { sms: true, email: false }, timezone: 'Europe/London' });
    expect(updated.opted_out).toMatchObject({ sms: true, email: false });
    expect((await contacts.update('loc', ada.id, { timezone: null })).timezone).toBeNull();
    const page = await contacts.list('loc', { limit: 1 });
    expect(page.data).toHaveLength(1);
    await expect(contacts.list('loc', { cursor: 'nope' })).rejects.toThrow(UnprocessableEntityException);
  });

  it('refuses a conversation whose contact or agent is not in the location, naming the field', async () => {
    await expect(conversations.create('loc', { contact_id: 'x', agent_id: 'y', channel: 'sms' })).rejects.toMatchObject({
      response: {
        message: ['contact_id x is not a contact of this location', 'agent_id y is not a Conversation AI agent of this location'],
      },
    });
  });

  it('records a provider message once, detects intent, and shows stored and planned steps', async () => {
    const contact = await contacts.create('loc', { name: 'Bo', phone: '+14155550999' });
    const conversation = await conversations.create('loc', { contact_id: contact.id, agent_id: 'agent', channel: 'sms' });
    await conversations.record('loc', conversation.id, { direction: 'outbound', body: 'Want to book?' });
    const timeline = await conversations.timeline('loc', conversation.id);
    expect(timeline.items.map((i) => [i.kind, i.followup?.step, i.followup?.status])).toEqual([
      ['message', undefined, undefined],
      ['followup', 1, 'scheduled'],
      ['followup', 2, 'planned'],
    ]);
    const first = await conversations.record('loc', conversation.id, {
      direction: 'inbound',
      body: 'busy now',
      provider_message_id: 'SM1',
    });
    expect(first).toMatchObject({ intent: 'busy', intent_source: 'detector' });
    const again = await conversations.record('loc', conversation.id, {
      direction: 'inbound',
      body: 'different',
      provider_message_id: 'SM1',
    });
    expect(again).toEqual(first);
    const after = await conversations.timeline('loc', conversation.id);
    expect(after.items.filter((i) => i.kind === 'message')).toHaveLength(2);
    expect(after.items.filter((i) => i.kind === 'followup').map((i) => [i.followup?.status, i.followup?.reason])).toEqual([
      ['cancelled', 'contact_replied'],
    ]);
  });

  it('lists conversations with their contact, last message and next follow-up, filtered in the query', async () => {
    const ann = await contacts.create('loc', { name: 'Ann Quiet', email: 'ann@example.com', timezone: 'Europe/Paris' });
    const cy = await contacts.create('loc', { name: 'Cy 100%_Done', phone: '+14155550777' });
    const quiet = await conversations.create('loc', { contact_id: ann.id, agent_id: 'agent', channel: 'email' });
    const idle = await conversations.create('loc', { contact_id: cy.id, agent_id: 'agent', channel: 'sms' });
    await conversations.record('loc', quiet.id, { direction: 'outbound', body: 'Shall we book?' });
    await conversations.record('loc', idle.id, { direction: 'inbound', body: 'thanks, all good', intent: 'none' });
    const page = await conversations.list('loc', { q: 'ann' });
    expect(page.data.map((c) => c.id)).toEqual([quiet.id]);
    expect(page.data[0]).toMatchObject({
      contact: { name: 'Ann Quiet', timezone: 'Europe/Paris' },
      last_message: { direction: 'outbound', body: 'Shall we book?', channel: 'email' },
      next_followup: { scenario: 'contactStoppedReplying', step: 1, status: 'scheduled', due_at: '2026-06-15T14:00:00.000Z' },
    });
    expect(page.data[0]?.next_followup?.local_due_at).toMatch(/^2026-06-15T16:00:00.000\+02:00$/);
    const ids = async (q: Parameters<ConversationsService['list']>[1]) => (await conversations.list('loc', q)).data.map((c) => c.id);
    expect(await ids({ q: '100%_' })).toEqual([idle.id]);
    expect(await ids({ q: '%' })).toEqual([idle.id]);
    expect(await ids({ has_pending: 'true', channel: 'email' })).toEqual([quiet.id]);
    expect(await ids({ has_pending: 'false', q: 'cy' })).toEqual([idle.id]);
    expect(await ids({ bot_status: 'stopped' })).toEqual([]);
    expect((await conversations.list('other', { q: 'ann' })).data).toEqual([]);
  });

  it('reschedules and cancels a pending step through the follow-up records, and refuses a sent one', async () => {
    const records = new FollowupRecordsService(store, clock);
    const dee = await contacts.create('loc', { name: 'Dee', phone: '+14155550555' });
    const conversation = await conversations.create('loc', { contact_id: dee.id, agent_id: 'agent', channel: 'sms' });
    await conversations.record('loc', conversation.id, { direction: 'outbound', body: 'Hello?' });
    const step = (await conversations.timeline('loc', conversation.id)).items.find((i) => i.followup?.status === 'scheduled')?.followup;
    const moved = await records.update('loc', step?.id as string, { scheduled_at: '2026-06-16T15:30:00Z' });
    expect(moved.data).toMatchObject({ status: 'scheduled', scheduled_at: '2026-06-16T15:30:00.000Z', reason_code: 'rescheduled' });
    const planned = (await conversations.timeline('loc', conversation.id)).items.filter((i) => i.kind === 'followup');
    expect(planned.map((i) => [i.followup?.status, i.followup?.due_at])).toEqual([
      ['scheduled', '2026-06-16T15:30:00.000Z'],
      ['planned', '2026-06-16T17:30:00.000Z'],
    ]);
    const cancelled = await records.update('loc', step?.id as string, { status: 'cancelled' });
    expect(cancelled.data).toMatchObject({ status: 'cancelled', reason_code: 'cancelled_by_user' });
    await expect(records.update('loc', step?.id as string, { scheduled_at: '2026-06-17T15:30:00Z' })).rejects.toThrow(ConflictException);
    await expect(records.update('loc', step?.id as string, { status: 'cancelled' })).resolves.toMatchObject({
      data: { status: 'cancelled' },
    });
  });
});
