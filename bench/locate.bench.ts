import pg from 'pg';
import { createRandom } from '../server/platform/random.ts';
import { bboxOf } from '../server/territory/geometry.core.ts';
import { GridIndex } from '../server/territory/spatial-index.ts';
import type { GridSet } from './territory-fixtures.ts';

export interface LocateResult {
  dataset: string;
  grids: number;
  points: number;
  hits: number;
  inProcessPerSecond: number;
  postgisPerSecond: number | null;
  postgisHits: number | null;
}

function randomPoints(set: GridSet, count: number): Float64Array {
  const boxes = set.grids.map((g) => bboxOf(g.geometry));
  const [minX, minY, maxX, maxY] = [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
  const random = createRandom(`points-${set.name}`);
  const xy = new Float64Array(count * 2);
  for (let i = 0; i < count; i++) {
    xy[2 * i] = minX + random() * (maxX - minX);
    xy[2 * i + 1] = minY + random() * (maxY - minY);
  }
  return xy;
}

/** The anchor: the same lookups as one GiST-indexed ST_Contains join in PostGIS, or null when none is reachable. */
async function postgisLookups(url: string, set: GridSet, xy: Float64Array): Promise<{ seconds: number; hits: number } | null> {
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const dbName = 'gezhi_bench_postgis';
  await admin.query(`drop database if exists ${dbName}`);
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    try {
      await client.query('create extension postgis');
    } catch {
      return null;
    }
    await client.query('create table grids (code text primary key, geom geometry(Geometry, 4326) not null)');
    for (let i = 0; i < set.grids.length; i += 500) {
      const chunk = set.grids.slice(i, i + 500);
      await client.query(
        `insert into grids select c, ST_SetSRID(ST_GeomFromGeoJSON(g), 4326) from unnest($1::text[], $2::text[]) as t(c, g)`,
        [chunk.map((g) => g.code), chunk.map((g) => JSON.stringify(g.geometry))],
      );
    }
    await client.query('create index grids_geom_idx on grids using gist (geom)');
    await client.query('create table points (id int primary key, geom geometry(Point, 4326) not null)');
    const n = xy.length / 2;
    for (let i = 0; i < n; i += 100_000) {
      const xs = Array.from(xy.subarray(2 * i, 2 * Math.min(n, i + 100_000))).filter((_, k) => k % 2 === 0);
      const ys = Array.from(xy.subarray(2 * i, 2 * Math.min(n, i + 100_000))).filter((_, k) => k % 2 === 1);
      await client.query(
        `insert into points select $3::int + o::int - 1, ST_SetSRID(ST_MakePoint(x, y), 4326) from unnest($1::float8[], $2::float8[]) with ordinality as t(x, y, o)`,
        [xs, ys, i],
      );
    }
    await client.query('analyze grids; analyze points');
    const started = process.hrtime.bigint();
    const r = await client.query('select count(*)::int as hits from points p join grids g on ST_Contains(g.geom, p.geom)');
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { seconds, hits: r.rows[0].hits };
  } finally {
    await client.end();
  }
}

export async function benchLocate(set: GridSet, pointCount: number, postgisUrl: string | null): Promise<LocateResult> {
  const xy = randomPoints(set, pointCount);
  const index = new GridIndex(set.grids);
  index.locate(xy[0], xy[1]); // warm up the JIT on the first call only; the loop below is what counts
  let hits = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < pointCount; i++) if (index.locate(xy[2 * i], xy[2 * i + 1]) !== null) hits++;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const anchor = postgisUrl ? await postgisLookups(postgisUrl, set, xy) : null;
  return {
    dataset: set.name,
    grids: set.grids.length,
    points: pointCount,
    hits,
    inProcessPerSecond: pointCount / seconds,
    postgisPerSecond: anchor ? pointCount / anchor.seconds : null,
    postgisHits: anchor?.hits ?? null,
  };
}
