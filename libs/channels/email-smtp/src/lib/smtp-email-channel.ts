import {
  ChannelAdapter,
  ChannelCapabilities,
  ChannelProvider,
  ContactAddresses,
  OutboundMessage,
  SendContext,
  SendError,
  SendResult,
} from '@followup/channels-core';
import { createHash, randomBytes } from 'node:crypto';
import nodemailer, { Transporter } from 'nodemailer';
import { inboundEmailWebhooks } from './inbound-email';
import { SmtpSettings, addressOf, completeSmtpSettings, replyAddress, validateSmtpSettings } from './smtp-settings';

export const SMTP_PROVIDER = 'smtp';

/** Error codes of nodemailer after which the server certainly did not take the message. */
const NOT_SENT = ['EAUTH', 'ECONNECTION', 'EDNS', 'EENVELOPE', 'ETLS', 'ECONNREFUSED', 'EREQUIRETLS'];

interface PooledTransport {
  fingerprint: string;
  transport: Transporter;
}

/**
 * Email over SMTP with nodemailer: one pooled transport per connection (re-created when its
 * settings change). Follow-ups stay in the contact's thread (Message-ID, In-Reply-To, References
 * from the conversation's earlier messages) and carry a one-click List-Unsubscribe (RFC 8058).
 */
export class SmtpEmailAdapter implements ChannelAdapter {
  readonly channel = 'email' as const;
  readonly provider = SMTP_PROVIDER;
  readonly capabilities: ChannelCapabilities = { templates: false, idempotentSend: false, threaded: true };
  private readonly pools = new Map<string, PooledTransport>();

  canReach(contact: ContactAddresses): boolean {
    return Boolean(contact.email);
  }

  sessionState(): 'open' {
    return 'open';
  }

  async send(message: OutboundMessage, context: SendContext): Promise<SendResult> {
    const s = context.connection.settings as unknown as SmtpSettings;
    if (!message.to.email) throw new SendError('the contact has no email address', 'no_address', true);
    const domain = (addressOf(s.from) ?? 'followup.invalid').split('@')[1];
    const messageId = `<${context.idempotencyKey}.${randomBytes(6).toString('hex')}@${domain}>`;
    const thread = context.thread?.providerMessageIds ?? [];
    const threadSubject = context.thread?.subject;
    const subject =
      message.subject ??
      (threadSubject ? (/^re:/i.test(threadSubject) ? threadSubject : `Re: ${threadSubject}`) : (s.default_subject ?? 'Following up'));
    const headers: Record<string, string> = {};
    if (context.unsubscribeUrl) {
      headers['List-Unsubscribe'] = `<${context.unsubscribeUrl}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    try {
      const info = await this.transport(context.connection.id, s).sendMail({
        from: s.from,
        to: message.to.name ? { name: message.to.name, address: message.to.email } : message.to.email,
        ...(s.reply_to ? { replyTo: replyAddress(s.reply_to, context.conversationId) } : {}),
        subject,
        text: message.body,
        messageId,
        ...(thread.length ? { inReplyTo: thread[thread.length - 1], references: thread } : {}),
        headers,
      });
      return { providerMessageId: info.messageId || messageId, acceptedAt: new Date(), status: 'sent' };
    } catch (error) {
      throw toSendError(error as NodeJS.ErrnoException & { responseCode?: number; response?: string; command?: string });
    }
  }

  async close(): Promise<void> {
    for (const pool of this.pools.values()) pool.transport.close();
    this.pools.clear();
  }

  private transport(connectionId: string, s: SmtpSettings): Transporter {
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([s.host, s.port, s.secure, s.require_tls, s.user, s.password]))
      .digest('hex');
    const pooled = this.pools.get(connectionId);
    if (pooled?.fingerprint === fingerprint) return pooled.transport;
    pooled?.transport.close();
    const port = s.port ?? (s.secure ? 465 : 587);
    const transport = nodemailer.createTransport({
      pool: true,
      maxConnections: 5,
      host: s.host,
      port,
      secure: s.secure ?? port === 465,
      requireTLS: s.require_tls ?? false,
      ...(s.user ? { auth: { user: s.user, pass: s.password ?? '' } } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    this.pools.set(connectionId, { fingerprint, transport });
    return transport;
  }
}

function toSendError(error: NodeJS.ErrnoException & { responseCode?: number; response?: string; command?: string }): SendError {
  const code = error.code ?? 'smtp_error';
  if (error.responseCode && error.responseCode >= 400) {
    // The server answered with a refusal: nothing was accepted. 5.1.x on RCPT: the mailbox does not exist.
    const enhanced = /\b([45]\.\d{1,3}\.\d{1,3})\b/.exec(error.response ?? '')?.[1];
    const invalid = error.responseCode >= 550 && error.responseCode <= 553 && (!enhanced || enhanced.startsWith('5.1.'));
    return new SendError(
      `SMTP ${error.command ?? ''} refused: ${error.response ?? error.message}`.replace(/\s+/g, ' '),
      `smtp_${enhanced ?? error.responseCode}`,
      true,
      invalid ? { state: 'invalid', channels: ['email'] } : undefined,
    );
  }
  const before = ['CONN', 'EHLO', 'HELO', 'STARTTLS', 'AUTH PLAIN', 'AUTH LOGIN', 'MAIL FROM', 'RCPT TO'].includes(error.command ?? '');
  return new SendError(`SMTP: ${error.message}`, code, NOT_SENT.includes(code) || before);
}

const adapter = new SmtpEmailAdapter();

export const smtpEmailProvider: ChannelProvider = {
  name: SMTP_PROVIDER,
  channels: ['email'],
  secretSettings: ['password', 'inbound_secret'],
  validateSettings: validateSmtpSettings,
  completeSettings: completeSmtpSettings,
  adapter: () => adapter,
  webhooks: inboundEmailWebhooks,
  close: () => adapter.close(),
};
