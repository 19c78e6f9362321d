import { WebhookRejected, WebhookRequest } from '@followup/channels-core';
import { MetaInbound, MetaNumber, inboundValue, metaSignature, statusValue, webhookEnvelope } from '@followup/testing';
import { whatsappCloudWebhooks as hooks } from './whatsapp-cloud.webhooks';

const SECRET = '0123456789abcdef0123456789abcdef';
const NUMBER: MetaNumber = { phoneNumberId: '106540352242922', displayNumber: '15550001234', wabaId: '102290129340398' };
const connection = { id: 'k1', settings: { phone_number_id: NUMBER.phoneNumberId, app_secret: SECRET, verify_token: 'the-verify-token' } };
const AT = new Date('2026-06-15T13:00:00Z');

const post = (payload: unknown, sign: (body: string) => string | undefined = (b) => metaSignature(SECRET, b)): WebhookRequest => {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const signature = sign(body);
  return {
    hook: 'events',
    url: 'https://gw.example.com/webhooks/whatsapp/k1/events',
    headers: signature ? { 'x-hub-signature-256': signature } : {},
    rawBody: Buffer.from(body),
    now: AT,
  };
};
const receive = (payload: unknown) => hooks.receive(post(payload), connection);
const inbound = (...messages: MetaInbound[]) => receive(webhookEnvelope(NUMBER, inboundValue(messages)));
const rejection = (fn: () => unknown): WebhookRejected => {
  try {
    fn();
  } catch (error) {
    if (error instanceof WebhookRejected) return error;
    throw error;
  }
  throw new Error('not rejected');
};

describe('WhatsApp webhook signatures (X-Hub-Signature-256)', () => {
  const payload = webhookEnvelope(NUMBER, inboundValue([{ from: '14155550123', text: 'hi', id: 'wamid.1' }]));

  it('accepts the signature Meta makes with the app secret', () => {
    expect(hooks.receive(post(payload), connection)).toHaveLength(1);
  });

  it.each([
    ['missing', () => undefined, /X-Hub-Signature-256 is missing/],
    ['made with another secret', (b: string) => metaSignature('f'.repeat(32), b), /does not match/],
    ['over another body', () => metaSignature(SECRET, '{"object":"whatsapp_business_account","entry":[]}'), /does not match/],
    ['not sha256=<hex>', (b: string) => metaSignature(SECRET, b).replace('sha256=', 'sha1='), /must be sha256=/],
  ])('refuses a signature that is %s with 403, before reading the body', (_what, sign, message) => {
    expect(rejection(() => hooks.receive(post(payload, sign), connection))).toMatchObject({
      status: 403,
      message: expect.stringMatching(message),
    });
    expect(rejection(() => hooks.receive(post('not json at all', sign), connection)).status).toBe(403);
  });

  it('refuses everything when the app secret cannot be read (sealed under another key)', () => {
    const sealed = { ...connection, settings: { ...connection.settings, app_secret: null } };
    expect(rejection(() => hooks.receive(post(payload), sealed))).toMatchObject({
      status: 403,
      message: expect.stringContaining('app_secret'),
    });
  });
});

describe("Meta's verification GET", () => {
  const verify = (query: Record<string, string>) =>
    hooks.verify({ hook: 'events', url: 'https://gw.example.com/webhooks/whatsapp/k1/events', query, headers: {}, now: AT }, connection);
  const handshake = { 'hub.mode': 'subscribe', 'hub.verify_token': 'the-verify-token', 'hub.challenge': '1158201444' };

  it('echoes the challenge as text/plain when the verify token matches', () => {
    expect(verify(handshake)).toEqual({ status: 200, contentType: 'text/plain; charset=utf-8', body: '1158201444' });
  });

  it('refuses a wrong or missing token or mode with 403, and an unreadable challenge with 400', () => {
    expect(rejection(() => verify({ ...handshake, 'hub.verify_token': 'guess' }))).toMatchObject({ status: 403 });
    expect(rejection(() => verify({ 'hub.mode': 'subscribe', 'hub.challenge': '1' }))).toMatchObject({ status: 403 });
    expect(rejection(() => verify({ ...handshake, 'hub.mode': 'unsubscribe' }))).toMatchObject({ status: 403 });
    expect(rejection(() => verify({ ...handshake, 'hub.challenge': '<script>alert(1)</script> x' }))).toMatchObject({ status: 400 });
    expect(rejection(() => verify({ 'hub.mode': 'subscribe', 'hub.verify_token': 'the-verify-token' }))).toMatchObject({ status: 400 });
  });
});

