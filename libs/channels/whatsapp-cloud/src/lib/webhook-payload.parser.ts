import type { ChannelEvent, DeliveryState, DeliveryStatus } from '@followup/channels-core';
import { UNDELIVERABLE, WINDOW_CLOSED } from './graph-error.mapper';
import { ChangeContext, WA_ID, inboundMessage } from './inbound-message.mapper';
import { Obj, list, malformed, object, optionalList, optionalText, seconds, text } from './payload-shape.reader';

/** Meta's message statuses, as the gateway's forward-only delivery states (`played`: a voice message was heard). */
const STATES: Readonly<Record<string, DeliveryState>> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  played: 'read',
  failed: 'failed',
};

/**
 * Meta's webhook payload (already authenticated) as normalised events:
 * `{object: "whatsapp_business_account", entry: [{id, changes: [{field, value}]}]}` where a
 * `messages` change's value has `metadata`, `contacts`, and `messages` (inbound) or `statuses`.
 * Changes of other subscriptions (template reviews, account updates) and of other phone numbers
 * of the same app (Meta calls one URL per app unless a number overrides it) give no events.
 * Anything not shaped as Meta sends it is a WebhookRejected 400 naming the path.
 */
export function parseWebhookPayload(rawBody: Buffer, phoneNumberId: string): ChannelEvent[] {
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw malformed('the body', 'is not JSON');
  }
  const root = object(payload, 'the body');
  if (root['object'] !== 'whatsapp_business_account')
    throw malformed('object', `must be "whatsapp_business_account", not ${JSON.stringify(root['object'])}`);
  const events: ChannelEvent[] = [];
  list(root['entry'], 'entry').forEach((e, i) => {
    const entry = object(e, `entry[${i}]`);
    text(entry, 'id', `entry[${i}]`);
    list(entry['changes'], `entry[${i}].changes`).forEach((c, j) => {
      const path = `entry[${i}].changes[${j}]`;
      const change = object(c, path);
      const field = text(change, 'field', path);
      const value = object(change['value'], `${path}.value`);
      if (field === 'messages') events.push(...changeEvents(value, `${path}.value`, phoneNumberId));
    });
  });
  return events;
}

function changeEvents(value: Obj, path: string, phoneNumberId: string): ChannelEvent[] {
  if (value['messaging_product'] !== 'whatsapp')
    throw malformed(`${path}.messaging_product`, `must be "whatsapp", not ${JSON.stringify(value['messaging_product'])}`);
  const metadata = object(value['metadata'], `${path}.metadata`);
  const number = text(metadata, 'phone_number_id', `${path}.metadata`);
  const display = optionalText(metadata, 'display_phone_number', `${path}.metadata`);
  const names = new Map<string, string>();
  optionalList(value['contacts'], `${path}.contacts`).forEach((c, k) => {
    const contact = object(c, `${path}.contacts[${k}]`);
    const waId = text(contact, 'wa_id', `${path}.contacts[${k}]`, WA_ID);
    const profile = contact['profile'] === undefined ? {} : object(contact['profile'], `${path}.contacts[${k}].profile`);
    const name = optionalText(profile, 'name', `${path}.contacts[${k}].profile`)?.trim();
    if (name) names.set(waId, name);
  });
  const context: ChangeContext = { names, to: display ? `+${display.replace(/\D/g, '')}` : undefined };
  const inbound = optionalList(value['messages'], `${path}.messages`).map((m, k) => inboundMessage(m, `${path}.messages[${k}]`, context));
  const statuses = optionalList(value['statuses'], `${path}.statuses`).map((s, k) => deliveryStatus(s, `${path}.statuses[${k}]`));
  // Read (and so validated) whatever number it is for; kept only for this connection's number.
  if (number !== phoneNumberId) return [];
  return [...inbound, ...statuses].filter((e): e is NonNullable<typeof e> => e !== undefined);
}

/**
 * One of `statuses[]`: `{id, status, timestamp, recipient_id, conversation?, pricing?, errors?}`. A failure keeps Meta's
 * code and title; 131026 says the number cannot get WhatsApp messages (its WhatsApp closes),
 * 131047 that the 24-hour window had closed (`sessionClosed`). Statuses this code does not know
 * (`deleted`, newer ones) are acknowledged without an event.
 */
function deliveryStatus(value: unknown, path: string): DeliveryStatus | undefined {
  const s = object(value, path);
  const id = text(s, 'id', path);
  const raw = text(s, 'status', path);
  const occurredAt = seconds(s, 'timestamp', path);
  const recipientId = s['recipient_id'] === undefined ? undefined : text(s, 'recipient_id', path, WA_ID);
  const state = STATES[raw];
  if (!state) return undefined;
  const errors = optionalList(s['errors'], `${path}.errors`);
  const first = errors.length ? object(errors[0], `${path}.errors[0]`) : undefined;
  const code = first ? first['code'] : undefined;
  if (first && (typeof code !== 'number' || !Number.isInteger(code))) throw malformed(`${path}.errors[0].code`, 'must be an integer');
  const data = first && typeof first['error_data'] === 'object' && first['error_data'] !== null ? (first['error_data'] as Obj) : {};
  const words = first
    ? [optionalText(first, 'title', `${path}.errors[0]`) ?? optionalText(first, 'message', `${path}.errors[0]`), data['details']]
    : [];
  const errorMessage = [...new Set(words.filter((w): w is string => typeof w === 'string' && w.length > 0))].join(': ');
  return {
    kind: 'status',
    channel: 'whatsapp',
    providerMessageId: id,
    status: state,
    occurredAt,
    ...(typeof code === 'number' ? { errorCode: String(code), errorMessage: errorMessage || `WhatsApp error ${code}` } : {}),
    ...(state === 'failed' && code === UNDELIVERABLE
      ? { address: { state: 'invalid' as const, ...(recipientId ? { phone: `+${recipientId}` } : {}), channels: ['whatsapp' as const] } }
      : {}),
    ...(state === 'failed' && code === WINDOW_CLOSED ? { sessionClosed: true } : {}),
  };
}
