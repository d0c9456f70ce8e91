import { createCipheriv, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCrypto, FieldCryptoError, sealedKeyVersion } from './field-crypto.ts';

const key = (byte: number, length = 16) => Buffer.alloc(length, byte);
const crypto = createFieldCrypto({ encKey: key(1), hashKey: key(2, 32) });

const reasonOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof FieldCryptoError ? error.reason : String(error);
  }
  return 'no error';
};

/** Flips one bit of the decoded payload at `index` and re-encodes it. */
function flip(sealed: string, index: number): string {
  const bytes = Buffer.from(sealed.slice(3), 'base64url');
  bytes[index] ^= 0x01;
  return `v1.${bytes.toString('base64url')}`;
}

describe('the national algorithms of this Node', () => {
  it('SM4 matches the GB/T 32907 example and SM3 the GB/T 32905 example', () => {
    const k = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const ecb = createCipheriv('sm4-ecb', k, null).setAutoPadding(false);
    expect(Buffer.concat([ecb.update(k), ecb.final()]).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
    expect(createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});

describe('createFieldCrypto', () => {
  it('round-trips ID numbers, phones, Chinese text and the empty string', () => {
    for (const value of ['11010519491231002X', '13800001234', '湖北省孝感市孝南区书院街道 3 号', '']) {
      expect(crypto.decrypt(crypto.encrypt(value))).toBe(value);
    }
  });

  it('seals the same value differently each time, in a compact form', () => {
    const a = crypto.encrypt('13800001234');
    const b = crypto.encrypt('13800001234');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{64}$/); // 16 IV + 16 ciphertext + 16 tag bytes
  });

  it('detects a change to the IV, the ciphertext or the tag', () => {
    const sealed = crypto.encrypt('11010519491231002X');
    const length = Buffer.from(sealed.slice(3), 'base64url').length;
    for (const index of [0, 15, 16, length - 17, length - 1]) {
      expect(reasonOf(() => crypto.decrypt(flip(sealed, index)))).toBe('crypto.tampered');
    }
  });

  it('refuses values sealed under another key, truncated or not sealed at all', () => {
    const other = createFieldCrypto({ encKey: key(3), hashKey: key(2, 32) });
    const sealed = crypto.encrypt('13800001234');
    expect(reasonOf(() => other.decrypt(sealed))).toBe('crypto.tampered');
    expect(reasonOf(() => crypto.decrypt(sealed.slice(0, -8)))).toBe('crypto.malformed');
    expect(reasonOf(() => crypto.decrypt('13800001234'))).toBe('crypto.malformed');
  });

  it('gives a search hash that is stable, distinct per value and depends on the key', () => {
    const again = createFieldCrypto({ encKey: key(9), hashKey: key(2, 32) });
    const otherKey = createFieldCrypto({ encKey: key(1), hashKey: key(4, 32) });
    const h = crypto.searchHash('11010519491231002X');
    expect(h).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(crypto.searchHash('11010519491231002X')).toBe(h);
    expect(again.searchHash('11010519491231002X')).toBe(h); // the encryption key plays no part
    expect(crypto.searchHash('110105194912310029')).not.toBe(h);
    expect(otherKey.searchHash('11010519491231002X')).not.toBe(h);
  });

  it('refuses unusable keys', () => {
    expect(() => createFieldCrypto({ encKey: key(1, 32), hashKey: key(2, 32) })).toThrow(/16 bytes/);
    expect(() => createFieldCrypto({ encKey: key(1), hashKey: key(2, 8) })).toThrow(/at least 16/);
    expect(() => createFieldCrypto({ encKey: key(1), hashKey: key(1) })).toThrow(/differ/);
  });
});

describe('key versions', () => {
  const rotated = createFieldCrypto({ encKey: key(5), keyVersion: 2, openKeys: new Map([[1, key(1)]]), hashKey: key(2, 32) });

  it('seals under the current version and opens values of every version on the ring, v1 ones as before', () => {
    const before = crypto.encrypt('11010519491231002X');
    const after = rotated.encrypt('11010519491231002X');
    expect(after).toMatch(/^v2\.[A-Za-z0-9_-]{86}$/); // 16 IV + 32 ciphertext + 16 tag bytes
    expect([sealedKeyVersion(before), sealedKeyVersion(after), sealedKeyVersion('13800001234')]).toEqual([1, 2, null]);
    expect(rotated.decrypt(before)).toBe('11010519491231002X');
    expect(rotated.decrypt(after)).toBe('11010519491231002X');
    expect(rotated.keyVersion).toBe(2);
  });

  it('refuses a value under a version the ring lacks, and one whose version was rewritten', () => {
    const after = rotated.encrypt('13800001234');
    expect(reasonOf(() => crypto.decrypt(after))).toBe('crypto.unknown_key');
    expect(reasonOf(() => rotated.decrypt(`v1.${after.slice(3)}`))).toBe('crypto.tampered');
  });

  it('asks for a fresh ring once when a value names a version it lacks, and seals under it from then on', () => {
    let asked = 0;
    const server = createFieldCrypto(
      { encKey: key(1), hashKey: key(2, 32) },
      {
        reload: () => {
          asked++;
          return { encKey: key(5), keyVersion: 2, openKeys: new Map([[1, key(1)]]), hashKey: key(2, 32) };
        },
      },
    );
    expect(server.decrypt(rotated.encrypt('13800001234'))).toBe('13800001234');
    expect(server.decrypt(crypto.encrypt('13800001234'))).toBe('13800001234');
    expect(asked).toBe(1);
    expect(sealedKeyVersion(server.encrypt('x'))).toBe(2);
  });

  it('refuses a key version out of range and a ring key equal to the hash key', () => {
    expect(() => createFieldCrypto({ encKey: key(1), keyVersion: 0, hashKey: key(2, 32) })).toThrow(/version 0/);
    expect(() => createFieldCrypto({ encKey: key(1), openKeys: new Map([[2, key(2)]]), hashKey: key(2) })).toThrow(/differ/);
  });
});
