import { createHmac } from 'node:crypto';

/** `X-Hub-Signature-256` as Meta computes it: `sha256=` and the hex HMAC-SHA256 of the raw body, keyed by the app secret. */
export function metaSignature(appSecret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

/** The business number a webhook is for (what `metadata` names). */
export interface MetaNumber {
  phoneNumberId: string;
  /** Digits, as Meta shows it (`15550001234`). */
  displayNumber: string;
  wabaId: string;
}

/** A message a contact sends: text by default, or any of Meta's message objects (`{type: 'image', image: {...}}`). */
export interface MetaInbound {
  /** The sender's wa_id (digits; a leading + is dropped). */
  from: string;
  name?: string;
  id?: string;
  timestamp?: Date;
  text?: string;
  /** Meta's type-specific fields, replacing the text: `{type: 'button', button: {text, payload}}`. */
  message?: Record<string, unknown>;
  /** The wamid this message answers (the contact replied to it). */
  replyTo?: string;
}

/** A status of a message the business sent. */
export interface MetaStatus {
  id: string;
  status: string;
  /** The recipient's wa_id (digits). */
  recipient: string;
  timestamp?: Date;
  error?: { code: number; title: string; message?: string; details?: string };
}

const unix = (d: Date = new Date()) => String(Math.floor(d.getTime() / 1000));
const digits = (s: string) => s.replace(/\D/g, '');
let counter = 0;

/** A wamid shaped like Meta's (`wamid.` and base64). */
export function newWamid(): string {
  counter += 1;
  const seed = `${Date.now().toString(16)}${counter.toString(16)}${Math.random().toString(16).slice(2, 14)}`.toUpperCase();
  return `wamid.${Buffer.from(`HBgL${seed}FQIAERgS`).toString('base64')}`;
}

/** Meta's envelope around one `messages` change. */
export function webhookEnvelope(number: MetaNumber, value: Record<string, unknown>): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: number.wabaId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: number.displayNumber, phone_number_id: number.phoneNumberId },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

/** The `value` of inbound messages: `contacts` (profile names) and `messages`; `business`: the number written to. */
export function inboundValue(messages: MetaInbound[], business = '15550001234'): Record<string, unknown> {
  const contacts = new Map<string, Record<string, unknown>>();
  for (const m of messages) contacts.set(digits(m.from), { profile: { name: m.name ?? '' }, wa_id: digits(m.from) });
  return {
    contacts: [...contacts.values()],
    messages: messages.map((m) => ({
      from: digits(m.from),
      id: m.id ?? newWamid(),
      timestamp: unix(m.timestamp),
      ...(m.replyTo ? { context: { from: business, id: m.replyTo } } : {}),
      ...(m.message ?? { type: 'text', text: { body: m.text ?? '' } }),
    })),
  };
}

/** The `value` of statuses, with the conversation and pricing Meta adds and a failure's `errors`. */
export function statusValue(statuses: MetaStatus[]): Record<string, unknown> {
  return {
    statuses: statuses.map((s) => ({
      id: s.id,
      status: s.status,
      timestamp: unix(s.timestamp),
      recipient_id: digits(s.recipient),
      ...(s.status === 'failed'
        ? {}
        : {
            conversation: { id: `conv${digits(s.recipient)}`, origin: { type: 'service' } },
            pricing: { billable: true, pricing_model: 'PMP', category: 'service' },
          }),
      ...(s.error
        ? {
            errors: [
              {
                code: s.error.code,
                title: s.error.title,
                message: s.error.message ?? s.error.title,
                error_data: { details: s.error.details ?? s.error.title },
                href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
              },
            ],
          }
        : {}),
    })),
  };
}
