import { TwilioApiDouble, startGatewayProcess } from '@followup/testing';
import type { RunningGateway } from '@followup/testing';
import { eventually } from '../support/eventually';
import { ENGINES, GatewayFixture, useGateway } from '../support/fixtures';
import { Api, Json } from '../support/http';
import { chatAgent, chatConnection, connectVisitor, refusal, visitorToken } from '../support/live-chat';
import { describeLiveChatInBrowser } from './live-chat.browser';

/**
 * Live chat end to end: visitors are socket.io-client sockets over real WebSockets, sent as a page
 * of SITE would (its Origin); follow-ups that switch go to the Twilio double. The gateway's clock
 * stands still until the test moves it. The widget itself runs in Chromium (live-chat.browser.ts).
 */
const START = '2026-06-15T13:00:00.000Z';
const HOUR = 3_600_000;
const SITE = 'https://shop.acme.test';
const KEY = Buffer.alloc(32, 7).toString('base64');

const conversationWith = async (api: Api, text: string): Promise<Json> => {
  for (const c of (await api.get('/conversations?limit=100')).body.data) {
    const items = (await api.get(`/conversations/${c.id}/timeline`)).body.items;
    if (items.some((i: Json) => i.message?.body === text)) return c;
  }
  throw new Error(`no conversation has "${text}"`);
};

