import { ENGINES, useGateway } from '../support/fixtures';
import { Api, Json } from '../support/http';

/** Ids in a body resolve inside the caller's location; manual records are never dispatched. */
const START = '2026-06-15T13:00:00.000Z';
const minuteBefore = (iso: string) => new Date(new Date(iso).getTime() - 60_000).toISOString();

/** A location's agent, contact and conversation. */
async function setUp(api: Api, name: string): Promise<{ contactId: string; conversationId: string; otherContactId: string }> {
  const agent = await api.post('/conversation-ai/agents', { name, businessName: name, personality: 'p', goal: 'g', instructions: 'i' });
  const contact = await api.post('/contacts', { name: `${name} lead`, phone: '+14155550123' });
  const other = await api.post('/contacts', { name: `${name} other lead`, phone: '+14155550124' });
  const conversation = await api.post('/conversations', { contact_id: contact.body.id, agent_id: agent.body.id, channel: 'sms' });
  expect(conversation.status).toBe(201);
  return { contactId: contact.body.id, conversationId: conversation.body.id, otherContactId: other.body.id };
}

describe.each(ENGINES)('ids of another location in follow-up records on %s', (engine) => {
  const gw = useGateway(engine, { TEST_CLOCK: 'manual', TEST_CLOCK_START: START });
  let a: Awaited<ReturnType<typeof setUp>>;
  let b: Awaited<ReturnType<typeof setUp>>;
  let other: Api;

  beforeAll(async () => {
    a = await setUp(gw.api, 'Acme');
    other = (await gw.newTenant()).api;
    b = await setUp(other, 'Globex');
  });

  it("refuses another location's contact_id and conversation_id with 422 naming the field", async () => {
    const res = await other.post('/followups', { type: 'manual_call', contact_id: a.contactId, conversation_id: a.conversationId });
    expect(res.status).toBe(422);
    expect(res.body.message).toEqual([
      `contact_id ${a.contactId} is not a contact of this location`,
      `conversation_id ${a.conversationId} is not a conversation of this location`,
    ]);
    const contactOnly = await other.post('/followups', { type: 'sms', contact_id: a.contactId, status: 'scheduled' });
    expect(contactOnly.body.message).toEqual([`contact_id ${a.contactId} is not a contact of this location`]);
    expect((await other.get('/followups')).body.data).toEqual([]);
  });

  it("keeps the other location's timeline and reply untouched", async () => {
    await other.post('/followups', { type: 'manual_call', conversation_id: a.conversationId, status: 'scheduled' });
    expect((await gw.timeline(a.conversationId)).filter((i: Json) => i.kind === 'followup')).toEqual([]);
    const reply = await gw.api.post(`/conversations/${a.conversationId}/messages`, { direction: 'inbound', body: 'Hello?' });
    expect(reply.status).toBe(201);
    expect((await other.get('/followups')).body.data).toEqual([]);
  });

  it("takes the conversation's contact, and refuses a contact_id that is not it", async () => {
    const ok = await other.post('/followups', { type: 'manual_call', conversation_id: b.conversationId });
    expect(ok.status).toBe(201);
    expect(ok.body.data).toMatchObject({ conversation_id: b.conversationId, contact_id: b.contactId });
    const both = await other.post('/followups', { type: 'manual_call', conversation_id: b.conversationId, contact_id: b.contactId });
    expect(both.status).toBe(201);
    const mismatch = await other.post('/followups', {
      type: 'manual_call',
      conversation_id: b.conversationId,
      contact_id: b.otherContactId,
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.message).toEqual([`contact_id ${b.otherContactId} is not the contact of conversation ${b.conversationId}`]);
    const timeline = await other.get(`/conversations/${b.conversationId}/timeline`);
    expect(timeline.body.items.filter((i: Json) => i.kind === 'followup')).toHaveLength(2);
  });

  it('lets PUT change no ids: contact_id and conversation_id are refused', async () => {
    const mine = (await other.post('/followups', { type: 'manual_call', contact_id: b.contactId })).body.data.id;
    const res = await other.put(`/followups/${mine}`, { contact_id: a.contactId, conversation_id: a.conversationId });
    expect(res.status).toBe(422);
    expect(res.body.message).toEqual(['property contact_id should not exist', 'property conversation_id should not exist']);
    expect((await other.get(`/followups/${mine}`)).body.data.contact_id).toBe(b.contactId);
  });

  it('never dispatches a manual record that falls due (it stays scheduled)', async () => {
    const res = await gw.api.post('/followups', {
      type: 'manual_call',
      status: 'scheduled',
      scheduled_at: minuteBefore(START),
      notes: 'Call about renewal',
    });
    expect(res.status).toBe(201);
    const tick = await gw.moveClock(60_000);
    expect(tick.dispatched).toBe(0);
    const after = (await gw.api.get(`/followups/${res.body.data.id}`)).body.data;
    expect(after).toMatchObject({ status: 'scheduled', status_reason: null, reason_code: null, attempts: [] });
  });
});
