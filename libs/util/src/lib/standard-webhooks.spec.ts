import { createHmac } from 'node:crypto';
import { maskSecret, newWebhookSecret, signWebhook, verifyWebhook } from './standard-webhooks';

describe('Standard Webhooks', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const at = new Date('2026-01-01T00:00:00Z');

  it('signs `id.timestamp.body` with the base64-decoded secret (the spec test vector shape)', () => {
    const headers = signWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', at, '{"test": 2432232314}');
    const expected = createHmac('sha256', Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64'))
      .update('msg_p5jXN8AQM9LWM0D4loKWxJek.1767225600.{"test": 2432232314}')
      .digest('base64');
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1767225600',
      'webhook-signature': `v1,${expected}`,
    });
  });

  it('verifies its own signatures, and refuses tampering, other secrets and stale timestamps', () => {
    const body = '{"a":1}';
    const headers = { ...signWebhook(secret, 'msg_1', at, body) };
    expect(verifyWebhook(secret, headers, body, at)).toBe(true);
    expect(verifyWebhook(secret, headers, '{"a":2}', at)).toBe(false);
    expect(verifyWebhook(newWebhookSecret(), headers, body, at)).toBe(false);
    expect(verifyWebhook(secret, headers, body, new Date(at.getTime() + 301_000))).toBe(false);
    expect(verifyWebhook(secret, { ...headers, 'webhook-signature': `v1,bogus ${headers['webhook-signature']}` }, body, at)).toBe(true);
  });

  it('makes whsec_ secrets and masks them', () => {
    expect(newWebhookSecret()).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(maskSecret(secret)).toBe('whsec_****LaSw');
    expect(maskSecret('0123456789abcdef0123456789abcdef')).toBe('****cdef');
    expect(maskSecret('hunter2-password')).toBe('****word');
    expect(maskSecret('short-pass')).toBe('****');
  });
});
