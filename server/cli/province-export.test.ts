/** `gezhi province export` on a database of its own: the file, the next watermark, then nothing new; bad input refused. */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { makeCreditCode } from '../registry/index.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { cliTestFolder } from './cli-test-folder.ts';

const { gezhi, dir, ...folder } = cliTestFolder('province-export');
const ORG = makeCreditCode('91', FIXTURE.county, 'MA49CL01');

const lines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(() =>
  folder.open(async (database) => {
    // An organisation as a registry write leaves it: the row and its history entry in one transaction.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into organisation (county_code, credit_code, name, org_type, address, grid_code, updated_at)
      values (${FIXTURE.county}, ${ORG}, '云梦县城关五金有限公司', '01', '城关镇朝阳路 3 号', ${FIXTURE.grids[0]}, now())`);
      await tx.execute(sql`insert into record_change (county_code, record_type, record_key, at, before, after)
      values (${FIXTURE.county}, 'organisation', ${ORG}, now(), null, '{}')`);
    });
  }),
);
afterAll(() => folder.close());

describe('gezhi province export', () => {
  it('writes the county’s changes and the next watermark; from that watermark, nothing; each file audited', async () => {
    const first = path.join(dir, 'first.jsonl');
    const r = await gezhi('province', 'export', '--county', FIXTURE.county, '--out', first);
    expect(r.code, r.out).toBe(0);
    const [org, trailer] = lines(first);
    expect(org).toMatchObject({ kind: 'organisation', key: ORG, data: { 统一社会信用代码: ORG, 名称: '云梦县城关五金有限公司' } });
    expect(trailer).toMatchObject({ kind: 'watermark', county: FIXTURE.county, disclosure: 'masked', counts: { organisation: 1 } });
    expect(r.out).toContain(`next watermark ${trailer.watermark}`);

    const next = path.join(dir, 'next.jsonl');
    expect((await gezhi('province', 'export', '--county', FIXTURE.county, '--since', String(trailer.watermark), '--out', next)).code).toBe(
      0,
    );
    expect(lines(next)).toMatchObject([
      { kind: 'watermark', since: trailer.watermark, counts: { person: 0, house: 0, organisation: 0, case: 0 } },
    ]);

    const [{ n }] = await folder.withDatabase((d) =>
      queryRows<{ n: number }>(d.db, sql`select count(*)::int as n from audit_log where action = 'province.exported'`),
    );
    expect(n).toBe(2);
  });

  it('a malformed watermark or county: exit 1 naming it, no file written', async () => {
    const bad = await gezhi('province', 'export', '--county', FIXTURE.county, '--since', 'yesterday', '--out', path.join(dir, 'bad.jsonl'));
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('province.watermark_invalid');
    const county = await gezhi('province', 'export', '--county', '4209', '--out', path.join(dir, 'bad.jsonl'));
    expect(county.code).toBe(1);
    expect(county.out).toContain('--county');
    expect(fs.existsSync(path.join(dir, 'bad.jsonl'))).toBe(false);
  });
});
