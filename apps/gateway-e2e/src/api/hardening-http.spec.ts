import { connect } from 'node:net';
import { ENGINES, useGateway } from '../support/fixtures';

/**
 * HTTP hardening: content types and body limits per route, nesting depth, total validators, one
 * line per bad query number, IANA zones only, security headers, and a timeout on slow bodies.
 */

const REQUEST_TIMEOUT_MS = 1000;
const bodyOf = async (res: Response) => (await res.json()) as Record<string, unknown>;

describe.each(ENGINES)('HTTP hardening (%s)', (engine) => {
  const gw = useGateway(engine, { HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) });
  const raw = (method: string, path: string, contentType: string | null, body?: string | Buffer) => {
    const headers: Record<string, string> = { authorization: `Bearer ${gw.gateway.token}`, version: '2021-04-15' };
    if (contentType) headers['content-type'] = contentType;
    return fetch(`${gw.gateway.url}${path}`, { method, headers, body });
  };

  describe('content types', () => {
    it.each([
      ['application/x-www-form-urlencoded', 'name=x'],
      ['application/x-www-form-urlencoded', '{"name":"x"}'],
      ['application/octet-stream', '{"name":"x"}'],
      ['message/rfc822', 'From: a@example.com\r\n\r\nhi'],
      ['text/plain', '{"name":"x"}'],
      ['multipart/form-data; boundary=x', '--x--'],
    ])('answers 415 naming application/json to %s on a JSON route', async (type, body) => {
      const res = await raw('POST', '/contacts', type, body);
      expect(res.status).toBe(415);
      const answer = await res.json();
      expect(answer).toEqual({ statusCode: 415, error: 'Unsupported Media Type', message: expect.stringContaining('application/json') });
    });

    it('answers 415 to a body without a content type', async () => {
      const res = await raw('POST', '/contacts', null, new Uint8Array(Buffer.from('{"name":"x"}')) as unknown as Buffer);
      expect(res.status).toBe(415);
      expect((await bodyOf(res)).message).toContain('application/json');
    });

    it('still takes JSON, with parameters, and bodiless requests', async () => {
      expect((await raw('POST', '/contacts', 'application/json; charset=utf-8', '{"name":"x"}')).status).toBe(201);
      expect((await raw('GET', '/contacts', 'application/json')).status).toBe(200);
    });

    it('takes form posts on the Twilio webhooks and raw MIME on the email inbound webhook (403: no such connection, refused like a forged request)', async () => {
      expect((await raw('POST', '/webhooks/twilio/nope/messages', 'application/x-www-form-urlencoded', 'Body=hi')).status).toBe(403);
      expect((await raw('POST', '/webhooks/email/nope/inbound', 'message/rfc822', 'From: a@example.com\r\n\r\nhi')).status).toBe(403);
      expect((await raw('POST', '/webhooks/email/nope/inbound', 'application/octet-stream', 'From: a@example.com\r\n\r\nhi')).status).toBe(
        403,
      );
    });

    it('answers 404 only for what is public: a namespace no provider serves, or a hook the provider has not', async () => {
      expect((await raw('POST', '/webhooks/nope/x/messages', 'application/json', '{}')).status).toBe(404);
      const hook = await raw('POST', '/webhooks/twilio/nope/bogus', 'application/x-www-form-urlencoded', 'Body=hi');
      expect(hook.status).toBe(404);
      expect((await bodyOf(hook)).message).toBe('twilio webhooks are /messages, /status, not /bogus');
    });

    it('takes the one-click form post (urlencoded or multipart) on the unsubscribe links', async () => {
      for (const [type, body] of [
        ['application/x-www-form-urlencoded', 'List-Unsubscribe=One-Click'],
        ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--b--\r\n'],
      ]) {
        const res = await raw('POST', `/unsubscribe/${'x'.repeat(40)}`, type as string, body);
        expect(res.status).not.toBe(415);
        expect(res.status).toBeLessThan(500);
      }
    });

    it('refuses raw MIME on the Twilio webhooks and JSON on the email inbound webhook', async () => {
      const twilio = await raw('POST', '/webhooks/twilio/nope/messages', 'message/rfc822', 'x');
      expect(twilio.status).toBe(415);
      expect((await bodyOf(twilio)).message).toContain('application/x-www-form-urlencoded');
      const email = await raw('POST', '/webhooks/email/nope/inbound', 'application/json', '{}');
      expect(email.status).toBe(415);
      expect((await bodyOf(email)).message).toContain('message/rfc822');
    });

    it('limits bodies per route: small for form webhooks and JSON, 25 MiB for raw email', async () => {
      const twilio = await raw(
        'POST',
        '/webhooks/twilio/nope/messages',
        'application/x-www-form-urlencoded',
        `Body=${'x'.repeat(300_000)}`,
      );
      expect(twilio.status).toBe(413);
      const json = await raw('POST', '/contacts', 'application/json', JSON.stringify({ name: 'x'.repeat(1_100_000) }));
      expect(json.status).toBe(413);
      const mail = `From: a@example.com\r\n\r\n${'x'.repeat(3_000_000)}`;
      expect((await raw('POST', '/webhooks/email/nope/inbound', 'message/rfc822', mail)).status).toBe(403);
    });
  });

  describe('nesting depth', () => {
    it.each(['/contacts', '/conversation-ai/agents', '/followups'])('answers 422 naming the depth limit on POST %s', async (path) => {
      const deep = `${'{"a":'.repeat(1400)}1${'}'.repeat(1400)}`;
      const res = await raw('POST', path, 'application/json', deep);
      expect(res.status).toBe(422);
      expect(JSON.stringify((await bodyOf(res)).message)).toContain('32 levels');
    });

    it('answers 422 to deep arrays too', async () => {
      const res = await raw('POST', '/contacts', 'application/json', `{"tags":${'['.repeat(1400)}${']'.repeat(1400)}}`);
      expect(res.status).toBe(422);
    });
  });

  it('answers 422 naming email to a lone surrogate in an email address', async () => {
    const res = await raw('POST', '/contacts', 'application/json', '{"email":"\\ud800x"}');
    expect(res.status).toBe(422);
    expect((await bodyOf(res)).message).toEqual(['email must be an email address']);
  });

  describe('numeric query parameters', () => {
    it.each([
      ['/contacts', 'abc'],
      ['/contacts', '0'],
      ['/contacts', '101'],
      ['/contacts', '1.5'],
      ['/contacts', ''],
      ['/conversations', 'abc'],
      ['/followups', 'abc'],
      ['/conversation-ai/agents/search', 'x'],
    ])('GET %s?limit=%s answers one line with the range', async (path, limit) => {
      const res = await raw('GET', `${path}?limit=${limit}`, null);
      expect(res.status).toBe(422);
      expect((await bodyOf(res)).message).toEqual(['limit must be an integer from 1 to 100']);
    });

    it('still takes a valid limit', async () => {
      expect((await raw('GET', '/contacts?limit=5', null)).status).toBe(200);
    });
  });

  describe('time zones', () => {
    it.each([
      ['BST', 'Europe/London'],
      ['PST', 'America/Los_Angeles'],
      ['EST', 'America/New_York'],
      ['IST', 'Asia/Kolkata'],
      ['CET', 'Europe/Paris'],
      ['EST5EDT', 'America/New_York'],
    ])('refuses %s on contacts and agents, suggesting %s', async (zone, region) => {
      const contact = await gw.api.post('/contacts', { name: 'z', timezone: zone });
      expect(contact.status).toBe(422);
      expect(contact.body.message).toEqual([expect.stringMatching(new RegExp(`^timezone .*${region}`))]);
      const agent = await gw.api.post('/conversation-ai/agents', {
        name: 'A',
        personality: 'p',
        goal: 'g',
        instructions: 'i',
        timezone: zone,
      });
      expect(agent.status).toBe(422);
      expect(JSON.stringify(agent.body.message)).toContain(region);
    });

    it.each(['Europe/London', 'UTC', 'America/Argentina/Buenos_Aires'])('accepts %s', async (zone) => {
      expect((await gw.api.post('/contacts', { name: 'z', timezone: zone })).status).toBe(201);
    });
  });

  describe('security headers', () => {
    it.each(['/health', '/contacts', '/no-such-route'])('sets them on %s', async (path) => {
      const res = await raw('GET', path, null);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    });

    it('gives the unsubscribe pages a content security policy that forbids framing and scripts', async () => {
      const res = await raw('GET', `/unsubscribe/${'x'.repeat(40)}`, null);
      expect(res.status).toBeLessThan(500);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    });

    it('keeps the API docs page working (its own scripts allowed)', async () => {
      const res = await fetch(`${gw.gateway.url}/docs`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy') ?? '').not.toContain("default-src 'none'");
    });
  });

  it('closes a connection whose body never finishes', async () => {
    const { hostname, port } = new URL(gw.gateway.url);
    const socket = connect(Number(port), hostname);
    const started = Date.now();
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
    socket.write(
      `POST /contacts HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n` +
        `Authorization: Bearer ${gw.gateway.token}\r\nVersion: 2021-04-15\r\n\r\n{"name":`,
    );
    const timer = setTimeout(() => socket.destroy(new Error('still open')), REQUEST_TIMEOUT_MS * 8);
    const elapsed = await closed;
    clearTimeout(timer);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(elapsed).toBeLessThan(REQUEST_TIMEOUT_MS * 8);
  });
});
