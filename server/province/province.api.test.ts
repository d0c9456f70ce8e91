import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { makeCreditCode, makeIdNumber } from '../registry/index.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { importFile } from '../testing/import-job.ts';
import { onPostgres } from '../testing/test-database.ts';
import { createFileReceiver, pullAll, receiverSeal } from './index.ts';

/**
 * Exchange with the province platform: a county's people, houses, organisations and cases pulled since a watermark
 * with a key issued for the province interface — each change once, however the pulls are cut — masked unless the
 * security admin let the receiver have them sealed, every pull and export audited; the same stream as a file.
 */

type Request = Awaited<ReturnType<TestApp['signIn']>>;
// biome-ignore lint/suspicious/noExplicitAny: replies are read field by field, as a client reads JSON
type Json = Record<string, any>;

let t: TestApp;
let dir: string;
const u = {} as Record<'security' | 'county' | 'township', Request>;
const keys = {} as Record<'province' | 'other' | 'hotline', { id: string; apiKey: string }>;

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const zhang = makeIdNumber('420923', '1985-03-14', 101, 'male');
const li = makeIdNumber('420923', '1988-07-02', 102, 'female');
const son = makeIdNumber('420923', '2012-01-20', 103, 'male');
const late = makeIdNumber('420923', '1991-05-05', 105, 'female');
const PEOPLE_HEADER = ['公民身份号码', '姓名', '民族', '联系电话', '人员类型', '房屋编号', '与户主关系', '特殊人群'];
const ORG = makeCreditCode('91', FIXTURE.county, 'MA49PT01');

