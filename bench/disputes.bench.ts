/**
 * Disputes at county scale (issue 10, Measure): a screening round over every grid of 云梦县 (the demo city's 472)
 * with BENCH_DISPUTES generated disputes (default 100,000) on PostgreSQL. Timed through the API as the county centre:
 * the round's progress page (p50/p95 over repeated reads) beside a plain GROUP BY of the same disputes per grid, and
 * 立即研判 — every warning rule of the county over all its disputes — beside a plain count of them.
 * The disputes are written in set-based SQL straight to the tables, with parties drawn from a pool so that the
 * same-parties rule has repeats to find, escalations, failed mediations with many people and petition words.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { consoleActor } from '../server/access/console-actor.ts';
import { buildApp } from '../server/app.ts';
import { prepareDatabase } from '../server/db/index.ts';
import { DEMO_CITY, loadDemoCity } from '../server/demo/demo-city.ts';
import { DEMO_PASSWORD } from '../server/demo/demo-users.ts';
import { systemClock } from '../server/platform/clock.ts';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase, queryRows } from '../server/platform/db.ts';
import { TEST_FIELD_KEYS } from '../server/testing/test-secrets.ts';
import { DISPUTE_TYPE_CODES } from '../shared/disputes.ts';

export interface DisputesResult {
  disputes: number;
  grids: number;
  fillSeconds: number;
  progress: { p50Ms: number; p95Ms: number };
  progressAnchor: { p50Ms: number; p95Ms: number };
  firstRun: { ms: number; raised: number };
  ruleRun: { p50Ms: number; p95Ms: number };
  ruleAnchor: { p50Ms: number; p95Ms: number };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

async function timed(times: number, run: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50Ms: percentile(ms, 50), p95Ms: percentile(ms, 95) };
}

/**
 * 100,000 disputes over the county's grids and the last 300 days, a fifth of them found in the round: seven in ten
 * resolved, one referred, two still in hand; one in five went up a tier, one in fifty two or three tiers.
 */
function fillDisputes(count: number, roundId: string) {
  const types = `(array[${DISPUTE_TYPE_CODES.map((c) => `'${c}'`).join(',')}])`;
  return sql.raw(`
    with g as (select array_agg(code order by code) as codes from grid where code like '${DEMO_CITY.gridCounty}%'),
    d as (
      select i, g.codes[1 + (i % array_length(g.codes, 1))] as grid_code,
        ${types}[1 + (i * 7 % array_length(${types}, 1))] as type_code,
        now() - make_interval(days => i % 300, mins => i % 1440) as at
      from generate_series(1, ${count}) i, g
    )
    insert into dispute (county_code, id, title, type_code, occurred_on, place, grid_code, people_involved, risk_level,
      summary, round_id, tier, owner_code, status, escalations, reported_by, reported_at, updated_at)
    select '${DEMO_CITY.gridCounty}', md5('dispute' || i)::uuid,
      '纠纷' || i, type_code, (at at time zone 'Asia/Shanghai')::date, '某村某组', grid_code,
      case when i % 97 = 0 then 30 else 1 + i % 5 end,
      (array['low','medium','high'])[1 + i % 3],
      case when i % 211 = 0 then '双方多次协商未果，扬言集体上访' else '邻里因宅基地边界发生争执' end,
      case when i % 5 = 0 then '${roundId}'::uuid end,
      (array['grid','village','township','county'])[1 + t.escalations],
      case t.escalations when 0 then grid_code when 1 then left(grid_code, 12) else left(grid_code, 9) end,
      case when i % 10 < 7 then 'resolved' when i % 10 = 7 then 'referred' when i % 10 = 8 then 'mediating' else 'pending' end,
      t.escalations,
      '${consoleActor.id}'::uuid, at, at
    from d, lateral (select case when i % 50 = 0 then 2 + i % 2 when i % 5 = 0 then 1 else 0 end as escalations) t`);
}

/** Two parties each, drawn from a pool of 30,000 people, so some pairs meet again within the window. */
function fillParties(count: number) {
  return sql.raw(`
    insert into dispute_party (county_code, dispute_id, seq, kind, person_id, claim)
    select '${DEMO_CITY.gridCounty}', md5('dispute' || i)::uuid, s, 'person',
      md5('person' || ((i * (s + 3)) % 30000))::uuid, '要求赔偿损失'
    from generate_series(1, ${count}) i, generate_series(1, 2) s`);
}

export async function benchDisputes(pgUrl: string, count: number): Promise<DisputesResult> {
  const name = `gezhi_bench_disputes_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), dataDir: null });
  const config = loadConfig({}, { logLevel: 'silent', fieldKeys: TEST_FIELD_KEYS });
  try {
    await prepareDatabase(database);
    const { app, services } = await buildApp({ config, database, clock: systemClock });
    try {
      await loadDemoCity({ db: database.db, clock: systemClock, access: services.access });
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'county', password: DEMO_PASSWORD } });
      if (login.statusCode !== 200) throw new Error(`bench sign-in failed: ${login.body}`);
      const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const call = async (method: 'GET' | 'POST', path: string, payload?: object) => {
        const res = await app.inject({ method, url: path, headers: { cookie }, ...(payload ? { payload } : {}) });
        if (res.statusCode >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${res.body}`);
        return res.json();
      };
      const closesOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      const townships = await queryRows<{ code: string }>(
        database.db,
        sql`select code from area where level = 'township' and parent_code = ${DEMO_CITY.gridCounty} order by code`,
      );
      const round = await call('POST', '/api/disputes/rounds', {
        kind: 'monthly',
        subject: '月度矛盾纠纷排查（压测）',
        areaCodes: townships.map((t) => t.code),
        closesOn,
      });
      const t0 = performance.now();
      await database.db.execute(fillDisputes(count, round.id));
      await database.db.execute(fillParties(count));
      await database.db.execute(sql`analyze`);
      const fillSeconds = (performance.now() - t0) / 1000;

      const progressPath = `/api/disputes/rounds/${round.id}`;
      await call('GET', progressPath);
      const progress = await timed(50, () => call('GET', progressPath));
      const progressAnchor = await timed(50, () =>
        database.db.execute(sql`select grid_code, count(*) from dispute where round_id = ${round.id} group by grid_code`),
      );
      const run = () => call('POST', '/api/disputes/warnings/run', { countyCode: DEMO_CITY.gridCounty });
      // The first run raises every warning the generated disputes hold; the later ones find nothing new.
      const t1 = performance.now();
      const { raised } = await run();
      const firstRunMs = performance.now() - t1;
      const ruleRun = await timed(10, run);
      const ruleAnchor = await timed(10, () =>
        database.db.execute(sql`select count(*) from dispute d join dispute_party p using (county_code) where p.dispute_id = d.id`),
      );
      return {
        disputes: count,
        grids: round.grids.length,
        fillSeconds,
        progress,
        progressAnchor,
        firstRun: { ms: firstRunMs, raised },
        ruleRun,
        ruleAnchor,
      };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
