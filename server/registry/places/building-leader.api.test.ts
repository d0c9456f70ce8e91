import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { importFile } from '../../testing/import-job.ts';
import { makeIdNumber } from '../records/identifiers.core.ts';

/** The 楼栋长 picked from the people on record: name and phone come from the person, within jurisdiction only. */
let t: TestApp;
let county: Awaited<ReturnType<TestApp['signIn']>>;
let otherTownship: Awaited<ReturnType<TestApp['signIn']>>;
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const count = async (table: string) => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;
const fields = (res: { json(): { details: { field: string; reason: string; value?: string }[] } }) =>
  res.json().details.map((d) => `${d.field}:${d.reason}${d.value ? `:${d.value}` : ''}`);
const personId = async (name: string) => (await queryRows<{ id: string }>(t.db, sql`select id from person where name = ${name}`))[0].id;
const stored = async (code: string) =>
  (
    await queryRows<{ leader_phone_enc: string | null; leader_phone_hash: string | null; leader_person_id: string | null }>(
      t.db,
      sql`select leader_phone_enc, leader_phone_hash, leader_person_id from building where code = ${code}`,
    )
  )[0];

const B = '420923100001-11';
const OTHER = '420923101201-11';
const ids = { li: '', wang: '', zhao: '' };

beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  otherTownship = (await t.as(['township_center'], [FIXTURE.townships[1]])).request;
  await importFile(
    county,
    'house',
    csv([
      ['房屋编号', '房屋地址', '所属网格编码', '房屋用途', '是否出租'],
      ['H-1', '城关镇朝阳路 8 号 101 室', FIXTURE.grids[0], '住宅', '否'],
      ['H-2', '义堂镇学府路 1 号', FIXTURE.grids[4], '住宅', '否'],
    ]),
  );
  // 李秀兰 and 王建国 (no phone) live in the first township, 赵敏 in the other one.
  await importFile(
    county,
    'person',
    csv([
      ['公民身份号码', '姓名', '民族', '联系电话', '人员类型', '房屋编号'],
      [makeIdNumber('420923', '1988-07-02', 102, 'female'), '李秀兰', '汉族', '13972005678', '户籍人口', 'H-1'],
      [makeIdNumber('420923', '1986-02-11', 104, 'male'), '王建国', '汉族', '', '户籍人口', 'H-1'],
      [makeIdNumber('420923', '1990-03-05', 106, 'female'), '赵敏', '汉族', '13872001111', '户籍人口', 'H-2'],
    ]),
  );
  ids.li = await personId('李秀兰');
  ids.wang = await personId('王建国');
  ids.zhao = await personId('赵敏');
});
afterAll(() => t.close());

const building = { name: '11 栋', address: '城关镇朝阳路 8 号', gridCode: FIXTURE.grids[0], floors: 6 };
const post = (request: typeof county, payload: object) =>
  request({ method: 'POST', url: '/api/registry/buildings', payload: { code: B, ...building, ...payload } });
const put = (request: typeof county, payload: object) =>
  request({ method: 'PUT', url: `/api/registry/buildings/${B}`, payload: { ...building, ...payload } });

