/**
 * Events reported per second through the real API on PostgreSQL (real HTTP to a started server, not
 * app.inject), beside an empty route of the same server and a bare loop of the report's two-insert transaction
 * written directly with `pg` at the server's pool size: the server listens on a free port, and 50 clients in a
 * worker thread (its own event loop, so the load does not steal the server's) keep one request each in flight
 * for a fixed time.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { prepareDatabase } from '../server/db/index.ts';
import { createDiskFileStore } from '../server/files/file-store.ts';
import { systemClock } from '../server/platform/clock.ts';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase, POOL_SIZE } from '../server/platform/db.ts';
import { bboxOf } from '../server/territory/geometry.core.ts';
import { FIXTURE, gridBox, seedTerritory } from '../server/testing/fixtures.ts';
import { TEST_FIELD_KEYS, TEST_PASSWORD } from '../server/testing/test-secrets.ts';

export interface LoadResult {
  requests: number;
  failures: number;
  /** Status and start of the body of the first failed request, to say why. */
  firstFailure: string | null;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /**
   * CPU time of the server's thread (this process's main thread: the server, or the bare loop's `pg` client) per
   * request, in ms; null where Linux's per-thread counters are not to be read. On a machine shared with other work
   * the rates move with the load; this moves much less, so it is the figure to compare across runs.
   */
  cpuMsPerRequest: number | null;
}

