import { SmtpTestServer } from '@followup/testing';
import { ENGINES, useGateway } from '../support/fixtures';
import { Api, Json } from '../support/http';

/**
 * Email end to end: the gateway sends through a real SMTP server (smtp-server, read back with
 * mailparser), takes replies as raw MIME posted to its inbound webhook, keeps follow-ups in the
 * contact's thread, and honours one-click unsubscribe (RFC 8058).
 */
const START = '2026-06-15T13:00:00.000Z';
const HOUR = 3_600_000;

function mime(headers: Record<string, string>, body: string): string {
  return `${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body.replace(/\n/g, '\r\n')}`;
}

describe.each(ENGINES)('email over SMTP on %s', (engine) => {
  const gw = useGateway(engine, { TEST_CLOCK: 'manual', TEST_CLOCK_START: START });
  const smtp = new SmtpTestServer();
  let api: Api;
  let connectionId: string;
  let inboundSecret: string;
  let agentId: string;
  const inbound = (raw: string, secret = inboundSecret) =>
    fetch(`${gw.gateway.url}/webhooks/email/${connectionId}/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${secret}` },
      body: raw,
    });
  const newContact = async (email: string, first: string) =>
    (await api.post('/contacts', { name: `${first} Example`, first_name: first, email })).body.id as string;
  const newConversation = async (contactId: string) =>
    (await api.post('/conversations', { contact_id: contactId, agent_id: agentId, channel: 'email', connection_id: connectionId })).body
      .id as string;
  const lastMail = () => smtp.received[smtp.received.length - 1];
  /** A header of the last mail as written on the wire (folded lines joined). */
  const rawHeader = (name: string) =>
    new RegExp(`^${name}:[ \\t]*(.*)$`, 'mi')
      .exec((lastMail()?.raw.toString() ?? '').split('\r\n\r\n')[0]?.replace(/\r\n[ \t]+/g, ' ') ?? '')?.[1]
      ?.trim();

  beforeAll(async () => {
    api = gw.api;
    await smtp.start();
    agentId = (
      await api.post('/conversation-ai/agents', {
        name: 'Mail Bot',
        businessName: 'Acme Dental',
        personality: 'p',
        goal: 'g',
        instructions: 'i',
      })
    ).body.id;
    await api.post(`/conversation-ai/agents/${agentId}/actions`, {
      type: 'advancedFollowup',
      name: 'Stopped replying',
      details: {
        enabled: true,
        scenarioId: 'contactStoppedReplying',
        followupSequence: [
          {
            id: 1,
            followupTimeUnit: 'hours',
            followupTime: 1,
            aiEnabledMessage: false,
            customMessage: 'Hi {{contact.first_name}}, any thoughts on the times I sent?',
          },
          {
            id: 2,
            followupTimeUnit: 'hours',
            followupTime: 2,
            aiEnabledMessage: false,
            customMessage: 'Last note from {{agent.business_name}}.',
          },
        ],
      },
    });
    const created = await api.post('/channels', {
      type: 'email',
      provider: 'smtp',
      default_agent_id: agentId,
      settings: {
        ...smtp.connectionSettings(),
        default_subject: 'Your visit to Acme Dental',
        reply_to: 'replies+{conversation}@acme.test',
      },
    });
    expect(created.status).toBe(201);
    connectionId = created.body.id;
    inboundSecret = created.body.settings.inbound_secret;
    expect(inboundSecret).toMatch(/^inb_/);
    expect((await api.get(`/channels/${connectionId}`)).body.settings).toMatchObject({
      password: '****word',
      inbound_secret: expect.stringMatching(/^inb_\*\*\*\*.{4}$/),
    });
  });
  afterAll(() => smtp.stop());

  it('keeps a conversation in one thread: send, reply (quoted history removed, resets the follow-ups), answer, follow-up', async () => {
    const conversation = await newConversation(await newContact('ada@example.com', 'Ada'));
    const first = await api.post(`/conversations/${conversation}/messages`, {
      direction: 'outbound',
      body: 'We have Tuesday 10am or Thursday 3pm.',
      subject: 'Your cleaning',
      send: true,
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'sent',
      subject: 'Your cleaning',
      provider_message_id: expect.stringMatching(/^<msg_.+@acme\.test>$/),
    });
    await smtp.waitFor(1);
    expect(lastMail()?.parsed).toMatchObject({ subject: 'Your cleaning', messageId: first.body.provider_message_id });
    expect(lastMail()?.envelope.to).toEqual(['ada@example.com']);

    await gw.moveClock(30 * 60_000); // 13:30: Ada answers
    const reply = mime(
      {
        From: 'Ada Example <ada@example.com>',
        To: 'hello@acme.test',
        Subject: 'Re: Your cleaning',
        'Message-ID': '<ada-reply-1@mail.example.com>',
        'In-Reply-To': first.body.provider_message_id,
        References: first.body.provider_message_id,
        Date: 'Mon, 15 Jun 2026 13:30:00 +0000',
      },
      'Which dentist is on Thursday?\n\nOn Mon, Jun 15, 2026 at 1:00 PM Acme Dental <hello@acme.test> wrote:\n> We have Tuesday 10am or Thursday 3pm.\n',
    );
    expect((await inbound(reply)).status).toBe(200);
    expect((await inbound(reply)).status).toBe(200); // the relay retried: recorded once
    let items = await gw.timeline(conversation);
    const inboundMessages = items.filter((i) => i.message?.direction === 'inbound');
    expect(inboundMessages.map((i) => [i.message.body, i.message.provider_message_id, i.message.subject])).toEqual([
      ['Which dentist is on Thursday?', '<ada-reply-1@mail.example.com>', 'Re: Your cleaning'],
    ]);
    expect(items.filter((i) => i.kind === 'followup').map((i) => [i.followup.status, i.followup.reason])).toEqual([
      ['cancelled', 'contact_replied'],
    ]);

    await gw.moveClock(5 * 60_000); // 13:35: the bot answers in the thread
    const answer = await api.post(`/conversations/${conversation}/messages`, {
      direction: 'outbound',
      body: 'Dr. Lee is on Thursday.',
      send: true,
    });
    await smtp.waitFor(2);
    expect(lastMail()?.parsed.subject).toBe('Re: Your cleaning');
    expect(lastMail()?.parsed.inReplyTo).toBe('<ada-reply-1@mail.example.com>');
    expect(lastMail()?.parsed.references).toEqual([first.body.provider_message_id, '<ada-reply-1@mail.example.com>']);

    expect((await gw.moveClock(HOUR)).dispatched).toBe(1);
    await smtp.waitFor(3);
    const followup = lastMail()?.parsed;
    expect(followup?.text?.trim()).toBe('Hi Ada, any thoughts on the times I sent?');
    expect(followup?.subject).toBe('Re: Your cleaning');
    expect(followup?.inReplyTo).toBe(answer.body.provider_message_id);
    expect(followup?.references).toEqual([
      first.body.provider_message_id,
      '<ada-reply-1@mail.example.com>',
      answer.body.provider_message_id,
    ]);
    expect(rawHeader('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(rawHeader('List-Unsubscribe')).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/unsubscribe\/[A-Za-z0-9_.-]+>$/);
    items = await gw.timeline(conversation);
    expect(items.filter((i) => i.kind === 'followup').map((i) => [i.followup.step, i.followup.status, i.followup.channel])).toEqual([
      [1, 'cancelled', 'email'],
      [1, 'sent', 'email'],
      [2, 'scheduled', 'email'],
    ]);
  });

  it('stops the next follow-up after a one-click unsubscribe, and shows a confirmation page', async () => {
    const contact = await newContact('bob@example.com', 'Bob');
    const conversation = await newConversation(contact);
    await api.post(`/conversations/${conversation}/messages`, { direction: 'outbound', body: 'Shall we book you in?', send: true });
    const before = smtp.received.length;
    await gw.moveClock(HOUR);
    await smtp.waitFor(before + 1);
    expect(lastMail()?.envelope.to).toEqual(['bob@example.com']);
    const link = /^<([^>]+)>$/.exec(rawHeader('List-Unsubscribe') ?? '')?.[1] as string;
    expect(link).toMatch(new RegExp(`^${gw.gateway.url}/unsubscribe/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));

    const page = await fetch(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Stop receiving follow-up emails to b***b@example.com?');
    expect((await api.get(`/contacts/${contact}`)).body.opted_out.email).toBe(false); // a GET never unsubscribes

    const click = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(click.status).toBe(200);
    expect((await api.get(`/contacts/${contact}`)).body.opted_out.email).toBe(true);
    const steps = (await gw.timeline(conversation))
      .filter((i) => i.kind === 'followup')
      .map((i) => [i.followup.step, i.followup.status, i.followup.reason]);
    expect(steps).toEqual([
      [1, 'sent', null],
      [2, 'cancelled', 'opted_out: the contact unsubscribed (one-click link)'],
    ]);
    const toBob = () => smtp.received.filter((m) => m.envelope.to.includes('bob@example.com')).length;
    const sentToBob = toBob();
    await gw.moveClock(3 * HOUR);
    expect(toBob()).toBe(sentToBob);
    expect(await (await fetch(link)).text()).toContain('You no longer receive follow-up emails');
    expect((await fetch(`${link.slice(0, -3)}abc`, { method: 'POST' })).status).toBe(404);
  });

  it('reads a bounce as a failed delivery and an undeliverable address, not as a reply', async () => {
    const contact = await newContact('gone@example.com', 'Gone');
    const conversation = await newConversation(contact);
    const sent = await api.post(`/conversations/${conversation}/messages`, { direction: 'outbound', body: 'Hello?', send: true });
    const bounce = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.com>',
      'To: hello@acme.test',
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <bounce-7@mx.example.com>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="XX"',
      '',
      '--XX',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '',
      '--XX',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.com',
      '',
      'Final-Recipient: rfc822; gone@example.com',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
      '',
      '--XX',
      'Content-Type: text/rfc822-headers',
      '',
      'From: hello@acme.test',
      'To: gone@example.com',
      `Message-ID: ${sent.body.provider_message_id}`,
      '',
      '--XX--',
      '',
    ].join('\r\n');
    expect((await inbound(bounce)).status).toBe(200);
    const items = await gw.timeline(conversation);
    expect(items.filter((i) => i.message?.direction === 'inbound')).toEqual([]);
    expect(items.find((i) => i.message?.id === sent.body.id).message).toMatchObject({ status: 'failed', error_code: '5.1.1' });
    expect((await api.get(`/contacts/${contact}`)).body.undeliverable).toEqual(['email']);
    expect(items.filter((i) => i.kind === 'followup').map((i) => [i.followup.status, i.followup.reason])).toEqual([
      ['cancelled', 'undeliverable: failed: 5.1.1 smtp; 550 5.1.1 User unknown'],
    ]);
    const refused = await api.post(`/conversations/${conversation}/messages`, { direction: 'outbound', body: 'Again?', send: true });
    expect(refused.status).toBe(409);
    expect((await api.patch(`/contacts/${contact}`, { email: 'new@example.com' })).body.undeliverable).toEqual([]);
  });

  it("finds a reply's conversation by its tagged reply address when the client dropped the thread headers", async () => {
    const contact = await newContact('dora@example.com', 'Dora');
    const older = await newConversation(contact);
    const before = smtp.received.length;
    await api.post(`/conversations/${older}/messages`, { direction: 'outbound', body: 'About your cleaning', send: true });
    await smtp.waitFor(before + 1);
    expect(lastMail()?.parsed.replyTo?.value[0]?.address).toBe(`replies+${older}@acme.test`);
    const newer = await newConversation(contact);
    const raw = mime(
      { From: 'dora@example.com', To: `replies+${older}@acme.test`, Subject: 'cleaning', 'Message-ID': '<dora-1@example.com>' },
      'Tuesday works.',
    );
    expect((await inbound(raw)).status).toBe(200);
    expect((await gw.timeline(older)).filter((i) => i.message?.direction === 'inbound').map((i) => i.message.body)).toEqual([
      'Tuesday works.',
    ]);
    expect((await gw.timeline(newer)).filter((i) => i.kind === 'message')).toEqual([]);
  });

  it('refuses inbound mail without the connection secret, and starts a conversation for a new sender', async () => {
    const raw = mime(
      { From: 'Carol <carol@example.com>', To: 'hello@acme.test', Subject: 'Booking', 'Message-ID': '<carol-1@example.com>' },
      'Can I book a cleaning?',
    );
    const denied = await inbound(raw, 'inb_wrong-secret-000000000000');
    expect(denied.status).toBe(403);
    const deniedBody = await denied.text();
    // An id that names no connection gets the very same answer (ids cannot be probed).
    const probe = await fetch(`${gw.gateway.url}/webhooks/email/no-such-connection/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', authorization: 'Bearer inb_wrong-secret-000000000000' },
      body: raw,
    });
    expect([probe.status, await probe.text()]).toEqual([403, deniedBody]);
    expect((await api.get('/contacts?limit=100')).body.data.some((c: Json) => c.email === 'carol@example.com')).toBe(false);
    expect((await inbound('not a message at all', inboundSecret)).status).toBe(400);
    expect((await inbound(raw)).status).toBe(200);
    const carol = (await api.get('/contacts?limit=100')).body.data.find((c: Json) => c.email === 'carol@example.com');
    expect(carol).toMatchObject({ name: 'Carol', first_name: 'Carol' });
    const conversation = (await api.get(`/conversations?contact_id=${carol.id}`)).body.data[0];
    expect(conversation).toMatchObject({ channel: 'email', agent_id: agentId, connection_id: connectionId });
  });
});
