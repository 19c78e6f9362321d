import { SendError } from '@followup/channels-core';
import { TwilioApiDouble } from '@followup/testing';
import { allowPrivateNetworks } from '@followup/util';
import * as dns from 'node:dns';
import { apiBaseUrlProblems } from './api-base-url';
import { TWILIO_API, forgetTwilioClients, twilioClient } from './twilio-client';
import { twilioSendError } from './twilio-send-error.mapper';

const SMS = { channel: 'sms', invalidCodes: ['21211', '21614'], retryAfterTooManyRequestsMs: 1_000 } as const;
const VOICE = { channel: 'voice', invalidCodes: ['21211', '21214'] } as const;
const rest = (code: number, status: number, message = 'm') => ({ status, code, message });

describe("Twilio's errors as SendErrors (both libraries' rules)", () => {
  it.each([
    [
      'opted out (21610), on every Twilio channel',
      rest(21610, 400),
      SMS,
      { code: 'twilio_21610', definite: true, address: { state: 'opted_out', channels: ['sms', 'voice'] } },
    ],
    [
      'opted out on voice too',
      rest(21610, 400),
      VOICE,
      { code: 'twilio_21610', definite: true, address: { state: 'opted_out', channels: ['sms', 'voice'] } },
    ],
    [
      'an invalid number for SMS',
      rest(21614, 400),
      SMS,
      { code: 'twilio_21614', definite: true, address: { state: 'invalid', channels: ['sms'] } },
    ],
    [
      'an invalid number for a call',
      rest(21214, 400),
      VOICE,
      { code: 'twilio_21214', definite: true, address: { state: 'invalid', channels: ['voice'] } },
    ],
    ['a code of the other channel says nothing of the address', rest(21614, 400), VOICE, { code: 'twilio_21614', address: undefined }],
    ['a 5xx: outcome unknown', rest(20500, 500), SMS, { code: 'twilio_20500', definite: false }],
    [
      'too many requests on SMS: again in a second',
      rest(20429, 429),
      SMS,
      { code: 'twilio_20429', definite: true, hints: { retryAfterMs: 1_000 } },
    ],
    ['too many requests on voice: no wait given', rest(20429, 429), VOICE, { code: 'twilio_20429', definite: true, hints: {} }],
    ['an HTTP error without a Twilio code', { status: 404 }, SMS, { code: 'http_404', definite: true }],
    [
      'refused before sending',
      { code: 'ECONNREFUSED' },
      SMS,
      { code: 'ECONNREFUSED', definite: true, message: 'Twilio unreachable: ECONNREFUSED' },
    ],
    ['reset after sending: unknown', { code: 'ECONNRESET' }, VOICE, { code: 'ECONNRESET', definite: false }],
    ['anything else', new Error('boom'), SMS, { code: 'network_error', definite: false }],
  ] as const)('%s', (_name, error, rules, expected) => {
    const mapped = twilioSendError(error, rules);
    expect(mapped).toBeInstanceOf(SendError);
    expect(mapped).toMatchObject(expected);
  });

  it("quotes Twilio's message", () => {
    expect(twilioSendError(rest(21610, 400, 'Attempt to send to unsubscribed recipient'), SMS).message).toBe(
      'Twilio error 21610: Attempt to send to unsubscribed recipient',
    );
  });
});

describe('the SDK client pointed at api_base_url', () => {
  const double = new TwilioApiDouble();
  let url: string;
  let settings: Record<string, string>;
  beforeAll(async () => {
    url = await double.start();
    settings = double.connectionSettings(url);
  });
  afterAll(async () => {
    forgetTwilioClients();
    await double.stop();
  });
  afterEach(() => {
    allowPrivateNetworks(true);
    jest.restoreAllMocks();
  });
  const send = (base: string) =>
    twilioClient(settings['account_sid'] as string, settings['auth_token'] as string, base).messages.create({
      to: '+14155550123',
      from: settings['from'] as string,
      body: 'to a private address?',
    });

  it("sends Twilio's requests to the base URL (a trailing slash or not), one client per account, token and base", async () => {
    const sid = settings['account_sid'] as string;
    const token = settings['auth_token'] as string;
    const client = twilioClient(sid, token, `${url}/`);
    expect(twilioClient(sid, token, `${url}/`)).toBe(client);
    expect(twilioClient(sid, token, url)).not.toBe(client);
    const sent = await client.messages.create({ to: '+14155550123', from: settings['from'] as string, body: 'hello' });
    expect(double.messages.find((m) => m.sid === sent.sid)).toMatchObject({ to: '+14155550123', body: 'hello' });
    expect(twilioClient(sid, token)).toBe(twilioClient(sid, token, TWILIO_API));
  });

  it('refuses a base URL on a loopback address unless private networks are allowed, sending nothing', async () => {
    const before = double.messages.length;
    allowPrivateNetworks(false);
    const error = twilioSendError(await send(url).catch((e: unknown) => e), SMS);
    expect(error).toMatchObject({
      code: 'destination_not_allowed',
      definite: true,
      message: 'Twilio unreachable: destination_not_allowed: 127.0.0.1 is a loopback address; set ALLOW_PRIVATE_NETWORK_URLS=true to allow',
    });
    expect(double.messages.length).toBe(before);
  });

  it('refuses a base URL whose name resolves to loopback, when connecting (the SDK goes through the guarded agents)', async () => {
    // node:dns itself, as if twilio.internal resolved to 127.0.0.1 (no DNS server is reachable here).
    const module = jest.requireActual<typeof dns>('node:dns');
    const real = module.lookup;
    jest.spyOn(module, 'lookup').mockImplementation(((hostname: string, options: unknown, callback: unknown) => {
      if (hostname !== 'twilio.internal') return (real as (...a: unknown[]) => void)(hostname, options, callback);
      process.nextTick(() => (callback as (e: null, a: dns.LookupAddress[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]));
    }) as unknown as typeof dns.lookup);
    const named = url.replace('127.0.0.1', 'twilio.internal');
    const before = double.messages.length;
    allowPrivateNetworks(false);
    const error = twilioSendError(await send(named).catch((e: unknown) => e), VOICE);
    expect(error).toMatchObject({
      code: 'destination_not_allowed',
      definite: true,
      message: expect.stringContaining('twilio.internal resolves to 127.0.0.1, a loopback address; set ALLOW_PRIVATE_NETWORK_URLS=true'),
    });
    expect(double.messages.length).toBe(before);
    allowPrivateNetworks(true);
    expect((await send(named)).sid).toMatch(/^SM/);
    expect(double.messages.length).toBe(before + 1);
  });

  it('validates api_base_url: an http(s) URL without a path', () => {
    expect(apiBaseUrlProblems(undefined)).toEqual([]);
    expect(apiBaseUrlProblems('https://api.twilio.com')).toEqual([]);
    expect(apiBaseUrlProblems('http://127.0.0.1:4010/')).toEqual([]);
    for (const bad of ['https://api.twilio.com/2010-04-01', 'ftp://api.twilio.com', 42])
      expect(apiBaseUrlProblems(bad)).toEqual([
        'settings.api_base_url must be an http(s) URL without a path, such as https://api.twilio.com',
      ]);
  });
});
