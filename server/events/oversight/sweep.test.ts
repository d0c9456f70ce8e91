import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCalendar } from '../../platform/calendar/calendar.core.ts';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { multipartFile } from '../../testing/multipart.ts';
import { onPostgres } from '../../testing/test-database.ts';
import { createNotifier } from '../inbox/inbox.channels.ts';
import { DEFAULT_WARNING_RULES } from '../loop/deadlines.core.ts';
import { type SweepDeps, startSweeper, sweep } from './sweep.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestApp;
let worker: Request;
let township: Request;
let dept: Request;
let deptUser: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.db.execute(sql`insert into department (code, name, area_code) values ('YM-CG', '云梦县城市管理执法局', '420923')`);
  worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
  township = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
  const d = await t.as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-CG' });
  dept = d.request;
  deptUser = d.user.username;
});
afterAll(() => t.close());

const act = (request: Request, id: string, body: Record<string, unknown>) =>
  request({ method: 'POST', url: `/api/events/${id}/actions`, payload: body }).then((r) => r.json());
const warnings = () =>
  queryRows<{ unit: string; colour: string }>(t.db, sql`select unit_code as unit, colour from unit_warning order by at, unit_code, colour`);
const notices = (kind: string) =>
  queryRows<{ data: Record<string, unknown> }>(t.db, sql`select data from notification where kind = ${kind} order by created_at`);

describe('the deadline sweep', () => {
  let id: string;

  it('leaves a case in time alone, then tells the owner centre it is overdue and records its colour, once', async () => {
    // 私搭乱建: accept within 0.5 working hours, handle within 20 working days.
    const photo = (await worker({ method: 'POST', url: '/api/files/photos', ...multipartFile(PNG, 'p.png', 'image/png') })).json().key;
    const created = (
      await worker({
        method: 'POST',
        url: '/api/events',
        payload: { itemCode: 'CG06001', lng: 113.01, lat: 31.01, description: '违章搭建', photos: [photo] },
      })
    ).json();
    id = created.id;
    expect(await t.services.sweep()).toEqual({ status: 'done', cases: 1, notified: 0, warnings: 0 });

    t.advance(HOUR);
    expect(await t.services.sweep()).toEqual({ status: 'done', cases: 1, notified: 1, warnings: 1 });
    expect(await notices('overdue')).toMatchObject([{ data: { caseNo: created.caseNo, stage: 'accept', colour: 'blue' } }]);
    expect(await warnings()).toEqual([{ unit: FIXTURE.townships[0], colour: 'blue' }]);
    expect(await t.services.sweep()).toEqual({ status: 'done', cases: 1, notified: 0, warnings: 0 });
  });

  it('reminds the lead unit 3 and 1 working days before the handling deadline, then tells it the case is overdue', async () => {
    let e = await act(township, id, { action: 'accept', version: 1 });
    e = await act(township, id, { action: 'dispatch', version: e.version, targetUnit: 'YM-CG' });
    e = await act(dept, id, { action: 'sign', version: e.version });
    // Dispatched Monday 2 November: 20 working days end on Monday 30 November at the close of office hours.
    expect(e.stageDueAt).toBe(new Date('2026-11-30T17:30:00+08:00').toISOString());
    const due = Date.parse(e.stageDueAt);
    expect((await t.services.sweep()).status).toBe('done');
    expect(await notices('due_soon')).toEqual([]);

    t.advance(due - 4 * DAY - Date.parse(e.history.at(-1).at)); // Thursday 17:30: Friday and Monday left
    expect(await t.services.sweep()).toMatchObject({ notified: 1 });
    expect(await t.services.sweep()).toMatchObject({ notified: 0 });
    t.advance(4 * DAY - HOUR); // Monday 16:30
    expect(await t.services.sweep()).toMatchObject({ notified: 1 });
    expect((await notices('due_soon')).map((n) => n.data.workingDays)).toEqual([3, 1]);

    t.advance(2 * HOUR);
    expect(await t.services.sweep()).toMatchObject({ notified: 1, warnings: 1 });
    expect(await warnings()).toEqual([
      { unit: FIXTURE.townships[0], colour: 'blue' },
      { unit: 'YM-CG', colour: 'blue' },
    ]);
    const inbox = (await (await t.signIn(deptUser))({ method: 'GET', url: '/api/inbox' })).json();
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toEqual(['overdue', 'due_soon', 'due_soon', 'to_sign']);
  });

  it('a suspended case gets no reminders while its clock stands still', async () => {
    const [{ n }] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from notification`);
    // Suspended at the old due time, now due a day later: less than a working day left on a stopped clock.
    await t.db.execute(sql`update event set suspended_at = stage_due_at, stage_due_at = stage_due_at + interval '1 day' where id = ${id}`);
    expect(await t.services.sweep()).toMatchObject({ status: 'done', notified: 0, warnings: 0 });
    const [{ n: after }] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from notification`);
    expect(after).toBe(n);
    await t.db.execute(sql`update event set suspended_at = null where id = ${id}`);
    expect(await t.services.sweep()).toMatchObject({ status: 'done', notified: 1 });
  });
});

describe('the sweeper timer', () => {
  it('runs every interval, skips a tick while the last run is still going, reports failures, and stops', async () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      let finish = () => {};
      const errors: unknown[] = [];
      const run = () => {
        calls++;
        return calls === 2 ? Promise.reject(new Error('database away')) : new Promise<void>((resolve) => (finish = resolve));
      };
      const sweeper = startSweeper(run, { intervalMs: 1000, onError: (e) => errors.push(e) });
      await vi.advanceTimersByTimeAsync(3500); // the first run is still going at 2 s and 3 s
      expect(calls).toBe(1);
      finish();
      await vi.advanceTimersByTimeAsync(1000);
      expect(calls).toBe(2);
      expect(errors).toHaveLength(1);
      sweeper.stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(calls).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

/** Two servers sweeping at once, each on its own connection: one does the work, the other skips. */
describe.runIf(onPostgres())('two sweeps at once on PostgreSQL', () => {
  it('the second finds the lock taken and skips; the first writes', async () => {
    const real = createNotifier({ db: t.db, channels: [], onError: () => {} });
    let entered!: () => void;
    let release!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const deps: SweepDeps = {
      db: t.db,
      clock: () => new Date('2027-01-04T10:00:00+08:00'),
      calendar: createCalendar(),
      rules: () => DEFAULT_WARNING_RULES,
      reminderWorkingDays: [3, 1],
      notifier: real,
    };
    // The first sweep holds its transaction (and the lock) open until the second has run.
    const first = sweep({
      ...deps,
      notifier: {
        ...real,
        record: async (tx, n) => {
          entered();
          await gate;
          return real.record(tx, n);
        },
      },
    });
    await inside;
    expect(await sweep(deps)).toEqual({ status: 'skipped' });
    release();
    expect(await first).toMatchObject({ status: 'done' });
    expect(await sweep(deps)).toMatchObject({ status: 'done', notified: 0, warnings: 0 });
  });
});
