import { readDetails, readHandshake, readMessage } from './visitor-events.parser';

describe('what visitors send', () => {
  it('reads a handshake: a signed visitor, or an anonymous one (no token), with their details', () => {
    expect(
      readHandshake({ connection_id: 'c-1', visitor_id: 'user-42', visitor_token: 'ab', name: ' Ada ', phone: '+1 (415) 555-0123' }),
    ).toEqual({
      ok: true,
      value: { connectionId: 'c-1', visitorId: 'user-42', visitorToken: 'ab', details: { name: 'Ada', phone: '+14155550123' } },
    });
    expect(readHandshake({ connection_id: 'c-1', visitor_id: 'user-42' })).toEqual({
      ok: true,
      value: { connectionId: 'c-1', details: {} },
    });
    expect(readHandshake({})).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringContaining('auth.connection_id') },
    });
    expect(readHandshake({ connection_id: 'c', visitor_id: 'a b', visitor_token: 'x' })).toMatchObject({ ok: false });
    expect(readHandshake({ connection_id: 'c', email: 'nope' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^auth\.email/) },
    });
  });

  it('reads a message, refusing an empty, oversized or unnamed one', () => {
    expect(readMessage({ text: ' hello ', client_id: 'c1' }, 10)).toEqual({ ok: true, value: { text: 'hello', clientId: 'c1' } });
    expect(readMessage({ text: 'x'.repeat(11), client_id: 'c1' }, 10)).toMatchObject({ ok: false, error: { code: 'too_long' } });
    expect(readMessage({ text: ' ', client_id: 'c1' }, 10)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(readMessage({ text: 'hi', client_id: 'no spaces' }, 10)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(readMessage('hi', 10)).toMatchObject({ ok: false });
  });

  it('reads details: an email address, a phone in international form, a short name', () => {
    expect(readDetails({ email: 'Ada@Example.COM' })).toEqual({ ok: true, value: { email: 'ada@example.com' } });
    expect(readDetails({ phone: '4155550123' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('phone') } });
    expect(readDetails({ name: 'x'.repeat(101) })).toMatchObject({ ok: false });
    expect(readDetails({ name: 7 })).toMatchObject({ ok: false, error: { message: 'name must be a text' } });
    expect(readDetails({ name: '', email: null })).toEqual({ ok: true, value: {} });
  });
});
