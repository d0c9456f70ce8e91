/**
 * The demo's months of cases: loaded through the real loop into a demo city, they hold every source and outcome,
 * the figures kept as they moved equal a recomputation from the action log, and loading again adds nothing.
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_SOURCES } from '../../shared/enums.ts';
import { buildApp } from '../app.ts';
import { loadDemoCity } from '../demo/index.ts';
import { createDiskFileStore } from '../files/index.ts';
import type { Clock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { type Database, queryRows } from '../platform/db.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { TEST_FIELD_KEYS, TEST_PASSWORD_COST } from '../testing/test-secrets.ts';
import { loadDemoCasesOnClock } from './demo-cases.ts';

const NOW = new Date('2026-12-02T10:30:00+08:00');
const clock: Clock = () => NOW;
let database: Database;
let dataDir: string;
const config = () => loadConfig({}, { logLevel: 'silent', fieldKeys: TEST_FIELD_KEYS, passwordCost: TEST_PASSWORD_COST, dataDir });
let built: Awaited<ReturnType<typeof buildApp>>;
let loaded: { cases: number; roundSeconds: number };

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-demo-cases-'));
  database = await openTestDatabase();
  built = await buildApp({ config: config(), database, clock, files: createDiskFileStore(path.join(dataDir, 'files')) });
  await loadDemoCity({ db: database.db, clock, access: built.services.access });
  const started = Date.now();
  loaded = await loadDemoCasesOnClock({ config: config(), database, now: NOW });
  console.log(`demo cases loaded in ${Date.now() - started} ms, the monthly round ${loaded.roundSeconds.toFixed(1)} s of it`);
}, 600_000);
afterAll(async () => {
  await built.app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const count = async (where: string) =>
  Number((await queryRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from event where ${where}`)))[0].n);

describe('the demo cases', () => {
  it('hold every source, closed and open cases, and every side path of the loop', async () => {
    expect(loaded.cases).toBeGreaterThan(200);
    const bySource = await queryRows<{ source: string; n: number }>(
      database.db,
      sql`select source, count(*)::int as n from event group by source`,
    );
    const byStatus = await queryRows<{ status: string; n: number }>(
      database.db,
      sql`select status, count(*)::int as n from event group by status`,
    );
    console.log(JSON.stringify({ bySource, byStatus }));
    expect(bySource.map((r) => r.source).sort()).toEqual([...EVENT_SOURCES].sort());
    const statuses = new Set(byStatus.map((r) => r.status));
    for (const s of ['verifying', 'accepted', 'dispatched', 'signed', 'closed', 'visited', 'voided', 'merged'])
      expect(statuses, s).toContain(s);
    const total = await count('true');
    expect(await count(`status in ('closed', 'visited')`)).toBeGreaterThan(total * 0.6);
    expect(await count('returns > 0')).toBeGreaterThan(0);
    expect(await count('extension_days > 0')).toBeGreaterThan(0);
    expect(await count('escalations > 0')).toBeGreaterThan(0);
    expect(await count(`co_units <> '{}'`)).toBeGreaterThan(0);
    expect(await count('reworks > 0')).toBeGreaterThan(0);
    expect(await count('reopens > 0')).toBeGreaterThan(0);
    expect(await count(`closing_type = 'overdue'`)).toBeGreaterThan(0);
    expect(await count(`rating = 'dissatisfied'`)).toBeGreaterThan(0);
    expect(await count(`rating = 'satisfied'`)).toBeGreaterThan(total * 0.3);
    expect(await count(`status = 'closed'`)).toBeGreaterThan(0); // closed and never rated
    const orders = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from supervision_order`);
    expect(orders[0].n).toBeGreaterThan(0);
    const warned = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from unit_warning`);
    expect(warned[0].n).toBeGreaterThan(0);
  });

  it('leave figures that equal a recomputation from the action log', async () => {
    const r = await built.services.figures.verify({ fromDay: '2026-08-01', toDay: '2026-12-03' });
    expect(r.cases).toBe(await count('true'));
    expect(r.counters).toEqual([]);
    expect(r.caseDifferences).toEqual([]);
  });

  it('leave the county its months assessed by the default schemes, spot checks entered, a final ledger and briefings', async () => {
    const runs = await queryRows<{ period: string; kind: string; status: string; results: number; entered: number; defaults: boolean }>(
      database.db,
      sql`select r.period, r.kind, r.status, r.scheme_id is null as defaults,
            (select count(*)::int from assessment_result x where x.run_id = r.id) as results,
            (select count(*)::int from assessment_result x where x.run_id = r.id
              and exists (select 1 from jsonb_array_elements(x.items) i where i->'entry' <> 'null'::jsonb)) as entered
          from assessment_run r where r.county_code = '420923' order by r.period, r.kind`,
    );
    const status = new Map(runs.map((r) => [`${r.period} ${r.kind}`, r.status]));
    // NOW is 2 December: September to November are published for every kind of assessee, December only computed.
    for (const period of ['2026-09', '2026-10', '2026-11'])
      for (const kind of ['grid_worker', 'village', 'township', 'department'])
        expect(status.get(`${period} ${kind}`), `${period} ${kind}`).toBe('published');
    for (const kind of ['grid_worker', 'village', 'township', 'department']) expect(status.get(`2026-12 ${kind}`)).toBe('computed');
    for (const r of runs) {
      expect(r.defaults).toBe(true);
      expect(r.results, `${r.period} ${r.kind}`).toBeGreaterThan(0);
      // Every scheme has a manual item: a past month's results all carry the assessor's entries, the running month's none.
      expect(r.entered, `${r.period} ${r.kind}`).toBe(r.status === 'published' ? r.results : 0);
    }
    const scores = await queryRows<{ n: number; bands: number }>(
      database.db,
      sql`select count(distinct score)::int as n, count(distinct band)::int as bands from assessment_result x
          join assessment_run r on r.id = x.run_id where r.period = '2026-11' and r.kind = 'village'`,
    );
    expect(scores[0].n).toBeGreaterThan(5);
    expect(scores[0].bands).toBeGreaterThan(1);

    const sheets = await queryRows<{ period: string; status: string; kinds: string[]; submitted: string; approved: string }>(
      database.db,
      sql`select s.period, s.status, s.submitted_by as submitted, s.approved_by as approved,
            array(select distinct e.kind from reward_entry e where e.sheet_id = s.id order by 1) as kinds
          from reward_sheet s where s.county_code = '420923'`,
    );
    expect(sheets).toEqual([
      { period: '2026-11', status: 'final', kinds: ['case', 'star', 'task'], submitted: expect.any(String), approved: expect.any(String) },
    ]);
    expect(sheets[0].approved).not.toBe(sheets[0].submitted);

    const briefings = await queryRows<{ area: string; period: string }>(
      database.db,
      sql`select area_code as area, period from briefing where trigger = 'scheduled' order by period, area_code`,
    );
    for (const period of ['2026-09', '2026-10', '2026-11', '2026-Q3'])
      expect(
        briefings.filter((b) => b.period === period).map((b) => b.area),
        period,
      ).toEqual(expect.arrayContaining(['420900', '420923', '420923100']));
    const november = await queryRows<{ rankings: { kind: string; rows: unknown[] }[] }>(
      database.db,
      sql`select content->'rankings' as rankings from briefing where area_code = '420923' and period = '2026-11'`,
    );
    expect(november[0].rankings.every((r) => r.rows.length > 0)).toBe(true);
  });

  it('are loaded once: a second run adds nothing', async () => {
    const before = await count('true');
    expect(await loadDemoCasesOnClock({ config: config(), database, now: NOW })).toMatchObject({ cases: 0, months: 0 });
    expect(await count('true')).toBe(before);
  });
});
