import { ENGINES, useGateway } from '../support/fixtures';
import { Api } from '../support/http';

/**
 * Conversation state (`PATCH /conversations/:id`: bot status, sleep, assignee, CRM status) and
 * contact tags over HTTP, on a gateway whose clock stands still at START.
 */
const START = '2026-06-15T13:00:00.000Z';

describe.each(ENGINES)('conversation state and contact tags on %s', (engine) => {
  const gw = useGateway(engine, { TEST_CLOCK: 'manual', TEST_CLOCK_START: START });
  let api: Api;
  let conversationId: string;

  beforeAll(async () => {
    api = gw.api;
    const agent = await api.post('/conversation-ai/agents', { name: 'State Bot', personality: 'p', goal: 'g', instructions: 'i' });
    expect(agent.status).toBe(201);
    const contact = await api.post('/contacts', { name: 'Grace Hopper', phone: '+14155550177' });
    expect(contact.status).toBe(201);
    const conversation = await api.post('/conversations', { contact_id: contact.body.id, agent_id: agent.body.id, channel: 'sms' });
    expect(conversation.status).toBe(201);
    conversationId = conversation.body.id;
  });

  it('starts with an active bot and round-trips bot status, assignee and CRM status', async () => {
    expect((await api.get(`/conversations/${conversationId}`)).body).toMatchObject({
      bot_status: 'active',
      bot_sleep_until: null,
      assigned_user_id: null,
      status_id: null,
    });
    const sleep = await api.patch(`/conversations/${conversationId}`, {
      bot_status: 'sleeping',
      bot_sleep_until: '2026-06-16T13:00:00Z',
      assigned_user_id: 'user-42',
      status_id: 'qualified',
    });
    expect(sleep.status).toBe(200);
    const expected = {
      bot_status: 'sleeping',
      bot_sleep_until: '2026-06-16T13:00:00.000Z',
      assigned_user_id: 'user-42',
      status_id: 'qualified',
    };
    expect(sleep.body).toMatchObject(expected);
    expect((await api.get(`/conversations/${conversationId}`)).body).toMatchObject(expected);
    const listed = await api.get('/conversations');
    expect(listed.body.data.find((c: { id: string }) => c.id === conversationId)).toMatchObject(expected);

    const handed = await api.patch(`/conversations/${conversationId}`, { bot_status: 'handed_over', assigned_user_id: null });
    expect(handed.body).toMatchObject({ bot_status: 'handed_over', bot_sleep_until: null, assigned_user_id: null, status_id: 'qualified' });
    const active = await api.patch(`/conversations/${conversationId}`, { bot_status: 'active' });
    expect(active.status).toBe(200);
    expect((await api.get(`/conversations/${conversationId}`)).body).toMatchObject({ bot_status: 'active', status_id: 'qualified' });
  });

  it.each([
    ['a bad bot_status', { bot_status: 'asleep' }, /^bot_status must be one of/],
    ['an unknown field', { bot_status: 'active', mood: 'happy' }, /^property mood should not exist$/],
    ['sleeping without a time', { bot_status: 'sleeping' }, /^bot_sleep_until is required when bot_status is sleeping$/],
    [
      'sleeping until the past',
      { bot_status: 'sleeping', bot_sleep_until: '2026-06-15T12:00:00Z' },
      /^bot_sleep_until must be in the future/,
    ],
    ['a time without sleeping', { bot_status: 'stopped', bot_sleep_until: '2026-06-16T13:00:00Z' }, /^bot_sleep_until can only be given/],
    ['an empty body', {}, /^at least one of bot_status, bot_sleep_until, assigned_user_id, status_id is required$/],
  ])('answers 422 naming the field for %s, and changes nothing', async (_case, body, message) => {
    const before = (await api.get(`/conversations/${conversationId}`)).body;
    const res = await api.patch(`/conversations/${conversationId}`, body);
    expect(res.status).toBe(422);
    expect(res.body.message).toEqual([expect.stringMatching(message)]);
    expect((await api.get(`/conversations/${conversationId}`)).body).toEqual(before);
  });

  it("answers 404 for another location's conversation, and a read-only token may not change state", async () => {
    const other = await gw.newTenant();
    const res = await other.api.patch(`/conversations/${conversationId}`, { bot_status: 'stopped' });
    expect(res.status).toBe(404);
    expect((await api.get(`/conversations/${conversationId}`)).body.bot_status).toBe('active');
    const reader = await gw.newTenant('followups.readonly');
    const denied = await reader.api.patch(`/conversations/${conversationId}`, { bot_status: 'stopped' });
    expect(denied.status).toBe(401);
    expect(denied.body.message).toBe('The token is not authorized for this scope: followups.write');
  });

  it('round-trips contact tags through POST, PATCH and GET, once each', async () => {
    const created = await api.post('/contacts', { name: 'Tagged', email: 'tagged@example.com', tags: ['vip', 'lead', 'vip'] });
    expect(created.status).toBe(201);
    expect(created.body.tags).toEqual(['vip', 'lead']);
    const id = created.body.id as string;
    expect((await api.get(`/contacts/${id}`)).body.tags).toEqual(['vip', 'lead']);
    expect((await api.patch(`/contacts/${id}`, { name: 'Still tagged' })).body.tags).toEqual(['vip', 'lead']);
    const replaced = await api.patch(`/contacts/${id}`, { tags: ['customer', 'customer'] });
    expect(replaced.status).toBe(200);
    expect(replaced.body.tags).toEqual(['customer']);
    expect((await api.get(`/contacts/${id}`)).body.tags).toEqual(['customer']);
    const bad = await api.patch(`/contacts/${id}`, { tags: ['ok', ''] });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toEqual([expect.stringMatching(/tags/)]);
    const tooMany = await api.post('/contacts', { name: 'Many', tags: Array.from({ length: 51 }, (_, i) => `t${i}`) });
    expect(tooMany.status).toBe(422);
    expect((await api.post('/contacts', { name: 'None' })).body.tags).toEqual([]);
  });
});
