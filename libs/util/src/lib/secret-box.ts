import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';

/** A stored value that SecretBox.seal produced (as opposed to one written in clear). */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/**
 * Secrets at rest: AES-256-GCM with a random 96-bit nonce per value, stored as
 * `enc:v1:<key id>:<base64 nonce|ciphertext|tag>`. The key id (the first bytes of the key's hash)
 * tells a value sealed under another key apart from a tampered one, so the error can say which.
 */
export class SecretBox {
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new SecretBoxError(`the secrets key must be 32 bytes, not ${key.length}`);
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  }

  static generateKey(): Buffer {
    return randomBytes(32);
  }

  /**
   * Reads a key written as 64 hex digits or as base64 of 32 bytes (what `openssl rand -base64 32`
   * prints); surrounding whitespace is ignored.
   */
  static parseKey(text: string): Buffer {
    const trimmed = text.trim();
    if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
    if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
      const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
      if (key.length === 32) return key;
    }
    throw new SecretBoxError('a secrets key is 32 bytes written as 64 hex digits or base64 (openssl rand -base64 32)');
  }

  seal(plain: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}${this.keyId}:${Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64')}`;
  }

  open(sealed: string): string {
    if (!isSealed(sealed)) return sealed;
    const [keyId, payload] = sealed.slice(PREFIX.length).split(':');
    if (keyId !== this.keyId)
      throw new SecretBoxError(`sealed under another secrets key (key id ${keyId}, this gateway's is ${this.keyId})`);
    const data = Buffer.from(payload ?? '', 'base64');
    if (data.length < 28) throw new SecretBoxError('a sealed value is truncated');
    const decipher = createDecipheriv('aes-256-gcm', this.key, data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(data.length - 16));
    try {
      return Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('a sealed value failed its integrity check (altered in the store)');
    }
  }

  /** A key for another purpose derived from this one (HMAC-SHA256 of the purpose), so one secret serves all. */
  derive(purpose: string): Buffer {
    return createHmac('sha256', this.key).update(`followup-gateway:${purpose}`).digest();
  }
}
