/** Where the field keys come from: the key ring in configuration, or the key file and its rotation. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { sealedKeyVersion } from './field-crypto.ts';
import { addFileKey, fieldKeyFile, openFieldCrypto } from './field-keys.ts';

const hash = 'ff'.repeat(32);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-field-keys-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('GEZHI_FIELD_ENC_KEYS', () => {
  it('is the ring by version, the first sealing and all opening; GEZHI_FIELD_ENC_KEY is version 1', () => {
    const one = openFieldCrypto(loadConfig({ GEZHI_FIELD_ENC_KEY: '11'.repeat(16), GEZHI_FIELD_HASH_KEY: hash }));
    const sealed = one.encrypt('13800001234');
    expect(sealedKeyVersion(sealed)).toBe(1);
    const ring = openFieldCrypto(
      loadConfig({ GEZHI_FIELD_ENC_KEYS: `2:${'22'.repeat(16)}, 1:${'11'.repeat(16)}`, GEZHI_FIELD_HASH_KEY: hash }),
    );
    expect(ring.keyVersion).toBe(2);
    expect(ring.decrypt(sealed)).toBe('13800001234');
  });

  it('stops the server on a ring it cannot read, or on both variables at once', () => {
    const env = (keys: string) => ({ GEZHI_FIELD_ENC_KEYS: keys, GEZHI_FIELD_HASH_KEY: hash });
    expect(() => loadConfig(env(`2:${'22'.repeat(8)}`))).toThrow(/not version:key/);
    expect(() => loadConfig(env(`2:${'22'.repeat(16)},2:${'33'.repeat(16)}`))).toThrow(/appears twice/);
    expect(() => loadConfig(env(','))).toThrow(/no key/);
    expect(() => loadConfig({ ...env(`1:${'11'.repeat(16)}`), GEZHI_FIELD_ENC_KEY: '11'.repeat(16) })).toThrow(/both set/);
  });
});

describe('the key file', () => {
  it('reads a file from before key versions as version 1, and a rotation puts a new key first, keeping the old', () => {
    const config = loadConfig({ GEZHI_DATA_DIR: dir });
    fs.mkdirSync(path.dirname(fieldKeyFile(config)), { recursive: true });
    fs.writeFileSync(fieldKeyFile(config), JSON.stringify({ enc: '11'.repeat(16), hash }));
    const before = openFieldCrypto(config);
    const sealed = before.encrypt('11010519491231002X');
    expect(before.keyVersion).toBe(1);
    expect(addFileKey(config)).toBe(2);
    // The server that opened the file before the rotation opens a value of the new version by re-reading it.
    const after = openFieldCrypto(config).encrypt('13800001234');
    expect(before.decrypt(after)).toBe('13800001234');
    expect(before.keyVersion).toBe(2);
    expect(openFieldCrypto(config).decrypt(sealed)).toBe('11010519491231002X');
    expect(() => addFileKey(loadConfig({ GEZHI_FIELD_ENC_KEY: '11'.repeat(16), GEZHI_FIELD_HASH_KEY: hash }))).toThrow(
      /GEZHI_FIELD_ENC_KEYS/,
    );
  });
});
