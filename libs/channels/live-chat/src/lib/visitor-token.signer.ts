import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A visitor id: what the business's server names a signed-in user by, or one the gateway issued (`v_…`). */
export const VISITOR_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

/**
 * The token that proves a visitor id: hex HMAC-SHA256 of the id with the connection's identity
 * secret. The business's server computes it for its signed-in users (the id is theirs); the gateway
 * computes it for the anonymous visitors it names, and the widget keeps it.
 */
export function visitorToken(identitySecret: string, visitorId: string): string {
  return createHmac('sha256', identitySecret).update(visitorId, 'utf8').digest('hex');
}

/** True when `token` is the token of `visitorId` under the secret (compared in constant time). */
export function verifyVisitorToken(identitySecret: string, visitorId: string, token: unknown): boolean {
  if (typeof token !== 'string' || !/^[0-9a-fA-F]{64}$/.test(token)) return false;
  return timingSafeEqual(Buffer.from(visitorToken(identitySecret, visitorId), 'hex'), Buffer.from(token, 'hex'));
}

/** A new anonymous visitor: an id the gateway makes up, and its token. */
export function issueVisitor(identitySecret: string): { visitorId: string; visitorToken: string } {
  const visitorId = `v_${randomBytes(16).toString('base64url')}`;
  return { visitorId, visitorToken: visitorToken(identitySecret, visitorId) };
}
