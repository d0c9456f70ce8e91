import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendar } from '../../platform/calendar/calendar.core.ts';
import { loadConfig } from '../../platform/config.ts';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { multipartFile } from '../../testing/multipart.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
// Reply bodies are read loosely here; the route schemas already fix their shape.
// biome-ignore lint/suspicious/noExplicitAny: replies are read field by field, as a client reads JSON
type Json = Record<string, any>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const DAY = 86_400_000;

let t: TestApp;
let photo: string;
const u = {} as Record<'worker' | 'township' | 'otherTownship' | 'county' | 'countyColleague' | 'leader' | 'dept' | 'otherDept', Request>;

/** Everyone signs in again: sessions last 12 hours and the queue tests move the clock by days. */
async function signInAll() {
  u.worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
  u.township = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
  u.otherTownship = (await t.as(['township_center'], [FIXTURE.townships[1]])).request;
  u.county = (await t.as(['county_center'], [FIXTURE.county])).request;
  u.countyColleague = (await t.as(['county_center'], [FIXTURE.county])).request;
  u.leader = (await t.as(['leader'], [FIXTURE.county])).request;
  u.dept = (await t.as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-CG' })).request;
  u.otherDept = (await t.as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-SW' })).request;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.db.execute(
    sql`insert into department (code, name, area_code) values ('YM-CG', '云梦县城市管理执法局', '420923'), ('YM-SW', '云梦县水利局', '420923')`,
  );
  await signInAll();
  photo = (await u.worker({ method: 'POST', url: '/api/files/photos', ...multipartFile(PNG, 'p.png', 'image/png') })).json().key;
});
afterAll(() => t.close());

const get = (r: Request, url: string) => r({ method: 'GET', url });
const post = (r: Request, url: string, payload?: Json) => r({ method: 'POST', url, ...(payload ? { payload } : {}) });
const issue = (r: Request, body: Json) =>
  post(r, '/api/supervision/orders', { kind: 'supervise', method: 'phone', note: '请加快处置', workingDays: 3, ...body });
