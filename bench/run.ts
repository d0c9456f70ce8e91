/**
 * `npm run bench`: speed as ratios against an anchor measured in the same run (DESIGN: benchmarks, not timed tests).
 * 1. point → grid lookups per second, in process (flatbush + exact test) vs. a PostGIS GiST join.
 * 2. people import from CSV on PostgreSQL vs. a raw COPY of the same file; the same import on PGlite; search p95.
 * 3. events reported per second through the API (real HTTP) by 50 clients on PostgreSQL vs. an empty route of the same
 *    server and a bare loop of the report's two-insert transaction straight through `pg` at the server's pool size.
 * 4. `gezhi audit verify` over BENCH_AUDIT_ROWS chained audit rows (default 20,000) vs. reading the same rows unchecked.
 * 5. the field shell's weight: gzipped JS and CSS the phone home and the report page load before usable (production
 *    build, headless Chromium at 390 px), against the goal of 150 KB of JS.
 * 6. disputes at county scale on PostgreSQL: a screening round's progress page and a full warning-rule run over
 *    BENCH_DISPUTES disputes (default 100,000) in the 472 grids of 云梦县, beside plain SQL over the same rows.
 * 7. change → signed webhook delivery, p50/p99 over 1,000 case reports (the server's 1 s sender pass), PGlite and
 *    PostgreSQL, against the report request itself and a bare signed POST to the same receiver.
 * 8. figures on PostgreSQL (BENCH_FIGURE_EVENTS, default 10,000,000) and PGlite (BENCH_FIGURE_EVENTS_PGLITE, default
 *    1,000,000) over three years of 云梦县: the dashboard over this month and the last year and the units ranked, p50/p95
 *    through the roll-up, beside a plain GROUP BY over the raw events for the same figures.
 * Options: BENCH_POINTS (default 1,000,000), BENCH_PEOPLE (default 1,000,000), BENCH_ONLY (locate | import | events | audit | field | disputes | webhooks | figures),
 * BENCH_EVENTS_SECONDS (default 10, per route), BENCH_POSTGIS_URL and BENCH_PG_URL (default the local PostgreSQL;
 * set to "" to skip).
 */
import fs from 'node:fs';
import { DEMO_CITY } from '../server/demo/demo-city.ts';
import { benchAuditVerify } from './audit.bench.ts';
import { benchDisputes } from './disputes.bench.ts';
import { benchEvents } from './events.bench.ts';
import { benchFieldWeight, JS_GOAL_KB } from './field-weight.bench.ts';
import { benchFigures } from './figures.bench.ts';
import { benchLocate, type LocateResult } from './locate.bench.ts';
import { benchRegistryImport } from './registry-import.bench.ts';
import { demoCityGrids } from './territory-fixtures.ts';
import { benchWebhooks } from './webhooks.bench.ts';

const points = Number(process.env.BENCH_POINTS ?? 1_000_000);
const postgisUrl = process.env.BENCH_POSTGIS_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const fmt = (n: number | null) => (n === null ? '—' : Math.round(n).toLocaleString('en-US'));

const only = process.env.BENCH_ONLY;
const people = Number(process.env.BENCH_PEOPLE ?? 1_000_000);
const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const results: LocateResult[] = [];
if (!only || only === 'locate') {
  for (const set of [demoCityGrids([DEMO_CITY.gridCounty], 'demo-yunmeng'), demoCityGrids('all', 'xiaogan-city')]) {
    results.push(await benchLocate(set, points, postgisUrl || null));
  }
}

if (results.length) {
  console.log('\n1. point → grid lookups per second');
  console.log('| grids | dataset | points | hits | in process /s | PostGIS GiST join /s | ratio |');
  console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: |');
}
for (const r of results) {
  const ratio = r.postgisPerSecond ? `${(r.inProcessPerSecond / r.postgisPerSecond).toFixed(1)}×` : 'no PostGIS reachable: skipped';
  console.log(
    `| ${r.grids} | ${r.dataset} | ${fmt(r.points)} | ${fmt(r.hits)}${r.postgisHits !== null && r.postgisHits !== r.hits ? ` (PostGIS ${fmt(r.postgisHits)})` : ''} | ${fmt(r.inProcessPerSecond)} | ${fmt(r.postgisPerSecond)} | ${ratio} |`,
  );
}
const imported = !only || only === 'import' ? await benchRegistryImport(people, pgUrl || null) : null;
if (imported) {
  const rate = (r: { seconds: number }) => fmt(imported.count / r.seconds);
  console.log(`\n2. import of ${fmt(imported.count)} people from CSV (validated, ID and phone sealed with SM4, matched on ID number)`);
  console.log('| where | seconds | rows/s | raw COPY of the same file, s | import ÷ COPY |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  if (imported.onPostgres && imported.copySeconds !== null) {
    console.log(
      `| PostgreSQL | ${imported.onPostgres.seconds.toFixed(1)} | ${rate(imported.onPostgres)} | ${imported.copySeconds.toFixed(2)} | ${(imported.onPostgres.seconds / imported.copySeconds).toFixed(0)}× |`,
    );
  } else {
    console.log('| PostgreSQL | — | — | no PostgreSQL reachable: skipped | — |');
  }
  console.log(`| PGlite | ${imported.onPglite.seconds.toFixed(1)} | ${rate(imported.onPglite)} | — | — |`);
  if (imported.search)
    console.log(
      `\n   search over them on PostgreSQL: name (part) p95 ${imported.search.nameP95Ms.toFixed(1)} ms, ID number p95 ${imported.search.idP95Ms.toFixed(1)} ms`,
    );
}
const reported =
  (!only || only === 'events') && pgUrl
    ? await benchEvents(pgUrl, { clients: 50, seconds: Number(process.env.BENCH_EVENTS_SECONDS ?? 10) })
    : null;
