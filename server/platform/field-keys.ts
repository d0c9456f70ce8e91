import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config, VersionedKey } from './config.ts';
import { createFieldCrypto, type FieldCrypto, type FieldCryptoKeys } from './field-crypto.ts';

/** The key file's contents: the ring by version, the first sealing (a file from before rotation has one `enc`). */
interface KeyFile {
  enc: string | VersionedKey[];
  hash: string;
}

/** Where the key file is (or would be) when no keys are configured; a backup copies it. */
export const fieldKeyFile = (config: Config) => path.join(config.dataDir, 'keys', 'field-keys.json');

/**
 * The keys that seal ID numbers and phones. From configuration (GEZHI_FIELD_ENC_KEY, 32 hex digits, or the ring
 * GEZHI_FIELD_ENC_KEYS after a rotation, and GEZHI_FIELD_HASH_KEY, ≥ 32 hex digits) in production — every server
 * sharing a database must have the same keys. When none are configured, a key file is made once in the data folder
 * (mode 0600) so that `npm start` works with nothing to set; that suits one server only (docs/scale-out.md).
 */
export function resolveFieldKeys(config: Config): FieldCryptoKeys {
  return cryptoKeys(config.fieldKeys ?? readKeyFile(config));
}

/** The field crypto of a server: with a key file, a value under a version it lacks re-reads the file (a rotation made it). */
export function openFieldCrypto(config: Config): FieldCrypto {
  const keys = () => resolveFieldKeys(config);
  return createFieldCrypto(keys(), config.fieldKeys ? {} : { reload: keys });
}

/**
 * Puts a new key first in the key file (the old ones stay, to open what they sealed) and answers its version.
 * Configured keys are the operator's to change: then this refuses.
 */
export function addFileKey(config: Config): number {
  if (config.fieldKeys) throw new Error('field keys come from configuration: put the new key first in GEZHI_FIELD_ENC_KEYS');
  const file = readKeyFile(config);
  const ring = versioned(file.enc);
  const version = Math.max(...ring.map((k) => k.version)) + 1;
  writeKeyFile(fieldKeyFile(config), { enc: [{ version, key: crypto.randomBytes(16).toString('hex') }, ...ring], hash: file.hash });
  return version;
}

/** The field crypto of a key file's text (a backup's): throws when it is not one. */
export function fieldCryptoOfKeyFile(text: string): FieldCrypto {
  const file = JSON.parse(text) as KeyFile;
  if (typeof file?.hash !== 'string' || !(typeof file.enc === 'string' || Array.isArray(file.enc))) throw new Error('not a field key file');
  return createFieldCrypto(cryptoKeys(file));
}

const versioned = (enc: KeyFile['enc']): VersionedKey[] => (typeof enc === 'string' ? [{ version: 1, key: enc }] : enc);

function cryptoKeys({ enc, hash }: KeyFile): FieldCryptoKeys {
  const [current, ...others] = versioned(enc);
  return {
    encKey: Buffer.from(current.key, 'hex'),
    keyVersion: current.version,
    openKeys: new Map(others.map((k) => [k.version, Buffer.from(k.key, 'hex')])),
    hashKey: Buffer.from(hash, 'hex'),
  };
}

function readKeyFile(config: Config): KeyFile {
  const file = fieldKeyFile(config);
  if (!fs.existsSync(file))
    writeKeyFile(file, { enc: crypto.randomBytes(16).toString('hex'), hash: crypto.randomBytes(32).toString('hex') });
  return JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
}

/** Written beside and renamed into place, so a reader never sees half a file and a crash never loses a key. */
function writeKeyFile(file: string, keys: KeyFile) {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const next = `${file}.next`;
  fs.writeFileSync(next, JSON.stringify(keys), { mode: 0o600 });
  fs.renameSync(next, file);
}
