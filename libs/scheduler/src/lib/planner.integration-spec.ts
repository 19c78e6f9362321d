import {
  AgentActionEntity,
  ContactEntity,
  ConversationAgentEntity,
  ConversationEntity,
  FollowupEntity,
  LocationEntity,
  MessageEntity,
  Repositories,
  Store,
} from '@followup/persistence';
import { ENGINES, openTestStore } from '@followup/persistence/testing';
import { ManualClock, SchedulerSignals, newId } from '@followup/util';
import { FollowupPlanner } from './planner';

const LOC = 'loc';
const HOUR = 3_600_000;
const step = (followupTime: number, followupTimeUnit: 'minutes' | 'hours') => ({
  id: 1,
  followupTime,
  followupTimeUnit,
  aiEnabledMessage: false,
  customMessage: 'Hi',
});
const weekdays9to17 = [1, 2, 3, 4, 5].map((dayOfTheWeek) => ({
  dayOfTheWeek,
  intervals: [{ startHour: 9, startMinute: 0, endHour: 17, endMinute: 0 }],
}));

function agent(id: string, now: Date): ConversationAgentEntity {
  return Object.assign(new ConversationAgentEntity(), {
    id,
    locationId: LOC,
    name: id,
    businessName: null,
    mode: 'off',
    channels: [],
    isPrimary: false,
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
  });
}

function action(agentId: string, scenarioId: string, details: Record<string, unknown>, now: Date): AgentActionEntity {
  return Object.assign(new AgentActionEntity(), {
    id: newId(),
    locationId: LOC,
    agentId,
    type: 'advancedFollowup',
    name: scenarioId,
    scenarioId,
    details: { enabled: true, scenarioId, ...details },
    createdAt: now,
    updatedAt: now,
  });
}

