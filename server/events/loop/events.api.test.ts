import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { multipartFile } from '../../testing/multipart.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let t: TestApp;
let worker: Request;
let township: Request;
let dept: Request;
let photo: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.db.execute(sql`insert into department (code, name, area_code) values ('YM-CG', '云梦县城市管理执法局', '420923')`);
  worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
  township = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
  dept = (await t.as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-CG' })).request;
  photo = (await worker({ method: 'POST', url: '/api/files/photos', ...multipartFile(PNG, 'p.png', 'image/png') })).json().key;
});
afterAll(() => t.close());

const report = (request: Request, extra: Record<string, unknown> = {}) =>
  request({
    method: 'POST',
    url: '/api/events',
    payload: { itemCode: 'CG06010', lng: 113.01, lat: 31.01, description: '路口垃圾堆放', photos: [photo], ...extra },
  });
const act = (request: Request, id: string, body: Record<string, unknown>) =>
  request({ method: 'POST', url: `/api/events/${id}/actions`, payload: body });

describe('reporting', () => {
  it('not signed in: 401; wrong role: an audit admin may not report', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/events', payload: {} })).statusCode).toBe(401);
    const { request } = await t.as(['audit_admin'], [FIXTURE.city]);
    expect((await report(request)).statusCode).toBe(403);
  });

  it('out of jurisdiction: a point outside the worker’s grid, or outside every grid, is refused and nothing is created', async () => {
    const other = await report(worker, { lng: 113.26, lat: 31.1 });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'event.outside_grids', details: [{ field: 'lng', reason: 'outside_jurisdiction' }] });
    expect((await report(worker, { lng: 100, lat: 20 })).json().details[0].reason).toBe('outside_all_grids');
    expect((await report(worker, { itemCode: 'NOPE' })).json().code).toBe('event.item_unknown');
    const [{ n }] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from event`);
    expect(n).toBe(0);
  });

  it('finds the grid from the point, gives the case to the item’s level, and a retried report creates nothing new', async () => {
    const first = await report(worker, { idempotencyKey: 'phone-0001-abc' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'reported',
      gridCode: FIXTURE.grids[0],
      ownerCode: FIXTURE.townships[0],
      source: 'grid_worker',
      photos: [photo],
      version: 1,
    });
    expect(first.json().history).toMatchObject([{ seq: 1, action: 'report', toStatus: 'reported' }]);
    const again = await report(worker, { idempotencyKey: 'phone-0001-abc' });
    expect(again.json().id).toBe(first.json().id);
    const [{ n }] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from event`);
    expect(n).toBe(1);
  });
});