const orderCount = async () => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from supervision_order`))[0].n;

/** A case in township 0 moved along the loop up to `until`. */
async function caseUpTo(until: 'reported' | 'dispatched' | 'closed' | 'visited', rating = 'satisfied') {
  const act = async (r: Request, id: string, body: Json) => {
    const res = await post(r, `/api/events/${id}/actions`, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  let e = (
    await post(u.worker, '/api/events', { itemCode: 'CG06010', lng: 113.01, lat: 31.01, description: '路口垃圾堆放', photos: [photo] })
  ).json();
  if (until === 'reported') return e;
  e = await act(u.township, e.id, { action: 'accept', version: e.version });
  e = await act(u.township, e.id, { action: 'dispatch', version: e.version, targetUnit: 'YM-CG' });
  if (until === 'dispatched') return e;
  e = await act(u.dept, e.id, { action: 'sign', version: e.version });
  e = await act(u.dept, e.id, { action: 'handle', version: e.version, note: '已清运', photos: [photo] });
  e = await act(u.township, e.id, { action: 'check', version: e.version, photos: [photo] });
  e = await act(u.township, e.id, { action: 'close', version: e.version });
  if (until === 'closed') return e;
  return act(u.township, e.id, { action: 'visit', version: e.version, rating, note: '回访记录' });
}

describe('an order on one case', () => {
  it('issue → on the timeline and in the unit’s list → reply → close, the case itself unchanged', async () => {
    const e = await caseUpTo('dispatched');
    const res = await issue(u.leader, { eventId: e.id, method: 'written', note: '三日内清运完毕' });
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json();
    expect(order).toMatchObject({
      kind: 'supervise',
      method: 'written',
      eventId: e.id,
      caseNo: e.caseNo,
      unitCode: 'YM-CG',
      unitName: '云梦县城市管理执法局',
      status: 'open',
      overdue: false,
      abilities: [],
    });
    expect(new Date(order.dueAt)).toEqual(createCalendar().addWorkingDays(new Date(order.issuedAt), 3));

    const seen = (await get(u.township, `/api/events/${e.id}`)).json();
    expect(seen).toMatchObject({ status: 'dispatched', version: e.version });
    expect(seen.history.at(-1)).toMatchObject({
      seq: e.history.length + 1,
      action: 'supervise',
      fromStatus: 'dispatched',
      toStatus: 'dispatched',
      note: '三日内清运完毕',
      data: { orderId: order.id, method: 'written', unitCode: 'YM-CG' },
    });

    const addressed = (await get(u.dept, '/api/supervision/orders/addressed')).json().items;
    expect(addressed.find((o: Json) => o.id === order.id)).toMatchObject({ status: 'open', abilities: ['reply'] });
    expect((await get(u.otherDept, '/api/supervision/orders/addressed')).json().items).toEqual([]);
    expect((await get(u.leader, '/api/supervision/orders/issued')).json().items.map((o: Json) => o.id)).toContain(order.id);

    const wrongUnit = await post(u.otherDept, `/api/supervision/orders/${order.id}/reply`, { reply: '不归我们管' });
    expect(wrongUnit.statusCode).toBe(403);
    expect(wrongUnit.json().code).toBe('supervision.not_unit');
    expect((await post(u.dept, `/api/supervision/orders/${order.id}/reply`, { reply: '   ' })).json()).toMatchObject({
      code: 'supervision.reply_required',
      details: [{ field: 'reply' }],
    });
    expect((await post(u.dept, `/api/supervision/orders/${order.id}/close`)).statusCode).toBe(403); // a unit cannot close its own order
    const early = await post(u.leader, `/api/supervision/orders/${order.id}/close`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('supervision.not_replied');

    const replied = await post(u.dept, `/api/supervision/orders/${order.id}/reply`, { reply: '已安排两车清运' });
    expect(replied.json()).toMatchObject({ status: 'replied', reply: '已安排两车清运', abilities: [] });
    expect((await post(u.dept, `/api/supervision/orders/${order.id}/reply`, { reply: '再答一次' })).json().code).toBe(
      'supervision.already_replied',
    );
    expect((await get(u.leader, `/api/supervision/orders/${order.id}`)).json().abilities).toEqual(['close']);

    const notAbove = await post(u.township, `/api/supervision/orders/${order.id}/close`); // sees the case, sits below the issuer
    expect(notAbove.statusCode).toBe(403);
    expect(notAbove.json().code).toBe('supervision.not_issuer');
    const closed = await post(u.leader, `/api/supervision/orders/${order.id}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed', closedByName: expect.any(String) });
    const twice = await post(u.leader, `/api/supervision/orders/${order.id}/close`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('supervision.already_closed');

    const after = (await get(u.township, `/api/events/${e.id}`)).json();
    expect(after).toMatchObject({ status: 'dispatched', version: e.version });
    expect(after.history.slice(-3).map((h: Json) => `${h.action}:${h.fromStatus}>${h.toStatus}`)).toEqual([
      'supervise:dispatched>dispatched',
      'supervision_reply:dispatched>dispatched',
      'supervision_close:dispatched>dispatched',
    ]);
    expect(after.history.at(-2).note).toBe('已安排两车清运');
    const ofEvent = (await get(u.township, `/api/events/${e.id}/supervision`)).json().items;
    expect(ofEvent).toMatchObject([{ id: order.id, status: 'closed' }]);

    // The loop goes on after supervision: the next step's seq follows the supervision rows.
    const signed = (await post(u.dept, `/api/events/${e.id}/actions`, { action: 'sign', version: e.version })).json();
    expect(signed.history.at(-1)).toMatchObject({ seq: e.history.length + 4, action: 'sign' });
  });

  it('a case not yet dispatched is answered for by its owner centre', async () => {
    const e = await caseUpTo('reported');
    const order = (await issue(u.county, { eventId: e.id, kind: 'urge' })).json();
    expect(order).toMatchObject({ kind: 'urge', unitCode: FIXTURE.townships[0], unitName: '城关镇' });
    expect(
      (await get(u.township, '/api/supervision/orders/addressed')).json().items.find((o: Json) => o.id === order.id).abilities,
    ).toEqual(['reply']);
    expect((await post(u.township, `/api/supervision/orders/${order.id}/reply`, { reply: '已受理' })).json().status).toBe('replied');
  });
});