describe.each(ENGINES)('FollowupPlanner.onMessage on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  const clock = new ManualClock('2026-06-15T13:00:00Z'); // a Monday
  const signals = new SchedulerSignals();
  const planner = new FollowupPlanner(clock, signals);

  beforeAll(async () => {
    ({ store, close } = await openTestStore(engine));
    const now = clock.now();
    await store.transaction(async (r) => {
      await r.locations.insert(Object.assign(new LocationEntity(), { id: LOC, name: 'L', timezone: 'UTC', createdAt: now }));
      for (const id of ['bot', 'off', 'hours']) await r.conversationAgents.insert(agent(id, now));
      await r.agentActions.insert(action('bot', 'contactStoppedReplying', { followupSequence: [step(10, 'minutes')] }, now));
      await r.agentActions.insert(action('bot', 'contactIsBusy', { followupSequence: [step(2, 'hours')] }, now));
      await r.agentActions.insert(action('bot', 'contactRequested', { followupSequence: [step(1, 'hours')] }, now));
      await r.agentActions.insert(
        action('off', 'contactStoppedReplying', { enabled: false, followupSequence: [step(10, 'minutes')] }, now),
      );
      await r.agentActions.insert(
        action(
          'hours',
          'contactStoppedReplying',
          {
            followupSequence: [step(10, 'hours')],
            followupSettings: { dynamicChannelSwitching: false, followUpHours: true, workingHours: weekdays9to17 },
          },
          now,
        ),
      );
      await r.contacts.insert(
        Object.assign(new ContactEntity(), {
          id: 'contact',
          locationId: LOC,
          name: 'Ada',
          firstName: 'Ada',
          phone: '+14155550123',
          email: null,
          whatsapp: null,
          timezone: null,
          optedOut: [],
          undeliverable: null,
          tags: [],
          createdAt: now,
          updatedAt: now,
        }),
      );
    });
  });
  afterAll(() => close());

  async function conversation(agentId = 'bot'): Promise<ConversationEntity> {
    const now = clock.now();
    const c = Object.assign(new ConversationEntity(), {
      id: newId(),
      locationId: LOC,
      contactId: 'contact',
      agentId,
      channel: 'sms',
      connectionId: null,
      version: 0,
      lastInboundAt: null,
      lastOutboundAt: null,
      botStatus: 'active',
      botSleepUntil: null,
      assignedUserId: null,
      statusId: null,
      createdAt: now,
      updatedAt: now,
    });
    await store.run((r) => r.conversations.insert(c));
    return c;
  }
  function message(c: ConversationEntity, direction: 'inbound' | 'outbound', extra: Partial<MessageEntity> = {}): MessageEntity {
    return Object.assign(new MessageEntity(), {
      id: newId(),
      locationId: LOC,
      conversationId: c.id,
      direction,
      channel: 'sms',
      body: 'text',
      providerMessageId: null,
      intent: null,
      requestedAt: null,
      intentSource: null,
      occurredAt: clock.now(),
      connectionId: null,
      status: null,
      statusReason: null,
      errorCode: null,
      subject: null,
      createdAt: clock.now(),
      ...extra,
    });
  }
  const onMessage = (c: ConversationEntity, m: MessageEntity) => store.transaction((r) => planner.onMessage(r, c, m));
  const steps = (c: ConversationEntity) => store.run((r) => r.queue.listByConversation(c.id));
  const stored = (c: ConversationEntity) => store.run((r) => r.conversations.findById(LOC, c.id)) as Promise<ConversationEntity>;
  const pick = (rows: FollowupEntity[]) => rows.map((f) => [f.scenario, f.step, f.status, f.reasonCode]);

  it('cancels every pending follow-up of the conversation on an inbound message, and moves its version', async () => {
    const c = await conversation();
    await onMessage(c, message(c, 'outbound'));
    clock.advance(1_000);
    await store.transaction((r: Repositories) => planner.start(r, c, 'contactIsBusy', clock.now()));
    const before = (await stored(c)).version;
    clock.advance(60_000);
    await onMessage(c, message(c, 'inbound', { intent: 'none' }));
    expect(pick(await steps(c))).toEqual([
      ['contactStoppedReplying', 1, 'cancelled', 'contact_replied'],
      ['contactIsBusy', 1, 'cancelled', 'contact_replied'],
    ]);
    expect(await stored(c)).toMatchObject({ version: before + 1, lastInboundAt: clock.now() });
  });

  it('starts contactIsBusy step 1 on an inbound message meaning busy', async () => {
    const c = await conversation();
    const m = message(c, 'inbound', { intent: 'busy' });
    await onMessage(c, m);
    const [busy] = await steps(c);
    expect(busy).toMatchObject({ scenario: 'contactIsBusy', step: 1, status: 'scheduled', agentId: 'bot', channel: 'sms' });
    expect(busy?.scheduledAt).toEqual(new Date(m.occurredAt.getTime() + 2 * HOUR));
    expect(busy?.conversationVersion).toBe((await stored(c)).version);
  });

  it('starts contactRequested at the time the contact asked for', async () => {
    const c = await conversation();
    const requestedAt = new Date('2026-06-16T15:30:00Z');
    await onMessage(c, message(c, 'inbound', { intent: 'requested_followup', requestedAt }));
    expect(await steps(c)).toMatchObject([{ scenario: 'contactRequested', step: 1, status: 'scheduled', scheduledAt: requestedAt }]);
  });

  it('starts contactStoppedReplying on an outbound message, and restarts it on the next one', async () => {
    const c = await conversation();
    await onMessage(c, message(c, 'outbound'));
    const first = clock.now();
    clock.advance(5 * 60_000);
    await onMessage(c, message(c, 'outbound'));
    const rows = await steps(c);
    expect(pick(rows)).toEqual([
      ['contactStoppedReplying', 1, 'cancelled', 'restarted'],
      ['contactStoppedReplying', 1, 'scheduled', null],
    ]);
    expect(rows.map((f) => f.scheduledAt)).toEqual([new Date(first.getTime() + 600_000), new Date(clock.now().getTime() + 600_000)]);
    expect((await stored(c)).version).toBe(2);
  });

  it('does not start contactStoppedReplying while a busy or requested sequence is pending', async () => {
    for (const intent of ['busy', 'requested_followup']) {
      const c = await conversation();
      await onMessage(c, message(c, 'inbound', { intent, requestedAt: new Date('2026-06-17T10:00:00Z') }));
      const version = (await stored(c)).version;
      clock.advance(60_000);
      await onMessage(c, message(c, 'outbound'));
      const rows = await steps(c);
      expect(rows.map((f) => [f.scenario, f.status])).toEqual([[intent === 'busy' ? 'contactIsBusy' : 'contactRequested', 'scheduled']]);
      expect(await stored(c)).toMatchObject({ version, lastOutboundAt: clock.now() });
    }
  });

  it('schedules nothing when the scenario’s action is disabled', async () => {
    const c = await conversation('off');
    await onMessage(c, message(c, 'outbound'));
    expect(await steps(c)).toEqual([]);
  });

  it('moves step 1 due outside working hours into them', async () => {
    const c = await conversation('hours');
    clock.set('2026-06-15T13:00:00Z');
    await onMessage(c, message(c, 'outbound')); // due Monday 23:00 UTC, outside 09:00-17:00
    expect(await steps(c)).toMatchObject([
      {
        status: 'scheduled',
        scheduledAt: new Date('2026-06-16T09:00:00Z'),
        originalDueAt: new Date('2026-06-15T23:00:00Z'),
        movedByWorkingHours: true,
        reasonCode: 'moved_into_hours',
        timezone: 'UTC',
      },
    ]);
  });

  it('signals `scheduled` only once the transaction has committed', async () => {
    const c = await conversation();
    const fired: Date[] = [];
    const stop = signals.onScheduled((dueAt) => fired.push(dueAt));
    try {
      let inside = -1;
      await store.transaction(async (r) => {
        await planner.onMessage(r, c, message(c, 'outbound'));
        inside = fired.length;
      });
      expect(inside).toBe(0);
      expect(fired).toEqual([new Date(clock.now().getTime() + 600_000)]);

      const other = await conversation();
      const failing = store.transaction(async (r) => {
        await planner.onMessage(r, other, message(other, 'outbound'));
        throw new Error('rolled back after onMessage');
      });
      await expect(failing).rejects.toThrow('rolled back after onMessage');
      expect(fired).toHaveLength(1);
      expect(await steps(other)).toEqual([]);
    } finally {
      stop();
    }
  });
});
