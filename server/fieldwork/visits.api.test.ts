import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { makeIdNumber } from '../registry/index.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { importFile } from '../testing/import-job.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
interface FormResident {
  personId: string;
  name: string;
  idNumber: string;
  phone: string | null;
  relation: string | null;
  residentType: string;
  movedIn: string;
}
interface Form {
  house: { code: string; version: number; [k: string]: unknown };
  residents: FormResident[];
}

let t: TestApp;
let county: Request;
let worker: Request;
let workerId: string;
let workerName: string;
const GRID = FIXTURE.grids[0];
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const ids = {
  zhang: makeIdNumber('420923', '1965-03-14', 201, 'male'),
  li: makeIdNumber('420923', '1968-07-02', 202, 'female'),
  son: makeIdNumber('420923', '1992-01-09', 203, 'male'),
  neighbour: makeIdNumber('420923', '1975-05-20', 205, 'male'),
  far: makeIdNumber('420923', '1980-02-02', 207, 'female'),
  quality: makeIdNumber('420923', '1983-04-04', 209, 'female'),
};
const DAY = 86_400_000;

let usernames: { county: string; worker: string };
/** Time passes (sessions end after hours): everyone signs in again. */
async function later(ms: number) {
  t.advance(ms);
  [county, worker] = [await t.signIn(usernames.county), await t.signIn(usernames.worker)];
}

beforeAll(async () => {
  t = await createTestApp();
  const c = await t.as(['county_center'], [FIXTURE.county]);
  county = c.request;
  const w = await t.as(['grid_worker'], [GRID]);
  workerId = w.user.id;
  workerName = w.user.displayName;
  usernames = { county: c.user.username, worker: w.user.username };
  const houses = await importFile(
    county,
    'house',
    csv([
      [
        '房屋编号',
        '房屋地址',
        '所属网格编码',
        '房屋用途',
        '是否出租',
        '出租用途',
        '出租屋等级',
        '房主姓名',
        '房主公民身份号码',
        '房主联系电话',
      ],
      ['V-1', '朝阳路 1 号 101 室', GRID, '住宅', '是', '住房', 'B', '张建华', ids.zhang, '13800001111'],
      ['V-2', '朝阳路 1 号 102 室', GRID, '住宅', '否', '', '', '', '', ''],
      ['V-Q', '朝阳路 1 号 103 室', GRID, '住宅', '否', '', '', '', '', ''],
      ['V-FAR', '义堂路 9 号', FIXTURE.grids[4], '住宅', '否', '', '', '', '', ''],
    ]),
  );
  const people = await importFile(
    county,
    'person',
    csv([
      ['公民身份号码', '姓名', '民族', '人员类型', '房屋编号', '联系电话', '与户主关系'],
      [ids.zhang, '张建华', '汉族', '户籍人口', 'V-1', '13872001234', '户主'],
      [ids.li, '李秀兰', '汉族', '户籍人口', 'V-1', '13972005678', '配偶'],
      [ids.son, '张小军', '汉族', '户籍人口', 'V-1', '', '子'],
      [ids.neighbour, '王建国', '汉族', '户籍人口', 'V-2', '', '户主'],
      [ids.far, '赵芳', '汉族', '户籍人口', 'V-FAR', '', '户主'],
      [ids.quality, '钱秀英', '汉族', '户籍人口', 'V-Q', '', '户主'],
    ]),
  );
  expect([houses.created, people.created, houses.rejected + people.rejected]).toEqual([4, 6, 0]);
  // Months later: nothing has been verified lately.
  await later(120 * DAY);
}, 60_000);
afterAll(() => t.close());

const formOf = async (request: Request, code: string) =>
  (await request({ method: 'GET', url: `/api/fieldwork/houses/${code}/visit-form` })).json<Form>();
const visit = (request: Request, code: string, payload: object) =>
  request({ method: 'POST', url: `/api/fieldwork/houses/${code}/visits`, payload });
const visitsOf = async (request: Request, code: string) =>
  (await request({ method: 'GET', url: `/api/fieldwork/houses/${code}/visits` })).json<{
    items: { actorName: string; confirmed: number; movedOut: number; changes: string[]; note: string | null; at: string }[];
  }>();
