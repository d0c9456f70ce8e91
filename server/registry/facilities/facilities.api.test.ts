import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDepartment } from '../../org/index.ts';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let county: Awaited<ReturnType<TestApp['signIn']>>;
let countyName: string;
let otherTownship: Awaited<ReturnType<TestApp['signIn']>>;
beforeAll(async () => {
  t = await createTestApp();
  await insertDepartment(t.db, { code: 'YM-CG', name: '云梦县城市管理执法局', areaCode: FIXTURE.county });
  await insertDepartment(t.db, { code: 'YM-SW', name: '云梦县水务局', areaCode: FIXTURE.county });
  const signedIn = await t.as(['county_center'], [FIXTURE.county]);
  county = signedIn.request;
  countyName = signedIn.user.displayName;
  otherTownship = (await t.as(['township_center'], [FIXTURE.townships[1]])).request;
});
afterAll(() => t.close());

/** A street lamp in the first grid (113.00–113.05 E). */
const LAMP = { classCode: '01037', lng: 113.02, lat: 31.1, ownerDept: 'YM-CG', maintainerDept: 'YM-SW', state: '01' };
const post = (request: typeof county, payload: object) => request({ method: 'POST', url: '/api/registry/facilities', payload });
const fields = (res: { json(): { details: { field: string; reason: string }[] } }) =>
  res.json().details.map((d) => `${d.field}:${d.reason}`);
const list = async (request: typeof county, query: string) =>
  (await request({ method: 'GET', url: `/api/registry/facilities?${query}` })).json().items.map((f: { code: string }) => f.code);

describe('facilities', () => {
  it('records a component: the code is county + class + serial, the grid comes from the point, the name from the class', async () => {
    const first = await post(county, LAMP);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      code: '42092301037000001',
      name: '路灯',
      gridCode: FIXTURE.grids[0],
      ownerDeptName: '云梦县城市管理执法局',
      maintainerDeptName: '云梦县水务局',
      state: '01',
      version: 1,
    });
    expect(first.json().history).toHaveLength(1);
    expect(first.json()).toMatchObject({ verifiedBy: countyName, history: [{ actorName: countyName }] });
    expect((await post(county, { ...LAMP, lng: 113.33, state: '破损' })).json()).toMatchObject({
      code: '42092301037000002',
      gridCode: FIXTURE.grids[6],
      state: '02',
    });
    expect((await post(county, { ...LAMP, classCode: '01002', name: '朝阳路污水井盖' })).json().code).toBe('42092301002000001');
  });

  it('refuses an unknown class, state or department and a point outside the jurisdiction, naming each field; stores nothing', async () => {
    const before = (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from facility`))[0].n;
    const res = await post(county, { ...LAMP, classCode: '01999', state: '飞走了', ownerDept: 'NOPE', lng: 114.5 });
    expect(res.statusCode).toBe(422);
    expect(fields(res)).toEqual([
      'classCode:code.unknown',
      'state:code.unknown',
      'ownerDept:department.unknown',
      'lng:point.outside_grids',
    ]);
    expect(fields(await post(otherTownship, LAMP))).toEqual(['lng:point.outside_jurisdiction']);
    expect((await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from facility`))[0].n).toBe(before);
  });

  it('lists by class, state and area within jurisdiction; another township neither lists nor opens the first one', async () => {
    expect(await list(county, 'classCode=01')).toEqual(['42092301002000001', '42092301037000001', '42092301037000002']);
    expect(await list(county, 'classCode=01037&state=02')).toEqual(['42092301037000002']);
    expect(await list(county, `area=${FIXTURE.townships[0]}`)).toEqual(['42092301002000001', '42092301037000001']);
    expect(await list(county, `q=${encodeURIComponent('污水')}`)).toEqual(['42092301002000001']);
    expect(await list(otherTownship, 'classCode=01')).toEqual(['42092301037000002']);
    expect((await otherTownship({ method: 'GET', url: '/api/registry/facilities/42092301037000001' })).statusCode).toBe(404);
  });

  it('edits on the version it read (state damaged, maintainer gone); a stale version answers 409; history shows the change and who made it', async () => {
    const url = '/api/registry/facilities/42092301037000001';
    const res = await county({
      method: 'PUT',
      url,
      payload: { ...LAMP, classCode: undefined, state: '02', maintainerDept: null, version: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: '02', maintainerDept: null, version: 2 });
    expect(res.json().history[1]).toMatchObject({
      before: { state: '01', maintainerDept: 'YM-SW' },
      after: { state: '02', maintainerDept: null },
    });
    expect((await county({ method: 'PUT', url, payload: { ...LAMP, classCode: undefined, state: '03', version: 1 } })).statusCode).toBe(
      409,
    );
    const checker = await t.as(['county_center'], [FIXTURE.county]);
    const verified = await checker.request({ method: 'POST', url: `${url}/verify`, payload: { version: 2 } });
    expect(verified.json()).toMatchObject({ version: 3, verifiedBy: checker.user.displayName });
    expect(verified.json().history.map((h: { actorName: string | null }) => h.actorName)).toEqual([
      countyName,
      countyName,
      checker.user.displayName,
    ]);
    expect((await county({ method: 'GET', url })).json().verifiedBy).toBe(checker.user.displayName);
  });

  it('serves the code tables and the departments the forms offer', async () => {
    const { tables, departments } = (await county({ method: 'GET', url: '/api/registry/org-facility-codes' })).json();
    expect(departments).toEqual([
      { code: 'YM-CG', name: '云梦县城市管理执法局' },
      { code: 'YM-SW', name: '云梦县水务局' },
    ]);
    const byId = new Map(tables.map((tb: { id: string; entries: { code: string; zh: string }[] }) => [tb.id, tb.entries]));
    expect(byId.get('facility_class')).toEqual(expect.arrayContaining([{ code: '01037', zh: '路灯' }]));
    expect(byId.get('org_hazard')).toEqual(expect.arrayContaining([expect.objectContaining({ code: '07', zh: '人员密集场所' })]));
  });
});
