/**
 * The server killed (SIGKILL, nothing gets to clean up) while clients report cases and move them through the
 * loop: after a restart every acknowledged report and step is there, no case is half-moved (its row, its action
 * log and the figures' roll-up agree), and retrying every request with its idempotency key or version duplicates
 * nothing. Real server process, real HTTP, on a fresh PostgreSQL database (TEST_DATABASE_URL).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { systemClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { openDatabase, queryRows } from '../platform/db.ts';
import { FIXTURE, seedTerritory } from '../testing/fixtures.ts';
import { TEST_FIELD_KEYS, TEST_PASSWORD, TEST_PASSWORD_COST } from '../testing/harness.ts';
import { onPostgres, openTestDatabaseIn } from '../testing/test-database.ts';

const CLIENTS = 8;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-killed-loop-'));
let dbUrl = '';
let drop = async () => {};

interface Server {
  child: ChildProcess;
  base: string;
}

function startServer(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/testing/serve.ts'], {
      env: { ...process.env, DATABASE_URL: dbUrl, GEZHI_DATA_DIR: dir },
      cwd: process.cwd(),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening (\d+)/.exec(output)?.[1];
      if (port) resolve({ child, base: `http://127.0.0.1:${port}` });
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${output}`)));
  });
}

async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

type Call = (url: string, body?: object) => Promise<{ status: number; json: Record<string, unknown> }>;
const caller =
  (base: string, cookie: string): Call =>
  async (url, body) => {
    const res = await fetch(`${base}${url}`, {
      method: body ? 'POST' : 'GET',
      headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  };

/** What one client sent: each report by its key, each step by case and the version it was taken at. */
interface Sent {
  key: string;
  report: object;
  caseId?: string;
  acked: boolean;
  steps: { action: string; version: number; body: object; acked: boolean; by: 'township' | 'dept' }[];
}

const STEPS: { action: string; by: 'township' | 'dept'; extra?: object }[] = [
  { action: 'accept', by: 'township' },
  { action: 'dispatch', by: 'township', extra: { targetUnit: 'YM-CG' } },
  { action: 'sign', by: 'dept' },
];

beforeAll(async () => {
  const copy = await openTestDatabaseIn(dir);
  dbUrl = copy.url ?? '';
  drop = copy.drop;
  await seedTerritory(copy.database.db);
  await copy.database.db.execute(sql`insert into department (code, name, area_code) values ('YM-CG', '云梦县城市管理执法局', '420923')`);
  const config = loadConfig({}, { logLevel: 'silent', fieldKeys: TEST_FIELD_KEYS, passwordCost: TEST_PASSWORD_COST, dataDir: dir });
  const { app, services } = await buildApp({ config, database: copy.database, clock: systemClock });
  const user = (username: string, roles: string[], areaCodes: string[], departmentCode?: string) =>
    services.access.createUser(null, { username, displayName: username, password: TEST_PASSWORD, roles, areaCodes, departmentCode });
  for (let i = 0; i < CLIENTS; i++) await user(`w${i}`, ['grid_worker'], [FIXTURE.grids[i % 4]]);
  await user('township', ['township_center'], [FIXTURE.townships[0]]);
  await user('dept', ['department_handler'], [FIXTURE.county], 'YM-CG');
  await app.close();
  await copy.database.close();
}, 120_000);

