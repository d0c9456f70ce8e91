/**
 * The loop's controls as issue 16 found them leaking, each reproduced through the API: an unsigned case has a
 * clock and an owner, returns only inside the sign window and then reviewed or arbitrated, co-handlers with parts,
 * reports without evidence verified first, urgency, extensions capped, closing types, and reopen keeping the rating.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { multipartFile } from '../../testing/multipart.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
type Json = Record<string, any>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestApp;
let worker: Request;
let township: Request;
let county: Request;
let dept: Request;
let police: Request;
let photo: string;

async function signInAll() {
  worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
  township = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  dept = (await t.as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-CG' })).request;
  police = (await t.as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-GA' })).request;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.db.execute(
    sql`insert into department (code, name, area_code) values ('YM-CG', '云梦县城市管理执法局', '420923'), ('YM-GA', '云梦县公安局', '420923'), ('YM-SW', '云梦县水务局', '420923')`,
  );
  await signInAll();
  photo = (await worker({ method: 'POST', url: '/api/files/photos', ...multipartFile(PNG, 'p.png', 'image/png') })).json().key;
});
afterAll(() => t.close());

/** Moves the clock and signs everyone in again (sessions expire when the clock jumps). */
async function later(ms: number) {
  t.advance(ms);
  await signInAll();
}

