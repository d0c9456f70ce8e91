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
let loaded: { cases: number };

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-demo-cases-'));
  database = await openTestDatabase();
  built = await buildApp({ config: config(), database, clock, files: createDiskFileStore(path.join(dataDir, 'files')) });
  await loadDemoCity({ db: database.db, clock, access: built.services.access });
  const started = Date.now();
  loaded = await loadDemoCasesOnClock({ config: config(), database, now: NOW });
  console.log(`demo cases loaded in ${Date.now() - started} ms`);
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

  it('are loaded once: a second run adds nothing', async () => {
    const before = await count('true');
    expect(await loadDemoCasesOnClock({ config: config(), database, now: NOW })).toEqual({ cases: 0 });
    expect(await count('true')).toBe(before);
  });
});
