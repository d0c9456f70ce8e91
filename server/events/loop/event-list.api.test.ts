import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { createFieldCrypto } from '../../platform/field-crypto.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, TEST_FIELD_KEYS, type TestApp } from '../../testing/harness.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
interface Row {
  id: string;
  status: string;
  light: string | null;
  warning: string | null;
  reports: number;
}

let t: TestApp;
let centre: Request;
let worker0: Request;
let worker4: Request;
let township0: Request;
const ids: Record<string, string> = {};
const AT_GRID0 = { lng: 113.01, lat: 31.01 };
const AT_GRID4 = { lng: 113.21, lat: 31.01 };

async function signInAll() {
  centre = (await t.as(['county_center'], [FIXTURE.county])).request;
  worker0 = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
  worker4 = (await t.as(['grid_worker'], [FIXTURE.grids[4]])).request;
  township0 = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
}

const report = async (request: Request, itemCode: string, at: { lng: number; lat: number }, extra: Record<string, unknown> = {}) => {
  const res = await request({
    method: 'POST',
    url: '/api/events',
    payload: { itemCode, ...at, description: '测试', photos: [], ...extra },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; version: number };
};
const list = async (query: string, request = centre) => {
  const res = await request({ method: 'GET', url: `/api/events?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Row[]; total: number };
};
const idsOf = async (query: string) => (await list(query)).items.map((e) => e.id).sort();
const named = (...keys: string[]) => keys.map((k) => ids[k]).sort();

beforeAll(async () => {
  t = await createTestApp();
  await t.db.execute(sql`insert into department (code, name, area_code) values ('YM-CG', '云梦县城市管理执法局', '420923')`);
  await signInAll();
  ids.rubbish0 = (await report(worker0, 'CG06010', AT_GRID0)).id; // 暴露垃圾, township 100
  ids.fire0 = (await report(worker0, 'AQ0102', AT_GRID0)).id; // 消防设施器材损坏缺失
  ids.toilet4 = (await report(worker4, 'CG03001', AT_GRID4)).id; // 公共厕所异常, township 101
  ids.hotline4 = (await report(centre, 'CG06010', AT_GRID4, { source: 'hotline' })).id;
  const act = async (id: string, body: Record<string, unknown>) =>
    (await township0({ method: 'POST', url: `/api/events/${id}/actions`, payload: body })).json();
  const accepted = await act(ids.rubbish0, { action: 'accept', version: 1 });
  await act(ids.rubbish0, { action: 'dispatch', version: accepted.version, targetUnit: 'YM-CG' });
  const phone = createFieldCrypto({
    encKey: Buffer.from(TEST_FIELD_KEYS.enc, 'hex'),
    hashKey: Buffer.from(TEST_FIELD_KEYS.hash, 'hex'),
  }).encrypt('13812341234');
  await t.db.execute(sql`update event set reports = 3, reporter_phone = ${phone} where id = ${ids.hotline4}`);
  await t.db.execute(sql`update event set reports = 2 where id = ${ids.toilet4}`);
});
afterAll(() => t.close());

describe('names beside codes', () => {
  it('the list and the case carry the names of item, grid, village, township, owner and lead unit', async () => {
    const page = await list('status=dispatched');
    expect(page.items[0]).toMatchObject({
      itemCode: 'CG06010',
      itemName: '暴露垃圾',
      gridCode: FIXTURE.grids[0],
      gridName: '网格1',
      villageName: '村1',
      townshipName: '城关镇',
      ownerCode: FIXTURE.townships[0],
      ownerName: '城关镇',
      leadUnit: 'YM-CG',
      leadUnitName: '云梦县城市管理执法局',
      coUnitNames: [],
    });
    const res = await centre({ method: 'GET', url: `/api/events/${ids.rubbish0}` });
    const detail = res.json();
    expect(detail).toMatchObject({ gridName: '网格1', leadUnitName: '云梦县城市管理执法局' });
    // The history's dispatch names its lead unit; the reply names it too.
    expect(detail.history.find((h: { action: string }) => h.action === 'dispatch').data).toMatchObject({ leadUnit: 'YM-CG' });
    expect(detail.names).toMatchObject({ 'YM-CG': '云梦县城市管理执法局' });
  });
});

describe('list filters', () => {
  it('status (several), source, unit, and paging with a total', async () => {
    expect(await idsOf('status=reported,dispatched')).toEqual(named('rubbish0', 'fire0', 'toilet4'));
    expect(await idsOf('status=dispatched')).toEqual(named('rubbish0'));
    // A hotline call without a photo waits for the grid team to verify it on site.
    expect(await idsOf('status=verifying')).toEqual(named('hotline4'));
    expect(await idsOf('status=reported&status=dispatched&status=verifying')).toEqual(named('rubbish0', 'fire0', 'toilet4', 'hotline4'));
    expect(await idsOf('source=hotline')).toEqual(named('hotline4'));
    expect(await idsOf('unit=YM-CG')).toEqual(named('rubbish0'));
    const first = await list('limit=3');
    const second = await list('limit=3&offset=3');
    expect(first.total).toBe(4);
    expect(second.total).toBe(4);
    expect(first.items).toHaveLength(3);
    expect(second.items).toHaveLength(1);
    expect([...first.items, ...second.items].map((e) => e.id).sort()).toEqual(named('rubbish0', 'fire0', 'toilet4', 'hotline4'));
  });

  it('item: one item code, or a class prefix', async () => {
    expect(await idsOf('item=CG06010')).toEqual(named('rubbish0', 'hotline4'));
    expect(await idsOf('item=CG')).toEqual(named('rubbish0', 'toilet4', 'hotline4'));
    expect(await idsOf('item=CG03')).toEqual(named('toilet4'));
    expect(await idsOf('item=AQ')).toEqual(named('fire0'));
  });

  it('area: a township or grid prefix inside the jurisdiction; one outside is refused, naming the field', async () => {
    expect(await idsOf(`area=${FIXTURE.townships[1]}`)).toEqual(named('toilet4', 'hotline4'));
    expect(await idsOf(`area=${FIXTURE.grids[0]}`)).toEqual(named('rubbish0', 'fire0'));
    const outside = await township0({ method: 'GET', url: `/api/events?area=${FIXTURE.townships[1]}` });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({
      code: 'request.invalid',
      details: [{ field: 'querystring.area', reason: 'territory.area_not_found' }],
    });
    expect((await list('', township0)).items.map((e) => e.id).sort()).toEqual(named('rubbish0', 'fire0'));
  });

  it('repeat: three or more reports', async () => {
    expect(await idsOf('repeat=true')).toEqual(named('hotline4'));
    expect(await idsOf('repeat=false')).toEqual(named('rubbish0', 'fire0', 'toilet4'));
  });

  it('reported date range, inclusive, in China dates (a case at 00:10 China time is on that China day)', async () => {
    await t.db.execute(sql`update event set reported_at = '2026-11-02T00:10:00+08:00' where id = ${ids.toilet4}`);
    await t.db.execute(sql`update event set reported_at = '2026-11-01T23:50:00+08:00' where id = ${ids.fire0}`);
    expect(await idsOf('from=2026-11-02&to=2026-11-02')).toEqual(named('rubbish0', 'toilet4', 'hotline4'));
    expect(await idsOf('to=2026-11-01')).toEqual(named('fire0'));
    expect(await idsOf('from=2026-11-03')).toEqual([]);
  });

  it('bad filter values answer 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['status=reported,bogus', 'querystring.status.1'],
      ['light=blue', 'querystring.light.0'],
      ['warning=orange', 'querystring.warning.0'],
      ['source=twitter', 'querystring.source.0'],
      ['item=cg06', 'querystring.item'],
      ['area=4209231', 'querystring.area'],
      ['from=2026-02-30', 'querystring.from'],
      ['from=2026-11-05&to=2026-11-01', 'querystring.from'],
      ['overdue=maybe', 'querystring.overdue'],
      ['limit=0', 'querystring.limit'],
      ['colour=red', 'querystring.colour'],
      ['mine=all', 'querystring.mine'],
    ];
    for (const [query, field] of cases) {
      const res = await centre({ method: 'GET', url: `/api/events?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(
        res.json().details.map((d: { field: string }) => d.field),
        query,
      ).toContain(field);
    }
  });
});