describe('an order on a unit as a whole', () => {
  it('a department or an area in the issuer’s jurisdiction; a colleague centre of the issuer may close it', async () => {
    const dept = await issue(u.county, { unitCode: 'YM-CG', method: 'meeting', note: '本月积存案件清零' });
    expect(dept.statusCode, dept.body).toBe(201);
    expect(dept.json()).toMatchObject({ eventId: null, caseNo: null, unitCode: 'YM-CG', status: 'open' });

    const area = (await issue(u.county, { unitCode: FIXTURE.townships[1], method: 'on_site', kind: 'urge' })).json();
    expect(area).toMatchObject({ unitCode: FIXTURE.townships[1], unitName: '义堂镇' });
    expect((await get(u.township, '/api/supervision/orders/addressed')).json().items.map((o: Json) => o.id)).not.toContain(area.id);
    expect((await post(u.otherTownship, `/api/supervision/orders/${area.id}/reply`, { reply: '已整改' })).json().status).toBe('replied');
    const closed = await post(u.countyColleague, `/api/supervision/orders/${area.id}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed' });
    const [{ county_code }] = await queryRows<{ county_code: string }>(
      t.db,
      sql`select county_code from supervision_order where id = ${area.id}`,
    );
    expect(county_code).toBe(FIXTURE.county);
  });

  it('an unknown unit, or one outside the jurisdiction, is refused by name and nothing is created', async () => {
    const before = await orderCount();
    for (const unitCode of ['NOBODY', '420923999']) {
      const res = await issue(u.county, { unitCode });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'supervision.unit_unknown', details: [{ field: 'unitCode', reason: 'unknown' }] });
    }
    for (const [who, unitCode] of [
      [u.township, FIXTURE.townships[1]],
      [u.township, 'YM-CG'],
      [u.county, FIXTURE.otherCounty],
    ] as const) {
      const res = await issue(who, { unitCode });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({
        code: 'supervision.unit_outside',
        details: [{ field: 'unitCode', reason: 'outside_jurisdiction' }],
      });
    }
    expect(await orderCount()).toBe(before);
  });
});

describe('refusals', () => {
  it('wrong role, bad kind or method, missing or blank note, no subject or two: refused, nothing created', async () => {
    const e = await caseUpTo('dispatched');
    const before = await orderCount();
    expect((await issue(u.worker, { eventId: e.id })).statusCode).toBe(403);
    expect((await issue(u.dept, { eventId: e.id })).json().code).toBe('access.forbidden');
    expect((await get(u.worker, '/api/supervision/queue')).statusCode).toBe(403);
    const method = await issue(u.county, { eventId: e.id, method: 'email' });
    expect(method.statusCode).toBe(400);
    expect(JSON.stringify(method.json().details)).toContain('method');
    expect(JSON.stringify((await issue(u.county, { eventId: e.id, kind: 'scold' })).json().details)).toContain('kind');
    const { note: _note, ...noNote } = { kind: 'supervise', method: 'phone', workingDays: 3, eventId: e.id, note: '' };
    const missing = await post(u.county, '/api/supervision/orders', noNote);
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json().details)).toContain('note');
    expect((await issue(u.county, { eventId: e.id, note: '  ' })).json()).toMatchObject({
      code: 'supervision.note_required',
      details: [{ field: 'note', reason: 'blank' }],
    });
    expect((await issue(u.county, { eventId: e.id, workingDays: 0 })).statusCode).toBe(400);
    expect((await issue(u.county, {})).json()).toMatchObject({
      code: 'supervision.subject_required',
      details: [
        { field: 'eventId', reason: 'missing' },
        { field: 'unitCode', reason: 'missing' },
      ],
    });
    expect((await issue(u.county, { eventId: e.id, unitCode: 'YM-CG' })).json().code).toBe('supervision.subject_required');
    expect(await orderCount()).toBe(before);
    expect((await get(u.county, `/api/events/${e.id}`)).json().history).toHaveLength(e.history.length);
  });

  it('outside the jurisdiction: another township’s centre cannot supervise the case, see its orders or close them', async () => {
    const e = await caseUpTo('dispatched');
    const other = await issue(u.otherTownship, { eventId: e.id });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('event.not_found');
    const order = (await issue(u.township, { eventId: e.id })).json();
    expect((await get(u.otherTownship, `/api/supervision/orders/${order.id}`)).statusCode).toBe(404);
    expect((await get(u.otherTownship, `/api/events/${e.id}/supervision`)).statusCode).toBe(404);
    await post(u.dept, `/api/supervision/orders/${order.id}/reply`, { reply: '已处理' });
    expect((await post(u.otherTownship, `/api/supervision/orders/${order.id}/close`)).json().code).toBe('supervision.not_found');
    expect((await get(u.township, `/api/supervision/orders/${order.id}`)).json().status).toBe('replied');
  });
});

describe('the supervision queue', () => {
  it('holds unvisited closed cases after the configured working days, dissatisfied visits until reopened, and overdue orders', async () => {
    const unvisited = await caseUpTo('closed');
    const dissatisfied = await caseUpTo('visited', 'dissatisfied');
    const satisfied = await caseUpTo('visited', 'satisfied');
    const late = await caseUpTo('dispatched');
    const lateOrder = (await issue(u.county, { eventId: late.id, workingDays: 1 })).json();
    const answered = (await issue(u.county, { eventId: late.id, workingDays: 1, kind: 'urge' })).json();
    await post(u.dept, `/api/supervision/orders/${answered.id}/reply`, { reply: '正在办' });
    const queue = async (r: Request) => (await get(r, '/api/supervision/queue')).json().items as Json[];
    const keys = (items: Json[]) => items.map((i) => `${i.reason}:${i.order?.id ?? i.eventId}`);

    let items = await queue(u.county);
    expect(keys(items)).toContain(`dissatisfied:${dissatisfied.id}`);
    expect(items.find((i) => i.eventId === dissatisfied.id)).toMatchObject({
      caseNo: dissatisfied.caseNo,
      unitCode: FIXTURE.townships[0],
      unitName: '城关镇',
      liveOrders: 0,
    });
    expect(keys(items)).not.toContain(`unvisited:${unvisited.id}`);
    expect(keys(items).some((k) => k.includes(satisfied.id))).toBe(false);
    expect(keys(items)).not.toContain(`order_overdue:${lateOrder.id}`);

    t.advance(DAY); // one working day after closing: still time for the return visit (default 2)
    await signInAll();
    expect(keys(await queue(u.county))).not.toContain(`unvisited:${unvisited.id}`);

    t.advance(1.5 * DAY); // past two working days
    await signInAll();
    items = await queue(u.county);
    expect(keys(items)).toEqual(
      expect.arrayContaining([`unvisited:${unvisited.id}`, `dissatisfied:${dissatisfied.id}`, `order_overdue:${lateOrder.id}`]),
    );
    expect(keys(items)).not.toContain(`order_overdue:${answered.id}`);
    expect(items.find((i) => i.order?.id === lateOrder.id)!.order).toMatchObject({ overdue: true, status: 'open', unitCode: 'YM-CG' });
    expect((await get(u.dept, '/api/supervision/orders/addressed')).json().items.find((o: Json) => o.id === lateOrder.id).overdue).toBe(
      true,
    );
    expect(await queue(u.otherTownship)).toEqual([]);

    const visited = (await get(u.township, `/api/events/${dissatisfied.id}`)).json();
    expect(
      (
        await post(u.township, `/api/events/${dissatisfied.id}/actions`, {
          action: 'reopen',
          version: visited.version,
          note: '群众不满意，重新办理',
        })
      ).statusCode,
    ).toBe(200);
    expect(keys(await queue(u.county))).not.toContain(`dissatisfied:${dissatisfied.id}`);
  });

  it('waits 2 working days by default; the setting takes only a whole number of days', () => {
    expect(loadConfig({}).unvisitedWorkingDays).toBe(2);
    expect(loadConfig({ GEZHI_UNVISITED_WORKING_DAYS: '5' }).unvisitedWorkingDays).toBe(5);
    for (const bad of ['0', '1.5', 'two'])
      expect(() => loadConfig({ GEZHI_UNVISITED_WORKING_DAYS: bad })).toThrow(/GEZHI_UNVISITED_WORKING_DAYS/);
  });
});
