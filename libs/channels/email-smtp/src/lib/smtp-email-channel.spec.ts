import { SendError, WebhookRejected, WebhookRequest } from '@followup/channels-core';
import { describeChannelConformance } from '@followup/channels-core/testing';
import { SmtpTestServer } from '@followup/testing';
import { SmtpEmailAdapter, smtpEmailProvider } from './smtp-email-channel';
import { inboundEmailWebhooks } from './inbound-email';
import { completeSmtpSettings, conversationOfReplyAddress, validateSmtpSettings } from './smtp-settings';

describe('email over SMTP (nodemailer against a real SMTP server)', () => {
  const server = new SmtpTestServer();
  const adapter = new SmtpEmailAdapter();
  let settings: Record<string, unknown>;
  const context = (extra: Record<string, unknown> = {}) => ({
    locationId: 'l1',
    conversationId: 'c1',
    connection: { id: 'k1', settings },
    idempotencyKey: 'fu_abc',
    unsubscribeUrl: 'https://gw.example.com/unsubscribe/tok.en',
    ...extra,
  });

  beforeAll(async () => {
    await server.start();
    settings = { ...server.connectionSettings(), default_subject: 'A note from Acme' };
  });
  afterAll(async () => {
    await adapter.close();
    await server.stop();
  });

  it('starts a thread with the default subject, its own Message-ID and a one-click List-Unsubscribe', async () => {
    const result = await adapter.send({ to: { name: 'Ada Lovelace', email: 'ada@example.com' }, body: 'Still interested?' }, context());
    expect(result.providerMessageId).toMatch(/^<fu_abc\.[0-9a-f]{12}@acme\.test>$/);
    await server.waitFor(1);
    const mail = server.received[0]?.parsed;
    expect(mail?.messageId).toBe(result.providerMessageId);
    expect(mail?.subject).toBe('A note from Acme');
    expect(mail?.text?.trim()).toBe('Still interested?');
    expect(mail?.from?.value).toEqual([{ name: 'Acme Dental', address: 'hello@acme.test' }]);
    expect(server.received[0]?.envelope.to).toEqual(['ada@example.com']);
    const raw = server.received[0]?.raw.toString('utf8') ?? '';
    expect(raw).toMatch(/^List-Unsubscribe: <https:\/\/gw\.example\.com\/unsubscribe\/tok\.en>\r$/m);
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    expect(mail?.inReplyTo).toBeUndefined();
  });

  it('answers in the thread: Re: subject, In-Reply-To the last message, References all of them', async () => {
    const thread = { subject: 'Your cleaning', providerMessageIds: ['<first@mail.example.com>', '<second@acme.test>'] };
    await adapter.send({ to: { email: 'ada@example.com' }, body: 'Following up' }, context({ thread }));
    await server.waitFor(2);
    const mail = server.received[1]?.parsed;
    expect(mail?.subject).toBe('Re: Your cleaning');
    expect(mail?.inReplyTo).toBe('<second@acme.test>');
    expect(mail?.references).toEqual(['<first@mail.example.com>', '<second@acme.test>']);
  });

  it('reports refusals as definite, and an unknown mailbox as an undeliverable address', async () => {
    server.refuseNext();
    const refused = (await adapter.send({ to: { email: 'ada@example.com' }, body: 'x' }, context()).catch((e: unknown) => e)) as SendError;
    expect(refused).toBeInstanceOf(SendError);
    expect(refused).toMatchObject({ code: 'smtp_5.7.1', definite: true, address: undefined });
    server.rejectMailbox('gone@example.com');
    const gone = (await adapter.send({ to: { email: 'gone@example.com' }, body: 'x' }, context()).catch((e: unknown) => e)) as SendError;
    expect(gone).toMatchObject({ code: 'smtp_5.1.1', definite: true, address: { state: 'invalid', channels: ['email'] } });
    const auth = await adapter
      .send(
        { to: { email: 'ada@example.com' }, body: 'x' },
        { ...context(), connection: { id: 'k2', settings: { ...settings, password: 'wrong-password' } } },
      )
      .catch((e: unknown) => e);
    expect(auth).toMatchObject({ definite: true });
    const down = await adapter
      .send({ to: { email: 'ada@example.com' }, body: 'x' }, { ...context(), connection: { id: 'k3', settings: { ...settings, port: 9 } } })
      .catch((e: unknown) => e);
    expect(down).toMatchObject({ definite: true });
    expect((down as SendError).message).toContain('ECONNREFUSED');
  });

  it('gives each conversation its own Reply-To when the setting is tagged with {conversation}', async () => {
    const count = server.received.length;
    await adapter.send(
      { to: { email: 'ada@example.com' }, body: 'Tagged' },
      {
        ...context(),
        conversationId: '7f3c9a10-0000-4000-8000-000000000001',
        connection: { id: 'k1', settings: { ...settings, reply_to: 'replies+{conversation}@acme.test' } },
      },
    );
    await server.waitFor(count + 1);
    expect(server.received[count]?.parsed.replyTo?.value).toEqual([
      { address: 'replies+7f3c9a10-0000-4000-8000-000000000001@acme.test', name: '' },
    ]);
    expect(
      conversationOfReplyAddress('Replies <replies+{conversation}@acme.test>', 'replies+7f3c9a10-0000-4000-8000-000000000001@acme.test'),
    ).toBe('7f3c9a10-0000-4000-8000-000000000001');
    expect(conversationOfReplyAddress('replies+{conversation}@acme.test', 'other+x@acme.test')).toBeUndefined();
    expect(conversationOfReplyAddress('hello@acme.test', 'hello@acme.test')).toBeUndefined();
  });

  it('validates settings field by field and generates the inbound secret', () => {
    expect(validateSmtpSettings(completeSmtpSettings(settings))).toEqual([]);
    expect(completeSmtpSettings(settings)['inbound_secret']).toMatch(/^inb_[A-Za-z0-9_-]{32}$/);
    expect(validateSmtpSettings({ host: 'smtp example', port: 99999, secure: 'yes', user: 'u', from: 'not an address', smell: 1 })).toEqual(
      [
        "settings.host must be the SMTP server's host name or IP address",
        'settings.port must be a port number (587, 465, 25, ...)',
        'settings.secure must be true or false',
        'settings.password is required with settings.user',
        'settings.from must be an email address, optionally with a name: Acme <hello@acme.com>',
        'settings.smell is not an SMTP setting (host, port, secure, require_tls, user, password, from, reply_to, default_subject, inbound_secret)',
      ],
    );
  });
});

