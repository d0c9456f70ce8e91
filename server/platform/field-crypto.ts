/**
 * Field-level encryption of sensitive values (ID numbers, phones) with the national algorithms a commercial
 * cryptography review (密评) asks for: SM4 for confidentiality, HMAC-SM3 for integrity and for the keyed
 * hashes that let a column be searched by exact value without being decrypted.
 *
 * Mode: Node 20's OpenSSL 3.0 offers sm4-ecb/cbc/cfb/ofb/ctr but neither sm4-gcm nor sm4-ccm, so no
 * authenticated SM4 mode is available. Values are sealed encrypt-then-MAC: SM4-CBC under a fresh random IV,
 * then HMAC-SM3 over format version, IV and ciphertext, checked in constant time before anything is
 * decrypted (so padding errors never leak). CBC rather than CTR: it is the mode reviewers expect by default,
 * and a repeated IV under CBC leaks far less than under CTR.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, getCiphers, getHashes, randomBytes, timingSafeEqual } from 'node:crypto';

export interface FieldCryptoKeys {
  /** 16 bytes (an SM4 key) that seals; the SM4 and MAC keys are derived from it so neither key serves two algorithms. */
  encKey: Buffer;
  /** The version `encKey` seals under, named in every value it seals; 1 when not given (the values before rotation). */
  keyVersion?: number;
  /** Keys of other versions, which only open: the keys a rotation leaves behind (or brings, before it seals). */
  openKeys?: ReadonlyMap<number, Buffer>;
  /** At least 16 bytes, different from encKey: whoever holds it can test guesses against the search column. */
  hashKey: Buffer;
}

export interface FieldCrypto {
  /** The key version new values are sealed under. */
  readonly keyVersion: number;
  /** `v<key version>.` + base64url(IV ‖ SM4-CBC ciphertext ‖ 16-byte HMAC-SM3 tag); a new IV each call. */
  encrypt(plain: string): string;
  /** Throws FieldCryptoError when the value was altered, truncated, sealed under another key or under a version it lacks. */
  decrypt(sealed: string): string;
  /** base64url HMAC-SM3 of the value as given: normalize first (normalizeIdNumber, a bare mobile number). */
  searchHash(value: string): string;
}

export class FieldCryptoError extends Error {
  constructor(readonly reason: 'crypto.malformed' | 'crypto.tampered' | 'crypto.unknown_key') {
    super(reason);
  }
}

/**
 * A sealed value starts with `v` and the version of the key that sealed it, then a dot; the MAC covers that
 * version, so a value cannot be passed off as sealed under another key. The values written before key versions
 * existed are `v1.`: they read as key version 1, unchanged.
 */
const VERSIONED = /^v([1-9][0-9]{0,5})\./;
/** The key version a sealed value names, or null when it is not a sealed value. */
export function sealedKeyVersion(sealed: string): number | null {
  const m = VERSIONED.exec(sealed);
  return m ? Number(m[1]) : null;
}
const IV_BYTES = 16;
const BLOCK_BYTES = 16;
/** HMAC-SM3 truncated to 128 bits, as common for HMAC tags: forging needs 2^128 work, values stay short. */
const TAG_BYTES = 16;

function requireNationalAlgorithms(): void {
  if (!getCiphers().includes('sm4-cbc') || !getHashes().includes('sm3')) {
    throw new Error(
      'field crypto: this Node.js was built without SM4/SM3 (OpenSSL without the SM algorithms); sensitive fields cannot be sealed',
    );
  }
}

/** SM3 of a text (UTF-8), hex: the audit log's hash chain. */
export function sm3Hex(text: string): string {
  requireNationalAlgorithms();
  return createHash('sm3').update(text, 'utf8').digest('hex');
}

const hmacSm3 = (key: Buffer, ...parts: Buffer[]): Buffer => {
  const mac = createHmac('sm3', key);
  for (const part of parts) mac.update(part);
  return mac.digest();
};

interface VersionKeys {
  sm4Key: Buffer;
  macKey: Buffer;
}

function versionKeys(encKey: Buffer): VersionKeys {
  if (encKey.length !== 16) throw new RangeError('field crypto: encKey must be 16 bytes (an SM4 key)');
  return {
    sm4Key: hmacSm3(encKey, Buffer.from('gezhi field sm4')).subarray(0, 16),
    macKey: hmacSm3(encKey, Buffer.from('gezhi field mac')),
  };
}

/**
 * Seals and opens under a key ring: `encKey` seals under `keyVersion`, every key of the ring opens the values
 * that name its version. `reload`, when given, is asked once for a fresh ring when a value names a version this
 * ring lacks (a rotation run by another process has made a new key), so reads go on during a rotation.
 */
export function createFieldCrypto(keys: FieldCryptoKeys, opts: { reload?: () => FieldCryptoKeys } = {}): FieldCrypto {
  requireNationalAlgorithms();
  let ring = keyRing(keys);
  const tagOf = (k: VersionKeys, version: number, iv: Buffer, ciphertext: Buffer) =>
    hmacSm3(k.macKey, Buffer.from(`v${version}`), iv, ciphertext).subarray(0, TAG_BYTES);
  const keysOf = (version: number) => {
    if (!ring.byVersion.has(version) && opts.reload) ring = keyRing(opts.reload());
    const k = ring.byVersion.get(version);
    if (!k) throw new FieldCryptoError('crypto.unknown_key');
    return k;
  };

  return {
    get keyVersion() {
      return ring.current;
    },

    encrypt(plain) {
      const k = ring.byVersion.get(ring.current) as VersionKeys;
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('sm4-cbc', k.sm4Key, iv);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v${ring.current}.${Buffer.concat([iv, ciphertext, tagOf(k, ring.current, iv, ciphertext)]).toString('base64url')}`;
    },

    decrypt(sealed) {
      const version = sealedKeyVersion(sealed);
      if (version === null) throw new FieldCryptoError('crypto.malformed');
      const bytes = Buffer.from(sealed.slice(sealed.indexOf('.') + 1), 'base64url');
      const ciphertextBytes = bytes.length - IV_BYTES - TAG_BYTES;
      if (ciphertextBytes < BLOCK_BYTES || ciphertextBytes % BLOCK_BYTES !== 0) throw new FieldCryptoError('crypto.malformed');
      const k = keysOf(version);
      const iv = bytes.subarray(0, IV_BYTES);
      const ciphertext = bytes.subarray(IV_BYTES, IV_BYTES + ciphertextBytes);
      if (!timingSafeEqual(tagOf(k, version, iv, ciphertext), bytes.subarray(IV_BYTES + ciphertextBytes)))
        throw new FieldCryptoError('crypto.tampered');
      const decipher = createDecipheriv('sm4-cbc', k.sm4Key, iv);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    },

    searchHash(value) {
      return hmacSm3(ring.hashKey, Buffer.from(value, 'utf8')).toString('base64url');
    },
  };
}

function keyRing({ encKey, keyVersion = 1, openKeys = new Map(), hashKey }: FieldCryptoKeys) {
  if (hashKey.length < 16) throw new RangeError('field crypto: hashKey must be at least 16 bytes');
  const byVersion = new Map<number, VersionKeys>();
  for (const [version, key] of [...openKeys, [keyVersion, encKey] as const]) {
    if (!Number.isInteger(version) || version < 1 || version > 999_999)
      throw new RangeError(`field crypto: key version ${version} is not 1 to 999999`);
    if (key.equals(hashKey)) throw new RangeError('field crypto: encKey and hashKey must differ');
    byVersion.set(version, versionKeys(key));
  }
  return { current: keyVersion, byVersion, hashKey };
}
