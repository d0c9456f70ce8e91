/**
 * Figures at city scale (issue 9, Measure): BENCH_FIGURE_EVENTS generated cases (default 10,000,000 on PostgreSQL,
 * 1,000,000 on PGlite) over the last three years in the 472 grids of the demo city's 云梦县, written with set-based
 * SQL into the real tables — `event`, and the roll-up the product keeps as cases move (`figure_case`, what each case
 * counts for; `figure_count`, the counters summed from it). Timed through the API as the county centre: the command
 * centre's dashboard over this month (what a leader lands on) and over the last full year (its heaviest), and the
 * ranking of lead units by 按期处置率 over that year (the dashboard's and the briefing's, through the figures' front
 * door); each beside a plain GROUP BY over the raw events for the same figures, run the same way in the same run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { prepareDatabase } from '../server/db/index.ts';
import { DEMO_CITY, loadDemoCity } from '../server/demo/demo-city.ts';
import { DEMO_PASSWORD } from '../server/demo/demo-users.ts';
import { factSumsPer } from '../server/figures/index.ts';
import { systemClock } from '../server/platform/clock.ts';
import { loadConfig } from '../server/platform/config.ts';
import { type Database, openDatabase, queryRows } from '../server/platform/db.ts';
import { TEST_FIELD_KEYS } from '../server/testing/test-secrets.ts';
import { EVENT_SOURCES } from '../shared/enums.ts';

export interface Timing {
  p50Ms: number;
  p95Ms: number;
}
export interface FiguresResult {
  database: 'PostgreSQL' | 'PGlite';
  events: number;
  grids: number;
  fillSeconds: number;
  rollupRows: number;
  monthRows: number;
  year: string;
  month: string;
  dashboardMonth: Timing;
  dashboardMonthAnchor: Timing;
  dashboardYear: Timing;
  dashboardYearAnchor: Timing;
  unitRanking: Timing;
  unitRankingAnchor: Timing;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

async function timed(times: number, run: () => Promise<unknown>): Promise<Timing> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50Ms: percentile(ms, 50), p95Ms: percentile(ms, 95) };
}

/** The demo's item classes, the first far more often than the last (as real intake is). */
const ITEMS = [
  'CG06010',
  'CG06011',
  'CG06027',
  'CG06029',
  'CG06036',
  'CG06042',
  'CG07001',
  'CG09006',
  'CG09010',
  'CG06001',
  'CG01037',
  'CG03005',
  'CG06028',
  'CG09009',
  'AQ0201',
  'AQ0203',
  'MD0601',
  'MD0503',
];
const OPEN = ['reported', 'accepted', 'dispatched', 'signed', 'handled', 'checked'];
const list = (xs: readonly string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`;

/**
 * `count` cases over the last 1,095 days: nine in ten of those older than three weeks closed and most rated, the
 * recent ones spread over the open stages; a tenth never dispatched, the rest sent to the three departments or a
 * township; some handled late, closed overdue, reworked, reopened, returned or repeated.
 */
function fillEvents(count: number) {
  const county = DEMO_CITY.gridCounty;
  return sql.raw(`
    with g as (select array_agg(code order by code) as codes from grid where code like '${county}%'),
    r as (
      select i, g.codes[1 + floor(random() * array_length(g.codes, 1))::int] as grid_code,
        random() * 1095 as age, random() as ru, random() as ri, random() as rs, random() as ro, random() as rc
      from generate_series(1, ${count}) i, g
    ),
    e as (
      select i, grid_code, now() - make_interval(secs => age * 86400) as at, age, rc,
        (${list(ITEMS)})[1 + floor(ri * ri * ${ITEMS.length})::int] as item_code,
        case when rs < 0.45 then 'grid_worker' when rs < 0.65 then 'hotline' when rs < 0.77 then 'citizen'
          when rs < 0.85 then 'video' when rs < 0.92 then 'department' when rs < 0.97 then 'leader' else 'sensor' end as source,
        case when ru < 0.1 then null when ru < 0.6 then 'YM-CG' when ru < 0.75 then 'YM-GA' when ru < 0.85 then 'YM-SJ'
          else left(grid_code, 9) end as lead_unit,
        case when ro < 0.02 then 'voided' when ro < 0.04 then 'merged'
          when age < 21 and ro < 0.34 then (${list(OPEN)})[1 + floor((ro - 0.04) / 0.05)::int]
          when age >= 21 and ro < 0.05 then 'signed'
          when ro < 0.85 then 'visited' else 'closed' end as status
      from r
    )
    insert into event (county_code, id, case_no, status, source, item_code, rule, severity, description, lng, lat,
      grid_code, owner_code, lead_unit, returns, reworks, reopens, handled_late, closing_type, rating,
      reported_at, closed_at, updated_at)
    select '${county}', md5('bench-event' || i)::uuid, 'B' || lpad(i::text, 9, '0'), status, source, item_code, '{}'::jsonb,
      'normal', '压测事件', 113.75, 31.02, grid_code, left(grid_code, 12),
      case when status in ('voided', 'merged', 'reported', 'accepted') then null else lead_unit end,
      (rc < 0.05)::int, (rc > 0.97)::int, (rc > 0.99)::int, rc < 0.08,
      case when status in ('closed', 'visited') then case when rc < 0.1 then 'overdue' else 'normal' end end,
      case when status = 'visited' then case when rc < 0.06 then 'dissatisfied' when rc < 0.12 then 'basically_satisfied' else 'satisfied' end end,
      at, case when status in ('closed', 'visited') then least(now(), at + make_interval(secs => (1 + rc * 5) * 86400)) end, at
    from e`);
}

/** What each case counts for, from its row — the roll-up's other half, as the loop would have left it. */
function fillFigureCases() {
  const open = list(OPEN);
  return sql.raw(`
    insert into figure_case (county_code, event_id, case_no, day, grid_code, unit_code, item_code, source, status, facts)
    select county_code, id, case_no, to_char(reported_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD'), grid_code,
      coalesce(lead_unit, ''), item_code, source, status,
      array_remove(array[
        'reported',
        case when source in ('citizen', 'hotline', 'video', 'sensor') then 'to_verify' end,
        case when source in ('citizen', 'hotline', 'video', 'sensor') and status <> 'voided' then 'verified' end,
        case when status not in ('voided', 'merged') then 'registered' end,
        case when status = 'voided' then 'voided' end,
        case when status = 'merged' then 'merged' end,
        case when lead_unit is not null then 'dispatched' end,
        case when returns > 0 then 'returned' end,
        case when lead_unit is not null and returns = 0 then 'dispatched_correctly' end,
        case when lead_unit is not null and status in ('handled', 'checked', 'closed', 'visited') then 'handled' end,
        case when lead_unit is not null and status in ('handled', 'checked', 'closed', 'visited') and not handled_late then 'handled_on_time' end,
        case when handled_late then 'handled_late' end,
        case when reworks > 0 then 'reworked' end,
        case when status in ('closed', 'visited') then 'closed' end,
        case when closing_type = 'normal' then 'closed_on_time' end,
        case when closing_type = 'overdue' then 'closed_overdue' end,
        case when reopens > 0 then 'reopened' end,
        case when rating is not null then 'rated' end,
        case when rating in ('satisfied', 'basically_satisfied') then 'satisfied' end,
        case when rating = 'dissatisfied' then 'dissatisfied' end,
        case when status = 'closed' then 'unrated' end,
        case when right(case_no, 2) = '07' then 'repeat' end,
        case when closing_type = 'overdue' or (status = any(${open}) and handled_late) then 'overdue' end,
        case when handled_late then 'warned' end,
        case when handled_late then (array['warned_blue', 'warned_yellow', 'warned_red'])[1 + (ascii(right(case_no, 1)) % 3)] end,
        case when status = any(${open}) then 'open' end,
        case when status = any(${open}) then 'open_' || status end
      ]::text[], null)
    from event where case_no like 'B%'`);
}

const fillCounts = sql.raw(`
  insert into figure_count (county_code, day, grid_code, unit_code, item_code, source, fact, n)
  select county_code, day, grid_code, unit_code, item_code, source, fact, count(*)::int
  from figure_case, unnest(facts) fact
  group by 1, 2, 3, 4, 5, 6, 7`);

/** The month grain from the daily counters, one pass a dimension (each a small hash of keys), as the loop's moves would sum. */
const fillMonths = (['grid_code', 'unit_code', 'item_code', 'source', 'day'] as const).map((column) =>
  sql.raw(`
  insert into figure_month (county_code, month, dim, key, fact, n)
  select county_code, left(day, 7), '${column.replace('_code', '')}', ${column}, fact, sum(n)::int
  from figure_count group by county_code, left(day, 7), ${column}, fact`),
);

/** The tables the fill writes: their indexes and primary keys are dropped before it and built again after (bench only). */
const FILLED = ['event', 'figure_case', 'figure_count', 'figure_month'];

async function dropIndexes(db: Database['db']) {
  const tables = sql.raw(FILLED.map((t) => `'${t}'::regclass`).join(', '));
  const keys = await queryRows<{ tbl: string; name: string; def: string }>(
    db,
    sql`select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def
      from pg_constraint where conrelid in (${tables}) and contype = 'p'`,
  );
  const indexes = await queryRows<{ name: string; def: string }>(
    db,
    sql`select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as def from pg_index
      where indrelid in (${tables}) and not exists (select 1 from pg_constraint c where c.conindid = indexrelid)`,
  );
  for (const i of indexes) await db.execute(sql.raw(`drop index ${i.name}`));
  for (const k of keys) await db.execute(sql.raw(`alter table ${k.tbl} drop constraint ${k.name}`));
  return async () => {
    for (const k of keys) await db.execute(sql.raw(`alter table ${k.tbl} add constraint ${k.name} ${k.def}`));
    for (const i of indexes) await db.execute(sql.raw(i.def));
  };
}

/** China dates [from, to) of a period as instants, for the raw queries. */
const instants = (fromDay: string, toDay: string) => ({ from: `${fromDay}T00:00:00+08:00`, to: `${toDay}T00:00:00+08:00` });

/**
 * The dashboard's figures straight from the events, in the dashboard's shape: intake by source; the totals; open by
 * status (whenever reported); reported and closed per day of the last 30; per item, per grid and per lead unit.
 */
function rawDashboard(db: Database['db'], span: { from: string; to: string }, trendFrom: string) {
  const county = DEMO_CITY.gridCounty;
  const inSpan = sql`county_code = ${county} and reported_at >= ${span.from}::timestamptz and reported_at < ${span.to}::timestamptz`;
  const closed = sql.raw(`status in ('closed', 'visited')`);
  return Promise.all([
    db.execute(sql`select source, count(*) from event where ${inSpan} group by source`),
    db.execute(sql`select count(*) as reported, count(*) filter (where ${closed}) as closed,
      count(*) filter (where status = any(${sql.raw(list(OPEN))}::text[])) as open, count(*) filter (where closing_type = 'overdue') as overdue,
      count(*) filter (where handled_late) as warned, count(*) filter (where rating is not null) as rated,
      count(*) filter (where rating in ('satisfied', 'basically_satisfied')) as satisfied from event where ${inSpan}`),
    db.execute(
      sql`select status, count(*) from event where county_code = ${county} and status = any(${sql.raw(list(OPEN))}::text[]) group by status`,
    ),
    db.execute(sql`select (reported_at at time zone 'Asia/Shanghai')::date as day, count(*), count(*) filter (where ${closed})
      from event where county_code = ${county} and reported_at >= ${trendFrom}::timestamptz group by 1`),
    db.execute(sql`select item_code, count(*) from event where ${inSpan} group by item_code`),
    db.execute(sql`select grid_code, count(*) from event where ${inSpan} group by grid_code`),
    rawUnits(db, span),
  ]);
}

function rawUnits(db: Database['db'], span: { from: string; to: string }) {
  return db.execute(sql`select lead_unit, count(*) as dispatched,
      count(*) filter (where status in ('handled', 'checked', 'closed', 'visited') and not handled_late) as handled_on_time
    from event where county_code = ${DEMO_CITY.gridCounty} and reported_at >= ${span.from}::timestamptz
      and reported_at < ${span.to}::timestamptz and lead_unit is not null group by lead_unit`);
}

/**
 * The generated cases and both grains of the roll-up of them, into a database holding the demo city: set-based,
 * with the four tables' indexes and primary keys dropped for the fill and built again after it (each built once by
 * a sort, not moved row by row).
 */
export async function fillFigures(database: Database, count: number, say: (s: string) => void) {
  const t0 = performance.now();
  const lap = (what: string) => say(`${what} at ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  await database.db.transaction(async (tx) => {
    const db = tx as unknown as Database['db'];
    // The fill's own settings: big sorts and index builds in memory.
    await db.execute(sql`select set_config('work_mem', '256MB', true), set_config('maintenance_work_mem', '1GB', true)`);
    const rebuild = await dropIndexes(db);
    await db.execute(sql`select setseed(0.42)`);
    await db.execute(fillEvents(count));
    lap(`${count.toLocaleString('en-US')} events written`);
    await db.execute(fillFigureCases());
    lap('their figure_case rows written');
    await db.execute(fillCounts);
    lap('daily counters written');
    for (const statement of fillMonths) await db.execute(statement);
    lap('month counters written');
    await rebuild();
    lap('indexes and keys built');
  });
  // As autovacuum would leave a live database: statistics, and the visibility map the index-only reads need.
  await database.db.execute(sql`vacuum analyze`);
  lap('vacuumed');
}

async function benchOn(database: Database, kind: FiguresResult['database'], count: number, say: (s: string) => void) {
  await prepareDatabase(database);
  const config = loadConfig({}, { logLevel: 'silent', fieldKeys: TEST_FIELD_KEYS });
  const { app, services } = await buildApp({ config, database, clock: systemClock });
  try {
    await loadDemoCity({ db: database.db, clock: systemClock, access: services.access });
    const t0 = performance.now();
    await fillFigures(database, count, (s) => say(`  ${kind}: ${s}`));
    const fillSeconds = (performance.now() - t0) / 1000;
    const [{ n: rollupRows }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from figure_count`);
    const [{ n: monthRows }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from figure_month`);
    const [{ n: grids }] = await queryRows<{ n: number }>(database.db, sql`select count(distinct grid_code)::int as n from figure_case`);
    say(
      `  ${kind}: roll-up of ${rollupRows.toLocaleString('en-US')} daily and ${monthRows.toLocaleString('en-US')} month counters, all written in ${fillSeconds.toFixed(0)} s`,
    );

    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'county', password: DEMO_PASSWORD } });
    if (login.statusCode !== 200) throw new Error(`bench sign-in failed: ${login.body}`);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const get = async (url: string) => {
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const month = today.slice(0, 7);
    const year = String(Number(today.slice(0, 4)) - 1);
    const trendFrom = instants(new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10), today).from;
    const monthSpan = instants(`${month}-01`, nextMonthDay(month));
    const yearSpan = instants(`${year}-01-01`, `${Number(year) + 1}-01-01`);
    const area = DEMO_CITY.gridCounty;
    const times = kind === 'PGlite' ? 20 : 40;

    const dashboardMonth = await timed(times, () => get(`/api/figures/dashboard?area=${area}`));
    const dashboardMonthAnchor = await timed(times, () => rawDashboard(database.db, monthSpan, trendFrom));
    const dashboardYear = await timed(times, () => get(`/api/figures/dashboard?area=${area}&period=${year}`));
    const dashboardYearAnchor = await timed(times, () => rawDashboard(database.db, yearSpan, trendFrom));
    const unitRanking = await timed(times, () =>
      factSumsPer(database.db, {
        prefix: area,
        fromDay: `${year}-01-01`,
        toDay: `${Number(year) + 1}-01-01`,
        facts: ['dispatched', 'handled_on_time'],
        by: 'unitCode',
      }),
    );
    const unitRankingAnchor = await timed(times, () => rawUnits(database.db, yearSpan));
    // The two ways must count the same: the year's cases by source.
    const viaApi = (await get(`/api/figures/dashboard?area=${area}&period=${year}`)).intakeBySource as { source: string; n: number }[];
    const raw = await queryRows<{ source: string; n: number }>(
      database.db,
      sql`select source, count(*)::int as n from event where reported_at >= ${yearSpan.from}::timestamptz and reported_at < ${yearSpan.to}::timestamptz group by source`,
    );
    for (const s of EVENT_SOURCES) {
      const a = viaApi.find((x) => x.source === s)?.n ?? 0;
      const b = raw.find((x) => x.source === s)?.n ?? 0;
      if (a !== b) throw new Error(`figures bench: ${s} counted ${a} by the roll-up, ${b} by GROUP BY`);
    }
    return {
      database: kind,
      events: count,
      grids,
      fillSeconds,
      rollupRows,
      monthRows,
      year,
      month,
      dashboardMonth,
      dashboardMonthAnchor,
      dashboardYear,
      dashboardYearAnchor,
      unitRanking,
      unitRankingAnchor,
    } satisfies FiguresResult;
  } finally {
    await app.close();
  }
}

