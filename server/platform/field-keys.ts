import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';

export interface FieldKeys {
  encKey: Buffer;
  hashKey: Buffer;
}

/**
 * The keys that seal ID numbers and phones. From configuration (GEZHI_FIELD_ENC_KEY, 32 hex digits, and
 * GEZHI_FIELD_HASH_KEY, ≥ 32 hex digits) in production — every server sharing a database must have the same
 * keys. When none are configured, a key file is made once in the data folder (mode 0600) so that `npm start`
 * works with nothing to set; that suits one server only (docs/scale-out.md).
 */
export function resolveFieldKeys(config: Config): FieldKeys {
  if (config.fieldKeys) return { encKey: Buffer.from(config.fieldKeys.enc, 'hex'), hashKey: Buffer.from(config.fieldKeys.hash, 'hex') };
  const file = path.join(config.dataDir, 'keys', 'field-keys.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const keys = { enc: crypto.randomBytes(16).toString('hex'), hash: crypto.randomBytes(32).toString('hex') };
    fs.writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  }
  const keys = JSON.parse(fs.readFileSync(file, 'utf8')) as { enc: string; hash: string };
  return { encKey: Buffer.from(keys.enc, 'hex'), hashKey: Buffer.from(keys.hash, 'hex') };
}
