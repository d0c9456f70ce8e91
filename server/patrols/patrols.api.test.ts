import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { multipartFile } from '../testing/multipart.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
interface Summary {
  id: string;
  endedAt: string | null;
  minutes: number;
  grids: { code: string; name: string }[];
  cases: { caseNo: string; gridCode: string; fixedOnSpot: boolean }[];
  reported: number;
  fixedOnSpot: number;
  tracked: boolean;
  track: { lng: number; lat: number }[] | null;
  department: { code: string } | null;
}
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const MINUTE = 60_000;
const DAY = 86_400_000;
const [G0, G1] = FIXTURE.grids;

let t: TestApp;
let worker: Request;
let county: Request;
let township: Request;
let otherTownship: Request;
let dept: Request;
let photo: string;
const names: Record<string, string> = {};
/** Signs everyone in again: tests move the clock past the sessions' 12 hours. */
const signInAgain = async () => {
  [worker, county, township] = await Promise.all([t.signIn(names.worker), t.signIn(names.county), t.signIn(names.township)]);
};

beforeAll(async () => {
  t = await createTestApp();
  const c = await t.as(['county_center'], [FIXTURE.county]);
  county = c.request;
  names.county = c.user.username;
  await county({
    method: 'POST',
    url: '/api/org/departments',
    payload: { code: 'YM-CG', name: '云梦县城市管理执法局', areaCode: FIXTURE.county },
  });
  await county({ method: 'POST', url: '/api/org/departments/YM-CG/claims', payload: { gridCode: FIXTURE.grids[4] } });
  const w = await t.as(['grid_worker'], [G0]);
  const tw = await t.as(['township_center'], [FIXTURE.townships[0]]);
  [worker, township, names.worker, names.township] = [w.request, tw.request, w.user.username, tw.user.username];
  otherTownship = (await t.as(['township_center'], [FIXTURE.townships[1]])).request;
  dept = (await t.as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-CG' })).request;
  photo = (await worker({ method: 'POST', url: '/api/files/photos', ...multipartFile(PNG, 'p.png', 'image/png') })).json().key;
}, 60_000);
afterAll(() => t.close());

const start = (request: Request, key: string) => request({ method: 'POST', url: '/api/patrols', payload: { key } });
const end = (request: Request, id: string, grids: string[]) =>
  request({ method: 'POST', url: `/api/patrols/${id}/end`, payload: { grids } });
const setSetting = async (key: string, value: boolean | number) => {
  const now = (await county({ method: 'GET', url: '/api/settings/field' })).json<{ items: { key: string; version: number }[] }>();
  const res = await county({
    method: 'PUT',
    url: `/api/settings/field/${key}`,
    payload: { value, version: now.items.find((i) => i.key === key)!.version },
  });
  expect(res.statusCode, res.body).toBe(200);
};
const report = async (request: Request, lng: number) => {
  const res = await request({
    method: 'POST',
    url: '/api/events',
    payload: { itemCode: 'CG06010', lng, lat: 31.01, description: '路口垃圾堆放', photos: [photo] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; caseNo: string; version: number }>();
};

describe('patrols: who may', () => {
  it('not signed in: 401; wrong role: a township centre may not start one, a grid worker may not read the area’s', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/patrols', payload: { key: 'k' } })).statusCode).toBe(401);
    expect((await start(township, 'k')).statusCode).toBe(403);
    expect((await worker({ method: 'GET', url: '/api/patrols/zero-report' })).statusCode).toBe(403);
  });

  it('out of jurisdiction: a grid the worker may not patrol is refused, and another township does not see the patrol', async () => {
    const p = (await start(worker, 'scope-1')).json<Summary>();
    const refused = await end(worker, p.id, [FIXTURE.grids[4]]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'patrol.grid_outside', details: [{ field: 'grids', value: FIXTURE.grids[4] }] });
    expect((await worker({ method: 'GET', url: '/api/patrols/current' })).json().patrol.id).toBe(p.id); // nothing changed
    expect((await end(worker, p.id, [G0])).statusCode).toBe(200);
    expect((await otherTownship({ method: 'GET', url: `/api/patrols/${p.id}` })).statusCode).toBe(404);
    expect((await township({ method: 'GET', url: `/api/patrols/${p.id}` })).statusCode).toBe(200);
  });
});

describe('a patrol: start, report, end, summary', () => {
  it('keeps when and how long, the grids passed and the cases filed during it (fixed on the spot counted); no track by default', async () => {
    const before = await report(worker, 113.01); // filed before the patrol: not its case
    t.advance(MINUTE);
    const started = await start(worker, 'walk-1');
    expect(started.statusCode, started.body).toBe(200);
    const p = started.json<Summary>();
    expect((await start(worker, 'walk-1')).json().id).toBe(p.id); // a resent start is the same patrol
    expect((await start(worker, 'walk-2')).json().code).toBe('patrol.already_open');
    expect(
      (
        await worker({
          method: 'POST',
          url: `/api/patrols/${p.id}/points`,
          payload: { points: [{ at: t.clock().toISOString(), lng: 113.01, lat: 31.01 }] },
        })
      ).json().code,
    ).toBe('patrol.track_off');

    t.advance(20 * MINUTE);
    const fixed = await report(worker, 113.02);
    const act = await worker({
      method: 'POST',
      url: `/api/events/${fixed.id}/actions`,
      payload: { action: 'fix_on_spot', version: fixed.version, note: '已当场清理', photos: [photo] },
    });
    expect(act.statusCode, act.body).toBe(200);
    t.advance(25 * MINUTE);
    const sent = await report(worker, 113.03);
    t.advance(5 * MINUTE);

    const ended = await end(worker, p.id, []);
    expect(ended.statusCode, ended.body).toBe(200);
    const s = ended.json<Summary>();
    expect(s).toMatchObject({ minutes: 50, reported: 2, fixedOnSpot: 1, tracked: false, track: null, department: null });
    expect(s.cases.map((c) => [c.caseNo, c.fixedOnSpot])).toEqual([
      [fixed.caseNo, true],
      [sent.caseNo, false],
    ]);
    expect(s.cases.map((c) => c.caseNo)).not.toContain(before.caseNo);
    expect(s.grids.map((g) => g.code)).toEqual([G0]); // the cases' grid, though none was ticked
    t.advance(MINUTE);
    expect((await end(worker, p.id, [])).json<Summary>().minutes).toBe(50); // ending again: the same summary
    expect((await worker({ method: 'GET', url: '/api/patrols/current' })).json().patrol).toBeNull();

    const area = (await township({ method: 'GET', url: '/api/patrols' })).json<{ items: Summary[]; total: number }>();
    expect(area.items.find((i) => i.id === p.id)).toMatchObject({ reported: 2, track: null });
    const mine = (await worker({ method: 'GET', url: '/api/patrols?mine=true&limit=1' })).json<{ items: Summary[]; total: number }>();
    expect([mine.items[0].id, mine.total]).toEqual([p.id, 2]);
  });

  it('a department patrols the grids it claimed, recorded the same way', async () => {
    const grids = (await dept({ method: 'GET', url: '/api/patrols/grids' })).json<{ items: { code: string }[] }>();
    expect(grids.items.map((g) => g.code)).toEqual([FIXTURE.grids[4]]);
    const p = (await start(dept, 'dept-1')).json<Summary>();
    expect((await end(dept, p.id, [G0])).json().code).toBe('patrol.grid_outside');
    t.advance(30 * MINUTE);
    const s = (await end(dept, p.id, [FIXTURE.grids[4]])).json<Summary>();
    expect(s).toMatchObject({ minutes: 30, department: { code: 'YM-CG' }, grids: [{ code: FIXTURE.grids[4] }] });
    // The township whose grid it passed sees it; the other does not.
    expect((await otherTownship({ method: 'GET', url: `/api/patrols/${p.id}` })).statusCode).toBe(200);
    expect((await township({ method: 'GET', url: `/api/patrols/${p.id}` })).statusCode).toBe(404);
  });
});

describe('tracks: only where the county keeps them, for its days, to the worker', () => {
  it('keeps points and their grids, shows them to the worker (the area sees none unless shown), and the sweep deletes them after the days', async () => {
    await setSetting('patrol_track', true);
    await setSetting('patrol_track_days', 3);
    const p = (await start(worker, 'tracked-1')).json<Summary>();
    expect(p.tracked).toBe(true);
    const at = t.clock().getTime();
    const points = [0, 1, 2].map((i) => ({ at: new Date(at + i * MINUTE).toISOString(), lng: 113.01 + i * 0.03, lat: 31.1 }));
    const kept = await worker({ method: 'POST', url: `/api/patrols/${p.id}/points`, payload: { points } });
    expect(kept.json()).toEqual({ kept: 3 });
    const s = (await end(worker, p.id, [])).json<Summary>();
    expect(s.grids.map((g) => g.code)).toEqual([G0]); // the point in grid 2 is not the worker's grid to claim
    expect(s.track?.map((q) => q.lng)).toEqual(points.map((q) => q.lng));
    expect((await township({ method: 'GET', url: `/api/patrols/${p.id}` })).json().track).toBeNull();
    await setSetting('patrol_track_to_area', true);
    expect((await township({ method: 'GET', url: `/api/patrols/${p.id}` })).json().track).toHaveLength(3);

    t.advance(2 * DAY);
    expect(await t.services.patrolTracks()).toEqual({ deleted: 0 });
    t.advance(DAY + 5 * MINUTE);
    expect(await t.services.patrolTracks()).toEqual({ deleted: 3 });
    expect(await t.services.patrolTracks()).toEqual({ deleted: 0 });
    await signInAgain();
    const [{ n }] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from patrol_point`);
    expect(n).toBe(0);
    expect((await worker({ method: 'GET', url: `/api/patrols/${p.id}` })).json<Summary>()).toMatchObject({ tracked: true, track: [] });
    await setSetting('patrol_track', false);
  });
});

describe('zero report (零报告)', () => {
  it('is refused while the county has it off, then made once a day per village however often it is tapped', async () => {
    const v = await t.as(['village_center'], [FIXTURE.villages[0]]);
    const village = v.request;
    names.village = v.user.username;
    const colleague = (await t.as(['village_center'], [FIXTURE.villages[0]])).request;
    expect((await village({ method: 'GET', url: '/api/patrols/zero-report' })).json()).toMatchObject({ enabled: false, report: null });
    const off = await village({ method: 'POST', url: '/api/patrols/zero-report' });
    expect([off.statusCode, off.json().code]).toEqual([409, 'patrol.zero_report_off']);

    await setSetting('zero_report', true);
    const first = (await village({ method: 'POST', url: '/api/patrols/zero-report' })).json();
    expect(first).toMatchObject({ enabled: true, created: true, village: { code: FIXTURE.villages[0] } });
    t.advance(MINUTE);
    const second = (await colleague({ method: 'POST', url: '/api/patrols/zero-report' })).json();
    expect(second).toMatchObject({ created: false, report: first.report });
    const [{ n }] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from zero_report`);
    expect(n).toBe(1);
    t.advance(DAY);
    const again = await t.signIn(names.village);
    expect((await again({ method: 'GET', url: '/api/patrols/zero-report' })).json().report).toBeNull(); // a new day
  });
});
