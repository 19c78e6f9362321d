import { VISITOR_ID } from './visitor-token.signer';

/** What the gateway answers a refused event or handshake with (the `error` event, an ack's `error`, connect_error's `data`). */
export interface ChatError {
  code: 'bad_request' | 'too_long' | 'rate_limited' | 'unknown_connection' | 'origin_refused' | 'bad_token' | 'server_error';
  message: string;
  /** With `rate_limited`: when the next message will be taken. */
  retry_after_ms?: number;
}

/** What a visitor may say about themselves (each optional). */
export interface VisitorDetailsInput {
  name?: string;
  email?: string;
  phone?: string;
}

/** The socket handshake's `auth`, read. */
export interface ChatHandshake {
  connectionId: string;
  /** With a token: the id to prove. Without: an anonymous visitor, named by the gateway. */
  visitorId?: string;
  visitorToken?: string;
  details: VisitorDetailsInput;
}

export type Read<T> = { ok: true; value: T } | { ok: false; error: ChatError };

const bad = (message: string): { ok: false; error: ChatError } => ({ ok: false, error: { code: 'bad_request', message } });
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;
const CLIENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** `name`, `email`, `phone` as a visitor gives them: trimmed, checked, the phone in E.164 (`+14155550123`). */
export function readDetails(data: unknown): Read<VisitorDetailsInput> {
  if (!isRecord(data)) return bad('identify takes an object {name, email, phone}');
  const out: VisitorDetailsInput = {};
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string).trim() : undefined);
  for (const key of Object.keys(data)) {
    if (!['name', 'email', 'phone'].includes(key)) continue;
    if (data[key] !== undefined && data[key] !== null && typeof data[key] !== 'string') return bad(`${key} must be a text`);
  }
  const name = text('name');
  if (name) {
    if (name.length > 100) return bad('name must be at most 100 characters');
    out.name = name;
  }
  const email = text('email');
  if (email) {
    if (!EMAIL.test(email)) return bad('email must be an email address (ada@example.com)');
    out.email = email.toLowerCase();
  }
  const phone = text('phone')?.replace(/[\s().-]/g, '');
  if (phone) {
    if (!/^\+[1-9]\d{6,14}$/.test(phone)) return bad('phone must be a number in international form, starting with + and the country code');
    out.phone = phone;
  }
  return { ok: true, value: out };
}

/** The handshake's `auth`: `connection_id`, `visitor_id` and `visitor_token` (or neither), the visitor's details. */
export function readHandshake(auth: unknown): Read<ChatHandshake> {
  if (!isRecord(auth)) return bad('the handshake needs auth {connection_id, visitor_id, visitor_token}');
  const connectionId = auth['connection_id'];
  if (typeof connectionId !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(connectionId))
    return bad('auth.connection_id must name a connection');
  const visitorId = auth['visitor_id'];
  const token = auth['visitor_token'];
  const details = readDetails({ name: auth['name'], email: auth['email'], phone: auth['phone'] });
  if (!details.ok) return { ok: false, error: { ...details.error, message: `auth.${details.error.message}` } };
  const value: ChatHandshake = { connectionId, details: details.value };
  if (token !== undefined && token !== null && token !== '') {
    if (typeof visitorId !== 'string' || !VISITOR_ID.test(visitorId))
      return bad('auth.visitor_id must be 1 to 128 letters, digits or . _ : @ - when a visitor_token is given');
    if (typeof token !== 'string') return bad('auth.visitor_token must be a text');
    value.visitorId = visitorId;
    value.visitorToken = token;
  }
  return { ok: true, value };
}

/** A visitor's `message`: `{text, client_id}`, the text at most `maxLength` characters. */
export function readMessage(data: unknown, maxLength: number): Read<{ text: string; clientId: string }> {
  if (!isRecord(data)) return bad('message takes an object {text, client_id}');
  const clientId = data['client_id'];
  if (typeof clientId !== 'string' || !CLIENT_ID.test(clientId)) return bad('client_id must be 1 to 64 letters, digits, _ or -');
  const raw = data['text'];
  if (typeof raw !== 'string' || !raw.trim()) return bad('text must be a non-empty text');
  const text = raw.trim();
  if (text.length > maxLength)
    return { ok: false, error: { code: 'too_long', message: `text is ${text.length} characters; at most ${maxLength}` } };
  return { ok: true, value: { text, clientId } };
}
