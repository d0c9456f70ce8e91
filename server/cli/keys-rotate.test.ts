/**
 * `gezhi keys rotate` on a database of its own with people imported through `gezhi registry import` (so sealed by
 * the key file in the data folder): every value re-sealed under the new key version opens to the same text, a value
 * sealed before opens under the old key and the new ring alike, and a rotation interrupted after one batch finishes
 * when run again. On PGlite in a data folder, or on PostgreSQL when TEST_DATABASE_URL is set.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEALED_COLUMNS } from '../platform/columns.ts';
import { loadConfig } from '../platform/config.ts';
import { type Database, queryRows } from '../platform/db.ts';
import { sealedKeyVersion } from '../platform/field-crypto.ts';
import { addFileKey, fieldKeyFile, openFieldCrypto } from '../platform/field-keys.ts';
import { countStaleValues, rotateSealedValues } from '../platform/key-rotation.ts';
import { seedTerritory } from '../testing/fixtures.ts';
import { seedPeopleHouses, writePeopleCsv } from '../testing/people-file.ts';
import { cliTestFolder } from './cli-test-folder.ts';
import { serverPidFile } from './served-folder.ts';

const PEOPLE = 1200;
const { gezhi, withDatabase, dir, ...folder } = cliTestFolder('keys-rotate', { GEZHI_FIELD_ENC_KEY: '', GEZHI_FIELD_ENC_KEYS: '' });
const config = () => loadConfig(folder.env());

/** Every sealed value of the database, by table, row key and column. */
async function sealedValues(database: Database) {
  const values = new Map<string, string>();
  for (const [table, columns] of Object.entries(SEALED_COLUMNS)) {
    const rows = await queryRows<Record<string, string | null>>(
      database.db,
      sql`select ctid::text as row, ${sql.join(
        columns.map((c) => sql.identifier(c)),
        sql`, `,
      )} from ${sql.identifier(table)}`,
    );
    for (const row of rows) for (const c of columns) if (row[c]) values.set(`${table}.${c}.${row.row}`, row[c] as string);
  }
  return values;
}

const plain = (values: Map<string, string>, open: (s: string) => string) => [...values.values()].map(open).sort();

beforeAll(async () => {
  await folder.open(async (database) => {
    const { houses } = writePeopleCsv(path.join(dir, 'people.csv'), PEOPLE);
    await seedTerritory(database.db);
    await seedPeopleHouses(database.db, houses);
  });
  const imported = await gezhi('registry', 'import', 'person', path.join(dir, 'people.csv'), '--report', path.join(dir, 'report.xlsx'));
  expect(imported.code, imported.out).toBe(0);
}, 120_000);

afterAll(() => folder.close());

describe('gezhi keys rotate', () => {
  it('re-seals every value under a new key version; each opens to the same text, and a value sealed before still opens', async () => {
    const before = await withDatabase(sealedValues);
    const oldCrypto = openFieldCrypto(config());
    expect(oldCrypto.keyVersion).toBe(1);
    expect(before.size).toBeGreaterThan(PEOPLE);
    const clear = plain(before, oldCrypto.decrypt);

    const res = await gezhi('keys', 'rotate', '--batch', '300');
    expect(res.code, res.out).toBe(0);
    expect(res.out).toContain('new key version 2');
    expect(res.out).toMatch(/re-sealed \d+ values under key version 2/);

    const after = await withDatabase(sealedValues);
    const ring = openFieldCrypto(config());
    expect([...after.values()].every((v) => sealedKeyVersion(v) === 2)).toBe(true);
    expect(plain(after, ring.decrypt)).toEqual(clear);
    // Mid-rotation reads: a value sealed before opens under the old key alone and under the new ring.
    const old = [...before.values()][0];
    expect(ring.decrypt(old)).toBe(oldCrypto.decrypt(old));
    const keyFile = JSON.parse(fs.readFileSync(fieldKeyFile(config()), 'utf8')) as { enc: { version: number }[] };
    expect(keyFile.enc.map((k) => k.version)).toEqual([2, 1]);
    expect(fs.statSync(fieldKeyFile(config())).mode & 0o777).toBe(0o600);

    const audit = await withDatabase((d) =>
      queryRows<{ action: string }>(d.db, sql`select action from audit_log where action like 'field_keys.%' order by id`),
    );
    expect(audit.map((a) => a.action)).toEqual(['field_keys.rotation_started', 'field_keys.rotated']);
  }, 120_000);

  it('interrupted after its first batch, keeps that batch; run again, it finishes without making another key', async () => {
    const before = await withDatabase(sealedValues);
    const clear = plain(before, openFieldCrypto(config()).decrypt);
    const next = await gezhi('keys', 'rotate', '--batch', '100000');
    expect(next.code).toBe(0);
    // A third key, with the rotation to it cut after one batch of 100.
    expect(addFileKey(config())).toBe(4);
    await withDatabase(async (d) => {
      await expect(
        rotateSealedValues(d.db, openFieldCrypto(config()), {
          at: () => new Date(),
          batchRows: 100,
          onBatch: () => {
            throw new Error('interrupted');
          },
        }),
      ).rejects.toThrow('interrupted');
      const stale = await countStaleValues(d.db, 4);
      expect(stale.person).toBeGreaterThan(0);
      expect(stale.person).toBeLessThan(before.size);
    });
    const again = await gezhi('keys', 'rotate');
    expect(again.code, again.out).toBe(0);
    expect(again.out).toContain('finishing the rotation to key version 4');
    const after = await withDatabase(sealedValues);
    expect([...after.values()].every((v) => sealedKeyVersion(v) === 4)).toBe(true);
    expect(plain(after, openFieldCrypto(config()).decrypt)).toEqual(clear);
    const idle = await gezhi('keys', 'rotate');
    expect(idle.out).toContain('new key version 5');
  }, 120_000);

  it('finds no sealed value outside the listed columns', async () => {
    const stray = await withDatabase(async (d) => {
      const columns = await queryRows<{ table_name: string; column_name: string }>(
        d.db,
        sql`select table_name, column_name from information_schema.columns
            where table_schema = current_schema() and data_type = 'text' and table_name not like '\\_\\_%'`,
      );
      const found: string[] = [];
      for (const c of columns) {
        if (SEALED_COLUMNS[c.table_name]?.includes(c.column_name)) continue;
        const [hit] = await queryRows<{ n: number }>(
          d.db,
          sql`select count(*)::int as n from ${sql.identifier(c.table_name)} where ${sql.identifier(c.column_name)} ~ '^v[0-9]+\\.[A-Za-z0-9_-]{64,}$'`,
        );
        if (hit.n > 0) found.push(`${c.table_name}.${c.column_name}`);
      }
      return found;
    });
    expect(stray).toEqual([]);
  });

  it('refuses a batch size that is not a whole number, changing nothing', async () => {
    const res = await gezhi('keys', 'rotate', '--batch', 'x');
    expect(res.code).toBe(1);
    expect(res.out).toContain("--batch: 'x'");
  });

  it('refuses to open an embedded database a server is serving', async () => {
    if (folder.url()) return;
    fs.writeFileSync(serverPidFile(dir), String(process.pid));
    try {
      const res = await gezhi('keys', 'rotate');
      expect(res.code).toBe(1);
      expect(res.out).toContain(`a server (process ${process.pid}) is running`);
    } finally {
      fs.rmSync(serverPidFile(dir));
    }
  });
});
