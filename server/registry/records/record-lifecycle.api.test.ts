import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDepartment } from '../../org/index.ts';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { makeCreditCode, makeIdNumber } from './identifiers.core.ts';

/**
 * Every base record kind answers the same way to the lifecycle they share (record-lifecycle.ts): not found outside
 * the caller's jurisdiction, refused on a stale version with the version on record, verified with who and when in
 * the history, and a sealed value revealed with a reason and an audit row.
 */
type Request = Awaited<ReturnType<TestApp['signIn']>>;
type Reply = Awaited<ReturnType<Request>>;

let t: TestApp;
let county: Request;
let checker: { request: Request; id: string; name: string };
let otherTownship: Request;
const GRID = FIXTURE.grids[0];
const ID_NUMBER = makeIdNumber('420923', '1985-03-09', 41, 'male');
const CREDIT = makeCreditCode('91', '420923', 'MA49LC01');
const keys: Record<string, string> = {};
const changes = async () => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from record_change`))[0].n;
const audits = () =>
  queryRows<{ actor_id: string; target: string; detail: unknown }>(
    t.db,
    sql`select actor_id, target, detail from audit_log where action = 'registry.revealed' order by id`,
  );

async function created(res: Reply, key: string) {
  if (res.statusCode !== 200) throw new Error(res.body);
  return String(res.json()[key]);
}

beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  const signedIn = await t.as(['county_center'], [FIXTURE.county]);
  checker = { request: signedIn.request, id: signedIn.user.id, name: signedIn.user.displayName };
  otherTownship = (await t.as(['township_center'], [FIXTURE.townships[1]])).request;
  await insertDepartment(t.db, { code: 'LC-CG', name: '云梦县城市管理执法局', areaCode: FIXTURE.county });
  const post = (url: string, payload: object) => county({ method: 'POST', url, payload });
  keys.house = await created(
    await post('/api/registry/houses', {
      code: 'LC-H1',
      address: '城关镇朝阳路 1 号',
      gridCode: GRID,
      use: '01',
      rented: false,
      ownerPhone: '13800001111',
    }),
    'code',
  );
  await created(
    await post('/api/registry/houses', { code: 'LC-H2', address: '城关镇朝阳路 2 号', gridCode: GRID, use: '01', rented: false }),
    'code',
  );
  keys.person = await created(
    await post('/api/registry/people', {
      idNumber: ID_NUMBER,
      name: '赵明',
      ethnicity: '汉族',
      phone: '13900003333',
      residentType: '01',
      houseCode: 'LC-H1',
      relation: '02',
    }),
    'id',
  );
  keys.address = await created(await post('/api/registry/addresses', { road: '城关镇朝阳路', doorNumber: '1 号', gridCode: GRID }), 'code');
  keys.building = await created(
    await post('/api/registry/buildings', {
      code: '420923100001-91',
      name: '91 栋',
      address: '城关镇朝阳路 91 号',
      gridCode: GRID,
      leaderName: '钱楼长',
      leaderPhone: '13972004444',
    }),
    'code',
  );
  keys.organisation = await created(
    await post('/api/registry/organisations', {
      creditCode: CREDIT,
      name: '云梦县城关商店',
      orgType: '01',
      address: '城关镇朝阳路 5 号',
      gridCode: GRID,
      safetyContact: '孙安',
      safetyContactPhone: '13872005555',
    }),
    'creditCode',
  );
  keys.facility = await created(
    await post('/api/registry/facilities', { classCode: '01037', lng: 113.02, lat: 31.1, ownerDept: 'LC-CG', state: '01' }),
    'code',
  );
  keys.household_group = await created(
    await post('/api/registry/household-groups', { name: '朝阳路联防组', gridCode: GRID, houseCodes: ['LC-H1', 'LC-H2'] }),
    'id',
  );
});
afterAll(() => t.close());

interface Kind {
  type: string;
  /** The record's detail. */
  url(key: string): string;
  notFound: string;
  /** A change made on the version given: the kind's verify, or its edit where it has no verify of its own. */
  change(request: Request, key: string, version: number): Promise<Reply>;
  verifies: boolean;
  reveal?: { field: string; value: string };
}

const verify = (path: string) => (request: Request, key: string, version: number) =>
  request({ method: 'POST', url: `/api/registry/${path}/${key}/verify`, payload: { version } });
const KINDS: Kind[] = [
  {
    type: 'person',
    url: (id) => `/api/registry/people/${id}`,
    notFound: 'registry.person_not_found',
    verifies: false,
    reveal: { field: 'idNumber', value: ID_NUMBER },
    change: (request, id, version) => request({ method: 'PATCH', url: `/api/registry/people/${id}`, payload: { name: '赵明明', version } }),
  },
  {
    type: 'house',
    url: (code) => `/api/registry/houses/${code}`,
    notFound: 'registry.house_not_found',
    verifies: false,
    change: (request, code, version) =>
      request({
        method: 'PUT',
        url: `/api/registry/houses/${code}`,
        payload: { address: '城关镇朝阳路 1 号', gridCode: GRID, use: '02', rented: false, version },
      }),
  },
  {
    type: 'address',
    url: (code) => `/api/registry/addresses/${code}`,
    notFound: 'registry.address_not_found',
    verifies: true,
    change: verify('addresses'),
  },
  {
    type: 'building',
    url: (code) => `/api/registry/buildings/${code}`,
    notFound: 'registry.building_not_found',
    verifies: true,
    change: verify('buildings'),
    reveal: { field: 'leaderPhone', value: '13972004444' },
  },
  {
    type: 'organisation',
    url: (code) => `/api/registry/organisations/${code}`,
    notFound: 'registry.org_not_found',
    verifies: true,
    change: verify('organisations'),
    reveal: { field: 'safetyContactPhone', value: '13872005555' },
  },
  {
    type: 'facility',
    url: (code) => `/api/registry/facilities/${code}`,
    notFound: 'registry.facility_not_found',
    verifies: true,
    change: verify('facilities'),
  },
  {
    type: 'household_group',
    url: (id) => `/api/registry/household-groups/${id}`,
    notFound: 'registry.group_not_found',
    verifies: true,
    change: verify('household-groups'),
  },
];

describe.each(KINDS)('the lifecycle of a $type', (kind) => {
  const detail = async () => (await county({ method: 'GET', url: kind.url(keys[kind.type]) })).json();

  it('is not found outside the caller’s jurisdiction, and a change from there changes nothing', async () => {
    const { version } = await detail();
    const before = await changes();
    for (const res of [
      await otherTownship({ method: 'GET', url: kind.url(keys[kind.type]) }),
      await kind.change(otherTownship, keys[kind.type], version),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe(kind.notFound);
    }
    expect(await changes()).toBe(before);
    expect((await detail()).version).toBe(version);
  });

  it('refuses a change on a stale version with 409 and the version on record, changing nothing', async () => {
    const { version } = await detail();
    const before = await changes();
    const stale = await kind.change(county, keys[kind.type], version + 5);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'registry.record_changed',
      details: [{ field: 'version', reason: 'stale', value: String(version) }],
    });
    expect(await changes()).toBe(before);
    expect((await detail()).version).toBe(version);
  });
});

// Only the kinds that are verified, or have a sealed value, get these: no test is generated to be skipped.
describe.each(KINDS.filter((k) => k.verifies))('verifying a $type', (kind) => {
  const detail = async () => (await county({ method: 'GET', url: kind.url(keys[kind.type]) })).json();

  it('is verified on the version read: who and when, a raised version, one history entry', async () => {
    const { version, history } = await detail();
    const res = await kind.change(checker.request, keys[kind.type], version);
    expect(res.statusCode).toBe(200);
    const after = res.json();
    expect(after).toMatchObject({ version: version + 1, verifiedBy: checker.name });
    expect(after.history).toHaveLength(history.length + 1);
    expect(after.history.at(-1)).toMatchObject({
      actorId: checker.id,
      actorName: checker.name,
      before: { verifiedAt: expect.any(String) },
      after: { verifiedAt: after.verifiedAt },
    });
  });
});

describe.each(KINDS.filter((k) => k.reveal))('revealing the sealed value of a $type', (kind) => {
  it('reveals its sealed value for a reason, audited; not outside the jurisdiction', async () => {
    const { field, value } = kind.reveal!;
    const url = `${kind.url(keys[kind.type])}/reveal`;
    const seen = (await audits()).length;
    expect((await otherTownship({ method: 'POST', url, payload: { field, reason: '核查' } })).json().code).toBe(kind.notFound);
    expect(await audits()).toHaveLength(seen);
    const res = await checker.request({ method: 'POST', url, payload: { field, reason: '联系核查' } });
    expect(res.json()).toEqual({ field, value });
    expect((await audits()).slice(seen)).toEqual([
      { actor_id: checker.id, target: `${kind.type}:${keys[kind.type]}`, detail: { field, reason: '联系核查' } },
    ]);
  });
});
