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
  /** 16 bytes (an SM4 key); the SM4 and MAC keys are derived from it so neither key serves two algorithms. */
  encKey: Buffer;
  /** At least 16 bytes, different from encKey: whoever holds it can test guesses against the search column. */
  hashKey: Buffer;
}

export interface FieldCrypto {
  /** `v1.` + base64url(IV ‖ SM4-CBC ciphertext ‖ 16-byte HMAC-SM3 tag); a new IV each call. */
  encrypt(plain: string): string;
  /** Throws FieldCryptoError when the value was altered, truncated or sealed under another key. */
  decrypt(sealed: string): string;
  /** base64url HMAC-SM3 of the value as given: normalize first (normalizeIdNumber, a bare mobile number). */
  searchHash(value: string): string;
}

export class FieldCryptoError extends Error {
  constructor(readonly reason: 'crypto.malformed' | 'crypto.tampered') {
    super(reason);
  }
}

/** The prefix names the format and key generation, so a rotated key can come as v2 beside old values. */
const VERSION = 'v1';
const PREFIX = `${VERSION}.`;
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

export function createFieldCrypto({ encKey, hashKey }: FieldCryptoKeys): FieldCrypto {
  requireNationalAlgorithms();
  if (encKey.length !== 16) throw new RangeError('field crypto: encKey must be 16 bytes (an SM4 key)');
  if (hashKey.length < 16) throw new RangeError('field crypto: hashKey must be at least 16 bytes');
  if (encKey.equals(hashKey)) throw new RangeError('field crypto: encKey and hashKey must differ');
  const sm4Key = hmacSm3(encKey, Buffer.from('gezhi field sm4')).subarray(0, 16);
  const macKey = hmacSm3(encKey, Buffer.from('gezhi field mac'));
  const version = Buffer.from(VERSION);
  const tagOf = (iv: Buffer, ciphertext: Buffer) => hmacSm3(macKey, version, iv, ciphertext).subarray(0, TAG_BYTES);

  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('sm4-cbc', sm4Key, iv);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, ciphertext, tagOf(iv, ciphertext)]).toString('base64url');
    },

    decrypt(sealed) {
      if (!sealed.startsWith(PREFIX)) throw new FieldCryptoError('crypto.malformed');
      const bytes = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
      const ciphertextBytes = bytes.length - IV_BYTES - TAG_BYTES;
      if (ciphertextBytes < BLOCK_BYTES || ciphertextBytes % BLOCK_BYTES !== 0) throw new FieldCryptoError('crypto.malformed');
      const iv = bytes.subarray(0, IV_BYTES);
      const ciphertext = bytes.subarray(IV_BYTES, IV_BYTES + ciphertextBytes);
      if (!timingSafeEqual(tagOf(iv, ciphertext), bytes.subarray(IV_BYTES + ciphertextBytes)))
        throw new FieldCryptoError('crypto.tampered');
      const decipher = createDecipheriv('sm4-cbc', sm4Key, iv);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    },

    searchHash(value) {
      return hmacSm3(hashKey, Buffer.from(value, 'utf8')).toString('base64url');
    },
  };
}
