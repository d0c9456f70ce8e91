/** Issue 12, item 6: a township export with full ID numbers and phones was 7,452 values under one reason and one row. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { importFile } from '../../testing/import-job.ts';
import { seedPeopleHouses, writePeopleCsv } from '../../testing/people-file.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
let t: TestApp;
let township: Request;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-unmask-cap-'));
const CAP = 200; // GEZHI_UNMASKED_EXPORT_MAX's default, which the harness keeps

beforeAll(async () => {
  t = await createTestApp();
  const file = path.join(dir, 'people.csv');
  const { houses } = writePeopleCsv(file, 700);
  await seedPeopleHouses(t.db, houses);
  const county = (await t.as(['county_center'], [FIXTURE.county])).request;
  const job = await importFile(county, 'person', fs.readFileSync(file), 'people.csv');
  expect(job).toMatchObject({ state: 'done', rejected: 0 });
  township = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
}, 120_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const REASON = encodeURIComponent('低保复核');
const exports = async () =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log where action = 'registry.exported'`))[0].n;
async function sheetRows(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  const [header, ...data] = rows;
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

describe('an export with full values is capped', () => {
  it('a township export over the cap is refused, saying the cap and the count, and nothing is audited or revealed', async () => {
    const masked = await sheetRows(await township({ method: 'GET', url: `/api/registry/people/export?area=${FIXTURE.townships[0]}` }));
    expect(masked.length).toBeGreaterThan(CAP);
    const before = await exports();
    const res = await township({
      method: 'GET',
      url: `/api/registry/people/export?area=${FIXTURE.townships[0]}&unmask=true&reason=${REASON}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'registry.unmasked_export_cap',
      details: [{ field: 'querystring.unmask', rows: masked.length, cap: CAP, value: `${masked.length} > ${CAP}` }],
    });
    expect(res.json().details[0].message).toContain(`${masked.length} > ${CAP}`);
    expect(await exports()).toBe(before);
  });

  it('under the cap, the audit row counts every value revealed, per field, and names every record', async () => {
    const res = await township({
      method: 'GET',
      url: `/api/registry/people/export?area=${FIXTURE.villages[0]}&unmask=true&reason=${REASON}`,
    });
    const rows = await sheetRows(res);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(CAP);
    expect(rows.every((r) => /^[0-9]{17}[0-9X]$/.test(r.证件号码))).toBe(true);
    const phones = rows.filter((r) => r.联系电话 !== '').length;
    expect(phones).toBeGreaterThan(0);
    const [{ detail }] = await queryRows<{ detail: { revealed: Record<string, number>; recordIds: string[]; rows: number } }>(
      t.db,
      sql`select detail from audit_log where action = 'registry.exported' order by id desc limit 1`,
    );
    expect(detail).toMatchObject({ rows: rows.length, revealed: { idNumber: rows.length, phone: phones } });
    expect(new Set(detail.recordIds).size).toBe(rows.length);
    const known = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from person where id::text in (select jsonb_array_elements_text(${JSON.stringify(detail.recordIds)}::jsonb))`,
    );
    expect(known[0].n).toBe(rows.length);
  });
});
