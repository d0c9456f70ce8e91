/**
 * `npm run bench`: speed as ratios against an anchor measured in the same run (DESIGN: benchmarks, not timed tests).
 * 1. point → grid lookups per second, in process (flatbush + exact test) vs. a PostGIS GiST join.
 * Options: BENCH_POINTS (default 1,000,000), BENCH_POSTGIS_URL (default the local PostgreSQL; set to "" to skip).
 */
import fs from 'node:fs';
import { benchLocate, type LocateResult } from './locate.bench.ts';
import { demoCityGrids } from './territory-fixtures.ts';
import { DEMO_CITY } from '../server/demo/demo-city.ts';

const points = Number(process.env.BENCH_POINTS ?? 1_000_000);
const postgisUrl = process.env.BENCH_POSTGIS_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const fmt = (n: number | null) => (n === null ? '—' : Math.round(n).toLocaleString('en-US'));

const results: LocateResult[] = [];
for (const set of [demoCityGrids([DEMO_CITY.gridCounty], 'demo-yunmeng'), demoCityGrids('all', 'xiaogan-city')]) {
  results.push(await benchLocate(set, points, postgisUrl || null));
}

console.log('\n1. point → grid lookups per second');
console.log('| grids | dataset | points | hits | in process /s | PostGIS GiST join /s | ratio |');
console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  const ratio = r.postgisPerSecond ? `${(r.inProcessPerSecond / r.postgisPerSecond).toFixed(1)}×` : 'no PostGIS reachable: skipped';
  console.log(`| ${r.grids} | ${r.dataset} | ${fmt(r.points)} | ${fmt(r.hits)}${r.postgisHits !== null && r.postgisHits !== r.hits ? ` (PostGIS ${fmt(r.postgisHits)})` : ''} | ${fmt(r.inProcessPerSecond)} | ${fmt(r.postgisPerSecond)} | ${ratio} |`);
}
fs.mkdirSync('bench/out', { recursive: true });
fs.writeFileSync('bench/out/results.json', JSON.stringify({ at: new Date().toISOString(), locate: results }, null, 2));
