import type { InboundMessage } from '@followup/channels-core';
import { Obj, list, malformed, object, optionalText, seconds, text } from './payload-shape.reader';

/** Media messages: recorded as a readable placeholder with Meta's media id (`[image: <id>] caption`). */
const MEDIA = ['image', 'audio', 'video', 'document', 'sticker'];
/** Notices that are not something the contact wrote (a changed number, a first chat opened): no message. */
const NOT_MESSAGES = ['system', 'request_welcome'];
/** Meta's WhatsApp ids (wa_id) and sender numbers: the phone number's digits, country code first. */
export const WA_ID = /^\d{6,20}$/;

export interface ChangeContext {
  /** Profile names by wa_id, from the change's `contacts`. */
  names: Map<string, string>;
  /** The business number the message was sent to (`metadata.display_phone_number`). */
  to?: string;
}

/**
 * One of Meta's inbound `messages[]` as an InboundMessage: the text the contact wrote, the title
 * of the button or list row they chose, or a placeholder for media, a location, shared contacts, a
 * reaction. The sender's address is E.164 (`+` and the wa_id) for both WhatsApp and phone, as the
 * contacts API stores numbers. Undefined for notices that are not messages.
 */
export function inboundMessage(value: unknown, path: string, context: ChangeContext): InboundMessage | undefined {
  const m = object(value, path);
  const from = text(m, 'from', path, WA_ID);
  const id = text(m, 'id', path);
  const occurredAt = seconds(m, 'timestamp', path);
  const type = text(m, 'type', path);
  if (NOT_MESSAGES.includes(type)) return undefined;
  const name = context.names.get(from);
  const answered = m['context'] === undefined ? undefined : optionalText(object(m['context'], `${path}.context`), 'id', `${path}.context`);
  return {
    kind: 'inbound',
    channel: 'whatsapp',
    providerMessageId: id,
    from: { whatsapp: `+${from}`, phone: `+${from}`, ...(name ? { name } : {}) },
    ...(context.to ? { to: context.to } : {}),
    body: readable(m, type, path),
    occurredAt,
    // A reply to one of our messages (the contact swiped it): the conversation of that message.
    ...(answered ? { inReplyTo: [answered] } : {}),
  };
}

function readable(m: Obj, type: string, path: string): string {
  const part = (key: string) => object(m[key], `${path}.${key}`);
  const at = `${path}.${type}`;
  if (type === 'text') return text(part('text'), 'body', at);
  if (type === 'button') return text(part('button'), 'text', at);
  if (type === 'interactive') return interactive(part('interactive'), at);
  if (MEDIA.includes(type)) {
    const media = part(type);
    const caption = optionalText(media, 'caption', at) ?? (type === 'document' ? optionalText(media, 'filename', at) : undefined);
    return `[${type}: ${text(media, 'id', at)}]${caption ? ` ${caption}` : ''}`;
  }
  if (type === 'location') {
    const place = part('location');
    const [lat, long] = ['latitude', 'longitude'].map((key) => {
      const n = place[key];
      if (typeof n !== 'number' || !Number.isFinite(n)) throw malformed(`${at}.${key}`, 'must be a number');
      return n;
    });
    const named = [optionalText(place, 'name', at), optionalText(place, 'address', at)].filter(Boolean).join(', ');
    return `[location: ${lat},${long}]${named ? ` ${named}` : ''}`;
  }
  if (type === 'contacts') {
    const names = list(m['contacts'], at).map((c, i) => {
      const card = object(c, `${at}[${i}]`)['name'];
      return typeof card === 'object' && card !== null ? (card as Obj)['formatted_name'] : undefined;
    });
    return `[contacts: ${names.filter((n) => typeof n === 'string' && n).join(', ') || 'unnamed'}]`;
  }
  if (type === 'reaction') {
    const reaction = part('reaction');
    const emoji = optionalText(reaction, 'emoji', at);
    const to = optionalText(reaction, 'message_id', at);
    return emoji ? `[reaction: ${emoji}${to ? ` to ${to}` : ''}]` : `[reaction removed${to ? ` from ${to}` : ''}]`;
  }
  if (type === 'order') {
    const items = object(m['order'], at)['product_items'];
    return `[order: ${Array.isArray(items) ? items.length : 0} items]`;
  }
  // unsupported, or a type newer than this code: recorded, never lost.
  const errors = Array.isArray(m['errors']) ? m['errors'] : [];
  const first = typeof errors[0] === 'object' && errors[0] !== null ? (errors[0] as Obj) : {};
  const title = typeof first['title'] === 'string' ? first['title'] : undefined;
  return `[${type}${title ? `: ${title}` : ''}]`;
}

function interactive(i: Obj, path: string): string {
  const kind = text(i, 'type', path);
  if (kind === 'button_reply' || kind === 'list_reply') return text(object(i[kind], `${path}.${kind}`), 'title', `${path}.${kind}`);
  if (kind === 'nfm_reply') {
    const reply = object(i[kind], `${path}.${kind}`);
    return `[form reply: ${optionalText(reply, 'name', path) ?? 'flow'}] ${optionalText(reply, 'response_json', path) ?? ''}`.trim();
  }
  return `[interactive: ${kind}]`;
}
