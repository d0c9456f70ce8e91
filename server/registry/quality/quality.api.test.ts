import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../../shared/masking.ts';
import { queryRows } from '../../platform/db.ts';
import { createFieldCrypto } from '../../platform/field-crypto.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, TEST_FIELD_KEYS, type TestApp } from '../../testing/harness.ts';
import { importFile } from '../../testing/import-job.ts';
import { makeCreditCode, makeIdNumber } from '../records/identifiers.core.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
let t: TestApp;
let county: Request;
let city: Request;
const crypto = createFieldCrypto({ encKey: Buffer.from(TEST_FIELD_KEYS.enc, 'hex'), hashKey: Buffer.from(TEST_FIELD_KEYS.hash, 'hex') });
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const OTHER_GRID = '420902001001001';

const zhang = makeIdNumber('420923', '1985-03-14', 101, 'male');
const li = makeIdNumber('420923', '1988-07-02', 102, 'female');
const wang = makeIdNumber('420923', '1979-05-20', 105, 'male');
const zhao = makeIdNumber('420923', '1990-01-01', 107, 'male');
const broken = (id: string) => `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;
const badId = broken(makeIdNumber('420923', '1970-02-02', 109, 'male'));
const farBadId = broken(makeIdNumber('420902', '1971-03-03', 111, 'male'));

/** A row as an older system left it: written straight to the table, its check digit never looked at. */
async function insertPerson(countyCode: string, gridCode: string, name: string, idNumber: string) {
  await t.db.execute(sql`insert into person (county_code, id, id_number_enc, id_number_hash, id_number_masked, name, sex, birth_date, ethnicity, resident_type, grid_code, updated_at)
    values (${countyCode}, ${randomUUID()}, ${crypto.encrypt(idNumber)}, ${crypto.searchHash(idNumber)}, ${maskIdNumber(idNumber)}, ${name}, '1', '1970-01-01', '01', '01', ${gridCode}, now())`);
}
const idCheckOf = async (name: string) =>
  (await queryRows<{ ok: boolean | null }>(t.db, sql`select id_check_ok as ok from person where name = ${name}`))[0].ok;

beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  city = (await t.as(['city_center'], [FIXTURE.city])).request;
  await importFile(
    county,
    'house',
    csv([
      ['房屋编号', '房屋地址', '所属网格编码', '房屋用途', '是否出租', '出租用途'],
      ['Q-101', 'A路 1 号 101 室', FIXTURE.grids[0], '住宅', '否', ''],
      ['Q-102', 'A路 1 号 101 室', FIXTURE.grids[0], '住宅', '否', ''],
      ['Q-SHOP', 'A路 2 号', FIXTURE.grids[0], '商业', '否', ''],
      ['Q-DORM', 'A路 3 号', FIXTURE.grids[1], '商业', '是', '宿舍'],
      ['Q-TWIN', 'A路 4 号', FIXTURE.grids[0], '住宅', '否', ''],
      ['Q-FAR', 'B路 1 号', FIXTURE.grids[4], '住宅', '否', ''],
    ]),
  );
  await importFile(
    county,
    'person',
    csv([
      ['公民身份号码', '姓名', '民族', '人员类型', '房屋编号'],
      [zhang, '张建华', '汉族', '户籍人口', 'Q-101'],
      [li, '李秀兰', '汉族', '户籍人口', 'Q-101'],
      [wang, '王建国', '汉族', '户籍人口', 'Q-TWIN'],
      [zhao, '赵六', '汉族', '户籍人口', 'Q-FAR'],
    ]),
  );
  // 李秀兰 moved out and was never recorded anywhere else.
  await t.db.execute(sql`update residence set moved_out = '2026-10-01' where person_id = (select id from person where name = '李秀兰')`);
  // Another county holds a house with the same code elsewhere, 王建国 a second time, and a broken ID of its own.
  await t.db.execute(
    sql`insert into house (county_code, code, grid_code, address, use, rented, updated_at) values ('420902', 'Q-TWIN', ${OTHER_GRID}, '孝南区某路 9 号', '01', false, now())`,
  );
  await insertPerson('420902', OTHER_GRID, '王建国外县', wang);
  await insertPerson('420902', OTHER_GRID, '孙外县错号', farBadId);
  await insertPerson('420923', FIXTURE.grids[0], '钱错号', badId);
  const org = await county({
    method: 'POST',
    url: '/api/registry/organisations',
    payload: {
      creditCode: makeCreditCode('91', '420923', 'MA49AB01'),
      name: '城关五金',
      orgType: '01',
      address: 'A路 5 号',
      gridCode: FIXTURE.grids[0],
    },
  });
  if (org.statusCode !== 200) throw new Error(org.body);
});
afterAll(() => t.close());

const figures = async (request: Request, area: string) =>
  (await request({ method: 'GET', url: `/api/registry/quality?area=${area}` })).json();
const list = async (request: Request, area: string, kind: string, offset = 0, limit = 20) =>
  (
    await request({ method: 'GET', url: `/api/registry/quality/anomalies?area=${area}&kind=${kind}&offset=${offset}&limit=${limit}` })
  ).json();
const houseCodes = (r: { items: { houses: { code: string }[] }[] }) => r.items.map((i) => i.houses.map((h) => h.code));
const names = (r: { items: { people: { name: string }[] }[] }) => r.items.flatMap((i) => i.people.map((p) => p.name)).sort();

describe('data quality: figures per child node', () => {
  it('a county’s townships: counts, verified, and anomalies counted; older IDs checked on the way', async () => {
    const q = await figures(county, FIXTURE.county);
    expect(q).toMatchObject({ area: FIXTURE.county, name: '云梦县', level: 'county' });
    expect(q.children.map((c: { code: string }) => c.code)).toEqual(FIXTURE.townships);
    expect(q.children[0]).toMatchObject({
      name: '城关镇',
      level: 'township',
      people: 4,
      peopleVerified: 3,
      houses: 5,
      housesVerified: 5,
      homeless: 2,
      emptyHouses: 2,
      housesWithoutBuilding: 5,
      idCheckFailed: 1,
      idUnchecked: 0,
      organisations: 1,
      organisationsVerified: 1,
      buildings: 0,
      facilities: 0,
      groups: 0,
    });
    expect(q.children[1]).toMatchObject({ people: 1, houses: 1, homeless: 0, emptyHouses: 0 });
    expect(q.total).toMatchObject({ people: 5, houses: 6 });
  });

  it('flags IDs as they are written; the check of older rows never reaches outside the caller’s jurisdiction', async () => {
    expect(await idCheckOf('张建华')).toBe(true);
    expect(await idCheckOf('钱错号')).toBe(false);
    expect(await idCheckOf('孙外县错号')).toBeNull();
  });

  it('a city’s counties, for a city user: the other county’s rows are counted there', async () => {
    const q = await figures(city, FIXTURE.city);
    const other = q.children.find((c: { code: string }) => c.code === FIXTURE.otherCounty);
    expect(other).toMatchObject({ people: 2, houses: 1, idCheckFailed: 1, homeless: 2 });
  });

  it('a grid is its own single row; unknown, above or beside the jurisdiction answers 404', async () => {
    const q = await figures(county, FIXTURE.grids[1]);
    expect(q.children).toEqual([expect.objectContaining({ code: FIXTURE.grids[1], level: 'grid', houses: 1, emptyHouses: 1 })]);
    const { request: worker } = await t.as(['grid_worker'], [FIXTURE.grids[0]]);
    expect((await worker({ method: 'GET', url: `/api/registry/quality?area=${FIXTURE.villages[0]}` })).statusCode).toBe(404);
    expect((await county({ method: 'GET', url: '/api/registry/quality?area=420923199' })).statusCode).toBe(404);
  });
});

describe('data quality: anomaly lists', () => {
  const area = FIXTURE.townships[0];

  it('the same address under different house codes', async () => {
    const r = await list(county, area, 'sameAddressDifferentCodes');
    expect(r.total).toBe(1);
    expect(r.items.map((i: { key: string }) => i.key)).toEqual(['A路 1 号 101 室']);
    expect(houseCodes(r)).toEqual([['Q-101', 'Q-102']]);
    // Every grid the page mentions comes with its name.
    const grids = [...new Set(r.items.flatMap((i: { houses: { gridCode: string }[] }) => i.houses.map((h) => h.gridCode)))] as string[];
    expect(Object.keys(r.gridNames).sort()).toEqual(grids.sort());
    expect(Object.values(r.gridNames).every((n) => /^网格\d$/.test(n as string))).toBe(true);
  });

  it('the same house code at different addresses: the other county’s house counted, not shown, unless in jurisdiction', async () => {
    const r = await list(county, area, 'sameCodeDifferentAddresses');
    expect(r.items).toEqual([
      { key: 'Q-TWIN', houses: [{ code: 'Q-TWIN', address: 'A路 4 号', gridCode: FIXTURE.grids[0] }], people: [], elsewhere: 1 },
    ]);
    expect(JSON.stringify(r)).not.toContain('孝南区');
    const wide = await list(city, FIXTURE.city, 'sameCodeDifferentAddresses');
    expect(wide.items[0]).toMatchObject({ elsewhere: 0 });
    expect(wide.items[0].houses.map((h: { address: string }) => h.address).sort()).toEqual(['A路 4 号', '孝南区某路 9 号'].sort());
  });

  it('people without a house, paged', async () => {
    const all = await list(county, area, 'peopleWithoutHouse');
    expect(all.total).toBe(2);
    expect(names(all)).toEqual(['李秀兰', '钱错号'].sort());
    const [p1, p2, p3] = [
      await list(county, area, 'peopleWithoutHouse', 0, 1),
      await list(county, area, 'peopleWithoutHouse', 1, 1),
      await list(county, area, 'peopleWithoutHouse', 2, 1),
    ];
    expect([p1.items.length, p2.items.length, p3.items.length, p3.total]).toEqual([1, 1, 0, 2]);
    expect(p1.items[0].key).not.toBe(p2.items[0].key);
    expect(p1.items[0].people[0].idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
  });

  it('houses marked lived in with nobody living there (a shop is not listed)', async () => {
    expect(
      houseCodes(await list(county, area, 'occupiedHousesWithoutPeople'))
        .flat()
        .sort(),
    ).toEqual(['Q-102', 'Q-DORM']);
    expect(houseCodes(await list(county, FIXTURE.townships[1], 'occupiedHousesWithoutPeople'))).toEqual([]);
  });

  it('duplicate people (same ID number): the other registration counted, not shown, unless in jurisdiction', async () => {
    const r = await list(county, area, 'duplicatePeople');
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ elsewhere: 1, people: [{ name: '王建国', gridCode: FIXTURE.grids[0] }] });
    expect(JSON.stringify(r)).not.toContain('外县');
    expect(names(await list(city, FIXTURE.city, 'duplicatePeople'))).toEqual(['王建国', '王建国外县'].sort());
  });

  it('IDs whose check digit fails, each naming the person', async () => {
    const r = await list(county, area, 'idCheckDigitFails');
    expect(names(r)).toEqual(['钱错号']);
    expect(r.items[0].people[0].idNumber).toBe(maskIdNumber(badId));
    expect(names(await list(city, FIXTURE.otherCounty, 'idCheckDigitFails'))).toEqual(['孙外县错号']);
  });

  it('out of jurisdiction: another township’s user gets 404; a grid worker sees only the grid’s own rows', async () => {
    const { request: other } = await t.as(['township_center'], [FIXTURE.townships[1]]);
    expect((await other({ method: 'GET', url: `/api/registry/quality/anomalies?area=${area}&kind=peopleWithoutHouse` })).statusCode).toBe(
      404,
    );
    const { request: worker } = await t.as(['grid_worker'], [FIXTURE.grids[1]]);
    expect(houseCodes(await list(worker, FIXTURE.grids[1], 'occupiedHousesWithoutPeople'))).toEqual([['Q-DORM']]);
    expect((await list(worker, FIXTURE.grids[1], 'peopleWithoutHouse')).items).toEqual([]);
  });

  it('refuses an unknown kind', async () => {
    expect((await county({ method: 'GET', url: `/api/registry/quality/anomalies?area=${area}&kind=everything` })).statusCode).toBe(400);
  });

  it('the server’s background pass checks older rows everywhere, without anyone opening the figures', async () => {
    const good = makeIdNumber('420902', '1983-04-04', 113, 'female');
    await insertPerson('420902', OTHER_GRID, '周外县旧档', good);
    await insertPerson('420902', OTHER_GRID, '吴外县旧错', broken(makeIdNumber('420902', '1984-05-05', 115, 'male')));
    expect(await t.services.idCheckBacklog()).toBeGreaterThanOrEqual(2);
    expect(await idCheckOf('周外县旧档')).toBe(true);
    expect(await idCheckOf('吴外县旧错')).toBe(false);
    expect(await t.services.idCheckBacklog()).toBe(0);
  });
});
