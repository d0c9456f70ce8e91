import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { importFile } from '../../testing/import-job.ts';
import { makeIdNumber } from '../records/identifiers.core.ts';

let t: TestApp;
let county: Awaited<ReturnType<TestApp['signIn']>>;
let otherTownship: Awaited<ReturnType<TestApp['signIn']>>;
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const count = async (table: string) => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;
const fields = (res: { json(): { details: { field: string; reason: string; value?: string }[] } }) =>
  res.json().details.map((d) => `${d.field}:${d.reason}${d.value ? `:${d.value}` : ''}`);

/** 17 houses in the first grid (G1-01 … G1-17), one in its neighbour, one in the other township. */
const G1 = Array.from({ length: 17 }, (_, i) => `G1-${String(i + 1).padStart(2, '0')}`);
beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  otherTownship = (await t.as(['township_center'], [FIXTURE.townships[1]])).request;
  await importFile(
    county,
    'house',
    csv([
      ['房屋编号', '房屋地址', '所属网格编码', '房屋用途', '是否出租'],
      ...G1.map((c, i) => [c, `城关镇朝阳路 ${i + 1} 号`, FIXTURE.grids[0], '住宅', '否']),
      ['G2-01', '城关镇新街 1 号', FIXTURE.grids[1], '住宅', '否'],
      ['T2-01', '义堂镇学府路 1 号', FIXTURE.grids[6], '住宅', '否'],
    ]),
  );
  await importFile(
    county,
    'person',
    csv([
      ['公民身份号码', '姓名', '民族', '人员类型', '房屋编号'],
      [makeIdNumber('420923', '1970-05-01', 11, 'male'), '陈大山', '汉族', '户籍人口', 'G1-01'],
      [makeIdNumber('420923', '1972-06-01', 12, 'female'), '周小燕', '汉族', '户籍人口', 'G1-01'],
      [makeIdNumber('420923', '1980-07-01', 13, 'male'), '吴刚', '汉族', '户籍人口', 'G1-02'],
    ]),
  );
});
afterAll(() => t.close());

const post = (request: typeof county, payload: object) => request({ method: 'POST', url: '/api/registry/household-groups', payload });
const first = { name: '朝阳路一组', gridCode: FIXTURE.grids[0], houseCodes: G1.slice(0, 10), leadHouseCode: 'G1-01' };
let id = '';

describe('ten-household groups: forming', () => {
  it('not signed in: 401; a grid leader may read but not form a group', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/registry/household-groups' })).statusCode).toBe(401);
    const { request } = await t.as(['grid_leader'], [FIXTURE.grids[0]]);
    expect((await post(request, first)).statusCode).toBe(403);
  });

  it('forms a group of ten houses of one grid with a lead household; the detail counts the people', async () => {
    const res = await post(county, first);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '朝阳路一组',
      gridCode: FIXTURE.grids[0],
      leadHouseCode: 'G1-01',
      members: 10,
      residents: 3,
      version: 1,
    });
    expect(res.json().houses[0]).toMatchObject({ houseCode: 'G1-01', address: '城关镇朝阳路 1 号', residents: 2, lead: true });
    expect(res.json().history).toHaveLength(1);
    id = res.json().id;
    expect((await county({ method: 'GET', url: '/api/registry/houses/G1-01' })).json().group).toEqual({
      id,
      name: '朝阳路一组',
      lead: true,
    });
  });

  it('refuses too many houses, unknown ones, ones outside the grid or the jurisdiction, taken ones and a lead that is no member; stores nothing', async () => {
    const before = [await count('household_group'), await count('household_group_member'), await count('record_change')];
    const more = { ...first, name: '二组', leadHouseCode: null };
    expect(fields(await post(county, { ...more, houseCodes: G1.slice(0, 16) }))).toEqual(
      expect.arrayContaining(['houseCodes:group.too_many:16']),
    );
    expect(fields(await post(county, { ...more, houseCodes: ['G1-11', 'G1-12', 'NOPE-1', 'G2-01'], leadHouseCode: 'G1-13' }))).toEqual([
      'houseCodes:house.not_found:NOPE-1',
      'houseCodes:group.house_outside_grid:G2-01',
      'leadHouseCode:group.lead_not_member:G1-13',
    ]);
    expect(fields(await post(county, { ...more, houseCodes: ['G1-10', 'G1-11'] }))).toEqual(['houseCodes:group.house_taken:G1-10']);
    expect(fields(await post(county, { ...more, houseCodes: ['G1-11'] }))).toEqual(['houseCodes:group.too_few:1']);
    // The other township sees neither the first grid nor its houses.
    expect(fields(await post(otherTownship, { ...more, houseCodes: ['G1-11', 'G1-12'] }))).toEqual([
      'gridCode:grid.not_found:420923100001001',
    ]);
    expect(fields(await post(otherTownship, { ...more, gridCode: FIXTURE.grids[6], houseCodes: ['T2-01', 'G1-11'] }))).toEqual([
      'houseCodes:house.not_found:G1-11',
    ]);
    expect([await count('household_group'), await count('household_group_member'), await count('record_change')]).toEqual(before);
    const tooMany = await post(county, { ...more, houseCodes: G1.slice(0, 16) });
    expect(tooMany.json().details.find((d: { reason: string }) => d.reason === 'group.too_many').message).toContain('15');
  });
});