describe('inbound email', () => {
  const secret = 'inb_0123456789abcdef0123456789abcdef';
  const connection = { id: 'k1', settings: { host: 'h', from: 'hello@acme.test', inbound_secret: secret } };
  const request = (raw: string, authorization: string | null = `Bearer ${secret}`): WebhookRequest => ({
    hook: 'inbound',
    url: 'https://gw/webhooks/email/k1/inbound',
    headers: authorization ? { authorization } : {},
    rawBody: Buffer.from(raw.replace(/\n/g, '\r\n')),
    now: new Date(),
  });
  const reply = `From: Ada Lovelace <Ada@Example.com>
To: hello@acme.test
Subject: Re: Your cleaning
Message-ID: <reply-1@mail.example.com>
In-Reply-To: <fu_1.abc@acme.test>
References: <first@acme.test> <fu_1.abc@acme.test>
Date: Mon, 15 Jun 2026 14:00:00 +0000
Content-Type: text/plain; charset=utf-8

Tomorrow at 3 works for me.

On Mon, Jun 15, 2026 at 9:00 AM Acme Dental <hello@acme.test> wrote:
> Still interested in a cleaning?
> Reply any time.
`;

  it('turns a reply into an inbound message with the quoted history removed and the thread it answers', async () => {
    const events = await inboundEmailWebhooks.receive(request(reply), connection);
    expect(events).toEqual([
      {
        kind: 'inbound',
        channel: 'email',
        providerMessageId: '<reply-1@mail.example.com>',
        from: { email: 'ada@example.com', name: 'Ada Lovelace' },
        to: 'hello@acme.test',
        body: 'Tomorrow at 3 works for me.',
        subject: 'Re: Your cleaning',
        occurredAt: new Date('2026-06-15T14:00:00Z'),
        inReplyTo: ['<fu_1.abc@acme.test>', '<first@acme.test>'],
      },
    ]);
  });

  it('names the conversation a tagged reply address points at', async () => {
    const tagged = { ...connection, settings: { ...connection.settings, reply_to: 'replies+{conversation}@acme.test' } };
    const raw = reply.replace('To: hello@acme.test', 'To: Acme <replies+c0ffee00-1111-4222-8333-444455556666@acme.test>');
    expect(await inboundEmailWebhooks.receive(request(raw), tagged)).toMatchObject([
      { conversationId: 'c0ffee00-1111-4222-8333-444455556666' },
    ]);
    expect((await inboundEmailWebhooks.receive(request(reply), tagged))[0]).not.toHaveProperty('conversationId');
  });

  it('accepts the secret as a Basic password and refuses anything else with 403', async () => {
    const basic = `Basic ${Buffer.from(`postfix:${secret}`).toString('base64')}`;
    await expect(inboundEmailWebhooks.receive(request(reply, basic), connection)).resolves.toHaveLength(1);
    for (const auth of [null, 'Bearer wrong', `Basic ${Buffer.from('postfix:wrong').toString('base64')}`]) {
      const error = await Promise.resolve(inboundEmailWebhooks.receive(request(reply, auth), connection)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WebhookRejected);
      expect((error as WebhookRejected).status).toBe(403);
    }
  });

  it('reads a bounce as a failed delivery of the original message and an undeliverable address', async () => {
    const bounce = `From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
To: hello@acme.test
Subject: Undelivered Mail Returned to Sender
Message-ID: <bounce-1@mx.example.com>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

I'm sorry to have to inform you that your message could not be delivered.

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.com

Final-Recipient: rfc822; gone@example.com
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <gone@example.com>: Recipient address rejected

--B
Content-Type: text/rfc822-headers

From: hello@acme.test
To: gone@example.com
Subject: A note from Acme
Message-ID: <fu_9.def@acme.test>

--B--
`;
    expect(await inboundEmailWebhooks.receive(request(bounce), connection)).toEqual([
      {
        kind: 'status',
        channel: 'email',
        providerMessageId: '<fu_9.def@acme.test>',
        status: 'failed',
        errorCode: '5.1.1',
        errorMessage: 'smtp; 550 5.1.1 <gone@example.com>: Recipient address rejected',
        address: { state: 'invalid', email: 'gone@example.com', channels: ['email'] },
      },
    ]);
  });

  it('ignores auto-replies, and refuses an empty or address-less body', async () => {
    const ooo = reply.replace('Date:', 'Auto-Submitted: auto-replied\nDate:');
    expect(await inboundEmailWebhooks.receive(request(ooo), connection)).toEqual([]);
    await expect(inboundEmailWebhooks.receive(request(''), connection)).rejects.toMatchObject({ status: 400 });
    await expect(inboundEmailWebhooks.receive(request('Subject: hi\n\nno sender'), connection)).rejects.toMatchObject({
      status: 400,
      message: 'the message has no From address',
    });
  });
});

describeChannelConformance({
  provider: smtpEmailProvider,
  async start() {
    const server = new SmtpTestServer();
    await server.start();
    const settings = completeSmtpSettings(server.connectionSettings());
    return {
      settings,
      contact: { name: 'Ada', email: 'ada@example.com' },
      received: async () => server.received.map((m) => m.parsed.text ?? ''),
      refuseNext: () => server.refuseNext(),
      authenticWebhook: (hook, connection) => ({
        hook,
        url: `http://127.0.0.1/webhooks/email/${connection.id}/${hook}`,
        headers: { authorization: `Bearer ${String(connection.settings['inbound_secret'])}` },
        rawBody: Buffer.from(
          'From: ada@example.com\r\nTo: hello@acme.test\r\nSubject: hi\r\nMessage-ID: <c1@example.com>\r\n\r\nHello\r\n',
        ),
        now: new Date(),
      }),
      stop: () => server.stop(),
    };
  },
});
