import { HighLevel } from '@gohighlevel/api-client';
import { ENGINES, useGateway } from '../support/fixtures';

/**
 * HighLevel's official API client, unchanged, with only its base URL pointed at the gateway:
 * clients written against HighLevel's Conversation AI and Voice AI APIs work against ours.
 */
describe.each(ENGINES)("HighLevel's official client against the gateway on %s", (engine) => {
  const gw = useGateway(engine);
  let ghl: HighLevel;

  beforeAll(() => {
    ghl = new HighLevel({ privateIntegrationToken: gw.gateway.token as string, logLevel: 'none' });
    ghl.getHttpClient().defaults.baseURL = gw.gateway.url;
  });

  it('sends its default Version (2023-02-21), which the gateway accepts', () => {
    expect(ghl.getHeaders()['Version']).toBe('2023-02-21');
  });

  it('drives agents, actions and follow-up settings through conversationAi', async () => {
    const agent = await ghl.conversationAi.createAgent({
      name: 'SDK agent',
      personality: 'Warm',
      goal: 'Qualify leads',
      instructions: 'Ask one question at a time',
      mode: 'auto-pilot',
      channels: ['SMS', 'Live_Chat'],
    });
    expect(agent).toMatchObject({ name: 'SDK agent', mode: 'auto-pilot', channels: ['SMS', 'Live_Chat'], actions: [] });

    const created = await ghl.conversationAi.createAction(
      { agentId: agent.id },
      {
        type: 'advancedFollowup',
        name: 'Busy contacts',
        details: {
          enabled: true,
          scenarioId: 'contactIsBusy',
          followupSequence: [{ id: 1, followupTimeUnit: 'minutes', followupTime: 30 }],
        },
      },
    );
    expect(created.success).toBe(true);
    const actionId = created.data.id as string;

    const listed = await ghl.conversationAi.listActions({ agentId: agent.id });
    expect(listed.data.map((a) => a.id)).toEqual([actionId]);

    const updated = await ghl.conversationAi.updateFollowupSettings(
      { agentId: agent.id },
      {
        actionIds: [actionId],
        followupSettings: {
          dynamicChannelSwitching: true,
          followUpHours: true,
          workingHours: [{ dayOfTheWeek: 1, intervals: [{ startHour: 9, startMinute: 0, endHour: 17, endMinute: 30 }] }],
          timezoneToUse: 'contact',
        },
      },
    );
    expect(updated.data.details.followupSettings.timezoneToUse).toBe('contact');

    const fetched = await ghl.conversationAi.getActionById({ agentId: agent.id, actionId });
    expect(fetched.data.details.followupSettings.followUpHours).toBe(true);

    const search = await ghl.conversationAi.searchAgent({ query: 'sdk', limit: 10 });
    expect(search).toMatchObject({ count: 1, totalCount: 1 });

    const renamed = await ghl.conversationAi.updateAgent({ agentId: agent.id }, { name: 'SDK agent 2', autoPilotMaxMessages: 10 });
    expect(renamed).toMatchObject({ name: 'SDK agent 2', autoPilotMaxMessages: 10, actions: [{ id: actionId, type: 'advancedFollowup' }] });

    expect(await ghl.conversationAi.deleteAction({ agentId: agent.id, actionId })).toEqual({ data: { id: actionId }, success: true });
    expect(await ghl.conversationAi.deleteAgent({ agentId: agent.id })).toEqual({ success: true, id: agent.id });
  });

  it('surfaces our 422 and 404 as the client error types with the messages', async () => {
    await expect(
      ghl.conversationAi.createAgent({ name: 'x', personality: 'p', goal: 'g', instructions: 'i', autoPilotMaxMessages: 0 }),
    ).rejects.toMatchObject({
      statusCode: 422,
      response: { message: ['autoPilotMaxMessages must not be less than 1'] },
    });
    await expect(ghl.conversationAi.getAgent({ agentId: 'missing' })).rejects.toMatchObject({ statusCode: 404 });
  });

  it('drives voice agents through voiceAi', async () => {
    const created = await ghl.voiceAi.createAgent({ locationId: gw.locationId, agentName: 'SDK voice', maxCallDuration: 600 });
    expect(created).toMatchObject({ agentName: 'SDK voice', maxCallDuration: 600, locationId: gw.locationId });
    const patched = await ghl.voiceAi.patchAgent(
      { agentId: created.id, locationId: gw.locationId },
      { agentWorkingHours: [{ dayOfTheWeek: 7, intervals: [{ startHour: 10, endHour: 14, startMinute: 0, endMinute: 0 }] }] },
    );
    expect(patched.agentWorkingHours).toEqual([
      { dayOfTheWeek: 7, intervals: [{ startHour: 10, endHour: 14, startMinute: 0, endMinute: 0 }] },
    ]);
    const list = await ghl.voiceAi.getAgents({ locationId: gw.locationId, page: 1, pageSize: 10 });
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect((await ghl.voiceAi.getAgent({ agentId: created.id, locationId: gw.locationId })).actions).toEqual([]);
    await ghl.voiceAi.deleteAgent({ agentId: created.id, locationId: gw.locationId });
    await expect(ghl.voiceAi.getAgent({ agentId: created.id, locationId: gw.locationId })).rejects.toMatchObject({ statusCode: 404 });
  });
});
