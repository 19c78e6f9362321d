import { randomUUID } from 'node:crypto';
import { ENGINES, useGateway } from '../support/fixtures';

const seedConfig = (assistant: string = randomUUID()) => ({
  assistant_id: assistant,
  trigger_status_ids: [randomUUID()],
  steps: [
    { interval: 'PT30M', prompt: 'Friendly follow-up message' },
    { interval: 'PT2H', prompt: 'Offer a product demo' },
  ],
  official_steps: [
    {
      channel_id: randomUUID(),
      channel_name: 'WhatsApp Business',
      app_id: 'gupshup_app_12345',
      steps: [{ interval: 'P1D', template_name: 'reengagement_v1', template_language: 'en', template_params: ['{{LEAD_FIRSTNAME}}'] }],
    },
  ],
});

describe.each(ENGINES)('follow-up configurations (seed 003) on %s', (engine) => {
  const gw = useGateway(engine);
  const base = '/backend/followup/configs';
  let config: { id: string; assistant_id: string };

  it('creates the seed example (201) and reads it by id, assistant and tenant', async () => {
    const res = await gw.api.post(base, seedConfig());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ tenant_id: gw.locationId, is_active: true, steps: seedConfig().steps });
    expect(res.body.official_steps[0].steps[0].template_language).toBe('en');
    config = res.body;
    expect((await gw.api.get(`${base}/${config.id}`)).body).toEqual(res.body);
    expect((await gw.api.get(`${base}/assistant/${config.assistant_id}`)).body).toEqual(res.body);
    expect((await gw.api.get(`${base}/tenant/${gw.locationId}`)).body).toEqual([res.body]);
  });

  it('defaults template_language to pt_BR and keeps one configuration per assistant (409)', async () => {
    const res = await gw.api.post(base, {
      ...seedConfig(),
      official_steps: undefined,
      steps: [{ interval: 'P1D', template_name: 'hello' }],
    });
    expect(res.body.steps).toEqual([{ interval: 'P1D', template_name: 'hello', template_language: 'pt_BR' }]);
    const dup = await gw.api.post(base, seedConfig(config.assistant_id));
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe(`assistant ${config.assistant_id} already has a follow-up configuration`);
  });

  it('applies every validation of the seed', async () => {
    const channel = randomUUID();
    const res = await gw.api.post(base, {
      assistant_id: 'not-a-uuid',
      trigger_status_ids: ['x'],
      steps: [
        { interval: 'PT29M', prompt: 'too soon' },
        { interval: 'P2D', prompt: 'no template' },
        { interval: 'soon', prompt: 'bad' },
        { interval: 'PT1H' },
      ],
      official_steps: [
        { channel_id: channel, app_id: 'a', steps: [] },
        { channel_id: channel, app_id: 'a', steps: [{ interval: 'PT1H', prompt: 'p' }] },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.message).toEqual(
      expect.arrayContaining([
        'assistant_id must be a UUID',
        'each value in trigger_status_ids must be a UUID',
        'steps must contain at most 3 steps',
        'steps.0.interval must be at least 30 minutes (PT30M)',
        'steps.1.template_name is required when interval is 24 hours or more',
        'steps.2.interval must be an ISO 8601 duration such as PT30M or P1D',
        'steps.3.prompt is required when the step has no template_name',
        `official_steps repeats channel_id ${channel}`,
        'official_steps.0.steps must contain at least 1 step',
      ]),
    );
    const none = await gw.api.post(base, { assistant_id: randomUUID(), trigger_status_ids: [randomUUID()] });
    expect(none.body.message).toEqual(['steps is required when there are no official_steps (at least one step)']);
  });

  it('updates any subset of fields but never leaves a configuration without steps', async () => {
    const res = await gw.api.put(`${base}/${config.id}`, { is_active: false, steps: [{ interval: 'PT45M', prompt: 'Checking in' }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ is_active: false, steps: [{ interval: 'PT45M', prompt: 'Checking in' }] });
    const empty = await gw.api.put(`${base}/${config.id}`, { steps: [], official_steps: [] });
    expect(empty.status).toBe(422);
    expect((await gw.api.put(`${base}/${config.id}`, { assistant_id: randomUUID() })).body.message).toEqual([
      'property assistant_id should not exist',
    ]);
    expect((await gw.api.get(`${base}/${config.id}`)).body.steps).toHaveLength(1);
  });

  it("scopes configurations to the token's tenant", async () => {
    const other = await gw.newTenant('followups.write');
    expect((await other.api.get(`${base}/${config.id}`)).status).toBe(404);
    expect((await other.api.get(`${base}/tenant/${gw.locationId}`)).status).toBe(404);
    expect((await other.api.get(`${base}/assistant/${config.assistant_id}`)).status).toBe(404);
    expect((await other.api.delete(`${base}/${config.id}`)).status).toBe(404);
    expect((await other.api.post(base, seedConfig(config.assistant_id))).status).toBe(201);
  });

  it('deletes with 204', async () => {
    expect((await gw.api.delete(`${base}/${config.id}`)).status).toBe(204);
    expect((await gw.api.get(`${base}/${config.id}`)).status).toBe(404);
  });
});

describe.each(ENGINES)('follow-up records (seed 004) on %s', (engine) => {
  const gw = useGateway(engine);
  let id: string;
  // A record's contact_id must name a contact of the caller's location.
  const contacts: Record<string, string> = {};
  beforeAll(async () => {
    for (const name of ['c1', 'c2']) contacts[name] = (await gw.api.post('/contacts', { name })).body.id;
  });

  it('creates a manual follow-up (on_hold by default) in the envelope', async () => {
    const res = await gw.api.post('/followups', {
      type: 'manual_call',
      debt_id: 'deal-42',
      contact_id: contacts['c1'],
      scheduled_at: '2026-12-01T15:00:00Z',
      notes: 'Call about renewal',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      error: false,
      message: 'Followup created successfully',
      data: { type: 'manual_call', status: 'on_hold', debt_id: 'deal-42', scheduled_at: '2026-12-01T15:00:00.000Z', is_retry: false },
    });
    id = res.body.data.id;
  });

  it('records call results with PUT using the seed fields', async () => {
    const res = await gw.api.put(`/followups/${id}`, {
      status: 'deal_found',
      call_date: '2026-12-01T15:03:00+01:00',
      summary: 'Agreed to renew',
      call_id: 'call_789456',
      audio_url: 'https://example.com/rec.mp3',
      duration_ms: 180000,
      direction: 'outbound',
      disconnection_reason: 'completed_successfully',
      phone_number_used: '+33800123456',
      is_retry: false,
      debt_id: 'deal-42',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      message: 'Followup updated successfully',
      data: { status: 'deal_found', call_date: '2026-12-01T14:03:00.000Z', duration_ms: 180000, phone_number_used: '+33800123456' },
    });
  });

  it('refuses a change of debt_id (422 naming it), unknown statuses and bad dates', async () => {
    const res = await gw.api.put(`/followups/${id}`, { debt_id: 'other' });
    expect(res.status).toBe(422);
    expect(res.body.message).toEqual(['debt_id cannot be changed']);
    const bad = await gw.api.put(`/followups/${id}`, { status: 'maybe', scheduled_at: 'tomorrow', duration_ms: -1, direction: 'sideways' });
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^status must be one of the following values: on_hold, scheduled/),
        'scheduled_at must be an ISO 8601 date-time',
        'duration_ms must not be less than 0',
        expect.stringMatching(/^direction must be one of/),
      ]),
    );
    expect((await gw.api.get(`/followups/${id}`)).body.data.debt_id).toBe('deal-42');
  });

  it('lists with filters and cursor pagination', async () => {
    for (let i = 0; i < 5; i++) {
      await gw.api.post('/followups', {
        type: i % 2 ? 'sms' : 'email',
        contact_id: contacts['c2'],
        scheduled_at: `2026-12-0${i + 2}T09:00:00Z`,
        status: 'scheduled',
      });
    }
    const first = await gw.api.get('/followups?limit=2');
    expect(first.body.data).toHaveLength(2);
    const second = await gw.api.get(`/followups?limit=2&cursor=${first.body.pagination.next_cursor}`);
    const third = await gw.api.get(`/followups?limit=2&cursor=${second.body.pagination.next_cursor}`);
    expect(third.body.pagination.next_cursor).toBeNull();
    const ids = [...first.body.data, ...second.body.data, ...third.body.data].map((f: { id: string }) => f.id);
    expect(new Set(ids).size).toBe(6);
    const sms = await gw.api.get(
      `/followups?type=sms&contact_id=${contacts['c2']}&scheduled_from=2026-12-03T00:00:00Z&scheduled_to=2026-12-05T00:00:00Z`,
    );
    expect(sms.body.data.map((f: { scheduled_at: string }) => f.scheduled_at)).toEqual(['2026-12-03T09:00:00.000Z']);
    expect((await gw.api.get('/followups?cursor=garbage')).body.message).toEqual(['cursor is not a next_cursor this API returned']);
    expect((await gw.api.get('/followups?status=lost')).status).toBe(422);
  });

  it("hides other tenants' follow-ups", async () => {
    const other = await gw.newTenant('followups.readonly');
    expect((await other.api.get(`/followups/${id}`)).status).toBe(404);
    expect((await other.api.get('/followups')).body.data).toEqual([]);
    expect((await other.api.put(`/followups/${id}`, { status: 'cancelled' })).status).toBe(401);
  });
});