beforeAll(async () => {
  t = await createTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-province-'));
  u.security = (await t.as(['security_admin'], [FIXTURE.city])).request;
  u.county = (await t.as(['county_center'], [FIXTURE.county])).request;
  u.township = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
  const issue = async (countyCode: string, interfaces: string[]) => {
    const res = await u.security({
      method: 'POST',
      url: '/api/open311/clients',
      payload: { name: '湖北省网格化平台', countyCode, interfaces },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; apiKey: string };
  };
  keys.province = await issue(FIXTURE.county, ['province']);
  keys.other = await issue(FIXTURE.otherCounty, ['province']);
  keys.hotline = await issue(FIXTURE.county, ['hotline']);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const pull = (query: Record<string, string>, key: string | null = keys.province.apiKey) =>
  t.app.inject({
    method: 'GET',
    url: `/api/province/changes?${new URLSearchParams(query)}`,
    headers: key ? { 'x-api-key': key } : {},
  });
const audits = async (action: string) =>
  queryRows<{ target: string; detail: Json; actor_id: string | null }>(
    t.db,
    sql`select target, detail, actor_id from audit_log where action = ${action} order by id`,
  );
const keysOf = (records: Json[]) => records.map((r) => `${r.kind}:${r.key}`).sort();

async function recordFirstData() {
  const houses = csv([
    ['房屋编号', '房屋地址', '所属网格编码', '房屋用途', '是否出租'],
    ['PV-H1', '城关镇朝阳路 1 号 101 室', FIXTURE.grids[0], '住宅', '否'],
    ['PV-H2', '城关镇朝阳路 1 号 102 室', FIXTURE.grids[1], '住宅', '否'],
  ]);
  expect(await importFile(u.county, 'house', houses)).toMatchObject({ state: 'done', created: 2 });
  const people = csv([
    PEOPLE_HEADER,
    [zhang, '张建华', '汉族', '13872001234', '户籍人口', 'PV-H1', '户主', ''],
    [li, '李秀兰', '汉族', '13972005678', '户籍人口', 'PV-H1', '配偶', ''],
    [son, '张小明', '汉族', '', '户籍人口', 'PV-H1', '子', '社区矫正人员'],
  ]);
  expect(await importFile(u.county, 'person', people)).toMatchObject({ state: 'done', created: 3 });
  const org = await u.county({
    method: 'POST',
    url: '/api/registry/organisations',
    payload: {
      creditCode: ORG,
      name: '云梦县城关五金有限公司',
      orgType: '01',
      address: '城关镇朝阳路 3 号',
      lng: 113.0201,
      lat: 31.1,
      legalRep: '王志强',
      safetyContact: '刘敏',
      safetyContactPhone: '13872009876',
      hazards: ['02'],
    },
  });
  expect(org.statusCode, org.body).toBe(200);
  const order = await t.app.inject({
    method: 'POST',
    url: '/api/hotline/orders',
    headers: { 'x-api-key': keys.hotline.apiKey },
    payload: {
      orderNo: 'PV-0001',
      phone: '13800138000',
      nature: 'complaint',
      itemCode: 'CG06010',
      description: '小区门口垃圾三天没人清运',
      lng: 113.01,
      lat: 31.01,
    },
  });
  expect(order.statusCode, order.body).toBe(200);
  return { caseId: order.json().eventId as string };
}

let caseId: string;
let firstWatermark: string;
let personIds: Record<string, string>;

describe('the pull refuses bad input and changes nothing', () => {
  it('a key missing, unknown or not for the province: 401; another county’s key: 403 naming the county; a bad watermark: 400 naming it', async () => {
    for (const key of [null, 'gz311_nonsense', keys.hotline.apiKey]) {
      const res = await pull({ county: FIXTURE.county }, key);
      expect(res.statusCode, String(key)).toBe(401);
      expect(res.json()).toMatchObject({ code: 'province.key_invalid', details: [{ field: 'headers.x-api-key' }] });
    }
    const other = await pull({ county: FIXTURE.county }, keys.other.apiKey);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({
      code: 'province.county_refused',
      details: [{ field: 'querystring.county', value: FIXTURE.county }],
    });
    for (const since of ['abc', '12-5.0.0', '5-9.7.0', '999999999999', '1-999999999999.0.0']) {
      const res = await pull({ county: FIXTURE.county, since });
      expect(res.statusCode, since).toBe(400);
      expect(res.json()).toMatchObject({ code: 'province.watermark_invalid', details: [{ field: 'querystring.since' }] });
    }
    const limit = await pull({ county: FIXTURE.county, limit: '0' });
    expect(limit.statusCode).toBe(400);
    expect(limit.json().code).toBe('request.invalid');
    expect(await audits('province.pulled')).toEqual([]);
  });
});

describe('pulls since a watermark', () => {
  it('a first pull has every record of the county in GB/T 31000 fields, masked by default, and is audited', async () => {
    ({ caseId } = await recordFirstData());
    const res = await pull({ county: FIXTURE.county });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ county: FIXTURE.county, since: null, more: false, disclosure: 'masked' });
    const people = body.records.filter((r: Json) => r.kind === 'person');
    personIds = Object.fromEntries(people.map((p: Json) => [p.data.姓名, p.key]));
    expect(keysOf(body.records)).toEqual(
      [...people.map((p: Json) => `person:${p.key}`), 'house:PV-H1', 'house:PV-H2', `organisation:${ORG}`, `case:${caseId}`].sort(),
    );
    expect(Object.keys(personIds).sort()).toEqual(['张小明', '张建华', '李秀兰']);
    const zhangRow = people.find((p: Json) => p.data.姓名 === '张建华');
    expect(zhangRow.data).toMatchObject({
      公民身份号码: `${zhang.slice(0, 4)}${'*'.repeat(10)}${zhang.slice(-4)}`,
      性别: '1',
      出生日期: '19850314',
      民族: '01',
      联系方式: '138****1234',
      房屋编号: 'PV-H1',
      '现住门(楼)详址': '城关镇朝阳路 1 号 101 室',
      特殊人群: null,
      网格编码: FIXTURE.grids[0],
    });
    expect(people.find((p: Json) => p.data.姓名 === '张小明').data.特殊人群).toBeNull();
    const org = body.records.find((r: Json) => r.kind === 'organisation');
    expect(org.data).toMatchObject({ 统一社会信用代码: ORG, 名称: '云梦县城关五金有限公司', 治保负责人联系方式: '138****9876' });
    const kase = body.records.find((r: Json) => r.kind === 'case');
    expect(kase.data).toMatchObject({ 事项代码: 'CG06010', 案件来源: 'hotline', 案件状态: 'verifying', 反映人联系方式: '138****8000' });
    expect(kase.data.办理过程).toMatchObject([{ 序号: 1, 操作: 'report', 状态: 'verifying' }]);
    expect(JSON.stringify(body)).not.toMatch(/13872001234|13800138000|13872009876/);
    expect(JSON.stringify(body)).not.toContain(zhang);

    const [audit] = await audits('province.pulled');
    expect(audit).toMatchObject({
      target: keys.province.id,
      actor_id: null,
      detail: {
        county: FIXTURE.county,
        since: null,
        watermark: body.watermark,
        disclosure: 'masked',
        counts: { person: 3, house: 2, organisation: 1, case: 1 },
      },
    });
    firstWatermark = body.watermark;
  });

  it('a pull since that watermark has nothing; after changes, exactly the records changed', async () => {
    const quiet = (await pull({ county: FIXTURE.county, since: firstWatermark })).json();
    expect(quiet).toMatchObject({ since: firstWatermark, more: false, records: [] });

    const org = (await u.county({ method: 'GET', url: `/api/registry/organisations/${ORG}` })).json();
    const edit = await u.county({
      method: 'PUT',
      url: `/api/registry/organisations/${ORG}`,
      payload: {
        name: '云梦县城关五金有限责任公司',
        orgType: '01',
        address: org.address,
        lng: org.lng,
        lat: org.lat,
        hazards: org.hazards,
        version: org.version,
      },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const verify = await u.township({
      method: 'POST',
      url: `/api/events/${caseId}/actions`,
      payload: { action: 'verify', version: 1, note: '电话核实属实' },
    });
    expect(verify.statusCode, verify.body).toBe(200);
    expect(
      await importFile(u.county, 'person', csv([PEOPLE_HEADER, [late, '周晓燕', '汉族', '', '户籍人口', 'PV-H2', '户主', '']])),
    ).toMatchObject({
      created: 1,
    });

    const second = (await pull({ county: FIXTURE.county, since: quiet.watermark })).json();
    const newcomer = second.records.find((r: Json) => r.kind === 'person');
    expect(newcomer.data.姓名).toBe('周晓燕');
    expect(keysOf(second.records)).toEqual([`case:${caseId}`, `organisation:${ORG}`, `person:${newcomer.key}`].sort());
    const kase = second.records.find((r: Json) => r.kind === 'case');
    expect(kase.data.案件状态).toBe('reported');
    expect(kase.data.办理过程.map((s: Json) => s.操作)).toEqual(['report', 'verify']);
    expect(second.records.find((r: Json) => r.kind === 'organisation').data.名称).toBe('云梦县城关五金有限责任公司');
    expect(second.more).toBe(false);
    const again = (await pull({ county: FIXTURE.county, since: second.watermark })).json();
    expect(again.records).toEqual([]);
  });

  it('pulled in pages of two by the simulator over HTTP, every record arrives once and the pages end with the same state', async () => {
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const receiver = createFileReceiver(path.join(dir, 'sim'));
    const pulls = await pullAll({ server: address, apiKey: keys.province.apiKey, county: FIXTURE.county, receiver, limit: 2 });
    expect(pulls.length).toBeGreaterThan(3);
    expect(pulls.every((p) => p.status === 200 && p.records <= 2)).toBe(true);
    const whole = (await pull({ county: FIXTURE.county })).json();
    // Each change once: the pages add up to the whole, no record twice.
    expect(pulls.reduce((n, p) => n + p.records, 0)).toBe(whole.records.length);
    expect(Object.keys(receiver.records()).sort()).toEqual(keysOf(whole.records));
    expect(receiver.records()[`case:${caseId}`].data?.案件状态).toBe('reported');
    const after = await pullAll({ server: address, apiKey: keys.province.apiKey, county: FIXTURE.county, receiver });
    expect(after).toEqual([{ status: 200, records: 0, watermark: expect.any(String) }]);
  });
});

describe('what a receiver gets of sensitive fields', () => {
  it('setting it: not signed in 401, a county centre 403, a key not for the province 404; the security admin sets it, audited', async () => {
    const url = `/api/province/receivers/${keys.province.id}/disclosure`;
    expect((await t.app.inject({ method: 'PUT', url, payload: { disclosure: 'sealed' } })).statusCode).toBe(401);
    expect((await u.county({ method: 'PUT', url, payload: { disclosure: 'sealed' } })).statusCode).toBe(403);
    const notProvince = await u.security({
      method: 'PUT',
      url: `/api/province/receivers/${keys.hotline.id}/disclosure`,
      payload: { disclosure: 'sealed' },
    });
    expect(notProvince.statusCode).toBe(404);
    expect(notProvince.json()).toMatchObject({ code: 'province.receiver_not_found', details: [{ field: 'params.id' }] });
    const bad = await u.security({ method: 'PUT', url, payload: { disclosure: 'plain' } });
    expect(bad.statusCode).toBe(400);
    expect(await audits('province.disclosure_set')).toEqual([]);
    expect((await u.county({ method: 'GET', url: '/api/province/receivers' })).statusCode).toBe(403);
    const before = (await u.security({ method: 'GET', url: '/api/province/receivers' })).json().items;
    expect(before.map((r: Json) => [r.clientId, r.disclosure]).sort()).toEqual(
      [
        [keys.province.id, 'masked'],
        [keys.other.id, 'masked'],
      ].sort(),
    );
    const res = await u.security({ method: 'PUT', url, payload: { disclosure: 'sealed' } });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await u.security({ method: 'GET', url: '/api/province/receivers' })).json().items;
    expect(after.find((r: Json) => r.clientId === keys.province.id)).toMatchObject({ disclosure: 'sealed', updatedAt: expect.any(String) });
    expect(after.find((r: Json) => r.clientId === keys.other.id)).toMatchObject({ disclosure: 'masked', updatedAt: null });
    expect(res.json()).toMatchObject({ clientId: keys.province.id, disclosure: 'sealed' });
    expect(await audits('province.disclosure_set')).toMatchObject([{ target: keys.province.id, detail: { from: 'masked', to: 'sealed' } }]);
  });

  it('sealed: ID numbers, phones and tags open with the receiver’s own key only; the other county’s key stays masked', async () => {
    const body = (await pull({ county: FIXTURE.county })).json();
    expect(body.disclosure).toBe('sealed');
    const seal = receiverSeal(keys.province.apiKey);
    const byName = (name: string) => body.records.find((r: Json) => r.kind === 'person' && r.data.姓名 === name).data;
    expect(seal.decrypt(byName('张建华').公民身份号码)).toBe(zhang);
    expect(seal.decrypt(byName('张建华').联系方式)).toBe('13872001234');
    expect(JSON.parse(seal.decrypt(byName('张小明').特殊人群))).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(JSON.parse(seal.decrypt(byName('张建华').特殊人群))).toEqual([]);
    const kase = body.records.find((r: Json) => r.kind === 'case').data;
    expect(seal.decrypt(kase.反映人联系方式)).toBe('13800138000');
    expect(() => receiverSeal(keys.other.apiKey).decrypt(byName('张建华').公民身份号码)).toThrow();
    expect(JSON.stringify(body)).not.toMatch(/13872001234|13800138000/);
    expect(JSON.stringify(body)).not.toContain(zhang);
    expect((await audits('province.pulled')).at(-1)?.detail).toMatchObject({ disclosure: 'sealed' });

    const other = (await pull({ county: FIXTURE.otherCounty }, keys.other.apiKey)).json();
    expect(other).toMatchObject({ county: FIXTURE.otherCounty, disclosure: 'masked', records: [] });
  });
});

describe('the file export', () => {
  it('writes the same stream as JSON lines ending with the watermark, masked unless sealed for an allowed key, audited; read back', async () => {
    const file = path.join(dir, 'out', 'first.jsonl');
    const r = await t.services.province.exportFile({ county: FIXTURE.county, file });
    const lines = fs
      .readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Json);
    const trailer = lines.at(-1)!;
    expect(trailer).toMatchObject({ kind: 'watermark', county: FIXTURE.county, watermark: r.watermark, disclosure: 'masked' });
    const records = lines.slice(0, -1);
    const whole = (await pull({ county: FIXTURE.county })).json();
    expect(keysOf(records)).toEqual(keysOf(whole.records));
    expect(trailer.counts).toEqual({ person: 4, house: 2, organisation: 1, case: 1 });
    expect(records.find((x) => x.key === personIds.张建华)?.data.联系方式).toBe('138****1234');
    expect(await audits('province.exported')).toMatchObject([
      { target: FIXTURE.county, actor_id: null, detail: { watermark: r.watermark, disclosure: 'masked', file: 'first.jsonl' } },
    ]);

    const sealedFile = path.join(dir, 'out', 'sealed.jsonl');
    await t.services.province.exportFile({ county: FIXTURE.county, file: sealedFile, sealedFor: keys.province.apiKey });
    const sealed = fs
      .readFileSync(sealedFile, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Json);
    const zhangLine = sealed.find((x) => x.key === personIds.张建华);
    expect(receiverSeal(keys.province.apiKey).decrypt(zhangLine?.data.公民身份号码)).toBe(zhang);

    const next = path.join(dir, 'out', 'next.jsonl');
    await t.services.province.exportFile({ county: FIXTURE.county, since: r.watermark, file: next });
    const nextLines = fs.readFileSync(next, 'utf8').trimEnd().split('\n');
    expect(nextLines).toHaveLength(1);
    expect(JSON.parse(nextLines[0])).toMatchObject({ kind: 'watermark', counts: { person: 0, house: 0, organisation: 0, case: 0 } });

    await expect(
      t.services.province.exportFile({ county: FIXTURE.county, file: path.join(dir, 'out', 'x.jsonl'), sealedFor: keys.other.apiKey }),
    ).rejects.toMatchObject({ code: 'province.county_refused' });
    await expect(
      t.services.province.exportFile({ county: FIXTURE.county, since: 'nonsense', file: path.join(dir, 'out', 'y.jsonl') }),
    ).rejects.toMatchObject({ code: 'province.watermark_invalid' });
    expect(fs.existsSync(path.join(dir, 'out', 'y.jsonl'))).toBe(false);
    expect(await audits('province.exported')).toHaveLength(3);
  });
});

/** A writer that took its transaction id before a pull and commits after it: its change is not skipped. */
describe.runIf(onPostgres())('a slow writer on PostgreSQL', () => {
  it('a change committed after a pull, by a transaction begun before it, comes in the next pull; a later quick one is not sent ahead of it', async () => {
    const start = (await pull({ county: FIXTURE.county })).json();
    let wrote!: () => void;
    let finish!: () => void;
    const written = new Promise<void>((r) => {
      wrote = r;
    });
    const held = new Promise<void>((r) => {
      finish = r;
    });
    const slow = t.db.transaction(async (tx) => {
      await tx.execute(
        sql`update organisation set name = '云梦县城关五金（慢）有限公司', version = version + 1 where credit_code = ${ORG}`,
      );
      await tx.execute(
        sql`insert into record_change (county_code, record_type, record_key, at, before, after) values (${FIXTURE.county}, 'organisation', ${ORG}, now(), null, '{}')`,
      );
      wrote();
      await held;
    });
    await written;
    const quick = makeIdNumber('420923', '1993-09-09', 107, 'male');
    expect(
      await importFile(u.county, 'person', csv([PEOPLE_HEADER, [quick, '吴快', '汉族', '', '户籍人口', 'PV-H2', '', '']])),
    ).toMatchObject({
      created: 1,
    });

    const during = (await pull({ county: FIXTURE.county, since: start.watermark })).json();
    expect(during.records).toEqual([]);
    finish();
    await slow;
    const after = (await pull({ county: FIXTURE.county, since: during.watermark })).json();
    expect(after.records.map((r: Json) => r.data?.名称 ?? r.data?.姓名).sort()).toEqual(['云梦县城关五金（慢）有限公司', '吴快'].sort());
  });
});