describe('my cases (mine=)', () => {
  it('reported: the cases the caller reported, in their jurisdiction; another worker’s are not theirs', async () => {
    const mine = async (request: Request) => (await list('mine=reported', request)).items.map((e) => e.id).sort();
    expect(await mine(worker0)).toEqual(named('rubbish0', 'fire0'));
    expect(await mine(worker4)).toEqual(named('toilet4'));
    expect(await mine(centre)).toEqual(named('hotline4'));
  });

  it('handling: the cases waiting on my unit in my to-do queues; combined with other filters', async () => {
    const { request: dept } = await t.as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-CG' });
    expect((await list('mine=handling', dept)).items.map((e) => e.id)).toEqual([ids.rubbish0]);
    expect((await list('mine=handling&item=AQ', dept)).total).toBe(0);
    // A worker's own reports wait on the centres, not on the worker.
    expect((await list('mine=handling', worker0)).items.map((e) => e.id)).not.toContain(ids.rubbish0);
  });
});

describe('export', () => {
  const audits = () =>
    queryRows<{ detail: { filter: Record<string, unknown>; rows: number; total: number } }>(
      t.db,
      sql`select detail from audit_log where action = 'events.exported' order by id`,
    );
  const sheetOf = async (body: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as never);
    return book.worksheets[0]
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
  };

  it('writes the filtered list with Chinese headers and the phone masked, and audits the filter and row count', async () => {
    const res = await centre({ method: 'GET', url: '/api/events/export?item=CG06&status=verifying,dispatched' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetOf(res.rawPayload);
    expect(rows[0]).toEqual([
      '案件编号',
      '状态',
      '事项',
      '来源',
      '网格',
      '网格编码',
      '所属村(社区)',
      '责任层级',
      '主办单位',
      '上报时间',
      '处置时限',
      '结案时间',
      '亮灯',
      '预警',
      '上报次数',
      '举报人电话',
    ]);
    expect(rows).toHaveLength(3);
    const hotline = rows.find((r) => r[3] === '热线')!;
    // Names where a reader expects them, the grid's code in a column of its own.
    expect(hotline).toMatchObject({ 1: '待核实', 2: '暴露垃圾', 4: '网格5', 5: FIXTURE.grids[4], 6: '村3', 14: 3, 15: '138****1234' });
    const dispatched = rows.find((r) => r[1] === '已派遣')!;
    expect(dispatched).toMatchObject({ 4: '网格1', 6: '村1', 7: '城关镇', 8: '云梦县城市管理执法局', 9: '2026-11-02 09:00' });
    // No cell but the case number and the code column holds a bare division code or a department code.
    for (const row of rows.slice(1)) {
      const cells = row.filter((_, i) => i !== 0 && i !== 5).map(String);
      expect(cells.filter((c) => /^\d{6,15}$/.test(c) || /^[A-Z]{2}-[A-Z]{2}$/.test(c))).toEqual([]);
    }
    expect(res.rawPayload.includes('13812341234')).toBe(false);
    expect((await audits()).at(-1)!.detail).toEqual({ filter: { item: 'CG06', status: ['verifying', 'dispatched'] }, rows: 2, total: 2 });
  });

  it('speaks the caller’s language', async () => {
    const rows = await sheetOf(
      (await centre({ method: 'GET', url: '/api/events/export?source=hotline', headers: { 'accept-language': 'en' } })).rawPayload,
    );
    expect(rows[0].slice(0, 3)).toEqual(['Case no.', 'Status', 'Item']);
    expect(rows[1]).toMatchObject({ 1: 'To verify', 3: 'Hotline', 4: '网格5', 15: '138****1234' });
  });

  it('a bad filter is refused and writes no audit row', async () => {
    const before = (await audits()).length;
    const res = await centre({ method: 'GET', url: '/api/events/export?status=nope' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('querystring.status.0');
    expect(await audits()).toHaveLength(before);
  });
});

describe('derived filters on the movable clock', () => {
  /** What the unfiltered list says, so the filter is checked against the same derivation. */
  const openWhere = async (pick: (e: Row) => boolean) =>
    (await list('limit=500')).items
      .filter(pick)
      .map((e) => e.id)
      .sort();

  it('light: yellow near due and green in time, paged after the derived filter', async () => {
    t.advance(25 * 60_000); // the accept stage allows 0.5 working hours
    await signInAll();
    ids.fresh = (await report(worker0, 'CG06010', AT_GRID0)).id;
    const yellow = await idsOf('light=yellow');
    expect(yellow).toContain(ids.fire0);
    expect(yellow).not.toContain(ids.fresh);
    expect(yellow).toEqual(await openWhere((e) => e.light === 'yellow'));
    expect(await idsOf('light=green')).toEqual(await openWhere((e) => e.light === 'green'));
    expect(await idsOf('light=green')).toContain(ids.fresh);
    const page = await list('light=yellow&limit=1&offset=1');
    expect(page.total).toBe(yellow.length);
    expect(page.items).toHaveLength(1);
    expect(page.items[0].light).toBe('yellow');
    expect(await idsOf('light=yellow,green&status=dispatched')).toEqual(
      await openWhere((e) => e.status === 'dispatched' && e.light !== null && e.light !== 'red'),
    );
  });

  it('overdue and red lights agree; a warning colour selects what the list shows', async () => {
    t.advance(3 * 86_400_000);
    await signInAll();
    const red = await idsOf('light=red');
    expect(red.length).toBeGreaterThan(0);
    expect(await idsOf('overdue=true')).toEqual(red);
    expect(await idsOf('overdue=false')).toEqual(await openWhere((e) => e.light !== 'red'));
    const warned = (await list('limit=500')).items.filter((e) => e.warning !== null);
    expect(warned.length).toBeGreaterThan(0);
    for (const colour of new Set(warned.map((e) => e.warning!))) {
      expect(await idsOf(`warning=${colour}`)).toEqual(
        warned
          .filter((e) => e.warning === colour)
          .map((e) => e.id)
          .sort(),
      );
    }
    expect(await idsOf('warning=blue,yellow,light_red,purple,red')).toEqual(warned.map((e) => e.id).sort());
  });
});
