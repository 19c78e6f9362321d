import { createHmac, timingSafeEqual } from 'node:crypto';

/** 128 bits of the HMAC are plenty for a link and keep it short: 22 base64url characters. */
const TAG_BYTES = 16;

/**
 * A URL-safe token that carries a small JSON payload and an HMAC-SHA256 tag over it:
 * `<base64url payload>.<base64url tag>`. Used for links the gateway puts in messages (one-click
 * unsubscribe), which must work without a login and must not be forgeable or editable.
 */
export function signToken(key: Buffer, payload: Record<string, string>): string {
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${tag(key, body)}`;
}

/** The payload of a token this key signed, or null when it is malformed or its tag does not match. */
export function verifyToken(key: Buffer, token: string): Record<string, string> | null {
  const match = /^([A-Za-z0-9_-]{1,2048})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) return null;
  const [, body = '', given = ''] = match;
  const expected = createHmac('sha256', key).update(body).digest().subarray(0, TAG_BYTES);
  const actual = Buffer.from(given, 'base64url');
  // 22 characters carry 132 bits for 128: the last one's low 4 bits are padding, which decoding
  // ignores. Only the canonical text of the bytes is a tag, so a changed character never matches.
  if (actual.length !== TAG_BYTES || actual.toString('base64url') !== given) return null;
  if (!timingSafeEqual(actual, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return null;
    const entries = Object.entries(payload as Record<string, unknown>);
    return entries.every(([, v]) => typeof v === 'string') ? (payload as Record<string, string>) : null;
  } catch {
    return null;
  }
}

function tag(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest().subarray(0, TAG_BYTES).toString('base64url');
}
