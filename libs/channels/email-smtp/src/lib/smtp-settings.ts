import { randomBytes } from 'node:crypto';

export interface SmtpSettings {
  host: string;
  port?: number;
  /** Implicit TLS (port 465); otherwise STARTTLS is used when the server offers it. */
  secure?: boolean;
  /** Refuse to send unless the connection is upgraded with STARTTLS. */
  require_tls?: boolean;
  user?: string;
  password?: string;
  /** `hello@acme.com` or `Acme Dental <hello@acme.com>`. */
  from: string;
  /**
   * Reply-To address. With `{conversation}` in it (`replies+{conversation}@acme.com`), each
   * message gets its conversation's own reply address, and a reply to it finds its conversation
   * even when the mail client drops In-Reply-To and References.
   */
  reply_to?: string;
  /** Subject of a follow-up that starts a thread (default "Following up"). */
  default_subject?: string;
  /** Shared secret an inbound relay presents to POST /webhooks/email/:id/inbound. */
  inbound_secret?: string;
}

const KNOWN = ['host', 'port', 'secure', 'require_tls', 'user', 'password', 'from', 'reply_to', 'default_subject', 'inbound_secret'];
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** The address part of `Name <address>` or a bare address; null when it is neither. */
export function addressOf(value: string): string | null {
  const bracketed = /^[^<>]*<([^<>]+)>\s*$/.exec(value.trim());
  const address = (bracketed?.[1] ?? value).trim();
  return EMAIL.test(address) ? address : null;
}

/** The Reply-To of a message of this conversation. */
export function replyAddress(template: string, conversationId: string): string {
  return template.replace('{conversation}', conversationId);
}

/** The conversation a tagged reply address names (`replies+<id>@acme.com` for `replies+{conversation}@acme.com`). */
export function conversationOfReplyAddress(template: string | undefined, address: string): string | undefined {
  if (!template?.includes('{conversation}')) return undefined;
  const bare = addressOf(template.replace('{conversation}', 'CONVERSATION')) ?? '';
  const [before = '', after = ''] = bare.split('CONVERSATION').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${before}([A-Za-z0-9_-]{1,64})${after}$`, 'i').exec(address.trim())?.[1];
}

export function validateSmtpSettings(s: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof s['host'] !== 'string' || !/^[A-Za-z0-9.-]+$|^\[?[0-9a-fA-F:.]+\]?$/.test(s['host']))
    problems.push("settings.host must be the SMTP server's host name or IP address");
  const port = s['port'];
  if (port !== undefined && (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535))
    problems.push('settings.port must be a port number (587, 465, 25, ...)');
  for (const flag of ['secure', 'require_tls'])
    if (s[flag] !== undefined && typeof s[flag] !== 'boolean') problems.push(`settings.${flag} must be true or false`);
  if (s['user'] !== undefined && (typeof s['user'] !== 'string' || !s['user'])) problems.push('settings.user must be the SMTP user name');
  if (s['password'] !== undefined && typeof s['password'] !== 'string') problems.push('settings.password must be a text');
  if (s['user'] !== undefined && s['password'] === undefined) problems.push('settings.password is required with settings.user');
  if (typeof s['from'] !== 'string' || !addressOf(s['from']))
    problems.push('settings.from must be an email address, optionally with a name: Acme <hello@acme.com>');
  if (s['reply_to'] !== undefined && (typeof s['reply_to'] !== 'string' || !addressOf(replyAddress(s['reply_to'], 'c')))) {
    problems.push(
      'settings.reply_to must be an email address, optionally with {conversation} in its local part (replies+{conversation}@acme.com)',
    );
  }
  const subject = s['default_subject'];
  if (subject !== undefined && (typeof subject !== 'string' || !subject.trim() || subject.length > 200))
    problems.push('settings.default_subject must be a text of at most 200 characters');
  const secret = s['inbound_secret'];
  if (secret !== undefined && (typeof secret !== 'string' || secret.length < 16))
    problems.push('settings.inbound_secret must be at least 16 characters');
  for (const key of Object.keys(s)) if (!KNOWN.includes(key)) problems.push(`settings.${key} is not an SMTP setting (${KNOWN.join(', ')})`);
  return problems;
}

/** Generates the inbound secret when the caller gave none. */
export function completeSmtpSettings(s: Record<string, unknown>): Record<string, unknown> {
  return { ...s, inbound_secret: s['inbound_secret'] ?? `inb_${randomBytes(24).toString('base64url')}` };
}