describe('lights and warnings', () => {
  it('an open case is green in time, yellow near due, red overdue with a graded warning, on working time', async () => {
    const created = (await report(worker)).json(); // accept within 0.5 working hours
    expect(created).toMatchObject({ light: 'green', warning: null });
    t.advance(25 * 60_000);
    const { request: later } = await t.as(['township_center'], [FIXTURE.townships[0]]);
    expect((await later({ method: 'GET', url: `/api/events/${created.id}` })).json().light).toBe('yellow');
    t.advance(3 * 86_400_000);
    const { request: muchLater } = await t.as(['township_center'], [FIXTURE.townships[0]]);
    const overdue = (await muchLater({ method: 'GET', url: `/api/events/${created.id}` })).json();
    expect(overdue.light).toBe('red');
    expect(overdue.warning).not.toBeNull();
    worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request; // the clock moved past the old sessions
    township = muchLater;
    dept = (await t.as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-CG' })).request;
  });
});

describe('the closed loop', () => {
  it('runs report → accept → dispatch → sign → handle → check → close → visit, each step an action, abilities following the role', async () => {
    const created = (await report(worker)).json();
    expect(created.abilities).toEqual(['fix_on_spot']); // 即报即办: the reporter may fix it on the spot
    const seen = (await township({ method: 'GET', url: `/api/events/${created.id}` })).json();
    expect(seen.abilities).toEqual(expect.arrayContaining(['accept', 'void', 'escalate']));

    let e = (await act(township, created.id, { action: 'accept', version: 1 })).json();
    e = (await act(township, created.id, { action: 'dispatch', version: e.version, targetUnit: 'YM-CG' })).json();
    expect(e).toMatchObject({ status: 'dispatched', leadUnit: 'YM-CG' });
    expect(e.dueAt).not.toBeNull();
    expect((await dept({ method: 'GET', url: `/api/events/${created.id}` })).json().abilities).toEqual(
      expect.arrayContaining(['sign', 'return']),
    );
    e = (await act(dept, created.id, { action: 'sign', version: e.version })).json();
    e = (await act(dept, created.id, { action: 'handle', version: e.version, note: '已清运', photos: [photo] })).json();
    expect(e.status).toBe('handled');
    // The township sees what checking needs for this item, as the server will require it.
    const toCheck = (await township({ method: 'GET', url: `/api/events/${created.id}` })).json();
    expect(toCheck.forms).toMatchObject({ check: { photos: 'required' }, rework: { note: 'required' } });
    e = (await act(township, created.id, { action: 'check', version: e.version, photos: [photo] })).json();
    expect(e).toMatchObject({ status: 'checked', stage: 'close', stageUnit: FIXTURE.townships[0] });
    e = (await act(township, created.id, { action: 'close', version: e.version })).json();
    expect(e).toMatchObject({ status: 'closed', closingType: 'normal' });
    e = (await act(township, created.id, { action: 'visit', version: e.version, rating: 'satisfied' })).json();
    expect(e).toMatchObject({ status: 'visited', rating: 'satisfied' });
    expect(
      e.history.map((h: { action: string; fromStatus: string | null; toStatus: string }) => `${h.action}:${h.fromStatus}>${h.toStatus}`),
    ).toEqual([
      'report:null>reported',
      'accept:reported>accepted',
      'dispatch:accepted>dispatched',
      'sign:dispatched>signed',
      'handle:signed>handled',
      'check:handled>checked',
      'close:checked>closed',
      'visit:closed>visited',
    ]);
    expect(e.history[4]).toMatchObject({ note: '已清运', photos: [photo] });
  });

  it('a step not allowed now, or by this role, is refused with a reason and changes nothing', async () => {
    const created = (await report(worker)).json();
    const early = await act(dept, created.id, { action: 'sign', version: 1 });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('event.transition_not_allowed');
    const byWorker = await act(worker, created.id, { action: 'accept', version: 1 });
    expect(byWorker.statusCode).toBe(403);
    expect(byWorker.json().code).toBe('event.role_not_allowed');
    const noReason = await act(township, created.id, { action: 'void', version: 1 });
    expect(noReason.json()).toMatchObject({ code: 'event.reason_required' });
    const after = (await township({ method: 'GET', url: `/api/events/${created.id}` })).json();
    expect(after).toMatchObject({ status: 'reported', version: 1 });
    expect(after.history).toHaveLength(1);
  });

  it('two people acting at once: the second, holding an old version, is told the event changed', async () => {
    const created = (await report(worker)).json();
    expect((await act(township, created.id, { action: 'accept', version: 1 })).statusCode).toBe(200);
    const stale = await act(township, created.id, { action: 'void', version: 1, note: '重复' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('event.changed');
    expect((await township({ method: 'GET', url: `/api/events/${created.id}` })).json().status).toBe('accepted');
  });

  it('dispatch to an unknown unit is refused', async () => {
    const created = (await report(worker)).json();
    const e = (await act(township, created.id, { action: 'accept', version: 1 })).json();
    const bad = await act(township, created.id, { action: 'dispatch', version: e.version, targetUnit: 'NOBODY' });
    expect(bad.json()).toMatchObject({ code: 'event.target_invalid', details: [{ field: 'targetUnit' }] });
  });

  it('out of jurisdiction: another township’s centre gets 404 and does not see the case in its list', async () => {
    const created = (await report(worker)).json();
    const { request } = await t.as(['township_center'], [FIXTURE.townships[1]]);
    expect((await request({ method: 'GET', url: `/api/events/${created.id}` })).statusCode).toBe(404);
    expect((await act(request, created.id, { action: 'accept', version: 1 })).statusCode).toBe(404);
    expect((await request({ method: 'GET', url: '/api/events' })).json().items).toEqual([]);
    const mine = (await township({ method: 'GET', url: '/api/events?status=reported' })).json().items;
    expect(mine.map((x: { id: string }) => x.id)).toContain(created.id);
  });
});