describe.each(ENGINES)('live chat on %s', (engine) => {
  const gw = useGateway(engine, { TEST_CLOCK: 'manual', TEST_CLOCK_START: START });
  const twilio = new TwilioApiDouble();
  let switching: { id: string; secret: string };
  let waiting: { id: string; secret: string };
  const signedIn = (chat: { id: string; secret: string }, visitorId: string, extra: Record<string, string> = {}) => ({
    connection_id: chat.id,
    visitor_id: visitorId,
    visitor_token: visitorToken(chat.secret, visitorId),
    ...extra,
  });

  beforeAll(async () => {
    const url = await twilio.start();
    expect((await gw.api.post('/channels', { type: 'sms', provider: 'twilio', settings: twilio.connectionSettings(url) })).status).toBe(
      201,
    );
    switching = await chatConnection(gw.api, await chatAgent(gw.api, true), { allowed_origins: [SITE] });
    waiting = await chatConnection(gw.api, await chatAgent(gw.api, false), { allowed_origins: [SITE], idle_timeout_minutes: 10 });
  });
  afterAll(() => twilio.stop());

  it('refuses a foreign origin, a forged visitor token and an unknown connection, and keeps the identity secret out of the widget', async () => {
    const url = gw.gateway.url;
    expect(await refusal(url, 'https://evil.test', { connection_id: switching.id })).toMatchObject({ code: 'origin_refused' });
    const forged = { ...signedIn(switching, 'user-1'), visitor_token: visitorToken('not the secret', 'user-1') };
    expect(await refusal(url, SITE, forged)).toMatchObject({ code: 'bad_token', message: expect.stringContaining('HMAC-SHA256') });
    expect(await refusal(url, SITE, { connection_id: '3f1c0a52-0000-4000-8000-000000000000' })).toMatchObject({
      code: 'unknown_connection',
    });
    expect(await refusal(url, SITE, signedIn(switching, 'user-1'))).toBeNull();

    const script = await fetch(`${url}/widget/${switching.id}.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const source = await script.text();
    expect(source).toContain(`"connectionId":"${switching.id}"`);
    expect(source).not.toContain(switching.secret);
    expect((await fetch(`${url}/widget/nope.js`)).status).toBe(404);
    const page = await fetch(`${url}/chat/${switching.id}`);
    expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' ${url.replace('http', 'ws')}`);
    expect(
      (await fetch(`${url}/channels`, { headers: { authorization: `Bearer ${gw.gateway.token}` } })).headers.get('content-security-policy'),
    ).toBe("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  });

  it("records a signed-in visitor's message once, shows it in their other tab, and delivers replies to every tab", async () => {
    const auth = signedIn(switching, 'user-42', { name: 'Ada Lovelace', phone: '+14155550123' });
    const [tab1, tab2] = [await connectVisitor(gw.gateway.url, SITE, auth), await connectVisitor(gw.gateway.url, SITE, auth)];
    expect(tab1.session).toBeNull();
    expect(tab1.history).toEqual([]);
    const ack = await tab1.send('Do you have Tuesday at 10?', 'c-1');
    expect(ack).toEqual({ id: expect.any(String) });
    expect(await tab1.send('Do you have Tuesday at 10?', 'c-1')).toEqual(ack);
    await eventually(() =>
      expect(tab2.messages).toEqual([{ id: ack.id, body: 'Do you have Tuesday at 10?', direction: 'inbound', at: START }]),
    );
    const conversation = await conversationWith(gw.api, 'Do you have Tuesday at 10?');
    expect(conversation).toMatchObject({ channel: 'live_chat', connection_id: switching.id });
    const contact = (await gw.api.get(`/contacts/${conversation.contact_id}`)).body;
    expect(contact).toMatchObject({ name: 'Ada Lovelace', phone: '+14155550123' });

    const reply = await gw.api.post(`/conversations/${conversation.id}/messages`, {
      direction: 'outbound',
      body: 'Yes! Shall I book it?',
      send: true,
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ status: 'sent', provider_message_id: `lc_msg_${reply.body.id}`, connection_id: switching.id });
    for (const tab of [tab1, tab2])
      await eventually(() =>
        expect(tab.messages).toContainEqual({
          id: reply.body.provider_message_id,
          body: 'Yes! Shall I book it?',
          direction: 'outbound',
          at: expect.any(String),
        }),
      );

    const typing = await gw.api.post(`/conversations/${conversation.id}/typing`, { typing: true });
    expect(typing.status).toBe(204);
    for (const tab of [tab1, tab2]) await eventually(() => expect(tab.typing).toEqual([{ typing: true }]));

    const big = await tab1.send('x'.repeat(2001), 'c-big');
    expect(big).toEqual({ error: { code: 'too_long', message: 'text is 2001 characters; at most 2000' } });
    expect(tab1.errors).toContainEqual(big.error);
    tab1.close();
    tab2.close();
  });

  it('delivers what was sent while an anonymous visitor was away when they come back, and limits their rate', async () => {
    const first = await connectVisitor(gw.gateway.url, SITE, { connection_id: switching.id });
    expect(first.session).toEqual({ visitor_id: expect.stringMatching(/^v_/), visitor_token: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await first.send('Are you open on Saturday?', 'c-sat');
    first.close();
    const conversation = await conversationWith(gw.api, 'Are you open on Saturday?');
    const reply = await gw.api.post(`/conversations/${conversation.id}/messages`, {
      direction: 'outbound',
      body: 'Yes, 9 to 1.',
      send: true,
    });
    expect(reply.body.status).toBe('sent');

    const { visitor_id, visitor_token } = first.session;
    const back = await connectVisitor(gw.gateway.url, SITE, { connection_id: switching.id, visitor_id, visitor_token });
    expect(back.session).toBeNull();
    expect(back.history?.map((l: Json) => [l.direction, l.body, l.id])).toEqual([
      ['inbound', 'Are you open on Saturday?', expect.any(String)],
      ['outbound', 'Yes, 9 to 1.', reply.body.provider_message_id],
    ]);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await back.send(`thanks ${i}`, `c-r${i}`));
    expect(answers.slice(0, 5).every((a) => typeof a.id === 'string')).toBe(true);
    expect(answers[5]).toMatchObject({ error: { code: 'rate_limited', retry_after_ms: expect.any(Number) } });
    back.close();
  });

  it('follows up by SMS once the visitor has been gone for the idle timeout, and says it switched from live chat', async () => {
    const conversation = await conversationWith(gw.api, 'Do you have Tuesday at 10?');
    await gw.moveClock(HOUR);
    await eventually(() => expect(twilio.messages.map((m) => [m.to, m.body])).toContainEqual(['+14155550123', 'Hi Ada, still there?']));
    const [step] = (await gw.timeline(conversation.id)).filter((i) => i.kind === 'followup').map((i) => i.followup);
    expect(step).toMatchObject({
      status: 'sent',
      channel: 'sms',
      reason: 'switched from live_chat to sms (live_chat: session inactive)',
      reason_code: 'channel_switched',
    });
  });

  it('without switching, waits for the visitor (while their socket is open the chat stays open) and follows up on the chat when they return', async () => {
    const auth = signedIn(waiting, 'user-7', { name: 'Grace', phone: '+14155550177' });
    const tab = await connectVisitor(gw.gateway.url, SITE, auth);
    await tab.send('Is parking free?', 'c-park');
    const conversation = await conversationWith(gw.api, 'Is parking free?');
    await gw.api.post(`/conversations/${conversation.id}/messages`, { direction: 'outbound', body: 'It is. Anything else?', send: true });
    await gw.moveClock(HOUR / 2); // the socket is open: the 10-minute idle timeout does not run
    const followups = async () => (await gw.timeline(conversation.id)).filter((i) => i.kind === 'followup').map((i) => i.followup);
    expect((await followups())[0]).toMatchObject({ status: 'scheduled' });
    tab.close();
    // The gateway writes the last sighting once it sees the socket go (an instant later).
    await new Promise((r) => setTimeout(r, 300));
    await gw.moveClock(HOUR / 2);
    expect((await followups())[0]).toMatchObject({ status: 'on_hold', reason_code: 'contact_away' });
    expect(twilio.messages.some((m) => m.to === '+14155550177')).toBe(false);

    const back = await connectVisitor(gw.gateway.url, SITE, auth);
    await gw.moveClock(0);
    await eventually(() => expect(back.messages.map((m) => m.body)).toContain('Hi Grace, still there?'));
    expect((await followups())[0]).toMatchObject({ status: 'sent', channel: 'live_chat' });
    back.close();
  });
});

/** Two gateway processes on one PostgreSQL schema: a message sent by one reaches a socket held by the other. */
describe.each([
  ['PostgreSQL LISTEN/NOTIFY', {}],
  ['Redis', { REDIS_URL: 'redis://127.0.0.1:6379' }],
])('live chat across two gateway processes through %s', (_bus, busEnv: Record<string, string>) => {
  const first: GatewayFixture = useGateway('postgres', { SECRETS_KEY: KEY, ...busEnv });
  let second: RunningGateway;
  beforeAll(async () => {
    second = await startGatewayProcess({ ...first.store.env, SECRETS_KEY: KEY, ...busEnv });
  });
  afterAll(async () => {
    await second?.stop();
  });

  it("delivers a reply sent through one process to the visitor's sockets on both, and a visitor's message to their tab on the other", async () => {
    const chat = await chatConnection(first.api, await chatAgent(first.api, true), { allowed_origins: [SITE] });
    const auth = { connection_id: chat.id, visitor_id: 'user-9', visitor_token: visitorToken(chat.secret, 'user-9') };
    const onSecond = await connectVisitor(second.url, SITE, auth);
    const onFirst = await connectVisitor(first.gateway.url, SITE, auth);
    const ack = await onFirst.send('Hello from the first process', 'c-x1');
    await eventually(() => expect(onSecond.messages.map((m) => m.id)).toEqual([ack.id]));
    const conversation = await conversationWith(first.api, 'Hello from the first process');
    // Over NOTIFY's 8000 bytes: through the attachments table on PostgreSQL.
    for (const body of ['Hi from the other process', 'é'.repeat(4096)]) {
      const reply = await first.api.post(`/conversations/${conversation.id}/messages`, { direction: 'outbound', body, send: true });
      expect(reply.status).toBe(201);
      for (const tab of [onSecond, onFirst]) await eventually(() => expect(tab.messages.map((m) => m.body)).toContain(body));
    }
    onSecond.close();
    onFirst.close();
  });
});

describeLiveChatInBrowser();