afterAll(async () => {
  await drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.runIf(onPostgres())('the server killed while cases move through the loop', () => {
  it('loses no acknowledged step, leaves no case half-moved, and a retry of everything duplicates nothing', async () => {
    const first = await startServer();
    const township = caller(first.base, await signIn(first.base, 'township'));
    const dept = caller(first.base, await signIn(first.base, 'dept'));
    const workers = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => caller(first.base, await signIn(first.base, `w${i}`))),
    );
    const sent: Sent[] = [];
    let acked = 0;
    let killed = false;
    const failures: unknown[] = [];

    // Each client files a case and walks it as far as it can, again and again, until the server dies under it.
    const client = async (i: number) => {
      for (let n = 0; !killed; n++) {
        const entry: Sent = {
          key: `kill-${i}-${n}`,
          report: {
            itemCode: 'CG06010',
            lng: 113.01 + 0.05 * (i % 4),
            lat: 31.01,
            description: '路口垃圾堆放',
            photos: [],
            idempotencyKey: `kill-${i}-${n}`,
          },
          acked: false,
          steps: [],
        };
        sent.push(entry);
        try {
          const r = await workers[i]('/api/events', entry.report);
          if (r.status !== 201) throw new Error(`report: ${r.status} ${JSON.stringify(r.json)}`);
          entry.acked = true;
          entry.caseId = String(r.json.id);
          acked++;
          let version = Number(r.json.version);
          for (const s of STEPS) {
            const body = { action: s.action, version, ...s.extra };
            const step = { action: s.action, version, body, acked: false, by: s.by };
            entry.steps.push(step);
            const res = await (s.by === 'township' ? township : dept)(`/api/events/${entry.caseId}/actions`, body);
            if (res.status !== 200) throw new Error(`${s.action}: ${res.status} ${JSON.stringify(res.json)}`);
            step.acked = true;
            acked++;
            version = Number(res.json.version);
          }
        } catch (err) {
          if (!killed) failures.push(err);
          return;
        }
      }
    };
    const running = Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
    while (acked < 150 && failures.length === 0) await new Promise((r) => setTimeout(r, 20));
    expect(failures).toEqual([]);
    killed = true;
    first.child.kill('SIGKILL');
    await running;
    const unacked = sent.filter((e) => !e.acked).length + sent.flatMap((e) => e.steps).filter((s) => !s.acked).length;
    expect(unacked).toBeGreaterThan(0); // the kill did land mid-flight
    console.info(`killed after ${acked} acknowledged reports and steps, with ${unacked} in flight`);

    const second = await startServer();
    try {
      const reader = caller(second.base, await signIn(second.base, 'township'));
      const dept2 = caller(second.base, await signIn(second.base, 'dept'));
      // Every acknowledged report and step is there.
      for (const e of sent.filter((e) => e.acked)) {
        const { json } = await reader(`/api/events/${e.caseId}`);
        const history = (json.history as { action: string; seq: number }[]).map((h) => h.action);
        for (const s of e.steps.filter((s) => s.acked)) expect(history, `${e.key} ${s.action}`).toContain(s.action);
      }
      // Every request retried, acknowledged or not: reports by their key, steps by the version they were taken at.
      const workers2 = await Promise.all(
        Array.from({ length: CLIENTS }, async (_, i) => caller(second.base, await signIn(second.base, `w${i}`))),
      );
      for (const e of sent) {
        const i = Number(e.key.split('-')[1]);
        const r = await workers2[i]('/api/events', e.report);
        expect(r.status, e.key).toBe(201);
        if (e.caseId) expect(r.json.id).toBe(e.caseId);
        e.caseId = String(r.json.id);
        for (const s of e.steps) {
          const res = await (s.by === 'township' ? reader : dept2)(`/api/events/${e.caseId}/actions`, s.body);
          expect([200, 409], `${e.key} ${s.action} → ${res.status} ${JSON.stringify(res.json)}`).toContain(res.status);
        }
      }
    } finally {
      second.child.kill('SIGKILL');
    }

    // One case per key; each case's row, log and roll-up agree: version = steps taken, status = the last step's.
    const database = await openDatabase({ url: dbUrl, dataDir: null });
    try {
      const [counts] = await queryRows<{ cases: number; keys: number; torn: number; unrolled: number }>(
        database.db,
        sql`select
          (select count(*)::int from event) as cases,
          (select count(distinct idempotency_key)::int from event) as keys,
          (select count(*)::int from event e where e.version <> (select count(*) from event_action a where a.county_code = e.county_code and a.event_id = e.id)
              or e.status <> (select a.to_status from event_action a where a.county_code = e.county_code and a.event_id = e.id order by a.seq desc limit 1)) as torn,
          (select count(*)::int from event e where not exists (select 1 from figure_case f where f.county_code = e.county_code and f.event_id = e.id and f.status = e.status)) as unrolled`,
      );
      expect(counts).toEqual({ cases: sent.length, keys: sent.length, torn: 0, unrolled: 0 });
    } finally {
      await database.close();
    }
  }, 300_000);
});
