import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks (https://www.standardwebhooks.com): the signature is
 * `v1,` + base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)), where the key is the base64 part
 * of a `whsec_` secret. Receivers verify it, reject stale timestamps, and dedupe on `webhook-id`.
 */
export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, secret.startsWith('whsec_') ? 'base64' : 'utf8');
}

export function signWebhook(secret: string, id: string, timestamp: Date, body: string): SignedHeaders {
  const seconds = Math.floor(timestamp.getTime() / 1000).toString();
  const signature = createHmac('sha256', keyOf(secret)).update(`${id}.${seconds}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': seconds, 'webhook-signature': `v1,${signature}` };
}

/** True when one of the `v1,` signatures matches and the timestamp is within `toleranceS` of now. */
export function verifyWebhook(
  secret: string,
  headers: Record<string, string | undefined>,
  body: string,
  now: Date,
  toleranceS = 300,
): boolean {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceS) return false;
  const expected = Buffer.from(signWebhook(secret, id, new Date(Number(timestamp) * 1000), body)['webhook-signature'].slice(3), 'base64');
  return signatures.split(' ').some((candidate) => {
    if (!candidate.startsWith('v1,')) return false;
    const given = Buffer.from(candidate.slice(3), 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/**
 * A secret as the API shows it after creation: its kind prefix (`whsec_`, `inb_`) and, when it is
 * long enough that they give nothing away, its last four characters (`whsec_****LaSw`). A password
 * shows only `****` and its end, never its start.
 */
export function maskSecret(secret: string): string {
  const prefix = /^[a-z]{2,8}_/.exec(secret)?.[0] ?? '';
  const rest = secret.slice(prefix.length);
  return rest.length < 16 ? `${prefix}****` : `${prefix}****${rest.slice(-4)}`;
}
