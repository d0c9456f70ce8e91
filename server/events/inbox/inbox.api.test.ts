import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { multipartFile } from '../../testing/multipart.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
interface Note {
  id: string;
  kind: string;
  eventId: string;
  data: Record<string, unknown>;
  readAt: string | null;
}
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const MINUTE = 60_000;

let t: TestApp;
let worker: Request;
let township: Request;
let otherTownship: Request;
let county: Request;
let dept: Request;
let otherDept: Request;
let village: Request;
let photo: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.db.execute(
    sql`insert into department (code, name, area_code) values ('YM-CG', '云梦县城市管理执法局', '420923'), ('YM-SW', '云梦县水务局', '420923')`,
  );
  worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
  township = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
  otherTownship = (await t.as(['township_center'], [FIXTURE.townships[1]])).request;
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  dept = (await t.as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-CG' })).request;
  otherDept = (await t.as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-SW' })).request;
  village = (await t.as(['village_center'], [FIXTURE.villages[0]])).request;
  photo = (await worker({ method: 'POST', url: '/api/files/photos', ...multipartFile(PNG, 'p.png', 'image/png') })).json().key;
});
afterAll(() => t.close());

const report = () =>
  worker({
    method: 'POST',
    url: '/api/events',
    payload: { itemCode: 'CG06010', lng: 113.01, lat: 31.01, description: '路口垃圾堆放', photos: [photo] },
  });
const act = async (request: Request, id: string, body: Record<string, unknown>) => {
  t.advance(MINUTE); // each step a minute later, so "newest first" has an order to show
  const res = await request({ method: 'POST', url: `/api/events/${id}/actions`, payload: body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const inbox = async (request: Request, query = '') =>
  (await request({ method: 'GET', url: `/api/inbox${query}` })).json() as { items: Note[]; total: number };
const counts = async (request: Request) => (await request({ method: 'GET', url: '/api/inbox/counts' })).json();

describe('who is told what', () => {
  let caseId: string;
  let caseNo: string;

  it('a report goes to the owner centre to accept, and to nobody else', async () => {
    const created = (await report()).json();
    caseId = created.id;
    caseNo = created.caseNo;
    const mine = await inbox(township);
    expect(mine.items).toMatchObject([
      { kind: 'to_accept', eventId: caseId, readAt: null, data: { caseNo, itemCode: 'CG06010', stage: 'accept' } },
    ]);
    for (const other of [otherTownship, county, dept, worker]) expect((await inbox(other)).total).toBe(0);
  });

  it('a dispatch goes to the lead department’s staff and the co-handling village centre to sign for', async () => {
    let e = await act(township, caseId, { action: 'accept', version: 1 });
    e = await act(township, caseId, { action: 'dispatch', version: e.version, targetUnit: 'YM-CG', coUnits: [FIXTURE.villages[0]] });
    expect((await inbox(dept)).items).toMatchObject([{ kind: 'to_sign', eventId: caseId }]);
    expect((await inbox(village)).items).toMatchObject([{ kind: 'to_sign', eventId: caseId }]);
    expect((await inbox(otherDept)).total).toBe(0);
  });

  it('a returned dispatch goes back to the owner centre, handled work to the grid team for the on-site check', async () => {
    let e = (await township({ method: 'GET', url: `/api/events/${caseId}` })).json();
    e = await act(dept, caseId, { action: 'return', version: e.version, note: '不属于本部门' });
    expect((await inbox(township)).items[0]).toMatchObject({ kind: 'returned', data: { returnedFrom: 'YM-CG' } });
    e = await act(township, caseId, { action: 'return_accept', version: e.version });
    e = await act(township, caseId, { action: 'dispatch', version: e.version, targetUnit: 'YM-CG' });
    e = await act(dept, caseId, { action: 'sign', version: e.version });
    await act(dept, caseId, { action: 'handle', version: e.version, note: '已清运', photos: [photo] });
    expect((await inbox(township)).items.map((n) => n.kind)).toEqual(['returned', 'to_accept']);
    expect((await inbox(worker)).items.map((n) => n.kind)).toEqual(['to_check']);
    expect((await inbox(dept)).items.map((n) => n.kind)).toEqual(['to_sign', 'to_sign']);
  });

  it('an escalated case goes to the centre above to dispatch', async () => {
    const created = (await report()).json();
    await act(township, created.id, { action: 'escalate', version: 1, note: '需县级协调' });
    expect((await inbox(county)).items).toMatchObject([{ kind: 'to_dispatch', eventId: created.id }]);
  });
});

describe('my inbox', () => {
  it('counts unread by kind, lists unread first and pages', async () => {
    expect(await counts(township)).toMatchObject({ unread: 3, byKind: { to_accept: 2, returned: 1 }, supervision: 0 });
    const all = await inbox(township);
    const oldest = all.items[all.items.length - 1];
    const read = await township({ method: 'POST', url: `/api/inbox/${oldest.id}/read` });
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    const firstPage = await inbox(township, '?limit=2');
    expect(firstPage.total).toBe(3);
    expect(firstPage.items.every((n) => n.readAt === null)).toBe(true);
    const lastPage = await inbox(township, '?offset=2&limit=2');
    expect(lastPage.items.map((n) => n.id)).toEqual([oldest.id]);
    expect((await inbox(township, '?unread=true')).total).toBe(2);
    expect((await counts(township)).unread).toBe(2);
  });

  it('only the owner may read or mark a notification: anyone else gets 404 and it stays unread', async () => {
    const [first] = (await inbox(township, '?unread=true')).items;
    const res = await otherTownship({ method: 'POST', url: `/api/inbox/${first.id}/read` });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('notification.not_found');
    expect((await inbox(township, '?unread=true')).items.map((n) => n.id)).toContain(first.id);
  });

  it('marks all read', async () => {
    const res = await township({ method: 'POST', url: '/api/inbox/read-all' });
    expect(res.json()).toEqual({ updated: 2 });
    expect((await counts(township)).unread).toBe(0);
    expect((await inbox(dept)).items.every((n) => n.readAt === null)).toBe(true);
  });

  it('counts the open supervision orders addressed to my department or my areas', async () => {
    const order = (
      unit: string,
      status: string,
    ) => sql`insert into supervision_order (county_code, kind, method, unit_code, note, status, issued_by, issued_by_name, issued_at)
      values ('420923', 'supervise', 'written', ${unit}, '请尽快办理', ${status}, gen_random_uuid(), '县领导', now())`;
    await t.db.execute(order('YM-CG', 'open'));
    await t.db.execute(order('YM-CG', 'closed'));
    await t.db.execute(order(FIXTURE.villages[0], 'open'));
    expect((await counts(dept)).supervision).toBe(1);
    expect((await counts(village)).supervision).toBe(1);
    expect((await counts(otherDept)).supervision).toBe(0);
  });

  it('bad input is refused naming the field; signed out is 401', async () => {
    const bad = await township({ method: 'GET', url: '/api/inbox?limit=0' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('querystring.limit');
    expect((await township({ method: 'POST', url: '/api/inbox/nope/read' })).json().details[0].field).toBe('params.id');
    expect((await t.app.inject({ method: 'GET', url: '/api/inbox' })).statusCode).toBe(401);
  });
});