describe('ten-household groups: editing', () => {
  const put = (request: typeof county, payload: object) => request({ method: 'PUT', url: `/api/registry/household-groups/${id}`, payload });

  it('changes members and the lead household on the version it read; the change is in the history', async () => {
    const res = await put(county, { name: '朝阳路一组', houseCodes: [...G1.slice(1, 10), 'G1-11'], leadHouseCode: 'G1-02', version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ leadHouseCode: 'G1-02', members: 10, residents: 1, version: 2 });
    expect(res.json().history.at(-1).before).toMatchObject({ leadHouseCode: 'G1-01' });
    expect(res.json().history.at(-1).after.houseCodes).toContain('G1-11');
    // G1-01 left the group, so another group may take it.
    expect((await post(county, { name: '二组', gridCode: FIXTURE.grids[0], houseCodes: ['G1-01', 'G1-12'] })).statusCode).toBe(200);
  });

  it('a stale version answers 409, another township 404, too many houses 422 — and nothing changes', async () => {
    expect((await put(county, { name: '改名', houseCodes: G1.slice(1, 10), version: 1 })).statusCode).toBe(409);
    expect((await put(otherTownship, { name: '改名', houseCodes: G1.slice(1, 10), version: 2 })).statusCode).toBe(404);
    expect(
      (await put(county, { name: '改名', houseCodes: [...G1.slice(1, 11), ...G1.slice(12, 17)].concat('G1-12'), version: 2 })).statusCode,
    ).toBe(422);
    expect((await county({ method: 'GET', url: `/api/registry/household-groups/${id}` })).json()).toMatchObject({
      name: '朝阳路一组',
      version: 2,
      members: 10,
    });
  });

  it('verifies, and lists the groups of a grid within jurisdiction', async () => {
    t.advance(60_000);
    expect(
      (await county({ method: 'POST', url: `/api/registry/household-groups/${id}/verify`, payload: { version: 2 } })).json(),
    ).toMatchObject({ version: 3, verifiedAt: '2026-11-02T01:01:00.000Z' });
    const list = (await county({ method: 'GET', url: `/api/registry/household-groups?grid=${FIXTURE.grids[0]}` })).json().items;
    expect(list.map((g: { name: string; members: number }) => [g.name, g.members])).toEqual([
      ['二组', 2],
      ['朝阳路一组', 10],
    ]);
    expect(list.every((g: { gridName: string; villageName: string }) => g.gridName === '网格1' && g.villageName === '村1')).toBe(true);
    expect((await otherTownship({ method: 'GET', url: `/api/registry/household-groups?grid=${FIXTURE.grids[0]}` })).json().items).toEqual(
      [],
    );
  });

  it('lists the houses of a grid to pick from, each with its group', async () => {
    const items = (await county({ method: 'GET', url: `/api/registry/houses?grid=${FIXTURE.grids[0]}` })).json().items;
    expect(items).toHaveLength(17);
    expect(items.find((h: { code: string }) => h.code === 'G1-02')).toMatchObject({ groupId: id, residents: 1 });
    expect(items.find((h: { code: string }) => h.code === 'G1-13').groupId).toBeNull();
  });

  it('data quality counts the groups of a grid and the houses in them', async () => {
    const q = (await county({ method: 'GET', url: `/api/registry/quality?area=${FIXTURE.grids[0]}` })).json();
    expect(q.children[0]).toMatchObject({ houses: 17, groups: 2, housesInGroups: 12, housesWithoutBuilding: 17 });
  });
});

