import { NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { UpdateConversationDto, validatePlain } from '@followup/contracts';
import { KeywordIntentDetector } from '@followup/detection';
import { ConversationEntity, FollowupEntity, LocationEntity, Store } from '@followup/persistence';
import { ENGINES, openTestStore } from '@followup/persistence/testing';
import { ChannelLinks, ChannelRegistry } from '@followup/channels-core';
import { ConfigPlanner, FollowupPlanner } from '@followup/scheduler';
import { OutboundSender } from '@followup/routing';
import { ManualClock, SchedulerSignals, newId } from '@followup/util';
import { ContactsService } from './contacts.service';
import { ConversationsService } from './conversations.service';
import { ActionMessages } from './action-messages';
import { MessageRecorder } from './message-recorder';
import { ReplyActions } from './reply-actions';
import { ConversationStateService, INITIAL_STATE } from './conversation-state.service';

function heldFollowup(conversationId: string, reasonCode: string, at: Date): FollowupEntity {
  return Object.assign(new FollowupEntity(), {
    id: newId(),
    locationId: 'loc',
    debtId: null,
    contactId: 'c',
    conversationId,
    status: 'on_hold',
    type: 'sms',
    callDate: null,
    scheduledAt: at,
    summary: null,
    notes: null,
    callId: null,
    audioUrl: null,
    durationMs: null,
    disconnectionReason: null,
    direction: null,
    phoneNumberUsed: null,
    isRetry: false,
    processedAt: null,
    agentId: null,
    actionId: null,
    scenario: 'contactStoppedReplying',
    step: 1,
    channel: 'sms',
    attempt: 0,
    leaseOwner: null,
    leaseExpiresAt: null,
    sendStartedAt: null,
    conversationVersion: 0,
    statusReason: 'held',
    reasonCode,
    providerMessageId: null,
    sentAt: null,
    originalDueAt: at,
    timezone: 'UTC',
    movedByWorkingHours: false,
    body: null,
    errorCode: null,
    createdAt: at,
    updatedAt: at,
  });
}

describe.each(ENGINES)('conversation state and contact tags on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  const clock = new ManualClock('2026-06-15T13:00:00Z');
  const signals = new SchedulerSignals();
  let contacts: ContactsService;
  let conversations: ConversationsService;
  let state: ConversationStateService;

  beforeAll(async () => {
    ({ store, close } = await openTestStore(engine));
    contacts = new ContactsService(store, clock);
    const actionMessages = new ActionMessages();
    conversations = new ConversationsService(
      store,
      clock,
      new MessageRecorder(clock, new FollowupPlanner(clock, signals), new KeywordIntentDetector(), new ReplyActions(clock), actionMessages),
      new OutboundSender(new ChannelRegistry(), new ChannelLinks(Buffer.alloc(32, 1), 'http://127.0.0.1:9')),
      actionMessages,
    );
    state = new ConversationStateService(store, clock, signals, new ConfigPlanner(clock, signals));
    await store.run((r) =>
      r.locations.insert(Object.assign(new LocationEntity(), { id: 'loc', name: 'L', timezone: 'UTC', createdAt: clock.now() })),
    );
  });
  afterAll(() => close());

  async function newConversation(locationId = 'loc'): Promise<string> {
    const now = clock.now();
    const conversation = Object.assign(new ConversationEntity(), {
      id: newId(),
      locationId,
      contactId: 'c',
      agentId: null,
      channel: 'sms',
      connectionId: null,
      version: 0,
      lastInboundAt: null,
      lastOutboundAt: null,
      ...INITIAL_STATE,
      createdAt: now,
      updatedAt: now,
    });
    await store.run((r) => r.conversations.insert(conversation));
    return conversation.id;
  }

  it('starts active and round-trips bot status, assignee and CRM status through the reads', async () => {
    const id = await newConversation();
    expect(await conversations.get('loc', id)).toMatchObject({
      bot_status: 'active',
      bot_sleep_until: null,
      assigned_user_id: null,
      status_id: null,
    });
    const updated = await state.update('loc', id, { bot_status: 'handed_over', assigned_user_id: 'user-7', status_id: 'qualified' });
    expect(updated).toMatchObject({ bot_status: 'handed_over', assigned_user_id: 'user-7', status_id: 'qualified' });
    expect(await conversations.get('loc', id)).toEqual(updated);
    const listed = await conversations.list('loc', {});
    expect(listed.data.find((c) => c.id === id)).toMatchObject(updated); // the list adds the contact, last message and next follow-up
    // Only what the body names changes; null clears.
    expect(await state.update('loc', id, { assigned_user_id: null })).toMatchObject({
      bot_status: 'handed_over',
      assigned_user_id: null,
      status_id: 'qualified',
    });
  });

  it('puts the bot to sleep only until a future time, and any other status clears it', async () => {
    const id = await newConversation();
    const past = state.update('loc', id, { bot_status: 'sleeping', bot_sleep_until: '2026-06-15T12:59:59Z' });
    await expect(past).rejects.toThrow(UnprocessableEntityException);
    await expect(past).rejects.toMatchObject({ response: { message: [expect.stringMatching(/^bot_sleep_until must be in the future/)] } });
    await expect(state.update('loc', id, { bot_status: 'sleeping', bot_sleep_until: clock.now().toISOString() })).rejects.toThrow(
      UnprocessableEntityException,
    );
    expect((await conversations.get('loc', id)).bot_status).toBe('active');
    const asleep = await state.update('loc', id, { bot_status: 'sleeping', bot_sleep_until: '2026-06-16T08:00:00.000Z' });
    expect(asleep).toMatchObject({ bot_status: 'sleeping', bot_sleep_until: '2026-06-16T08:00:00.000Z' });
    expect(await conversations.get('loc', id)).toMatchObject({ bot_sleep_until: '2026-06-16T08:00:00.000Z' });
    expect(await state.update('loc', id, { bot_status: 'stopped' })).toMatchObject({ bot_status: 'stopped', bot_sleep_until: null });
  });

  it('validates the body: a known status, a time with (and only with) sleeping, at least one field, nothing unknown', () => {
    const errors = (body: unknown) => validatePlain(UpdateConversationDto, body).errors;
    expect(errors({ bot_status: 'sleeping', bot_sleep_until: '2026-06-16T08:00:00Z' })).toEqual([]);
    expect(errors({ status_id: null })).toEqual([]);
    expect(errors({ bot_status: 'asleep' })).toEqual([expect.stringMatching(/^bot_status must be one of/)]);
    expect(errors({ bot_status: 'sleeping' })).toEqual(['bot_sleep_until is required when bot_status is sleeping']);
    expect(errors({ bot_status: 'active', bot_sleep_until: '2026-06-16T08:00:00Z' })).toEqual([
      'bot_sleep_until can only be given when bot_status is sleeping',
    ]);
    expect(errors({ bot_status: 'sleeping', bot_sleep_until: 'tomorrow' })).toEqual(['bot_sleep_until must be an ISO 8601 date-time']);
    expect(errors({})).toEqual(['at least one of bot_status, bot_sleep_until, assigned_user_id, status_id is required']);
    expect(errors({ bot_status: 'active', mood: 'happy' })).toEqual(['property mood should not exist']);
  });

  it('releases the follow-ups held because the bot was not active when it is active again', async () => {
    const id = await newConversation();
    await state.update('loc', id, { bot_status: 'stopped' });
    const longAgo = new Date('2026-06-14T09:00:00Z');
    const held = heldFollowup(id, 'bot_not_active', longAgo);
    const otherwiseHeld = heldFollowup(id, 'outside_working_hours', longAgo);
    await store.run((r) => r.queue.insert([held, otherwiseHeld]));
    const woken: Date[] = [];
    const unsubscribe = signals.onScheduled((dueAt) => woken.push(dueAt));
    try {
      await state.update('loc', id, { bot_status: 'active' });
    } finally {
      unsubscribe();
    }
    const rows = await store.run((r) => r.queue.listByConversation(id));
    const byId = new Map(rows.map((f) => [f.id, f]));
    expect(byId.get(held.id)).toMatchObject({ status: 'scheduled', scheduledAt: clock.now(), reasonCode: null });
    expect(byId.get(otherwiseHeld.id)).toMatchObject({ status: 'on_hold', reasonCode: 'outside_working_hours' });
    expect(woken).toEqual([clock.now()]);
  });

  it("answers 404 for another location's conversation and changes nothing", async () => {
    const theirs = await newConversation('elsewhere');
    await expect(state.update('loc', theirs, { bot_status: 'stopped' })).rejects.toThrow(NotFoundException);
    await expect(state.update('loc', 'nope', { status_id: 's' })).rejects.toThrow(NotFoundException);
    expect((await conversations.get('elsewhere', theirs)).bot_status).toBe('active');
  });

  it('keeps contact tags once each, replaces them on update and leaves them when the update does not name them', async () => {
    const created = await contacts.create('loc', { name: 'Tag', tags: ['vip', 'lead', 'vip'] });
    expect(created.tags).toEqual(['vip', 'lead']);
    expect((await contacts.get('loc', created.id)).tags).toEqual(['vip', 'lead']);
    expect((await contacts.update('loc', created.id, { name: 'Tagged' })).tags).toEqual(['vip', 'lead']);
    expect((await contacts.update('loc', created.id, { tags: ['won', 'won'] })).tags).toEqual(['won']);
    expect((await contacts.update('loc', created.id, { tags: [] })).tags).toEqual([]);
    expect((await contacts.create('loc', { name: 'Untagged' })).tags).toEqual([]);
  });
});