const details = (res: { json(): { details: { field: string; reason: string }[] } }) =>
  res.json().details.map((d) => `${d.field}:${d.reason}`);
const allPresent = (form: Form) => form.residents.map((r) => ({ personId: r.personId, status: 'present' }));
/** Everything a refused visit must leave as it was. */
const snapshot = async () =>
  queryRows(
    t.db,
    sql`select
  (select count(*)::int from house_visit) as visits, (select count(*)::int from record_change) as changes,
  (select json_agg(json_build_object('c', code, 'v', version, 'r', rented, 'l', rental_level, 'by', verified_by) order by code) from house) as houses,
  (select json_agg(json_build_object('n', name, 'p', phone_hash, 'by', verified_by) order by name) from person) as people,
  (select count(*)::int from residence where moved_out is null) as living`,
  );

describe('visits: who may', () => {
  it('not signed in: 401 on every route', async () => {
    for (const [method, url] of [
      ['GET', '/api/fieldwork/houses/V-1/visit-form'],
      ['GET', '/api/fieldwork/houses/V-1/visits'],
      ['POST', '/api/fieldwork/houses/V-1/visits'],
    ] as const) {
      expect(
        (await t.app.inject({ method, url, ...(method === 'POST' ? { payload: { version: 1, residents: [] } } : {}) })).statusCode,
      ).toBe(401);
    }
  });

  it('wrong role: a department handler sees nothing; a grid leader reads the form but may not record a visit', async () => {
    const { request: dept } = await t.as(['department_handler'], [FIXTURE.county]);
    expect((await dept({ method: 'GET', url: '/api/fieldwork/houses/V-1/visit-form' })).statusCode).toBe(403);
    const { request: leader } = await t.as(['grid_leader'], [GRID]);
    const form = await formOf(leader, 'V-1');
    expect(form.residents).toHaveLength(3);
    const res = await visit(leader, 'V-1', { version: form.house.version, residents: allPresent(form) });
    expect(res.statusCode).toBe(403);
  });

  it('out of jurisdiction: the same not-found the house routes give, and nothing written', async () => {
    const before = await snapshot();
    const house = await worker({ method: 'GET', url: '/api/registry/houses/V-FAR' });
    expect(house.statusCode).toBe(404);
    for (const res of [
      await worker({ method: 'GET', url: '/api/fieldwork/houses/V-FAR/visit-form' }),
      await worker({ method: 'GET', url: '/api/fieldwork/houses/V-FAR/visits' }),
      await visit(worker, 'V-FAR', { version: 1, residents: [] }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(house.json());
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('visits: the form', () => {
  it('is filled from the base data: the house facts and its current residents, identifiers masked', async () => {
    const res = await worker({ method: 'GET', url: '/api/fieldwork/houses/V-1/visit-form' });
    expect(res.statusCode).toBe(200);
    const form = res.json<Form>();
    expect(form.house).toMatchObject({
      code: 'V-1',
      address: '朝阳路 1 号 101 室',
      use: '01',
      rented: true,
      rentalUse: '02',
      rentalLevel: 'B',
      ownerName: '张建华',
      ownerIdNumber: `${ids.zhang.slice(0, 4)}**********${ids.zhang.slice(-4)}`,
      ownerPhone: '138****1111',
      version: 1,
    });
    expect(form.residents.map((r) => [r.name, r.idNumber, r.phone, r.relation, r.residentType, r.movedIn])).toEqual([
      ['张小军', `${ids.son.slice(0, 4)}**********${ids.son.slice(-4)}`, null, '20', '01', '2026-11-02'],
      ['张建华', `${ids.zhang.slice(0, 4)}**********${ids.zhang.slice(-4)}`, '138****1234', '02', '01', '2026-11-02'],
      ['李秀兰', `${ids.li.slice(0, 4)}**********${ids.li.slice(-4)}`, '139****5678', '10', '01', '2026-11-02'],
    ]);
    for (const secret of [ids.zhang, ids.li, '13872001234', '13800001111']) expect(res.body).not.toContain(secret);
  });
});

describe('visits: bad input is refused, naming the field, and nothing is written', () => {
  let form: Form;
  beforeAll(async () => {
    form = await formOf(worker, 'V-1');
  });

  it('a person who is not a current resident, a bad phone, a missing mark, an unknown code — all at once', async () => {
    const neighbour = (await formOf(worker, 'V-2')).residents[0];
    const before = await snapshot();
    const [son, zhang, li] = form.residents;
    const res = await visit(worker, 'V-1', {
      version: form.house.version,
      residents: [
        { personId: son.personId, status: 'present' },
        { personId: zhang.personId, status: 'present', phone: '1387200' },
        { personId: li.personId },
        { personId: neighbour.personId, status: 'movedOut' },
      ],
      house: { use: '01', rented: true, rentalUse: '02', rentalLevel: 'Z' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('registry.record_invalid');
    expect(details(res)).toEqual([
      'residents[1].phone:phone.invalid',
      'residents[2].status:visit.mark_required',
      'residents[3].personId:visit.not_resident',
      'house.rentalLevel:code.unknown',
    ]);
    expect(res.json().details[0].message).toContain('1387200');
    expect(await snapshot()).toEqual(before);
  });

  it('a resident left out of the list, or marked twice', async () => {
    const before = await snapshot();
    const [son, zhang] = form.residents;
    const res = await visit(worker, 'V-1', {
      version: form.house.version,
      residents: [
        { personId: son.personId, status: 'present' },
        { personId: zhang.personId, status: 'present' },
        { personId: son.personId, status: 'movedOut' },
      ],
    });
    expect(details(res)).toEqual(['residents[2].personId:visit.marked_twice', 'residents:visit.mark_required']);
    expect(res.json().details[1].value).toBe('李秀兰');
    expect(await snapshot()).toEqual(before);
  });

  it('a rented house without its rental use is refused by the house rules; a mark outside the schema by the request check', async () => {
    const before = await snapshot();
    expect(
      details(
        await visit(worker, 'V-1', {
          version: form.house.version,
          residents: allPresent(form),
          house: { use: '01', rented: true, rentalUse: null },
        }),
      ),
    ).toEqual(['house.rentalUse:house.rental_use_required']);
    expect(
      (await visit(worker, 'V-1', { version: form.house.version, residents: [{ personId: form.residents[0].personId, status: 'gone' }] }))
        .statusCode,
    ).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('a stale version is the house edit’s conflict, with or without corrections', async () => {
    const before = await snapshot();
    for (const house of [undefined, { use: '01', rented: false }]) {
      const res = await visit(worker, 'V-1', { version: form.house.version + 1, residents: allPresent(form), ...(house ? { house } : {}) });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'registry.record_changed', details: [{ field: 'version', reason: 'stale' }] });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('visits: a visit confirms and corrects', () => {
  it('moves one out, corrects a phone and the rental grading, verifies the rest, and keeps what changed', async () => {
    const form = await formOf(worker, 'V-1');
    const [son, zhang, li] = form.residents;
    const res = await visit(worker, 'V-1', {
      version: form.house.version,
      residents: [
        { personId: son.personId, status: 'present', phone: '138 7200 9999' },
        { personId: zhang.personId, status: 'present' },
        { personId: li.personId, status: 'movedOut' },
      ],
      house: { use: '01', rented: true, rentalUse: '02', rentalCategory: null, rentalLevel: 'C' },
      note: ' 李秀兰已随女儿迁居武汉 ',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      confirmed: 2,
      movedOut: 1,
      changes: ['house.rentalLevel', 'person.phone:张小军', 'person.movedOut:李秀兰'],
      note: '李秀兰已随女儿迁居武汉',
      actorName: expect.any(String),
    });

    // The moved-out resident is gone from the house, her residence ended today, the move in her history.
    expect((await formOf(worker, 'V-1')).residents.map((r) => r.name)).toEqual(['张小军', '张建华']);
    const her = (await county({ method: 'GET', url: `/api/registry/people/${li.personId}` })).json();
    expect(her.residences).toEqual([expect.objectContaining({ houseCode: 'V-1', movedOut: '2027-03-02' })]);
    expect(her.history.at(-1)).toMatchObject({ actorId: workerId, before: { houseCode: 'V-1' }, after: { houseCode: null } });

    // The corrected phone is sealed, shown masked, and in the person's history.
    const son2 = (await county({ method: 'GET', url: `/api/registry/people/${son.personId}` })).json();
    expect(son2.phone).toBe('138****9999');
    expect(son2.history.at(-1)).toMatchObject({ actorId: workerId, before: { phoneMasked: null }, after: { phoneMasked: '138****9999' } });
    const stored =
      JSON.stringify(await queryRows(t.db, sql`select * from person`)) +
      JSON.stringify(await queryRows(t.db, sql`select * from record_change`));
    expect(stored).not.toContain('13872009999');

    // The house went through its edit: a new version, the grading in its history, verified by the worker now.
    const house = (await worker({ method: 'GET', url: '/api/registry/houses/V-1' })).json();
    expect(house).toMatchObject({
      rentalLevel: 'C',
      version: form.house.version + 1,
      verifiedAt: '2027-03-02T01:00:00.000Z',
      verifiedBy: workerName,
    });
    expect(house.history.at(-1)).toMatchObject({ actorName: workerName, before: { rentalLevel: 'B' }, after: { rentalLevel: 'C' } });

    // Those confirmed are verified by the worker, now; the one who left is not.
    const verified = await queryRows<{ name: string; by: string | null; at: string | null }>(
      t.db,
      sql`select name, verified_by as by, verified_at as at from person where name in ('张小军', '张建华', '李秀兰') order by name`,
    );
    expect(verified.map((p) => [p.name, p.by === workerId, p.at && new Date(p.at).toISOString()])).toEqual([
      ['张小军', true, '2027-03-02T01:00:00.000Z'],
      ['张建华', true, '2027-03-02T01:00:00.000Z'],
      ['李秀兰', false, '2026-11-02T01:00:00.000Z'],
    ]);
  });

  it('a visit that finds all as recorded verifies the house as it stands; visits list newest first; a replay is refused', async () => {
    await later(DAY);
    const form = await formOf(worker, 'V-1');
    const payload = {
      version: form.house.version,
      residents: allPresent(form),
      house: { use: '住宅', rented: true, rentalUse: '02', rentalLevel: 'C' },
    };
    const res = await visit(worker, 'V-1', payload);
    expect(res.json()).toMatchObject({ confirmed: 2, movedOut: 0, changes: [], note: null });
    const house = (await worker({ method: 'GET', url: '/api/registry/houses/V-1' })).json();
    expect(house).toMatchObject({ version: form.house.version + 1, verifiedAt: '2027-03-03T01:00:00.000Z', verifiedBy: workerName });
    expect(house.history).toHaveLength(2);

    const { items } = await visitsOf(county, 'V-1');
    expect(items.map((v) => [v.at, v.confirmed, v.movedOut, v.changes.length])).toEqual([
      ['2027-03-03T01:00:00.000Z', 2, 0, 0],
      ['2027-03-02T01:00:00.000Z', 2, 1, 3],
    ]);
    expect(items[0].actorName).toBe(workerName);
    expect((await visitsOf(county, 'V-2')).items).toEqual([]);

    // The form the worker filled is out of date once the visit is saved: sending it again changes nothing.
    const before = await snapshot();
    expect((await visit(worker, 'V-1', payload)).statusCode).toBe(409);
    expect(await snapshot()).toEqual(before);
  });
});

describe('visits: data quality', () => {
  it('a visit counts as verification: the share verified in the last N days rises', async () => {
    const figures = async () => (await county({ method: 'GET', url: `/api/registry/quality?area=${GRID}&days=30` })).json().children[0];
    const before = await figures();
    const form = await formOf(worker, 'V-Q');
    expect((await visit(worker, 'V-Q', { version: form.house.version, residents: allPresent(form) })).statusCode).toBe(200);
    const after = await figures();
    expect(after.houses).toBe(before.houses);
    expect(after.housesVerified).toBe(before.housesVerified + 1);
    expect(after.people).toBe(before.people);
    expect(after.peopleVerified).toBe(before.peopleVerified + 1);
  });
});
