import { ChannelEvent, ChannelWebhooks, ConnectionView, WebhookRejected, WebhookRequest } from '@followup/channels-core';
import { AddressObject, ParsedMail, simpleParser } from 'mailparser';
import { createHash, timingSafeEqual } from 'node:crypto';
import { stripQuotedReply } from './quoted-reply';
import { conversationOfReplyAddress } from './smtp-settings';

/**
 * Inbound email: `POST /webhooks/email/<connection id>/inbound` with the raw MIME message as the
 * body (`Content-Type: message/rfc822`), as a Postfix pipe (`curl --data-binary @-`) or an inbound
 * relay posts it, authenticated with the connection's `inbound_secret` (`Authorization: Bearer
 * <secret>`, or Basic with the secret as password). A reply becomes an inbound message with the
 * quoted history removed; a delivery-status notification (bounce) becomes a failed status of the
 * message it bounced and marks the address undeliverable; an auto-reply (out of office) is ignored.
 */
export const inboundEmailWebhooks: ChannelWebhooks = {
  namespace: 'email',
  hooks: ['inbound'],
  // Raw MIME, up to the size a mailbox commonly accepts.
  bodies: { contentTypes: ['message/rfc822', 'application/octet-stream'], maxBytes: 25 * 1024 * 1024 },

  async receive(request: WebhookRequest, connection: ConnectionView): Promise<ChannelEvent[]> {
    authenticate(request.headers['authorization'], String(connection.settings['inbound_secret'] ?? ''));
    if (!request.rawBody.length) throw new WebhookRejected(400, 'the body must be the raw email (Content-Type: message/rfc822)');
    let mail: ParsedMail;
    try {
      mail = await simpleParser(request.rawBody);
    } catch (error) {
      throw new WebhookRejected(400, `the body is not a MIME message: ${error instanceof Error ? error.message : String(error)}`);
    }
    const report = deliveryReport(mail);
    if (report) return report;
    if (isAutoReply(mail)) return [];
    const from = firstAddress(mail.from);
    if (!from?.address) throw new WebhookRejected(400, 'the message has no From address');
    const text = mail.text ?? '';
    const visible = stripQuotedReply(text);
    const template = typeof connection.settings['reply_to'] === 'string' ? connection.settings['reply_to'] : undefined;
    const conversationId = recipients(mail)
      .map((address) => conversationOfReplyAddress(template, address))
      .find(Boolean);
    return [
      {
        kind: 'inbound',
        channel: 'email',
        providerMessageId: mail.messageId ?? `<${createHash('sha256').update(request.rawBody).digest('hex')}@inbound.invalid>`,
        from: { email: from.address.toLowerCase(), ...(from.name ? { name: from.name } : {}) },
        to: firstAddress(mail.to)?.address,
        body: visible || text.trim(),
        ...(mail.subject ? { subject: mail.subject } : {}),
        ...(mail.date ? { occurredAt: mail.date } : {}),
        inReplyTo: threadIds(mail),
        ...(conversationId ? { conversationId } : {}),
      },
    ];
  },
};

function authenticate(header: string | undefined, secret: string): void {
  if (!header)
    throw new WebhookRejected(403, "Authorization is missing: present the connection's inbound_secret (Bearer, or Basic as the password)");
  let given = '';
  if (/^Bearer /i.test(header)) given = header.slice(7).trim();
  else if (/^Basic /i.test(header)) given = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8').split(':').slice(1).join(':');
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(secret).digest();
  if (!secret || !timingSafeEqual(a, b)) throw new WebhookRejected(403, "the inbound secret does not match this connection's");
}

/** Every address the message was delivered to (To, Cc, Delivered-To, X-Original-To). */
function recipients(mail: ParsedMail): string[] {
  const objects = [mail.to, mail.cc].flatMap((v) => (Array.isArray(v) ? v : v ? [v] : []));
  const listed = objects.flatMap((o) => o.value.map((a) => a.address ?? ''));
  const headers = ['delivered-to', 'x-original-to'].map((h) => String(mail.headers.get(h) ?? '').replace(/^.*<|>.*$/g, ''));
  return [...listed, ...headers].filter(Boolean);
}

function firstAddress(value: AddressObject | AddressObject[] | undefined): { address?: string; name?: string } | undefined {
  const object = Array.isArray(value) ? value[0] : value;
  return object?.value[0];
}

/** The ids this message answers, newest first: In-Reply-To, then References from the end. */
function threadIds(mail: ParsedMail): string[] {
  const references = typeof mail.references === 'string' ? mail.references.split(/\s+/) : (mail.references ?? []);
  const ids = [mail.inReplyTo, ...[...references].reverse()].filter((id): id is string => Boolean(id && id.trim()));
  return [...new Set(ids.map((id) => id.trim()))];
}

function isAutoReply(mail: ParsedMail): boolean {
  const auto = String(mail.headers.get('auto-submitted') ?? '').toLowerCase();
  const precedence = String(mail.headers.get('precedence') ?? '').toLowerCase();
  return (
    (auto !== '' && auto !== 'no') ||
    ['auto_reply', 'bulk', 'junk'].includes(precedence) ||
    mail.headers.has('x-autoreply') ||
    mail.headers.has('x-autorespond')
  );
}

/** A delivery-status notification (RFC 3464): the fields of its per-recipient part. */
function deliveryReport(mail: ParsedMail): ChannelEvent[] | null {
  const contentType = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  const isReport = contentType?.value === 'multipart/report' && contentType.params?.['report-type']?.toLowerCase() === 'delivery-status';
  const statusPart = mail.attachments.find(
    (a) => a.contentType === 'message/delivery-status' || a.contentType === 'message/global-delivery-status',
  );
  if (!isReport && !statusPart) return null;
  // mailparser inlines a message/delivery-status part into the text; some relays attach it.
  const fields = statusPart ? statusPart.content.toString('utf8') : (mail.text ?? '');
  const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(fields)?.[1]?.trim();
  const action = field('Action')?.toLowerCase();
  if (action !== 'failed' && action !== 'delivered') return []; // delayed, relayed, expanded: nothing final yet
  const recipient = (field('Final-Recipient') ?? field('Original-Recipient') ?? '').replace(/^rfc822;\s*/i, '').toLowerCase() || undefined;
  const status = field('Status');
  const original = mail.attachments.find((a) => a.contentType === 'message/rfc822' || a.contentType === 'text/rfc822-headers');
  const originalId = original ? /^Message-ID:\s*(<[^>]+>)/im.exec(original.content.toString('utf8'))?.[1] : undefined;
  const providerMessageId = originalId ?? mail.messageId ?? `<bounce-${createHash('sha256').update(fields).digest('hex')}@inbound.invalid>`;
  if (action === 'delivered') return [{ kind: 'status', channel: 'email', providerMessageId, status: 'delivered' }];
  return [
    {
      kind: 'status',
      channel: 'email',
      providerMessageId,
      status: 'failed',
      ...(status ? { errorCode: status } : {}),
      errorMessage: field('Diagnostic-Code') ?? 'the message bounced',
      // A permanent failure (5.x.x) means the address is gone; a transient one (4.x.x) does not.
      ...(status?.startsWith('5') || !status
        ? { address: { state: 'invalid' as const, ...(recipient ? { email: recipient } : {}), channels: ['email' as const] } }
        : {}),
    },
  ];
}