/** The main thread's user + system CPU time so far, in ms (Linux: /proc/self/task/<pid>/stat, in clock ticks of 10 ms). */
function mainThreadCpuMs(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Runs a load and adds the server thread's CPU time per request to its figures. */
async function withCpu(run: () => Promise<Omit<LoadResult, 'cpuMsPerRequest'>>): Promise<LoadResult> {
  const before = mainThreadCpuMs();
  const result = await run();
  const after = mainThreadCpuMs();
  return { ...result, cpuMsPerRequest: before === null || after === null ? null : (after - before) / Math.max(1, result.requests) };
}

/** The load loop, as plain JS so the worker needs no TypeScript loader. Each client sends its own body. */
const LOAD_LOOP = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, method, cookies, bodies, seconds } = workerData;
const latencies = [];
let failures = 0;
let firstFailure = null;
const start = performance.now();
const end = start + seconds * 1000;
async function client(i) {
  const headers = { cookie: cookies[i] };
  if (method === 'POST') headers['content-type'] = 'application/json';
  while (performance.now() < end) {
    const t0 = performance.now();
    try {
      const res = await fetch(url, { method, headers, body: method === 'POST' ? bodies[i] : undefined });
      const text = await res.text();
      if (!res.ok) {
        failures++;
        firstFailure ??= res.status + ' ' + text.slice(0, 200);
      }
    } catch (err) {
      failures++;
      firstFailure ??= String(err);
    }
    latencies.push(performance.now() - t0);
  }
}
Promise.all(cookies.map((_, i) => client(i))).then(() => parentPort.postMessage({ latencies, failures, firstFailure, seconds: (performance.now() - start) / 1000 }));
`;

function load(job: {
  url: string;
  method: 'GET' | 'POST';
  cookies: string[];
  bodies: string[];
  seconds: number;
}): Promise<Omit<LoadResult, 'cpuMsPerRequest'>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_LOOP, { eval: true, workerData: job });
    worker.once('error', reject);
    worker.once(
      'message',
      ({
        latencies,
        failures,
        firstFailure,
        seconds,
      }: {
        latencies: number[];
        failures: number;
        firstFailure: string | null;
        seconds: number;
      }) => {
        void worker.terminate();
        resolve(summarise(latencies, failures, firstFailure, seconds));
      },
    );
  });
}

function summarise(latencies: number[], failures: number, firstFailure: string | null, seconds: number) {
  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
  return {
    requests: sorted.length,
    failures,
    firstFailure,
    perSecond: (sorted.length - failures) / seconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}

/**
 * The floor under any report: `clients` loops, each a transaction of the same two inserts the report makes
 * (the event row, its first action row), straight through `pg` on a pool of the server's size. No HTTP, no
 * locate, no case-number counter, no reply: what the database alone allows.
 */
async function bareLoop(dbUrl: string, opts: { clients: number; seconds: number; countyCode: string; gridCode: string }) {
  const pool = new pg.Pool({ connectionString: dbUrl, max: POOL_SIZE });
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | null = null;
  const run = Math.random().toString(36).slice(2, 8); // case numbers unique across runs (warm-up, measured)
  let n = 0;
  const rule = JSON.stringify({ level: 'township', severity: 'normal', limits: {} });
  const start = performance.now();
  const end = start + opts.seconds * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const c = await pool.connect();
      try {
        await c.query('begin');
        const now = new Date();
        const { rows } = await c.query<{ id: string }>(
          `insert into event (county_code, case_no, status, source, item_code, rule, severity, description, lng, lat, grid_code, owner_code, reported_at, updated_at)
           values ($1, $2, 'reported', 'grid_worker', 'CG06010', $3, 'normal', $4, 113.0, 31.0, $5, $6, $7, $7) returning id`,
          [opts.countyCode, `bare-${run}-${n++}`, rule, '压测上报：路口垃圾堆放', opts.gridCode, opts.gridCode.slice(0, 9), now],
        );
        await c.query(
          `insert into event_action (county_code, event_id, seq, action, actor_name, at, from_status, to_status, note)
           values ($1, $2, 1, 'report', 'bench', $3, null, 'reported', $4)`,
          [opts.countyCode, rows[0].id, now, '压测上报：路口垃圾堆放'],
        );
        await c.query('commit');
      } catch (err) {
        failures++;
        firstFailure ??= String(err);
        await c.query('rollback').catch(() => {});
      } finally {
        c.release();
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, client));
  const seconds = (performance.now() - start) / 1000;
  await pool.end();
  return summarise(latencies, failures, firstFailure, seconds);
}

/** A point inside one fixture grid, a little different per client so reports are not all one spot. */
function pointIn(gridIndex: number, client: number) {
  const [west, south, east, north] = bboxOf(gridBox(Math.floor(gridIndex / 2), (gridIndex % 2) as 0 | 1));
  return { lng: west + ((east - west) * (10 + (client % 80))) / 100, lat: south + ((north - south) * (10 + ((client * 7) % 80))) / 100 };
}

/**
 * pool.end() resolves before its connections have said goodbye; dropping with force at once would kill them
 * mid-goodbye and crash the run. Wait until the server has let them go (a few seconds at most).
 */
async function dropWhenIdle(admin: pg.Client, name: string) {
  for (let i = 0; i < 50; i++) {
    const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
    if (rows[0].n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await admin.query(`drop database if exists ${name} with (force)`);
}

export async function benchEvents(pgUrl: string, opts: { clients: number; seconds: number }) {
  const name = `gezhi_bench_events_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), dataDir: null });
  await prepareDatabase(database);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-bench-files-'));
  const config = loadConfig({}, { logLevel: 'silent', fieldKeys: TEST_FIELD_KEYS });
  const { app, services } = await buildApp({ config, database, clock: systemClock, files: createDiskFileStore(filesDir) });
  try {
    await seedTerritory(database.db);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    // One grid worker per client, spread over the fixture's grids, each reporting inside its own grid.
    const grids = Array.from({ length: opts.clients }, (_, i) => i % FIXTURE.grids.length);
    const cookies: string[] = [];
    for (const [i, g] of grids.entries()) {
      const username = `bench${i}`;
      await services.access.createUser(null, {
        username,
        displayName: username,
        password: TEST_PASSWORD,
        roles: ['grid_worker'],
        areaCodes: [FIXTURE.grids[g]],
      });
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: TEST_PASSWORD }),
      });
      if (!res.ok) throw new Error(`bench sign-in failed: ${await res.text()}`);
      cookies.push(
        res.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; '),
      );
    }
    const bodies = grids.map((g, i) =>
      JSON.stringify({ itemCode: 'CG06010', ...pointIn(g, i), description: '压测上报：路口垃圾堆放', photos: [] }),
    );
    const empty = { url: `${base}/api/health`, method: 'GET' as const, cookies, bodies };
    const report = { url: `${base}/api/events`, method: 'POST' as const, cookies, bodies };

    await load({ ...empty, seconds: 1 }); // warm-up: JIT and connections
    await load({ ...report, seconds: 1 });
    const emptyRoute = await withCpu(() => load({ ...empty, seconds: opts.seconds }));
    const events = await withCpu(() => load({ ...report, seconds: opts.seconds }));
    // The bare loop last, on the same (now fuller) tables, while the server sits idle.
    const bare = { clients: opts.clients, countyCode: FIXTURE.county, gridCode: FIXTURE.grids[0] };
    await bareLoop(url.toString(), { ...bare, seconds: 1 });
    const bareInserts = await withCpu(() => bareLoop(url.toString(), { ...bare, seconds: opts.seconds }));
    return { clients: opts.clients, seconds: opts.seconds, poolSize: POOL_SIZE, emptyRoute, events, bareInserts };
  } finally {
    await app.close();
    await database.close();
    await dropWhenIdle(admin, name);
    await admin.end();
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
}
