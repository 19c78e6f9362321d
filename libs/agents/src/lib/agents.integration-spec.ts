import { ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { ActionRequestDto, CreateConversationAgentDto, CreateVoiceAgentDto } from '@followup/contracts';
import { LocationEntity, Store } from '@followup/persistence';
import { ENGINES, openTestStore } from '@followup/persistence/testing';
import { ManualClock } from '@followup/util';
import { plainToInstance } from 'class-transformer';
import { ActionsService } from './conversation-ai/actions.service';
import { ConversationAgentsService } from './conversation-ai/conversation-agents.service';
import { VoiceAgentsService } from './voice-ai/voice-agents.service';

const agentDto = (name: string, extra: Partial<CreateConversationAgentDto> = {}) =>
  plainToInstance(
    CreateConversationAgentDto,
    { name, personality: 'p', goal: 'g', instructions: 'i', ...extra },
    { exposeDefaultValues: true },
  );
const followup = (scenarioId: string): ActionRequestDto => ({
  type: 'advancedFollowup',
  name: scenarioId,
  details: { enabled: true, scenarioId, followupSequence: [{ id: 1, followupTimeUnit: 'hours', followupTime: 1 }] },
});

describe.each(ENGINES)('agents use cases on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  const clock = new ManualClock('2026-02-02T10:00:00Z');
  const loc = 'loc-a';
  let agents: ConversationAgentsService;
  let actions: ActionsService;
  let voice: VoiceAgentsService;

  beforeAll(async () => {
    ({ store, close } = await openTestStore(engine));
    await store.run((r) =>
      r.locations.insert(
        Object.assign(new LocationEntity(), { id: loc, name: 'Clinic', timezone: 'America/Chicago', createdAt: clock.now() }),
      ),
    );
    agents = new ConversationAgentsService(store, clock);
    actions = new ActionsService(store, clock);
    voice = new VoiceAgentsService(store, clock);
  });
  afterAll(() => close());

  it('keeps one primary agent per location', async () => {
    const a = await agents.create(loc, agentDto('A'));
    const b = await agents.create(loc, agentDto('B'));
    expect([a.isPrimary, b.isPrimary]).toEqual([true, false]);
    await agents.update(loc, b.id, { isPrimary: true });
    expect((await agents.get(loc, a.id)).isPrimary).toBe(false);
    expect((await agents.get(loc, b.id)).isPrimary).toBe(true);
  });

  it('validates a partial update against the whole agent it produces', async () => {
    const a = await agents.create(loc, agentDto('Units', { waitTime: 200 }));
    await expect(agents.update(loc, a.id, { waitTimeUnit: 'minutes' })).rejects.toThrow(UnprocessableEntityException);
    const updated = await agents.update(loc, a.id, { waitTimeUnit: 'minutes', waitTime: 5, timezone: 'Europe/Paris' });
    expect(updated).toMatchObject({ waitTime: 5, waitTimeUnit: 'minutes', timezone: 'Europe/Paris' });
    expect((await agents.update(loc, a.id, { timezone: null })).timezone).toBeNull();
  });

  it("keeps one advancedFollowup per scenario, also when an update would take another's scenario", async () => {
    const agent = await agents.create(loc, agentDto('Scenarios'));
    const busy = (await actions.create(loc, agent.id, followup('contactIsBusy'))).data;
    const requested = (await actions.create(loc, agent.id, followup('contactRequested'))).data;
    await expect(actions.create(loc, agent.id, followup('contactIsBusy'))).rejects.toThrow(ConflictException);
    await expect(actions.update(loc, agent.id, requested.id, followup('contactIsBusy'))).rejects.toThrow(ConflictException);
    expect((await actions.update(loc, agent.id, busy.id, followup('contactIsBusy'))).data.id).toBe(busy.id);
  });

  it('applies follow-up settings all or nothing', async () => {
    const agent = await agents.create(loc, agentDto('Settings'));
    const a1 = (await actions.create(loc, agent.id, followup('contactStoppedReplying'))).data;
    const stop = (
      await actions.create(loc, agent.id, {
        type: 'stopBot',
        name: 'stop',
        details: {
          stopBotDetectionType: 'Goodbye',
          stopBotTriggerCondition: 'bye',
          reactivateEnabled: false,
          enabled: true,
          stopBotExamples: ['a', 'b'],
          finalMessage: 'Bye',
        },
      })
    ).data;
    const settings = { dynamicChannelSwitching: false };
    await expect(
      actions.updateFollowupSettings(loc, agent.id, { actionIds: [a1.id, stop.id], followupSettings: settings }),
    ).rejects.toThrow(UnprocessableEntityException);
    expect((await actions.get(loc, agent.id, a1.id)).data.details['followupSettings']).toBeUndefined();
    await expect(
      actions.updateFollowupSettings(loc, agent.id, { actionIds: [a1.id, 'missing'], followupSettings: settings }),
    ).rejects.toThrow(NotFoundException);
    await actions.updateFollowupSettings(loc, agent.id, { actionIds: [a1.id], followupSettings: settings });
    expect((await actions.get(loc, agent.id, a1.id)).data.details['followupSettings']).toEqual(settings);
  });

  it('gives voice agents the location defaults and checks translation on the result of a patch', async () => {
    const created = await voice.create(loc, plainToInstance(CreateVoiceAgentDto, { locationId: loc, language: 'es' }));
    expect(created).toMatchObject({ businessName: 'Clinic', timezone: 'America/Chicago', language: 'es', translation: { enabled: false } });
    await voice.patch(loc, created.id, { translation: { enabled: true, language: 'es' } });
    await expect(voice.patch(loc, created.id, { language: 'en-US' })).rejects.toThrow(UnprocessableEntityException);
    expect((await voice.get(loc, created.id)).language).toBe('es');
    await expect(voice.get('loc-b', created.id)).rejects.toThrow(NotFoundException);
  });
});
