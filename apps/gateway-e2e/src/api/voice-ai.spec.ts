import { ENGINES, useGateway } from '../support/fixtures';

const week = [{ dayOfTheWeek: 1, intervals: [{ startHour: 9, startMinute: 0, endHour: 17, endMinute: 30 }] }];

describe.each(ENGINES)('Voice AI API on %s', (engine) => {
  const gw = useGateway(engine, { DEFAULT_TIMEZONE: 'America/Chicago' });
  let agentId: string;

  it('creates an agent with every default of the seed', async () => {
    const res = await gw.api.post('/voice-ai/agents', { locationId: gw.locationId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      locationId: gw.locationId,
      businessName: 'Default location',
      language: 'en-US',
      patienceLevel: 'high',
      maxCallDuration: 300,
      sendUserIdleReminders: true,
      reminderAfterIdleTimeSeconds: 8,
      inboundNumber: null,
      numberPoolId: null,
      callEndWorkflowIds: [],
      sendPostCallNotificationTo: { admins: true, allUsers: false, contactAssignedUser: false, specificUsers: [], customEmails: [] },
      agentWorkingHours: [],
      timezone: 'America/Chicago',
      isAgentAsBackupDisabled: false,
      translation: { enabled: false },
    });
    expect(res.body.agentName).toMatch(/^My Agent \d{3}$/);
    expect(res.body.welcomeMessage.length).toBeLessThanOrEqual(190);
    agentId = res.body.id;
  });

  it('accepts the seed PATCH example and answers the agent', async () => {
    const body = {
      agentName: 'Customer Support Agent',
      businessName: 'Acme Corporation',
      welcomeMessage: 'Hello! Thank you for calling Acme Corporation. How can I assist you today?',
      agentPrompt: 'You are a helpful customer service representative.',
      voiceId: '507f1f77bcf86cd799439011',
      language: 'en-US',
      patienceLevel: 'low',
      maxCallDuration: 600,
      sendUserIdleReminders: true,
      reminderAfterIdleTimeSeconds: 5,
      inboundNumber: '+1234567890',
      numberPoolId: 'pool_507f1f77bcf86cd799439011',
      callEndWorkflowIds: ['wf_507f1f77bcf86cd799439011', 'wf_507f1f77bcf86cd799439012'],
      sendPostCallNotificationTo: {
        admins: true,
        allUsers: false,
        contactAssignedUser: false,
        specificUsers: ['user_507f1f77bcf86cd799439011'],
        customEmails: ['manager@company.com'],
      },
      agentWorkingHours: week,
      timezone: 'America/New_York',
      isAgentAsBackupDisabled: false,
      translation: { enabled: false, language: 'es' },
    };
    const res = await gw.api.patch(`/voice-ai/agents/${agentId}?locationId=${gw.locationId}`, body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: agentId, locationId: gw.locationId, ...body });
    const read = await gw.api.get(`/voice-ai/agents/${agentId}?locationId=${gw.locationId}`);
    expect(read.body).toEqual({ ...res.body, actions: [] });
  });

  it('enforces the limits of the seed', async () => {
    const res = await gw.api.post('/voice-ai/agents', {
      locationId: gw.locationId,
      agentName: 'x'.repeat(41),
      welcomeMessage: 'w'.repeat(191),
      maxCallDuration: 179,
      reminderAfterIdleTimeSeconds: 21,
      callEndWorkflowIds: Array.from({ length: 11 }, (_, i) => `wf${i}`),
      language: 'klingon',
      agentWorkingHours: [{ dayOfTheWeek: 0, intervals: [{ startHour: 9, startMinute: 0, endHour: 8, endMinute: 0 }] }],
      timezone: 'America/Nowhere',
      sendPostCallNotificationTo: {
        admins: true,
        allUsers: false,
        contactAssignedUser: false,
        specificUsers: [],
        customEmails: ['not-an-email'],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.message).toEqual(
      expect.arrayContaining([
        'agentName must be shorter than or equal to 40 characters',
        'welcomeMessage must be shorter than or equal to 190 characters',
        'maxCallDuration must not be less than 180',
        'reminderAfterIdleTimeSeconds must not be greater than 20',
        'callEndWorkflowIds must contain at most 10 workflow ids',
        expect.stringMatching(/^language must be one of the following values/),
        'agentWorkingHours.0.dayOfTheWeek must not be less than 1',
        'agentWorkingHours.0.intervals.0 must start before it ends',
        'timezone must be an IANA region name (Area/Location, e.g. America/New_York) or UTC',
        'each value in sendPostCallNotificationTo.customEmails must be an email',
      ]),
    );
    const threePart = await gw.api.post('/voice-ai/agents', { locationId: gw.locationId, timezone: 'America/Argentina/Buenos_Aires' });
    expect(threePart.body.message).toEqual(['timezone must match ^[A-Za-z_]+/[A-Za-z_]+$ (e.g. America/New_York)']);
  });

  it('applies the three translation rules, also to the agent a PATCH leaves behind', async () => {
    const onEnglish = await gw.api.patch(`/voice-ai/agents/${agentId}`, { translation: { enabled: true, language: 'es' } });
    expect(onEnglish.body.message).toEqual(['translation.enabled can only be true when the agent language is not en-US']);
    const noLanguage = await gw.api.patch(`/voice-ai/agents/${agentId}`, { language: 'es', translation: { enabled: true } });
    expect(noLanguage.body.message).toEqual(['translation.language is required when translation is enabled']);
    const otherLanguage = await gw.api.patch(`/voice-ai/agents/${agentId}`, {
      language: 'es',
      translation: { enabled: true, language: 'fr' },
    });
    expect(otherLanguage.body.message).toEqual(['translation.language must be the agent language (es) or en-US']);
    const ok = await gw.api.patch(`/voice-ai/agents/${agentId}`, { language: 'es', translation: { enabled: true, language: 'en-US' } });
    expect(ok.status).toBe(200);
    const back = await gw.api.patch(`/voice-ai/agents/${agentId}`, { language: 'en-US' });
    expect(back.status).toBe(422);
    expect((await gw.api.get(`/voice-ai/agents/${agentId}`)).body.language).toBe('es');
  });

  it('lists with page, pageSize and query', async () => {
    for (const agentName of ['Sales line', 'Support line', 'Night desk'])
      await gw.api.post('/voice-ai/agents', { locationId: gw.locationId, agentName });
    const page = await gw.api.get(`/voice-ai/agents?locationId=${gw.locationId}&page=2&pageSize=2`);
    expect(page.body).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(page.body.agents.map((a: { agentName: string }) => a.agentName)).toEqual(['Support line', 'Night desk']);
    expect(page.body.agents[0].actions).toEqual([]);
    const lines = await gw.api.get('/voice-ai/agents?query=LINE');
    expect(lines.body.total).toBe(2);
    expect((await gw.api.get('/voice-ai/agents?pageSize=51')).status).toBe(422);
  });

  it("refuses another location's id in the body or query, and hides other tenants' agents", async () => {
    const other = await gw.newTenant('voice-ai-agents.write');
    const create = await gw.api.post('/voice-ai/agents', { locationId: other.locationId });
    expect(create.status).toBe(403);
    expect(create.body.message).toBe(`locationId ${other.locationId} is not the location of this token`);
    expect((await gw.api.get(`/voice-ai/agents/${agentId}?locationId=${other.locationId}`)).status).toBe(403);
    expect((await other.api.get(`/voice-ai/agents/${agentId}`)).status).toBe(404);
    expect((await other.api.patch(`/voice-ai/agents/${agentId}`, { agentName: 'mine' })).status).toBe(404);
    expect((await other.api.delete(`/voice-ai/agents/${agentId}`)).status).toBe(404);
    expect((await other.api.get('/voice-ai/agents')).body.total).toBe(0);
  });

  it('deletes with 204 and no body', async () => {
    const res = await gw.api.delete(`/voice-ai/agents/${agentId}?locationId=${gw.locationId}`);
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect((await gw.api.get(`/voice-ai/agents/${agentId}`)).status).toBe(404);
  });
});
