import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../../shared/id-number.ts';
import { queryRows } from '../../platform/db.ts';
import * as territoryStore from '../../territory/index.ts';
import { bboxOf } from '../../territory/index.ts';
import { FIXTURE, square } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { makeIdNumber } from '../records/identifiers.core.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
interface Detail {
  id: string;
  name: string;
  sex: string;
  birthDate: string;
  idNumber: string;
  phone: string | null;
  gridCode: string;
  version: number;
  tags: { specialGroups: string[] } | null;
  residences: { houseCode: string; relation: string | null; movedIn: string; movedOut: string | null }[];
  history: { before: Record<string, unknown> | null; after: Record<string, unknown> }[];
}

let t: TestApp;
let county: Request;
let worker: Request;
let city: Request;
let otherTownship: Request;
const [GRID, NEXT_GRID] = FIXTURE.grids;
const OTHER_COUNTY_GRID = '420902001001001';
const TODAY = '2026-11-02'; // the harness clock
const NEWCOMER = makeIdNumber('420923', '1990-04-12', 17, 'female');
const count = async (table: string) => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;
const counts = () => Promise.all(['person', 'residence', 'record_change'].map(count));
const fields = (res: { json(): { details: { field: string; reason: string }[] } }) =>
  res.json().details.map((d) => `${d.field}:${d.reason}`);
const newcomer = {
  idNumber: NEWCOMER,
  name: '刘晓梅',
  ethnicity: '汉族',
  phone: '13900002222',
  residentType: '02',
  inflowReason: '01',
  hukouRegion: '421002',
  houseCode: 'PF-1',
  relation: '99',
};

const create = (request: Request, payload: object) => request({ method: 'POST', url: '/api/registry/people', payload });
const patch = (request: Request, id: string, payload: object) => request({ method: 'PATCH', url: `/api/registry/people/${id}`, payload });
const move = (request: Request, id: string, payload: object) =>
  request({ method: 'POST', url: `/api/registry/people/${id}/move`, payload });
const moveOut = (request: Request, id: string, payload: object) =>
  request({ method: 'POST', url: `/api/registry/people/${id}/move-out`, payload });
const detail = async (id: string) => (await county({ method: 'GET', url: `/api/registry/people/${id}` })).json<Detail>();
const residents = async (code: string) =>
  (await county({ method: 'GET', url: `/api/registry/houses/${code}` })).json<{ residents: { id: string }[] }>().residents.map((r) => r.id);

async function house(code: string, gridCode: string, as = county) {
  const res = await as({
    method: 'POST',
    url: '/api/registry/houses',
    payload: { code, address: `朝阳路 ${code}`, gridCode, use: '01', rented: false },
  });
  if (res.statusCode !== 200) throw new Error(res.body);
}

beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  worker = (await t.as(['grid_worker'], [GRID])).request;
  city = (await t.as(['city_center'], [FIXTURE.city])).request;
  otherTownship = (await t.as(['township_center'], [FIXTURE.townships[1]])).request;
  const g = square(113.5, 31.0, 113.6, 31.1);
  const [minLng, minLat, maxLng, maxLat] = bboxOf(g);
  await territoryStore.upsertGrids(t.db, [
    {
      countyCode: FIXTURE.otherCounty,
      code: OTHER_COUNTY_GRID,
      villageCode: '420902001001',
      name: '外县网格',
      geometry: g,
      minLng,
      minLat,
      maxLng,
      maxLat,
      areaM2: 1,
      households: 1,
      population: 1,
    },
  ]);
  await house('PF-1', GRID);
  await house('PF-2', GRID);
  await house('PF-3', NEXT_GRID);
  await house('PF-FAR', FIXTURE.grids[4]);
  await house('PF-OC', OTHER_COUNTY_GRID, city);
});
afterAll(() => t.close());

