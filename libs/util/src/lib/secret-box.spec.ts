import { SecretBox, SecretBoxError, isSealed } from './secret-box';
import { signToken, verifyToken } from './signed-token';

describe('SecretBox', () => {
  const box = new SecretBox(SecretBox.generateKey());

  it('seals to a marked value that opens to the original, with a fresh nonce each time', () => {
    const a = box.seal('auth-token-123');
    const b = box.seal('auth-token-123');
    expect(isSealed(a)).toBe(true);
    expect(a).not.toContain('auth-token-123');
    expect(a).not.toEqual(b);
    expect(box.open(a)).toBe('auth-token-123');
    expect(box.open(b)).toBe('auth-token-123');
  });

  it('passes a value written in clear through open unchanged (rows from before encryption)', () => {
    expect(box.open('plain')).toBe('plain');
  });

  it('names the problem for another key and for an altered value', () => {
    const other = new SecretBox(SecretBox.generateKey());
    expect(() => other.open(box.seal('x'))).toThrow(/sealed under another secrets key/);
    const sealed = box.seal('secret value');
    const payload = Buffer.from(sealed.split(':')[3] as string, 'base64');
    payload[14] = (payload[14] as number) ^ 1;
    const altered = `${sealed.split(':').slice(0, 3).join(':')}:${payload.toString('base64')}`;
    expect(() => box.open(altered)).toThrow(SecretBoxError);
    expect(() => box.open(altered)).toThrow(/integrity/);
  });

  it('parses keys in hex and base64 and refuses anything else', () => {
    const key = SecretBox.generateKey();
    expect(SecretBox.parseKey(key.toString('hex'))).toEqual(key);
    expect(SecretBox.parseKey(` ${key.toString('base64')}\n`)).toEqual(key);
    expect(() => SecretBox.parseKey('short')).toThrow(/32 bytes/);
    expect(() => new SecretBox(Buffer.alloc(16))).toThrow(/32 bytes/);
  });

  it('derives distinct, stable keys per purpose', () => {
    expect(box.derive('a')).toEqual(box.derive('a'));
    expect(box.derive('a')).not.toEqual(box.derive('b'));
  });
});

describe('signed tokens', () => {
  const key = Buffer.alloc(32, 7);

  it('round-trips a payload and refuses edits, other keys and junk', () => {
    const token = signToken(key, { l: 'loc', c: 'contact', ch: 'email' });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyToken(key, token)).toEqual({ l: 'loc', c: 'contact', ch: 'email' });
    expect(verifyToken(Buffer.alloc(32, 8), token)).toBeNull();
    const [body, tag] = token.split('.');
    const edited = Buffer.from(JSON.stringify({ l: 'loc', c: 'other', ch: 'email' })).toString('base64url');
    expect(verifyToken(key, `${edited}.${tag}`)).toBeNull();
    expect(verifyToken(key, `${body}.`)).toBeNull();
    expect(verifyToken(key, 'not a token')).toBeNull();
  });
});
