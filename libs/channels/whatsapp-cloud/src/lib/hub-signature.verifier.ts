import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookRejected } from '@followup/channels-core';

/** The header Meta signs every webhook POST with: `sha256=` and the HMAC-SHA256 of the raw body, keyed by the app secret. */
export const SIGNATURE_HEADER = 'x-hub-signature-256';

/**
 * Checks `X-Hub-Signature-256` against the raw body and the connection's app secret, in constant
 * time, before anything of the body is read. Throws WebhookRejected (403) when it is missing or wrong.
 */
export function checkHubSignature(headers: Record<string, string | undefined>, rawBody: Buffer, appSecret: unknown): void {
  const header = headers[SIGNATURE_HEADER];
  if (!header) throw new WebhookRejected(403, 'X-Hub-Signature-256 is missing: only Meta may call this webhook');
  if (typeof appSecret !== 'string' || !appSecret)
    throw new WebhookRejected(403, "the connection's app_secret cannot be read, so no signature can be checked");
  const given = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim())?.[1];
  if (!given) throw new WebhookRejected(403, 'X-Hub-Signature-256 must be sha256= followed by 64 hex digits');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex')))
    throw new WebhookRejected(
      403,
      "X-Hub-Signature-256 does not match the body and the connection's app_secret (is it this app's secret?)",
    );
}

/** Compares two secrets without leaking, through timing, how much of them matched (or their lengths). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