describe('person form: who may', () => {
  it('not signed in answers 401, a role without registry.write 403; nothing is written', async () => {
    const before = await counts();
    expect((await t.app.inject({ method: 'POST', url: '/api/registry/people', payload: newcomer })).statusCode).toBe(401);
    const { request: gridLeader } = await t.as(['grid_leader'], [GRID]);
    expect((await create(gridLeader, newcomer)).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('a grid worker registers into a house of their grid, not of the next grid', async () => {
    const id = makeIdNumber('420923', '1985-01-01', 40, 'male');
    const before = await counts();
    const outside = await create(worker, { ...newcomer, idNumber: id, houseCode: 'PF-3' });
    expect(outside.statusCode).toBe(422);
    expect(fields(outside)).toEqual(['houseCode:house.not_found']);
    expect(await counts()).toEqual(before);
    const res = await create(worker, { ...newcomer, idNumber: id, name: '孙立', houseCode: 'PF-2' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '孙立', sex: '1', birthDate: '1985-01-01', gridCode: GRID, tags: null });
  });
});

describe('person form: register', () => {
  let id: string;

  it('reads sex and birth date from the ID number, seals the number and phone, and lives in the house from today', async () => {
    const res = await create(county, newcomer);
    expect(res.statusCode).toBe(200);
    const p = res.json<Detail>();
    id = p.id;
    expect(p).toMatchObject({
      name: '刘晓梅',
      sex: '2',
      birthDate: '1990-04-12',
      ethnicity: '01',
      residentType: '02',
      inflowReason: '01',
      hukouRegion: '421002',
      idNumber: `${NEWCOMER.slice(0, 4)}**********${NEWCOMER.slice(-4)}`,
      phone: '139****2222',
      gridCode: GRID,
      version: 1,
      residences: [{ houseCode: 'PF-1', relation: '99', movedIn: TODAY, movedOut: null }],
    });
    expect(p.history).toHaveLength(1);
    expect(p.history[0]).toMatchObject({ before: null, after: { name: '刘晓梅', houseCode: 'PF-1', phoneMasked: '139****2222' } });
    expect(await residents('PF-1')).toContain(id);
    const stored =
      JSON.stringify(await queryRows(t.db, sql`select * from person`)) +
      JSON.stringify(await queryRows(t.db, sql`select * from record_change`));
    expect(stored).not.toContain(NEWCOMER);
    expect(stored).not.toContain('13900002222');
  });

  it('takes the day they moved in when given', async () => {
    const res = await create(county, {
      ...newcomer,
      idNumber: makeIdNumber('420923', '2001-09-09', 41, 'male'),
      name: '周阳',
      movedIn: '2026-03-01',
      inflowReason: '04',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<Detail>().residences).toMatchObject([{ houseCode: 'PF-1', movedIn: '2026-03-01', movedOut: null }]);
  });

  it('the same ID number again answers 409 person exists, with its id within jurisdiction and without it outside; nothing changes', async () => {
    const before = await counts();
    const again = await create(county, { ...newcomer, name: '别人', houseCode: 'PF-2' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'registry.person_exists', details: [{ field: 'idNumber', reason: 'exists', id }] });
    const elsewhere = await create(otherTownship, { ...newcomer, houseCode: 'PF-FAR' });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().details[0].id).toBeUndefined();
    expect(await counts()).toEqual(before);
    expect((await detail(id)).name).toBe('刘晓梅');
  });

  it('refuses bad input as the person template does, naming each field; writes nothing', async () => {
    const before = await counts();
    const bad = (payload: object) =>
      create(county, { ...newcomer, idNumber: makeIdNumber('420923', '1970-01-01', 42, 'male'), ...payload });
    const wrongDigit = `${NEWCOMER.slice(0, 17)}${NEWCOMER[17] === '0' ? '1' : '0'}`;
    const noSuchDay = '42092319990230123';
    expect(fields(await bad({ idNumber: wrongDigit }))).toEqual(['idNumber:id.checksum']);
    expect(fields(await bad({ idNumber: noSuchDay + idCheckChar(noSuchDay) }))).toEqual(['idNumber:id.birth_date']);
    expect(fields(await bad({ ethnicity: 'XX', phone: '123', relation: '叔叔' }))).toEqual([
      'ethnicity:code.unknown',
      'phone:phone.invalid',
      'relation:code.unknown',
    ]);
    expect(fields(await bad({ inflowReason: null }))).toEqual(['inflowReason:person.inflow_reason_required']);
    expect(fields(await bad({ sex: '2' }))).toEqual(['sex:person.sex_mismatch']);
    expect(fields(await bad({ name: null, movedIn: '2027-01-01' }))).toEqual(['name:field.required', 'movedIn:date.future']);
    expect(fields(await bad({ movedIn: '1969-12-31' }))).toEqual(['movedIn:residence.before_birth']);
    expect(fields(await bad({ houseCode: 'NO-SUCH' }))).toEqual(['houseCode:house.not_found']);
    expect(await counts()).toEqual(before);
  });

  it('tags only from roles allowed to see them', async () => {
    const before = await counts();
    const refused = await create(worker, {
      ...newcomer,
      idNumber: makeIdNumber('420923', '1960-06-06', 44, 'male'),
      specialGroups: ['01'],
    });
    expect(refused.statusCode).toBe(403);
    expect(fields(refused)).toEqual(['specialGroups:person.tags_not_allowed']);
    expect(await counts()).toEqual(before);
    const res = await create(county, {
      ...newcomer,
      idNumber: makeIdNumber('420923', '1960-06-06', 44, 'male'),
      specialGroups: ['刑满释放人员'],
    });
    expect(res.json<Detail>().tags).toMatchObject({ specialGroups: ['01'] });
  });
});

describe('person form: every kind of person', () => {
  const foreigner = {
    idType: '414',
    idNumber: 'e12345678',
    name: null,
    foreignName: 'KIM MINJUN',
    sex: '1',
    birthDate: '1991-05-20',
    ethnicity: null,
    residentType: '境外人员',
    nationality: 'KOR',
    visitPurpose: '02',
    arrivalDate: '2026-03-01',
    departureDate: '2027-02-28',
    houseCode: 'PF-1',
    movedIn: '2026-03-02',
  };

  it('registers a person from abroad by passport: sex and birth date as given, the passport masked and never stored in clear', async () => {
    const res = await create(county, foreigner);
    expect(res.statusCode).toBe(200);
    const p = await detail(res.json<Detail>().id);
    expect(p).toMatchObject({
      idType: '414',
      idNumber: 'E*****678',
      name: 'KIM MINJUN',
      sex: '1',
      birthDate: '1991-05-20',
      ethnicity: '',
      residentType: '03',
      nationality: 'KOR',
      foreignName: 'KIM MINJUN',
      visitPurpose: '02',
      arrivalDate: '2026-03-01',
      departureDate: '2027-02-28',
      residences: [{ houseCode: 'PF-1', movedIn: '2026-03-02', movedOut: null }],
    });
    const stored = JSON.stringify(await queryRows(t.db, sql`select * from person`));
    expect(stored).not.toContain('E12345678');
    // The same passport again is the same person.
    expect((await create(county, { ...foreigner, idNumber: 'E12345678' })).statusCode).toBe(409);
  });

  it('a person from abroad without a nationality, or by ID card, is refused naming the field; nothing is written', async () => {
    const before = await counts();
    const stateless = await create(county, { ...foreigner, idNumber: 'E22345678', nationality: null });
    expect(stateless.statusCode).toBe(422);
    expect(fields(stateless)).toEqual(['nationality:person.nationality_required']);
    expect(fields(await create(county, { ...foreigner, idNumber: 'E2-34' }))).toEqual(['idNumber:document.number_invalid']);
    expect(fields(await create(county, { ...foreigner, idNumber: 'E22345678', sex: null, birthDate: null }))).toEqual([
      'sex:person.sex_required',
      'birthDate:person.birth_date_required',
    ]);
    expect(
      fields(
        await create(county, {
          ...newcomer,
          idNumber: makeIdNumber('420923', '1988-01-01', 70, 'male'),
          residentType: '03',
          inflowReason: null,
          nationality: 'KOR',
        }),
      ),
    ).toEqual(['idType:person.foreigner_document']);
    expect(await counts()).toEqual(before);
  });

  it('a floating person keeps their residence permit and its expiry; a registered resident may not hold one', async () => {
    const res = await create(county, {
      ...newcomer,
      idNumber: makeIdNumber('420923', '1987-03-03', 71, 'male'),
      name: '钱进',
      permitType: '居住证',
      permitExpiry: '2027-06-30',
    });
    expect(res.statusCode).toBe(200);
    expect(await detail(res.json<Detail>().id)).toMatchObject({
      residentType: '02',
      inflowReason: '01',
      permitType: '01',
      permitExpiry: '2027-06-30',
      leftBehindType: null,
    });
    const before = await counts();
    const registered = { ...newcomer, idNumber: makeIdNumber('420923', '1950-03-03', 72, 'male'), residentType: '01', inflowReason: null };
    expect(fields(await create(county, { ...registered, permitType: '01' }))).toEqual(['permitType:person.permit_floating_only']);
    expect(await counts()).toEqual(before);
    expect((await create(county, { ...registered, leftBehindType: '留守老人' })).json()).toMatchObject({
      residentType: '01',
      leftBehindType: '01',
    });
  });
});

describe('person form: edit', () => {
  let id: string;
  beforeAll(async () => {
    id = (
      await create(county, {
        ...newcomer,
        idNumber: makeIdNumber('420923', '1978-08-08', 50, 'male'),
        name: '吴刚',
        residentType: '01',
        inflowReason: null,
        specialGroups: ['02'],
      })
    ).json<Detail>().id;
  });

  it('changes the facts sent on the version read, keeps the rest, raises the version and writes the history', async () => {
    const res = await patch(worker, id, { phone: '13700003333', name: '吴钢', version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '吴钢',
      phone: '137****3333',
      ethnicity: '01',
      sex: '1',
      birthDate: '1978-08-08',
      residentType: '01',
      version: 2,
    });
    expect(res.json<Detail>().history.at(-1)).toMatchObject({
      before: { name: '吴刚', phoneMasked: '139****2222' },
      after: { name: '吴钢', phoneMasked: '137****3333' },
    });
    // The worker cannot see the tags, and their edit leaves them as they were.
    expect((await detail(id)).tags).toMatchObject({ specialGroups: ['02'] });
  });

  it('a phone left out stays; null clears it', async () => {
    expect((await patch(county, id, { hukouAddress: '孝昌县某村', version: 2 })).json()).toMatchObject({
      phone: '137****3333',
      hukouAddress: '孝昌县某村',
      version: 3,
    });
    expect((await patch(county, id, { phone: null, version: 3 })).json()).toMatchObject({ phone: null, version: 4 });
  });

  it('a stale version answers 409, bad input 422, the ID number 400, a person outside 404 — each changing nothing', async () => {
    const before = await counts();
    const stale = await patch(county, id, { name: '又改', version: 3 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'registry.record_changed', details: [{ field: 'version', reason: 'stale' }] });
    expect(fields(await patch(county, id, { residentType: '流动人口', version: 4 }))).toEqual([
      'inflowReason:person.inflow_reason_required',
    ]);
    const keyed = await patch(county, id, { idNumber: NEWCOMER, version: 4 });
    expect(keyed.statusCode).toBe(400);
    expect(JSON.stringify(keyed.json().details)).toContain('idNumber');
    expect((await patch(otherTownship, id, { name: '外人', version: 4 })).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
    expect(await detail(id)).toMatchObject({ name: '吴钢', version: 4 });
  });
});

describe('person form: move and move out', () => {
  let id: string;
  beforeAll(async () => {
    id = (
      await create(county, {
        ...newcomer,
        idNumber: makeIdNumber('420923', '1995-02-02', 60, 'female'),
        name: '郑丽',
        movedIn: '2026-01-10',
      })
    ).json<Detail>().id;
  });

  it('moves into another house: the old residence ends the day the new one begins; the houses list them accordingly', async () => {
    const res = await move(county, id, { houseCode: 'PF-3', relation: '02', movedIn: '2026-06-01', version: 1 });
    expect(res.statusCode).toBe(200);
    const p = res.json<Detail>();
    expect(p).toMatchObject({ gridCode: NEXT_GRID, version: 2 });
    expect(p.residences).toEqual([
      expect.objectContaining({ houseCode: 'PF-1', movedIn: '2026-01-10', movedOut: '2026-06-01' }),
      expect.objectContaining({ houseCode: 'PF-3', relation: '02', movedIn: '2026-06-01', movedOut: null }),
    ]);
    expect(p.history.at(-1)).toMatchObject({
      before: { houseCode: 'PF-1', gridCode: GRID },
      after: { houseCode: 'PF-3', gridCode: NEXT_GRID },
    });
    expect(await residents('PF-1')).not.toContain(id);
    expect(await residents('PF-3')).toContain(id);
  });

  it('refuses the house lived in, a day before the current residence, a house outside, another county, a stale version; nothing changes', async () => {
    const before = await counts();
    expect(fields(await move(county, id, { houseCode: 'PF-3', version: 2 }))).toEqual(['houseCode:residence.same_house']);
    expect(fields(await move(county, id, { houseCode: 'PF-2', movedIn: '2026-05-31', version: 2 }))).toEqual([
      'movedIn:residence.before_current',
    ]);
    expect(fields(await move(county, id, { houseCode: 'PF-2', relation: 'XX', version: 2 }))).toEqual(['relation:code.unknown']);
    expect(fields(await move(county, id, { houseCode: 'PF-OC', version: 2 }))).toEqual(['houseCode:house.not_found']);
    expect(fields(await move(city, id, { houseCode: 'PF-OC', version: 2 }))).toEqual(['houseCode:person.outside_county']);
    expect((await move(county, id, { houseCode: 'PF-2', version: 1 })).statusCode).toBe(409);
    // The worker's grid holds PF-2 but not the person, who now lives in the next grid.
    expect((await move(worker, id, { houseCode: 'PF-2', version: 2 })).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('moves out: the residence ends, the person stays on record without a house; a second move-out is refused', async () => {
    expect(fields(await moveOut(county, id, { movedOut: '2026-05-01', version: 2 }))).toEqual(['movedOut:residence.before_current']);
    const res = await moveOut(county, id, { version: 2 });
    expect(res.statusCode).toBe(200);
    const p = res.json<Detail>();
    expect(p.version).toBe(3);
    expect(p.residences.every((r) => r.movedOut !== null)).toBe(true);
    expect(p.residences.at(-1)).toMatchObject({ houseCode: 'PF-3', movedOut: TODAY });
    expect(p.history.at(-1)).toMatchObject({ before: { houseCode: 'PF-3' }, after: { houseCode: null } });
    expect(await residents('PF-3')).not.toContain(id);
    expect(fields(await moveOut(county, id, { version: 3 }))).toEqual(['movedOut:residence.none']);
  });

  it('someone without a house moves in again', async () => {
    const res = await move(county, id, { houseCode: 'PF-2', version: 3 });
    expect(res.json<Detail>()).toMatchObject({ gridCode: GRID, version: 4 });
    expect(res.json<Detail>().history.at(-1)).toMatchObject({ before: { houseCode: null }, after: { houseCode: 'PF-2' } });
    expect(await residents('PF-2')).toContain(id);
  });
});