if (reported) {
  const { emptyRoute: e, events: r, bareInserts: b } = reported;
  console.log(
    `\n3. reporting on PostgreSQL, ${reported.clients} concurrent clients, ${reported.seconds} s each, pool of ${reported.poolSize} connections`,
  );
  console.log('| what | per second | p50 ms | p99 ms | failed | server thread CPU ms per request |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  const cpu = (x: typeof e) => (x.cpuMsPerRequest === null ? '—' : x.cpuMsPerRequest.toFixed(2));
  const line = (what: string, x: typeof e) =>
    console.log(`| ${what} | ${fmt(x.perSecond)} | ${x.p50Ms.toFixed(1)} | ${x.p99Ms.toFixed(1)} | ${x.failures} | ${cpu(x)} |`);
  line('GET /api/health (empty route, HTTP)', e);
  line('POST /api/events (report, HTTP)', r);
  line('bare two-insert transaction (pg, no HTTP)', b);
  console.log(`\n   reports/s ÷ bare loop/s = ${(r.perSecond / b.perSecond).toFixed(2)} (goal ≥ 0.50; p99 goal ≤ 50 ms)`);
  console.log(`   reports/s ÷ empty-route req/s = ${(r.perSecond / e.perSecond).toFixed(3)}`);
  if (r.cpuMsPerRequest !== null && b.cpuMsPerRequest !== null)
    console.log(
      `   server thread CPU: a report ${cpu(r)} ms = ${(r.cpuMsPerRequest / b.cpuMsPerRequest).toFixed(1)}× a bare transaction (${cpu(b)} ms), of which HTTP alone ${cpu(e)} ms`,
    );
  for (const x of [e, r, b]) if (x.firstFailure) console.log(`   first failure: ${x.firstFailure}`);
}
const audited = !only || only === 'audit' ? await benchAuditVerify(Number(process.env.BENCH_AUDIT_ROWS ?? 20_000), pgUrl || null) : null;
if (audited) {
  console.log(
    `\n4. gezhi audit verify over ${fmt(audited.rows)} chained audit rows on ${audited.where} (${audited.ok ? 'intact' : 'NOT intact'})`,
  );
  console.log('| what | seconds | rows/s |');
  console.log('| --- | ---: | ---: |');
  console.log(
    `| verify (read, canonical form, SM3, link check) | ${audited.verifySeconds.toFixed(2)} | ${fmt(audited.rows / audited.verifySeconds)} |`,
  );
  console.log(
    `| read the same batches, nothing checked | ${audited.readSeconds.toFixed(2)} | ${fmt(audited.rows / audited.readSeconds)} |`,
  );
  console.log(
    `\n   verify ÷ read = ${(audited.verifySeconds / audited.readSeconds).toFixed(2)}× (filling the rows took ${audited.fillSeconds.toFixed(1)} s)`,
  );
}
const field = !only || only === 'field' ? await benchFieldWeight() : null;
if (field) {
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log('\n5. the field shell’s weight before usable (production build, empty cache, Chromium at 390 px), KB');
  console.log('| page | usable when | files | JS gzip | CSS gzip | JS brotli | CSS brotli | JS gzip loaded after | JS ÷ goal |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const w of field) {
    console.log(
      `| ${w.page} | \`${w.usableWhen}\` | ${w.files} | ${kb(w.jsGzip)} | ${kb(w.cssGzip)} | ${kb(w.jsBrotli)} | ${kb(w.cssBrotli)} | ${kb(w.laterJsGzip)} | ${(w.jsGzip / 1024 / JS_GOAL_KB).toFixed(2)} |`,
    );
  }
  for (const w of field) console.log(`   heaviest on ${w.page}: ${w.heaviest.map((h) => `${h.file} ${kb(h.gzip)}`).join(', ')}`);
}
const disputes = (!only || only === 'disputes') && pgUrl ? await benchDisputes(pgUrl, Number(process.env.BENCH_DISPUTES ?? 100_000)) : null;
if (disputes) {
  const ms = (n: number) => n.toFixed(1);
  console.log(
    `\n6. disputes on PostgreSQL: ${fmt(disputes.disputes)} in ${disputes.grids} grids of 云梦县 (written in ${disputes.fillSeconds.toFixed(1)} s), ms`,
  );
  console.log('| request | p50 | p95 | goal | anchor in the same run | anchor p50 | anchor p95 |');
  console.log('| --- | ---: | ---: | ---: | --- | ---: | ---: |');
  console.log(
    `| screening round progress (API) | ${ms(disputes.progress.p50Ms)} | ${ms(disputes.progress.p95Ms)} | 100 | GROUP BY grid of the round's disputes | ${ms(disputes.progressAnchor.p50Ms)} | ${ms(disputes.progressAnchor.p95Ms)} |`,
  );
  console.log(
    `| 立即研判: every warning rule over the county, nothing new (API) | ${ms(disputes.ruleRun.p50Ms)} | ${ms(disputes.ruleRun.p95Ms)} | 1000 | count of every dispute with its parties | ${ms(disputes.ruleAnchor.p50Ms)} | ${ms(disputes.ruleAnchor.p95Ms)} |`,
  );
  console.log(
    `   the first run, raising the ${fmt(disputes.firstRun.raised)} warnings the generated disputes hold: ${ms(disputes.firstRun.ms)} ms; the ten timed runs after it find nothing new`,
  );
}
const delivered = !only || only === 'webhooks' ? await benchWebhooks(pgUrl || null) : null;
if (delivered) {
  const ms = (n: number) => n.toFixed(0);
  console.log(
    '\n7. change → signed delivery (1,000 changes at 10/s, sender pass every 1 s; from the change’s reply): a report to a webhook, a 12345 order back to the hotline simulator, ms',
  );
  console.log('| database | path | delivered | p50 | p99 | change request p50 / p99 | bare signed POST p50 | p50 ÷ pass interval |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const d of delivered)
    console.log(
      `| ${d.database} | ${d.path} | ${fmt(d.delivered)} of ${fmt(d.changes)} | ${ms(d.p50Ms)} | ${ms(d.p99Ms)} | ${ms(d.reportP50Ms)} / ${ms(d.reportP99Ms)} | ${d.barePostP50Ms.toFixed(1)} | ${(d.p50Ms / 1000).toFixed(2)} |`,
    );
}
const figures =
  !only || only === 'figures'
    ? await benchFigures(
        pgUrl || null,
        {
          postgres: Number(process.env.BENCH_FIGURE_EVENTS ?? 10_000_000),
          pglite: Number(process.env.BENCH_FIGURE_EVENTS_PGLITE ?? 1_000_000),
        },
        (s) => console.log(s),
      )
    : null;
if (figures) {
  const ms = (n: number) => n.toFixed(1);
  const times = (a: { p50Ms: number }, b: { p50Ms: number }) => `${(b.p50Ms / a.p50Ms).toFixed(1)}×`;
  console.log('\n8. figures from the roll-up vs. GROUP BY over the raw events (county centre of 云梦县), ms; goal ≥ 20× and p95 ≤ 100');
  console.log(
    '| database | events | daily / month counters | request | p50 | p95 | GROUP BY p50 | GROUP BY p95 | GROUP BY ÷ roll-up (p50) |',
  );
  console.log('| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const f of figures) {
    const line = (what: string, a: typeof f.dashboardMonth, b: typeof f.dashboardMonth) =>
      console.log(
        `| ${f.database} | ${fmt(f.events)} | ${fmt(f.rollupRows)} / ${fmt(f.monthRows)} | ${what} | ${ms(a.p50Ms)} | ${ms(a.p95Ms)} | ${ms(b.p50Ms)} | ${ms(b.p95Ms)} | ${times(a, b)} |`,
      );
    line(`dashboard, this month (${f.month}, API)`, f.dashboardMonth, f.dashboardMonthAnchor);
    line(`dashboard, last year (${f.year}, API)`, f.dashboardYear, f.dashboardYearAnchor);
    line(`lead units by 按期处置率, ${f.year}`, f.unitRanking, f.unitRankingAnchor);
    console.log(`   ${f.database}: written in ${f.fillSeconds.toFixed(0)} s into ${f.grids} grids`);
  }
}
fs.mkdirSync('bench/out', { recursive: true });
fs.writeFileSync(
  'bench/out/results.json',
  JSON.stringify(
    {
      at: new Date().toISOString(),
      locate: results,
      import: imported,
      events: reported,
      audit: audited,
      field,
      disputes,
      webhooks: delivered,
      figures,
    },
    null,
    2,
  ),
);