const nextMonthDay = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/** Drops the bench's database once the pool's connections have gone (a forced drop would break them under the pool). */
async function dropWhenClosed(admin: pg.Client, name: string) {
  for (let i = 0; i < 40; i++) {
    try {
      await admin.query(`drop database if exists ${name}`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await admin.query(`drop database if exists ${name} with (force)`);
}

/** On PostgreSQL (a database of its own, dropped after) when a URL is given, and on PGlite in a temporary folder. */
export async function benchFigures(
  pgUrl: string | null,
  counts: { postgres: number; pglite: number },
  say: (s: string) => void,
): Promise<FiguresResult[]> {
  const out: FiguresResult[] = [];
  if (pgUrl && counts.postgres > 0) {
    const name = `gezhi_bench_figures_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString(), dataDir: null });
    try {
      out.push(await benchOn(database, 'PostgreSQL', counts.postgres, say));
    } catch (e) {
      // Said before the database is dropped under the pool, whose own error would hide this one.
      say(`figures bench on PostgreSQL failed: ${(e as Error).stack}`);
      throw e;
    } finally {
      await database.close();
      await dropWhenClosed(admin, name);
      await admin.end();
    }
  }
  if (counts.pglite > 0) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-bench-figures-'));
    const database = await openDatabase({ url: null, dataDir: dir });
    try {
      out.push(await benchOn(database, 'PGlite', counts.pglite, say));
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}