const report = async (extra: Json = {}, by: Request = worker) => {
  const res = await by({
    method: 'POST',
    url: '/api/events',
    payload: { itemCode: 'CG06010', lng: 113.01, lat: 31.01, description: '路口垃圾堆放', photos: [photo], ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Json;
};
const get = async (by: Request, id: string) => (await by({ method: 'GET', url: `/api/events/${id}` })).json() as Json;
const attempt = async (by: Request, id: string, body: Json) => {
  const current = await get(township, id);
  return by({ method: 'POST', url: `/api/events/${id}/actions`, payload: { version: current.version, ...body } });
};
const act = async (by: Request, id: string, body: Json) => {
  const res = await attempt(by, id, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Json;
};
const dispatched = async (extra: Json = {}) => {
  const e = await report();
  await act(township, e.id, { action: 'accept' });
  return act(township, e.id, { action: 'dispatch', targetUnit: 'YM-CG', ...extra });
};
const counts = async (by: Request) => (await by({ method: 'GET', url: '/api/inbox/counts' })).json() as Json;
const todo = async (by: Request, queue: string) =>
  ((await by({ method: 'GET', url: `/api/events?todo=${queue}` })).json().items as Json[]).map((e) => e.id).sort();

describe('an unsigned case is the department’s overdue case', () => {
  it('is lit, warned, listed overdue and swept to the department, and cannot be returned once the window has closed', async () => {
    const e = await dispatched();
    // Urban-management items set no sign window: the default 2 working days apply, owed by the department.
    expect(e).toMatchObject({ stage: 'sign', stageUnit: 'YM-CG', light: 'green' });
    // Dispatched Monday 09:00: Tuesday and Wednesday.
    expect(new Date(e.stageDueAt)).toEqual(new Date('2026-11-04T17:30:00+08:00'));

    await later(11 * DAY); // 8 working days past the handling deadline
    const late = await get(township, e.id);
    expect(late).toMatchObject({ status: 'dispatched', light: 'red' });
    expect(late.warning).not.toBeNull();
    const overdue = (await township({ method: 'GET', url: '/api/events?overdue=true' })).json().items.map((x: Json) => x.id);
    expect(overdue).toContain(e.id);

    expect(await t.services.sweep()).toMatchObject({ status: 'done' });
    const warned = await queryRows<{ unit: string }>(
      t.db,
      sql`select unit_code as unit from unit_warning where event_id = ${e.id} group by unit_code`,
    );
    expect(warned).toEqual([{ unit: 'YM-CG' }]);
    const told = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from notification where kind = 'overdue' and event_id = ${e.id}`,
    );
    expect(told[0].n).toBeGreaterThan(0);

    const refused = await attempt(dept, e.id, { action: 'return', note: '不属于本部门' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'event.return_window_closed' });
    expect((await get(township, e.id)).status).toBe('dispatched');
  });
});

describe('returns, arbitration, first responsibility, re-dispatch', () => {
  it('a disputed return is arbitrated by the level above, and the unit it names cannot return it', async () => {
    const e = await dispatched();
    expect((await act(dept, e.id, { action: 'return', note: '应由水务处理' })).status).toBe('returned');
    expect(await todo(township, 'to_review_return')).toContain(e.id);
    const disputed = await act(township, e.id, { action: 'return_dispute', note: '路面垃圾属城管职责' });
    expect(disputed).toMatchObject({ status: 'arbitrating', stage: 'arbitrate', stageUnit: FIXTURE.county });
    expect(await todo(county, 'to_arbitrate')).toEqual([e.id]);
    // The township may not arbitrate its own dispute.
    expect((await attempt(township, e.id, { action: 'arbitrate', targetUnit: 'YM-CG', note: 'x' })).statusCode).toBe(403);
    const named = await act(county, e.id, { action: 'arbitrate', targetUnit: 'YM-CG', note: '按权责清单由城管办理' });
    expect(named).toMatchObject({ status: 'dispatched', leadUnit: 'YM-CG', returnBar: 'arbitrated' });
    expect(await todo(county, 'to_arbitrate')).toEqual([]);
    const again = await attempt(dept, e.id, { action: 'return', note: '仍不属于本部门' });
    expect(again.json()).toMatchObject({ code: 'event.return_barred' });
  });

  it('the second return goes to arbitration by itself; first responsibility bars a return; re-dispatch before signing', async () => {
    const e = await dispatched();
    await act(dept, e.id, { action: 'return', note: '不属于本部门' });
    await act(township, e.id, { action: 'return_accept' });
    await act(township, e.id, { action: 'dispatch', targetUnit: 'YM-SW' });
    const water = (await t.as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-SW' })).request;
    expect(await act(water, e.id, { action: 'return', note: '不属于本部门' })).toMatchObject({ status: 'arbitrating', returns: 2 });

    const first = await dispatched({ firstResponsibility: true });
    expect(first.returnBar).toBe('first_responsibility');
    expect((await get(dept, first.id)).abilities).not.toContain('return');
    expect((await attempt(dept, first.id, { action: 'return', note: 'x' })).json().code).toBe('event.return_barred');

    const moved = await act(township, first.id, { action: 'redispatch', targetUnit: 'YM-SW', note: '改由水务办理' });
    expect(moved).toMatchObject({ status: 'dispatched', leadUnit: 'YM-SW', stageUnit: 'YM-SW' });
    await act(water, first.id, { action: 'sign' });
    expect((await get(township, first.id)).abilities).not.toContain('redispatch');
  });
});

describe('lead and co-handling units', () => {
  it('each co-handler signs and answers its own part; the lead replies for the whole once all parts are in', async () => {
    const e = await dispatched({ coUnits: ['YM-GA'] });
    expect(e.coParts).toMatchObject([{ unit: 'YM-GA', signedAt: null, repliedAt: null, light: 'green' }]);
    expect(await todo(police, 'to_assist')).toEqual([e.id]);
    expect((await counts(police)).todo.to_assist).toBe(1);
    // A unit that is not a co-handler has no part to answer.
    expect((await attempt(dept, e.id, { action: 'co_sign' })).json().code).toBe('event.not_your_part');
    // An unknown co-handler is refused before anything changes.
    const unknown = await attempt(township, (await report()).id, { action: 'accept' });
    expect(unknown.statusCode).toBe(200);
    const bad = await attempt(township, unknown.json().id, { action: 'dispatch', targetUnit: 'YM-CG', coUnits: ['NOBODY'] });
    expect(bad.json()).toMatchObject({ code: 'event.target_invalid', details: [{ field: 'coUnits.0' }] });
    await act(dept, e.id, { action: 'sign' });
    expect((await attempt(dept, e.id, { action: 'handle', note: '已清运', photos: [photo] })).json().code).toBe('event.parts_pending');
    await act(police, e.id, { action: 'co_sign' });
    const answered = await act(police, e.id, { action: 'co_reply', note: '已配合维持秩序' });
    expect(answered.coParts[0].repliedAt).not.toBeNull();
    expect(await todo(police, 'to_assist')).toEqual([]);
    expect((await act(dept, e.id, { action: 'handle', note: '已清运', photos: [photo] })).status).toBe('handled');
  });

  it('an overdue part is the co-handler’s warning', async () => {
    const e = await dispatched({ coUnits: ['YM-GA'] });
    await act(dept, e.id, { action: 'sign' });
    await later(10 * DAY);
    expect((await get(township, e.id)).coParts[0].light).toBe('red');
    await t.services.sweep();
    const units = await queryRows<{ unit: string }>(
      t.db,
      sql`select distinct unit_code as unit from unit_warning where event_id = ${e.id} order by unit_code`,
    );
    expect(units.map((u) => u.unit)).toEqual(['YM-CG', 'YM-GA']);
  });
});

describe('the inbox is a to-do list', () => {
  it('counts what waits on the caller now, each count opens exactly its list, and acting removes the case', async () => {
    const before = await counts(township);
    const a = await report();
    const b = await report();
    const after = await counts(township);
    expect(after.todo.to_accept).toBe(before.todo.to_accept + 2);
    expect(await todo(township, 'to_accept')).toEqual(expect.arrayContaining([a.id, b.id]));
    expect((await todo(township, 'to_accept')).length).toBe(after.todo.to_accept);
    await act(township, a.id, { action: 'accept' });
    const moved = await counts(township);
    expect(moved.todo.to_accept).toBe(after.todo.to_accept - 1);
    expect(moved.todo.to_dispatch).toBe(after.todo.to_dispatch + 1);
    expect(await todo(township, 'to_accept')).not.toContain(a.id);
    // Notifications are a separate feed: reading them changes no to-do count.
    await township({ method: 'POST', url: '/api/inbox/read-all' });
    expect((await counts(township)).todo).toEqual(moved.todo);
    // A department has no centre's queues, and nothing of another unit's.
    expect((await counts(police)).todo.to_accept).toBeUndefined();
    expect(await todo(police, 'to_accept')).toEqual([]);
  });

  it('a leader sees the orders they issued and the purple and red cases of their area', async () => {
    const { request: leader } = await t.as(['leader'], [FIXTURE.county]);
    const mine = await counts(leader);
    expect(mine.leader).toMatchObject({ ordersIssued: 0 });
    const worst = (await leader({ method: 'GET', url: '/api/events?warning=purple,red' })).json().total;
    expect(mine.leader.worstCases).toBe(worst);
    const e = await dispatched();
    const order = await leader({
      method: 'POST',
      url: '/api/supervision/orders',
      payload: { eventId: e.id, kind: 'supervise', method: 'written', note: '尽快办理', workingDays: 3 },
    });
    expect(order.statusCode, order.body).toBe(201);
    expect((await counts(leader)).leader.ordersIssued).toBe(1);
  });
});

describe('verification and urgency', () => {
  it('a hotline call without evidence goes to the grid team to verify before it is registered', async () => {
    const call = await report({ photos: [], source: 'hotline', reporterName: '王女士' }, county);
    expect(call).toMatchObject({ status: 'verifying', stage: 'verify', stageUnit: FIXTURE.grids[0] });
    expect(new Date(call.stageDueAt).getTime() - new Date(call.reportedAt).getTime()).toBe(HOUR / 2);
    expect(await todo(worker, 'to_verify')).toContain(call.id);
    expect((await attempt(township, call.id, { action: 'accept' })).statusCode).toBe(409);
    const verified = await act(worker, call.id, { action: 'verify', note: '现场确有垃圾堆放', photos: [photo] });
    expect(verified).toMatchObject({ status: 'reported', stage: 'accept', stageUnit: FIXTURE.townships[0] });
    const untrue = await report({ photos: [], source: 'hotline' }, county);
    expect((await act(worker, untrue.id, { action: 'unfounded', note: '现场未发现' })).status).toBe('voided');
  });

  it('an urgent case gets half of every limit', async () => {
    const normal = await report();
    const urgent = await report({ urgency: 'urgent' });
    expect(urgent.urgency).toBe('urgent');
    const allowed = (e: Json) => new Date(e.stageDueAt).getTime() - new Date(e.reportedAt).getTime();
    expect(allowed(urgent)).toBe(allowed(normal) / 2);
    expect((await act(township, normal.id, { action: 'accept', urgency: 'very_urgent' })).urgency).toBe('very_urgent');
  });
});

describe('extensions, closing types, reopen', () => {
  it('extensions are capped in total; the approver may grant fewer days; the dialog shows what was asked', async () => {
    const e = await dispatched();
    await act(dept, e.id, { action: 'sign' });
    await act(dept, e.id, { action: 'extension_request', workingDays: 6, note: '等待设备' });
    const pending = await get(township, e.id);
    expect(pending.forms.extension_approve.workingDays).toEqual({ required: false, max: 6, requested: 6, reason: '等待设备' });
    expect((await attempt(township, e.id, { action: 'extension_approve', workingDays: 7 })).json().code).toBe('event.working_days_invalid');
    expect(await act(township, e.id, { action: 'extension_approve', workingDays: 4 })).toMatchObject({ extensionDays: 4 });
    expect((await get(dept, e.id)).forms.extension_request.workingDays).toMatchObject({ max: 6 });
    const over = await attempt(dept, e.id, { action: 'extension_request', workingDays: 7, note: '仍需时间' });
    expect(over.statusCode).toBe(400);
    expect(over.json()).toMatchObject({ code: 'event.extension_over_cap', details: [{ field: 'workingDays', reason: '1_to_6' }] });
    await act(dept, e.id, { action: 'extension_request', workingDays: 6, note: '仍需时间' });
    await act(township, e.id, { action: 'extension_approve' });
    expect((await get(dept, e.id)).abilities).not.toContain('extension_request');
  });

  it('a reply after the deadline closes as overdue; an error close needs a reason; a special close needs the level above', async () => {
    const e = await dispatched();
    await act(dept, e.id, { action: 'sign' });
    await later(6 * DAY);
    await act(dept, e.id, { action: 'handle', note: '已清运', photos: [photo] });
    await act(worker, e.id, { action: 'check', photos: [photo] });
    expect((await attempt(township, e.id, { action: 'close', closingType: 'error' })).json().code).toBe('event.reason_required');
    expect(await act(township, e.id, { action: 'close' })).toMatchObject({ status: 'closed', closingType: 'overdue' });

    const old = await dispatched();
    await act(township, old.id, { action: 'special_close_request', note: '历史遗留，需规划调整' });
    expect(await todo(county, 'to_decide_special_close')).toEqual([old.id]);
    expect((await attempt(township, old.id, { action: 'special_close_approve' })).statusCode).toBe(403);
    expect(await act(county, old.id, { action: 'special_close_approve' })).toMatchObject({ status: 'closed', closingType: 'special' });
  });

  it('a dissatisfied visit can reopen the case, and the rating stays', async () => {
    const e = await report();
    await act(township, e.id, { action: 'accept' });
    await act(township, e.id, { action: 'dispatch', targetUnit: FIXTURE.villages[0] });
    const { request: village } = await t.as(['village_center'], [FIXTURE.villages[0]]);
    await act(village, e.id, { action: 'sign' });
    await act(village, e.id, { action: 'handle', note: '已清运', photos: [photo] });
    await act(worker, e.id, { action: 'check', photos: [photo] });
    await act(township, e.id, { action: 'close' });
    await act(township, e.id, { action: 'visit', rating: 'dissatisfied', note: '又堆上了' });
    const reopened = await act(township, e.id, { action: 'reopen', note: '群众不满意，重新办理' });
    expect(reopened).toMatchObject({ status: 'accepted', rating: 'dissatisfied', reopens: 1 });
    expect(reopened.history.map((h: Json) => h.action)).toContain('visit');
  });
});

describe('merges that cannot be gamed', () => {
  it('a merge across items needs the dispatcher’s reason, and one person counts once on the case merged into', async () => {
    const master = await report();
    const same = await report();
    // The same worker reported both: merging brings no new reporter.
    const merged = await act(township, same.id, { action: 'merge', masterId: master.id });
    expect(merged.status).toBe('merged');
    expect((await get(township, master.id)).reports).toBe(1);

    const other = await report({ itemCode: 'CG06012' }); // 道路不洁, another item at the same place
    // The dialog asks before submitting: the same answer the merge gives.
    const gapOf = async (id: string, masterId: string) =>
      (await township({ method: 'GET', url: `/api/events/${id}/merge-gap?masterId=${masterId}` })).json() as Json;
    expect(await gapOf(other.id, master.id)).toEqual({ gap: 'merge_across_items' });
    const repeat = await report();
    expect(await gapOf(repeat.id, master.id)).toEqual({ gap: null });
    const unknown = await township({ method: 'GET', url: `/api/events/${other.id}/merge-gap?masterId=${crypto.randomUUID()}` });
    expect(unknown.json()).toMatchObject({ code: 'event.master_invalid', details: [{ field: 'masterId' }] });
    const refused = await attempt(township, other.id, { action: 'merge', masterId: master.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'event.reason_required', details: [{ field: 'note', reason: 'merge_across_items' }] });
    expect((await get(township, other.id)).status).toBe('reported');
    await act(township, other.id, { action: 'merge', masterId: master.id, note: '同一处垃圾，事项选错' });

    // A duplicate from someone else brings that person.
    const { request: neighbour } = await t.as(['grid_worker'], [FIXTURE.grids[0]]);
    const theirs = await report({}, neighbour);
    await act(township, theirs.id, { action: 'merge', masterId: master.id });
    expect((await get(township, master.id)).reports).toBe(2);
  });
});
