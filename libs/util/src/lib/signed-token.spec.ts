import { signToken, verifyToken } from './signed-token';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('signed token tags', () => {
  const key = Buffer.alloc(32, 7);
  const payload = { l: 'loc', c: 'contact', ch: 'email' };

  it('accepts no other last character of the tag than its own (its low bits are base64 padding)', () => {
    // Several tokens: the tag's last character differs, and so do the padding bits it carries.
    for (const c of ['contact', 'c2', 'c3', 'c4', 'c5']) {
      const token = signToken(key, { ...payload, c });
      const [body, tag = ''] = token.split('.');
      const accepted = [...ALPHABET].filter((last) => verifyToken(key, `${body}.${tag.slice(0, -1)}${last}`) !== null);
      expect(accepted).toEqual([tag.slice(-1)]);
    }
  });

  it('refuses any other change of the tag: a character changed anywhere, one added or taken away, padding', () => {
    const token = signToken(key, payload);
    const [body, tag = ''] = token.split('.');
    expect(tag).toHaveLength(22);
    for (let i = 0; i < tag.length; i++) {
      for (const other of ALPHABET) {
        if (other === tag[i]) continue;
        expect(verifyToken(key, `${body}.${tag.slice(0, i)}${other}${tag.slice(i + 1)}`)).toBeNull();
      }
    }
    for (const edited of [`${tag}A`, `${tag}AA`, tag.slice(0, -1), `${tag}=`, `${tag}==`, `${tag.slice(0, -2)}==`])
      expect(verifyToken(key, `${body}.${edited}`)).toBeNull();
    expect(verifyToken(key, token)).toEqual(payload);
  });
});