describe("Meta's webhook payloads as normalised events", () => {
  it('reads a text: the sender as E.164 on WhatsApp and phone, the profile name, the number written to, the time', () => {
    const events = inbound({ from: '14155550123', name: 'Ada Lovelace', id: 'wamid.A1', timestamp: AT, text: 'Do you have openings?' });
    expect(events).toEqual([
      {
        kind: 'inbound',
        channel: 'whatsapp',
        providerMessageId: 'wamid.A1',
        from: { whatsapp: '+14155550123', phone: '+14155550123', name: 'Ada Lovelace' },
        to: '+15550001234',
        body: 'Do you have openings?',
        occurredAt: AT,
      },
    ]);
    expect(inbound({ from: '14155550123', text: 'reply', replyTo: 'wamid.OURS' })).toMatchObject([{ inReplyTo: ['wamid.OURS'] }]);
  });

  it.each([
    [{ type: 'button', button: { text: 'Yes, book it', payload: 'BOOK' } }, 'Yes, book it'],
    [{ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'b1', title: 'Tuesday' } } }, 'Tuesday'],
    [{ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'r2', title: '10am', description: 'x' } } }, '10am'],
    [
      { type: 'image', image: { id: '1479537139650973', mime_type: 'image/jpeg', sha256: 'x', caption: 'my tooth' } },
      '[image: 1479537139650973] my tooth',
    ],
    [{ type: 'audio', audio: { id: '2212', mime_type: 'audio/ogg; codecs=opus', voice: true } }, '[audio: 2212]'],
    [{ type: 'video', video: { id: '77', mime_type: 'video/mp4' } }, '[video: 77]'],
    [{ type: 'document', document: { id: '88', filename: 'xray.pdf', mime_type: 'application/pdf' } }, '[document: 88] xray.pdf'],
    [{ type: 'sticker', sticker: { id: '99', animated: false, mime_type: 'image/webp' } }, '[sticker: 99]'],
    [
      { type: 'location', location: { latitude: 52.52, longitude: 13.405, name: 'Clinic', address: 'Main St 1' } },
      '[location: 52.52,13.405] Clinic, Main St 1',
    ],
    [{ type: 'contacts', contacts: [{ name: { formatted_name: 'Bob Smith' }, phones: [] }] }, '[contacts: Bob Smith]'],
    [{ type: 'reaction', reaction: { message_id: 'wamid.OURS', emoji: '👍' } }, '[reaction: 👍 to wamid.OURS]'],
    [{ type: 'unsupported', errors: [{ code: 131051, title: 'Message type unknown' }] }, '[unsupported: Message type unknown]'],
  ])('reads %j as %j', (message, body) => {
    expect(inbound({ from: '14155550123', message })).toMatchObject([{ kind: 'inbound', body }]);
  });

  it('records no message for notices the contact did not write', () => {
    expect(
      inbound({ from: '14155550123', message: { type: 'system', system: { body: 'changed number', type: 'user_changed_number' } } }),
    ).toEqual([]);
  });

  it('maps statuses forward, with the error of a failure, 131026 closing the address and 131047 the window', () => {
    const statuses = statusValue([
      { id: 'wamid.S', status: 'sent', recipient: '14155550123', timestamp: AT },
      { id: 'wamid.S', status: 'read', recipient: '14155550123', timestamp: AT },
      { id: 'wamid.S', status: 'delivered', recipient: '14155550123', timestamp: AT },
      { id: 'wamid.F1', status: 'failed', recipient: '14155550123', error: { code: 131026, title: 'Message undeliverable' } },
      { id: 'wamid.F2', status: 'failed', recipient: '14155550123', error: { code: 131047, title: 'Re-engagement message' } },
      { id: 'wamid.F3', status: 'failed', recipient: '14155550123', error: { code: 131049, title: 'Not delivered', details: 'ecosystem' } },
      { id: 'wamid.D', status: 'deleted', recipient: '14155550123' },
    ]);
    expect(receive(webhookEnvelope(NUMBER, statuses))).toEqual([
      { kind: 'status', channel: 'whatsapp', providerMessageId: 'wamid.S', status: 'sent', occurredAt: AT },
      { kind: 'status', channel: 'whatsapp', providerMessageId: 'wamid.S', status: 'read', occurredAt: AT },
      { kind: 'status', channel: 'whatsapp', providerMessageId: 'wamid.S', status: 'delivered', occurredAt: AT },
      expect.objectContaining({
        providerMessageId: 'wamid.F1',
        status: 'failed',
        errorCode: '131026',
        errorMessage: 'Message undeliverable',
        address: { state: 'invalid', phone: '+14155550123', channels: ['whatsapp'] },
      }),
      expect.objectContaining({ providerMessageId: 'wamid.F2', status: 'failed', errorCode: '131047', sessionClosed: true }),
      expect.objectContaining({ providerMessageId: 'wamid.F3', errorCode: '131049', errorMessage: 'Not delivered: ecosystem' }),
    ]);
  });

  it('reads several entries and changes of one POST in order, skipping other fields and other numbers', () => {
    const one = webhookEnvelope(NUMBER, inboundValue([{ from: '14155550123', id: 'wamid.I1', text: 'first' }]));
    const two = webhookEnvelope(NUMBER, statusValue([{ id: 'wamid.S1', status: 'delivered', recipient: '14155550123' }]));
    const other = webhookEnvelope(
      { ...NUMBER, phoneNumberId: '999999999999999' },
      inboundValue([{ from: '14155550199', text: 'not ours' }]),
    );
    const change = (e: Record<string, unknown>) => (e['entry'] as { changes: unknown[] }[])[0]?.changes[0];
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: NUMBER.wabaId,
          changes: [change(one), { field: 'message_template_status_update', value: { event: 'APPROVED' } }, change(two)],
        },
        {
          id: NUMBER.wabaId,
          changes: [
            change(other),
            change(webhookEnvelope(NUMBER, inboundValue([{ from: '4915112345678', id: 'wamid.I2', text: 'second' }]))),
          ],
        },
      ],
    };
    expect(receive(payload).map((e) => [e.kind, e.providerMessageId])).toEqual([
      ['inbound', 'wamid.I1'],
      ['status', 'wamid.S1'],
      ['inbound', 'wamid.I2'],
    ]);
  });

  it.each([
    ['not json', 'the body is not JSON'],
    [[1, 2], 'the body must be an object'],
    [{ object: 'page', entry: [] }, 'object must be "whatsapp_business_account", not "page"'],
    [{ object: 'whatsapp_business_account' }, 'entry must be an array'],
    [{ object: 'whatsapp_business_account', entry: [{ id: '1', changes: {} }] }, 'entry[0].changes must be an array'],
    [
      { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages' }] }] },
      'entry[0].changes[0].value must be an object',
    ],
  ])('refuses the signed but malformed body %j with 400: %s', (payload, message) => {
    expect(rejection(() => receive(payload))).toMatchObject({ status: 400, message });
  });

  it('names the field of a message or status that is not what Meta sends', () => {
    const message = (m: Record<string, unknown>) =>
      webhookEnvelope(NUMBER, {
        messages: [{ from: '14155550123', id: 'wamid.X', timestamp: '1781528400', type: 'text', text: { body: 'hi' }, ...m }],
      });
    const at = 'entry[0].changes[0].value.messages[0]';
    expect(rejection(() => receive(message({ from: undefined }))).message).toBe(`${at}.from must be a non-empty string`);
    expect(rejection(() => receive(message({ from: '+1 415' }))).message).toMatch(
      new RegExp(`^${at.replace(/[[\].]/g, '\\$&')}\\.from "\\+1 415" does not match`),
    );
    expect(rejection(() => receive(message({ timestamp: 'yesterday' }))).message).toBe(`${at}.timestamp must be a Unix time in seconds`);
    expect(rejection(() => receive(message({ text: { body: '' } }))).message).toBe(`${at}.text.body must be a non-empty string`);
    expect(rejection(() => receive(message({ type: 'image', image: { caption: 'no id' } }))).message).toBe(
      `${at}.image.id must be a non-empty string`,
    );
    const status = webhookEnvelope(NUMBER, {
      statuses: [{ id: 'wamid.X', status: 'failed', timestamp: '1781528400', recipient_id: '14155550123', errors: [{ code: 'x' }] }],
    });
    expect(rejection(() => receive(status)).message).toBe('entry[0].changes[0].value.statuses[0].errors[0].code must be an integer');
    const noMetadata = {
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp' } }] }],
    };
    expect(rejection(() => receive(noMetadata)).message).toBe('entry[0].changes[0].value.metadata must be an object');
  });
});