describe('ten-household groups: disbanding', () => {
  const remove = (request: typeof county, version?: number) =>
    request({ method: 'DELETE', url: `/api/registry/household-groups/${id}${version === undefined ? '' : `?version=${version}`}` });
  const counts = async () => [await count('household_group'), await count('household_group_member'), await count('record_change')];

  it('not signed in: 401; a grid leader may not disband; another township sees no such group; nothing changes', async () => {
    const before = await counts();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/registry/household-groups/${id}?version=3` })).statusCode).toBe(401);
    const { request } = await t.as(['grid_leader'], [FIXTURE.grids[0]]);
    expect((await remove(request, 3)).statusCode).toBe(403);
    const outside = await remove(otherTownship, 3);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().code).toBe('registry.group_not_found');
    expect(await counts()).toEqual(before);
  });

  it('needs the version it was read at: none is refused naming it, a stale one answers 409; nothing changes', async () => {
    const before = await counts();
    const missing = await remove(county);
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json().details)).toContain('version');
    const stale = await remove(county, 2);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('registry.record_changed');
    expect(await counts()).toEqual(before);
    expect((await county({ method: 'GET', url: `/api/registry/household-groups/${id}` })).json()).toMatchObject({
      version: 3,
      members: 10,
    });
  });

  it('disbands the group: gone from the list, its houses free for another group, the deletion kept in the history', async () => {
    const [members, changes] = [await count('household_group_member'), await count('record_change')];
    t.advance(60_000);
    const res = await remove(county, 3);
    expect(res.statusCode).toBe(204);
    expect((await county({ method: 'GET', url: `/api/registry/household-groups/${id}` })).statusCode).toBe(404);
    const list = (await county({ method: 'GET', url: `/api/registry/household-groups?grid=${FIXTURE.grids[0]}` })).json().items;
    expect(list.map((g: { name: string }) => g.name)).toEqual(['二组']);
    expect(await count('household_group_member')).toBe(members - 10);
    expect(await count('record_change')).toBe(changes + 1);
    expect((await county({ method: 'GET', url: '/api/registry/houses/G1-02' })).json().group).toBeNull();
    const [last] = await queryRows<{
      actor_id: string;
      at: string;
      before: { name: string; leadHouseCode: string; houseCodes: string[] };
      after: unknown;
    }>(
      t.db,
      sql`
      select actor_id, at, before, after from record_change where record_type = 'household_group' and record_key = ${id} order by at desc, id desc limit 1`,
    );
    const [who] = await queryRows<{ actor_id: string }>(
      t.db,
      sql`select actor_id from record_change where record_type = 'household_group' and record_key = ${id} order by at limit 1`,
    );
    expect(last).toMatchObject({ actor_id: who.actor_id, after: null, before: { name: '朝阳路一组', leadHouseCode: 'G1-02' } });
    expect(new Date(last.at).toISOString()).toBe('2026-11-02T01:02:00.000Z');
    expect(last.before.houseCodes).toEqual([...G1.slice(1, 10), 'G1-11']);
    expect(
      (await post(county, { name: '三组', gridCode: FIXTURE.grids[0], houseCodes: ['G1-02', 'G1-03'], leadHouseCode: 'G1-02' })).statusCode,
    ).toBe(200);
    expect((await remove(county, 3)).statusCode).toBe(404);
  });
});
