import { ENGINES, useGateway } from '../support/fixtures';

const agentBody = {
  name: 'Lead Bot',
  personality: 'Friendly',
  goal: 'Book a call',
  instructions: 'Be brief',
  timezone: 'America/New_York',
};
const followupAction = (scenarioId = 'contactStoppedReplying') => ({
  type: 'ADVANCED_FOLLOWUP',
  name: 'Stopped replying',
  details: {
    enabled: true,
    scenarioId,
    followupSequence: [
      { id: 1, followupTimeUnit: 'hours', followupTime: 2, aiEnabledMessage: false, customMessage: 'Hi {{contact.first_name}}!' },
      { id: 2, followupTimeUnit: 'days', followupTime: 1 },
    ],
  },
});

describe.each(ENGINES)('Conversation AI API on %s', (engine) => {
  const gw = useGateway(engine);
  let agentId: string;

  it('creates an agent with the seed defaults, primary as the first of its location', async () => {
    const res = await gw.api.post('/conversation-ai/agents', agentBody);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Lead Bot',
      mode: 'off',
      channels: [],
      waitTime: 2,
      waitTimeUnit: 'seconds',
      sleepEnabled: false,
      autoPilotMaxMessages: 25,
      isPrimary: true,
      timezone: 'America/New_York',
      active: true,
      actions: [],
      locationId: gw.locationId,
    });
    agentId = res.body.id;
    const second = await gw.api.post('/conversation-ai/agents', { ...agentBody, name: 'Support Bot', isPrimary: true });
    expect(second.body.isPrimary).toBe(true);
    expect((await gw.api.get(`/conversation-ai/agents/${agentId}`)).body.isPrimary).toBe(false);
  });

  it('requires the Version header and a known value', async () => {
    const missing = await gw.api.get('/conversation-ai/agents/search', { version: null });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ statusCode: 400, message: expect.stringContaining('Version header is required'), error: 'Bad Request' });
    for (const version of ['2021-04-15', '2021-07-28', '2023-02-21']) {
      expect((await gw.api.get('/conversation-ai/agents/search', { version })).status).toBe(200);
    }
    expect((await gw.api.get('/conversation-ai/agents/search', { version: '2099-01-01' })).body.message).toContain(
      '"2099-01-01" is not supported',
    );
  });

  it('answers the seed 401 body for a missing or wrong token', async () => {
    const expected = { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' };
    expect((await gw.api.get('/conversation-ai/agents/search', { token: null })).body).toEqual(expected);
    const wrong = await gw.api.get('/conversation-ai/agents/search', { token: 'fgw_not-a-real-token' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(expected);
  });

  it('refuses a token without the route scope, naming the scope; write implies read', async () => {
    const reader = await gw.newTenant('conversation-ai.readonly');
    expect((await reader.api.get('/conversation-ai/agents/search')).status).toBe(200);
    const denied = await reader.api.post('/conversation-ai/agents', agentBody);
    expect(denied.status).toBe(401);
    expect(denied.body.message).toBe('The token is not authorized for this scope: conversation-ai.write');
    const voiceOnly = await gw.newTenant('voice-ai-agents.write');
    expect((await voiceOnly.api.get('/conversation-ai/agents/search')).body.message).toContain('conversation-ai.readonly');
    const writer = await gw.newTenant('conversation-ai.write');
    expect((await writer.api.get('/conversation-ai/agents/search')).status).toBe(200);
  });

  it('validates agents: 422 naming each field, unknown fields refused, limits by unit', async () => {
    const res = await gw.api.post('/conversation-ai/agents', {
      name: '',
      personality: 1,
      goal: 'g',
      instructions: 'i',
      mode: 'turbo',
      waitTime: 6,
      waitTimeUnit: 'minutes',
      autoPilotMaxMessages: 101,
      timezone: 'Mars/Base',
      channels: ['SMS', 'Pager'],
      surprise: true,
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('Unprocessable Entity');
    expect(res.body.message).toEqual(
      expect.arrayContaining([
        'property surprise should not exist',
        'name should not be empty',
        'personality must be a string',
        expect.stringMatching(/^mode must be one of the following values/),
        'waitTime must not be greater than 5 when waitTimeUnit is minutes',
        'autoPilotMaxMessages must not be greater than 100',
        'timezone must be an IANA region name (Area/Location, e.g. America/New_York) or UTC',
        expect.stringMatching(/^each value in channels must be one of/),
      ]),
    );
  });

  it('answers 400 for malformed JSON and 422 for a body that is not an object', async () => {
    const bad = await gw.api.request('POST', '/conversation-ai/agents', { raw: '{"name": ' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    const array = await gw.api.request('POST', '/conversation-ai/agents', { raw: '[1,2]' });
    expect(array.status).toBe(422);
    expect(array.body.message).toEqual(['request body must be a JSON object']);
  });

  it('updates with PUT as a partial change that must leave a valid agent', async () => {
    const ok = await gw.api.put(`/conversation-ai/agents/${agentId}`, { autoPilotMaxMessages: 10, active: false, mode: 'auto-pilot' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ autoPilotMaxMessages: 10, active: false, mode: 'auto-pilot', name: 'Lead Bot' });
    await gw.api.put(`/conversation-ai/agents/${agentId}`, { waitTime: 300 });
    const bad = await gw.api.put(`/conversation-ai/agents/${agentId}`, { waitTimeUnit: 'minutes' });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toEqual(['waitTime must not be greater than 5 when waitTimeUnit is minutes']);
    expect((await gw.api.get(`/conversation-ai/agents/${agentId}`)).body.waitTimeUnit).toBe('seconds');
  });

  it('searches by name with startAfter/limit paging and counts', async () => {
    for (const name of ['Alpha booking', 'Beta BOOKING', 'Gamma']) await gw.api.post('/conversation-ai/agents', { ...agentBody, name });
    const all = await gw.api.get('/conversation-ai/agents/search?limit=2');
    expect(all.body.count).toBe(2);
    expect(all.body.totalCount).toBe(5);
    const next = await gw.api.get(`/conversation-ai/agents/search?limit=2&startAfter=${all.body.agents[1].id}`);
    expect(next.body.agents.map((a: { name: string }) => a.name)).toEqual(['Alpha booking', 'Beta BOOKING']);
    const found = await gw.api.get('/conversation-ai/agents/search?query=booking');
    expect(found.body.agents.map((a: { name: string }) => a.name)).toEqual(['Alpha booking', 'Beta BOOKING']);
    expect(found.body.totalCount).toBe(5);
    expect((await gw.api.get('/conversation-ai/agents/search?limit=abc')).status).toBe(422);
    expect((await gw.api.get('/conversation-ai/agents/search?startAfter=nope')).status).toBe(422);
  });

  it('creates, lists, reads, replaces and deletes actions in the client envelope', async () => {
    const created = await gw.api.post(`/conversation-ai/agents/${agentId}/actions`, followupAction());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ success: true, data: { type: 'advancedFollowup', agentId, name: 'Stopped replying' } });
    expect(created.body.data.details.followupSequence[1]).toEqual({
      id: 2,
      followupTimeUnit: 'days',
      followupTime: 1,
      aiEnabledMessage: true,
      triggerWorkflow: false,
    });
    const id = created.body.data.id;
    const list = await gw.api.get(`/conversation-ai/agents/${agentId}/actions/list`);
    expect(list.body).toEqual({ success: true, data: [created.body.data] });
    expect((await gw.api.get(`/conversation-ai/agents/${agentId}`)).body.actions).toEqual([{ id, type: 'advancedFollowup' }]);
    const replaced = await gw.api.put(`/conversation-ai/agents/${agentId}/actions/${id}`, {
      type: 'triggerWorkflow',
      name: 'Notify',
      details: { workflowIds: ['wf1'], triggerCondition: 'When a lead asks for pricing' },
    });
    expect(replaced.body.data).toMatchObject({ id, type: 'triggerWorkflow', details: { workflowIds: ['wf1'] } });
    const deleted = await gw.api.delete(`/conversation-ai/agents/${agentId}/actions/${id}`);
    expect(deleted.body).toEqual({ data: { id }, success: true });
    expect((await gw.api.get(`/conversation-ai/agents/${agentId}/actions/${id}`)).status).toBe(404);
  });

  it('validates action details per type and keeps one advancedFollowup per scenario', async () => {
    const bad = await gw.api.post(`/conversation-ai/agents/${agentId}/actions`, {
      type: 'advancedFollowup',
      name: 'Too many',
      details: {
        ...followupAction().details,
        followupSequence: [1, 2, 3, 4, 5, 6].map((i) => ({ id: i, followupTimeUnit: 'minutes', followupTime: 61 })),
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toContain('details.followupSequence must contain at most 5 follow-ups');
    expect(bad.body.message).toContain(
      'details.followupSequence.0.followupTime must not be greater than 60 when followupTimeUnit is minutes',
    );
    const unknownType = await gw.api.post(`/conversation-ai/agents/${agentId}/actions`, { type: 'sendFax', name: 'x', details: {} });
    expect(unknownType.body.message[0]).toMatch(/^type must be one of: triggerWorkflow/);
    expect((await gw.api.post(`/conversation-ai/agents/${agentId}/actions`, followupAction('contactIsBusy'))).status).toBe(201);
    const dup = await gw.api.post(`/conversation-ai/agents/${agentId}/actions`, followupAction('contactIsBusy'));
    expect(dup.status).toBe(409);
    expect(dup.body.message).toContain('contactIsBusy');
  });

  it('applies follow-up settings to the listed advancedFollowup actions (seed example)', async () => {
    const a = (await gw.api.post(`/conversation-ai/agents/${agentId}/actions`, followupAction('contactRequested'))).body.data;
    const settings = {
      dynamicChannelSwitching: true,
      followUpHours: true,
      workingHours: [{ dayOfTheWeek: 1, intervals: [{ startHour: 9, startMinute: 0, endHour: 17, endMinute: 30 }] }],
      timezoneToUse: 'location',
    };
    const res = await gw.api.patch(`/conversation-ai/agents/${agentId}/followup-settings`, {
      actionIds: [a.id],
      followupSettings: settings,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      success: true,
      data: { id: a.id, type: 'advancedFollowup', details: { followupSettings: { ...settings, timezoneToUse: 'business' } } },
    });
    const other = (
      await gw.api.post(`/conversation-ai/agents/${agentId}/actions`, {
        type: 'stopBot',
        name: 'Stop',
        details: {
          stopBotDetectionType: 'Goodbye',
          stopBotTriggerCondition: 'bye',
          reactivateEnabled: false,
          enabled: true,
          stopBotExamples: ['bye', 'thanks'],
          finalMessage: 'Bye!',
        },
      })
    ).body.data;
    const wrongType = await gw.api.patch(`/conversation-ai/agents/${agentId}/followup-settings`, {
      actionIds: [a.id, other.id],
      followupSettings: settings,
    });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.message).toEqual([
      'actionIds.1 names a stopBot action; follow-up settings apply to advancedFollowup actions only',
    ]);
    const overlap = await gw.api.patch(`/conversation-ai/agents/${agentId}/followup-settings`, {
      actionIds: [a.id],
      followupSettings: {
        dynamicChannelSwitching: false,
        workingHours: [
          {
            dayOfTheWeek: 0,
            intervals: [
              { startHour: 9, startMinute: 0, endHour: 12, endMinute: 0 },
              { startHour: 11, startMinute: 0, endHour: 13, endMinute: 0 },
            ],
          },
        ],
      },
    });
    expect(overlap.body.message).toEqual(['followupSettings.workingHours.0.intervals.1 overlaps intervals.0']);
    expect(
      (await gw.api.patch(`/conversation-ai/agents/${agentId}/followup-settings`, { actionIds: ['nope'], followupSettings: settings }))
        .status,
    ).toBe(404);
  });

  it("keeps tenants apart: another location's agent is 404 as if it did not exist", async () => {
    const other = await gw.newTenant();
    const foreign = await other.api.get(`/conversation-ai/agents/${agentId}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual({ statusCode: 404, message: `Agent ${agentId} not found`, error: 'Not Found' });
    expect((await other.api.put(`/conversation-ai/agents/${agentId}`, { name: 'hijack' })).status).toBe(404);
    expect((await other.api.delete(`/conversation-ai/agents/${agentId}`)).status).toBe(404);
    expect((await other.api.get(`/conversation-ai/agents/${agentId}/actions/list`)).status).toBe(404);
    expect((await other.api.get('/conversation-ai/agents/search')).body.totalCount).toBe(0);
    expect((await gw.api.get(`/conversation-ai/agents/${agentId}`)).body.name).toBe('Lead Bot');
  });

  it('deletes an agent with its actions', async () => {
    const res = await gw.api.delete(`/conversation-ai/agents/${agentId}`);
    expect(res.body).toEqual({ success: true, id: agentId });
    expect((await gw.api.get(`/conversation-ai/agents/${agentId}`)).status).toBe(404);
    expect((await gw.api.get(`/conversation-ai/agents/${agentId}/actions/list`)).status).toBe(404);
  });
});