describe('building leader picked from the people on record', () => {
  it('not signed in: 401; a grid leader may not pick a leader', async () => {
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/registry/buildings', payload: { code: B, ...building, leaderPersonId: ids.li } }))
        .statusCode,
    ).toBe(401);
    const { request } = await t.as(['grid_leader'], [FIXTURE.grids[0]]);
    expect((await post(request, { leaderPersonId: ids.li })).statusCode).toBe(403);
  });

  it('refuses an unknown person, one outside the caller’s jurisdiction, and a malformed id, naming leaderPersonId; writes nothing', async () => {
    const before = [await count('building'), await count('record_change')];
    const unknown = '00000000-0000-4000-8000-000000000000';
    const res = await post(county, { leaderPersonId: unknown });
    expect(res.statusCode).toBe(422);
    expect(fields(res)).toEqual([`leaderPersonId:person.not_found:${unknown}`]);
    expect(res.json().details[0].message).toContain('人员不存在');
    // The other township may record a building in its own grid, but not lead it by someone of the first township.
    const outside = await otherTownship({
      method: 'POST',
      url: '/api/registry/buildings',
      payload: { code: OTHER, name: '1 栋', address: '义堂镇学府路 1 号', gridCode: FIXTURE.grids[4], leaderPersonId: ids.li },
    });
    expect(fields(outside)).toEqual([`leaderPersonId:person.not_found:${ids.li}`]);
    // Both problems at once when the standard address is unknown too.
    expect(fields(await post(county, { addressCode: '420923100001999999', leaderPersonId: unknown }))).toEqual([
      'addressCode:address.not_found:420923100001999999',
      `leaderPersonId:person.not_found:${unknown}`,
    ]);
    const malformed = await post(county, { leaderPersonId: 'li' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().details[0].field).toContain('leaderPersonId');
    expect([await count('building'), await count('record_change')]).toEqual(before);
  });

  it('takes the name and the sealed phone from the person, not what was typed; the phone is the person’s when revealed', async () => {
    const res = await post(county, { leaderPersonId: ids.li, leaderName: '别人', leaderPhone: '13800009999' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ leaderName: '李秀兰', leaderPhone: '139****5678', leaderPersonId: ids.li, version: 1 });
    const [person] = await queryRows<{ phone_enc: string; phone_hash: string }>(
      t.db,
      sql`select phone_enc, phone_hash from person where id = ${ids.li}`,
    );
    expect(await stored(B)).toEqual({ leader_phone_enc: person.phone_enc, leader_phone_hash: person.phone_hash, leader_person_id: ids.li });
    expect(JSON.stringify(await queryRows(t.db, sql`select * from building`))).not.toContain('13972005678');
    const revealed = await county({
      method: 'POST',
      url: `/api/registry/buildings/${B}/reveal`,
      payload: { field: 'leaderPhone', reason: '通知楼栋排查' },
    });
    expect(revealed.json()).toEqual({ field: 'leaderPhone', value: '13972005678' });
    expect(res.json().history[0].after).toMatchObject({ leaderName: '李秀兰', leaderPhoneMasked: '139****5678', leaderPersonId: ids.li });
  });

  it('a person elsewhere in the caller’s jurisdiction may lead: the county picks someone of the other township', async () => {
    const res = await county({
      method: 'POST',
      url: '/api/registry/buildings',
      payload: { code: OTHER, name: '1 栋', address: '义堂镇学府路 1 号', gridCode: FIXTURE.grids[4], leaderPersonId: ids.zhao },
    });
    expect(res.json()).toMatchObject({ leaderName: '赵敏', leaderPhone: '138****1111', leaderPersonId: ids.zhao });
  });

  it('an edit picks another person; the change is in the history; a stale version or another township changes nothing', async () => {
    const res = await put(county, { leaderPersonId: ids.wang, version: 1 });
    expect(res.json()).toMatchObject({ leaderName: '王建国', leaderPhone: null, leaderPersonId: ids.wang, version: 2 });
    expect(res.json().history.at(-1)).toMatchObject({
      before: { leaderName: '李秀兰', leaderPersonId: ids.li },
      after: { leaderName: '王建国', leaderPhoneMasked: null, leaderPersonId: ids.wang },
    });
    expect((await put(county, { leaderPersonId: ids.li, version: 1 })).statusCode).toBe(409);
    expect((await put(otherTownship, { leaderPersonId: ids.zhao, version: 2 })).statusCode).toBe(404);
    expect(fields(await put(county, { leaderPersonId: ids.li.replace(/.$/, (c) => (c === '0' ? '1' : '0')), version: 2 }))).toEqual([
      expect.stringMatching(/^leaderPersonId:person.not_found:/),
    ]);
    expect(await stored(B)).toMatchObject({ leader_person_id: ids.wang, leader_phone_enc: null });
  });

  it('an edit that leaves the leader as it is keeps the link, though no phone matches it', async () => {
    const res = await put(county, { leaderName: '王建国', floors: 7, version: 2 });
    expect(res.json()).toMatchObject({ floors: 7, leaderName: '王建国', leaderPersonId: ids.wang, version: 3 });
  });

  it('a leader not on record is typed as before: name and phone sealed, linked to nobody', async () => {
    const res = await put(county, { leaderPersonId: null, leaderName: '孙师傅', leaderPhone: '13800001111', version: 3 });
    expect(res.json()).toMatchObject({ leaderName: '孙师傅', leaderPhone: '138****1111', leaderPersonId: null, version: 4 });
    expect(res.json().history.at(-1)).toMatchObject({
      before: { leaderName: '王建国', leaderPersonId: ids.wang },
      after: { leaderName: '孙师傅', leaderPersonId: null },
    });
    expect((await stored(B)).leader_phone_enc).toMatch(/^v1\./);
  });
});
