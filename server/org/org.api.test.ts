import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('departments', () => {
  it('not signed in: 401', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/org/departments' })).statusCode).toBe(401);
  });

  it('wrong role: a grid worker may not create departments', async () => {
    const { request } = await t.as(['grid_worker'], [FIXTURE.county]);
    expect(
      (await request({ method: 'POST', url: '/api/org/departments', payload: { code: 'X', name: 'x', areaCode: FIXTURE.county } }))
        .statusCode,
    ).toBe(403);
  });

  it('a county centre creates a department, it claims grids, and its staff are listed', async () => {
    const { request } = await t.as(['county_center'], [FIXTURE.county]);
    const created = await request({
      method: 'POST',
      url: '/api/org/departments',
      payload: { code: 'YM-CG', name: '云梦县城市管理执法局', areaCode: FIXTURE.county },
    });
    expect(created.statusCode).toBe(201);
    await t.buildUser({ username: 'cg1', roles: ['department_handler'], areaCodes: [FIXTURE.county], departmentCode: 'YM-CG' });
    const claimed = await request({ method: 'POST', url: '/api/org/departments/YM-CG/claims', payload: { gridCode: FIXTURE.grids[0] } });
    expect(claimed.json()).toMatchObject({ claims: [{ gridCode: FIXTURE.grids[0], gridName: '网格1' }], staff: [{ username: 'cg1' }] });
    const grid = (await request({ method: 'GET', url: `/api/territory/grids/${FIXTURE.grids[0]}` })).json();
    expect(grid.claimedBy).toEqual([{ code: 'YM-CG', name: '云梦县城市管理执法局' }]);
    const list = (await request({ method: 'GET', url: '/api/org/departments' })).json().items;
    expect(list).toEqual([
      { code: 'YM-CG', name: '云梦县城市管理执法局', areaCode: FIXTURE.county, areaName: '云梦县', claimCount: 1, staffCount: 1 },
    ]);
    const released = await request({ method: 'DELETE', url: `/api/org/departments/YM-CG/claims/${FIXTURE.grids[0]}` });
    expect(released.json().claims).toEqual([]);
  });

  it('out of jurisdiction: a township user sees the county department but cannot claim another township’s grid, nor see other counties’ departments', async () => {
    const { request: county } = await t.as(['county_center'], [FIXTURE.otherCounty]);
    await county({
      method: 'POST',
      url: '/api/org/departments',
      payload: { code: 'XN-GA', name: '孝南区公安分局', areaCode: FIXTURE.otherCounty },
    });
    const { request } = await t.as(['county_center'], [FIXTURE.townships[0]]);
    const list = (await request({ method: 'GET', url: '/api/org/departments' })).json().items.map((d: { code: string }) => d.code);
    expect(list).toEqual(['YM-CG']);
    expect((await request({ method: 'GET', url: '/api/org/departments/XN-GA' })).statusCode).toBe(404);
    const res = await request({ method: 'POST', url: '/api/org/departments/YM-CG/claims', payload: { gridCode: FIXTURE.grids[4] } });
    expect(res.statusCode).toBe(404);
  });

  it('refuses a duplicate code and a department outside the caller’s jurisdiction', async () => {
    const { request } = await t.as(['county_center'], [FIXTURE.county]);
    expect(
      (await request({ method: 'POST', url: '/api/org/departments', payload: { code: 'YM-CG', name: 'x', areaCode: FIXTURE.county } }))
        .statusCode,
    ).toBe(409);
    const outside = await request({
      method: 'POST',
      url: '/api/org/departments',
      payload: { code: 'XN-X', name: 'x', areaCode: FIXTURE.otherCounty },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().details[0].field).toBe('body.areaCode');
  });
});
