import { createHmac } from 'node:crypto';
import { VISITOR_ID, issueVisitor, verifyVisitorToken, visitorToken } from './visitor-token.signer';

const SECRET = 'b'.repeat(64);

describe('visitor tokens', () => {
  it('are the hex HMAC-SHA256 of the visitor id with the identity secret (what the README tells businesses to compute)', () => {
    expect(visitorToken(SECRET, 'user-42')).toBe(createHmac('sha256', SECRET).update('user-42').digest('hex'));
    expect(verifyVisitorToken(SECRET, 'user-42', visitorToken(SECRET, 'user-42'))).toBe(true);
    expect(verifyVisitorToken(SECRET, 'user-42', visitorToken(SECRET, 'user-42').toUpperCase())).toBe(true);
  });

  it('refuse another id, another secret, and anything that is not 64 hex digits', () => {
    const token = visitorToken(SECRET, 'user-42');
    expect(verifyVisitorToken(SECRET, 'user-43', token)).toBe(false);
    expect(verifyVisitorToken('c'.repeat(64), 'user-42', token)).toBe(false);
    for (const bad of [undefined, 42, '', token.slice(1), `${token}0`, 'z'.repeat(64)])
      expect(verifyVisitorToken(SECRET, 'user-42', bad)).toBe(false);
  });

  it('name anonymous visitors with fresh ids and their tokens', () => {
    const a = issueVisitor(SECRET);
    const b = issueVisitor(SECRET);
    expect(a.visitorId).not.toBe(b.visitorId);
    expect(a.visitorId).toMatch(VISITOR_ID);
    expect(verifyVisitorToken(SECRET, a.visitorId, a.visitorToken)).toBe(true);
  });
});
