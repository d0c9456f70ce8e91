import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
interface Node {
  code: string;
  parentCode: string | null;
  kind: string;
  name: string;
  rule: Record<string, unknown> | null;
  version: number;
  local: boolean;
  retired: boolean;
}

let t: TestApp;
let admin: Request;
let worker: Request;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.as(['county_center'], [FIXTURE.county])).request;
  worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
});
afterAll(() => t.close());

const adminList = async (): Promise<Node[]> => (await admin({ method: 'GET', url: '/api/catalogue' })).json().items;
const node = async (code: string) => (await adminList()).find((n) => n.code === code)!;
const reportingCodes = async (query = '') =>
  ((await worker({ method: 'GET', url: `/api/events/catalogue${query}` })).json().items as Node[]).map((n) => n.code);
const edit = (code: string, body: Record<string, unknown>) => admin({ method: 'PUT', url: `/api/catalogue/${code}`, payload: body });
const retire = (code: string, version: number, how: 'retire' | 'restore' = 'retire') =>
  admin({ method: 'POST', url: `/api/catalogue/${code}/${how}`, payload: { version } });
const add = (body: Record<string, unknown>) => admin({ method: 'POST', url: '/api/catalogue', payload: body });
const report = (itemCode: string) =>
  worker({ method: 'POST', url: '/api/events', payload: { itemCode, lng: 113.01, lat: 31.01, description: '路口垃圾堆放' } });
const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n;

describe('who may keep the catalogue', () => {
  it('not signed in: 401; a grid worker may read the reporting list but not the admin list or an edit', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/catalogue' })).statusCode).toBe(401);
    expect((await worker({ method: 'GET', url: '/api/catalogue' })).statusCode).toBe(403);
    expect((await worker({ method: 'PUT', url: '/api/catalogue/CG06010', payload: { version: 1, name: 'x' } })).statusCode).toBe(403);
    expect(await reportingCodes()).toContain('CG06010');
    const all = await adminList();
    expect(all.find((n) => n.code === 'CG06010')).toMatchObject({ version: 1, local: false, retired: false, kind: 'item' });
  });
});

describe('editing an item', () => {
  it('makes a new version, keeps the old one with who and when, and writes an audit row', async () => {
    const before = await node('CG06011');
    const rule = {
      ...before.rule,
      level: 'county',
      department: 'landscaping',
      severity: 'significant',
      limits: { accept: { hours: 1 }, handle: { workingDays: 3 }, check: { clockHours: 2 } },
      closing: { afterPhoto: true, onSiteCheck: false },
      fixOnSpot: true,
    };
    const res = await edit('CG06011', { version: 1, name: '积存垃圾', rule });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'CG06011', version: 2, name: '积存垃圾', rule });
    const history = (await admin({ method: 'GET', url: '/api/catalogue/CG06011/history' })).json();
    expect(history.node).toMatchObject({ version: 2, name: '积存垃圾' });
    expect(history.versions).toEqual([
      expect.objectContaining({ version: 1, name: before.name, rule: before.rule, retired: false, changedBy: expect.any(String) }),
    ]);
    const audit = await queryRows<{ action: string; target: string }>(
      t.db,
      sql`select action, target from audit_log where action like 'catalogue.%'`,
    );
    expect(audit).toEqual([{ action: 'catalogue.edited', target: 'CG06011' }]);
  });

  it('an edit from a stale version is refused with 409 and changes nothing', async () => {
    const stale = await edit('CG06011', { version: 1, name: '别的名字', rule: (await node('CG06011')).rule });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'catalogue.changed', details: [{ field: 'body.version', reason: 'stale' }] });
    expect(await node('CG06011')).toMatchObject({ version: 2, name: '积存垃圾' });
    expect(await count('catalogue_change')).toBe(1);
  });

  it('bad input names the field and changes nothing', async () => {
    const { rule } = await node('CG06012');
    const withLimits = (limits: unknown) => edit('CG06012', { version: 1, name: '道路不洁', rule: { ...rule, limits } });
    const field = async (res: Awaited<ReturnType<typeof edit>>) => {
      expect(res.statusCode).toBe(400);
      return res.json().details.map((d: { field: string }) => d.field);
    };
    expect(await field(await withLimits({ handle: { hours: -1 } }))).toEqual(['body.rule.limits.handle.hours']);
    expect(await field(await withLimits({ handle: { hours: 71 } }))).toEqual(['body.rule.limits.handle.hours']);
    expect(await field(await withLimits({ handle: { workingDays: 1.5 } }))).toEqual(['body.rule.limits.handle.workingDays']);
    expect(await field(await withLimits({ handle: { hours: 2, workingDays: 1 } }))).toEqual(['body.rule.limits.handle']);
    const zh = (await withLimits({ handle: { hours: 0 } })).json().details[0];
    expect(zh).toMatchObject({ field: 'body.rule.limits.handle.hours', reason: 'exclusiveMinimum', message: '须大于 0' });
    expect(await field(await withLimits({ handle: {} }))).toEqual(['body.rule.limits.handle']);
    expect(await field(await withLimits({ repair: { hours: 2 } }))).toEqual(['body.rule.limits.repair']);
    expect(await field(await edit('CG06012', { version: 1, name: '道路不洁', rule: { ...rule, level: 'grid' } }))).toContain(
      'body.rule.level',
    );
    expect(await field(await edit('CG06012', { version: 1, name: '道路不洁', rule: { ...rule, department: 'nobody' } }))).toContain(
      'body.rule.department',
    );
    expect(await field(await edit('CG06012', { version: 1, name: '  ', rule }))).toEqual(['body.name']);

    const noRule = await edit('CG06012', { version: 1, name: '道路不洁' });
    expect(noRule.json()).toMatchObject({ code: 'catalogue.rule_invalid', details: [{ field: 'body.rule', reason: 'required' }] });
    const classRule = await edit('CG06', { version: 1, name: '市容环境类', rule });
    expect(classRule.json()).toMatchObject({ code: 'catalogue.rule_invalid', details: [{ field: 'body.rule', reason: 'not_allowed' }] });
    const same = await edit('CG06012', { version: 1, name: '道路不洁', rule });
    expect(same.json()).toMatchObject({ code: 'catalogue.unchanged' });
    expect((await edit('CG99999', { version: 1, name: 'x', rule })).json()).toMatchObject({
      code: 'catalogue.not_found',
      details: [{ field: 'params.code' }],
    });

    expect(await node('CG06012')).toMatchObject({ version: 1, name: '道路不洁', rule });
    expect(await count('catalogue_change')).toBe(1);
  });

  it('a class is renamed without a rule', async () => {
    const res = await edit('CG07', { version: 1, name: '户外广告类' });
    expect(res.json()).toMatchObject({ code: 'CG07', version: 2, name: '户外广告类', rule: null });
  });
});

describe('local items', () => {
  it('the server gives a local item a code under its minor class that no standard item has', async () => {
    const { rule } = await node('CG06010');
    const first = await add({ parentCode: 'CG06', name: '共享单车堆积', rule });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ code: 'CG06L01', parentCode: 'CG06', kind: 'item', local: true, version: 1 });
    expect((await add({ parentCode: 'CG06', name: '外卖餐盒乱丢', rule })).json().code).toBe('CG06L02');
    expect(await reportingCodes()).toEqual(expect.arrayContaining(['CG06L01', 'CG06L02']));
    expect((await report('CG06L01')).statusCode).toBe(201);
  });

  it('a local minor class goes under a major class and takes local items of its own', async () => {
    const minor = await add({ parentCode: 'CG', name: '本地特色类' });
    expect(minor.json()).toMatchObject({ code: 'CGL01', kind: 'minor', local: true, rule: null });
    const { rule } = await node('CG06010');
    expect((await add({ parentCode: 'CGL01', name: '龙舟赛事保障', rule })).json()).toMatchObject({ code: 'CGL01L01', kind: 'item' });
  });

  it('a standard code cannot be taken, and a node goes only where its kind belongs', async () => {
    const { rule } = await node('CG06010');
    const chosen = await add({ parentCode: 'CG06', code: 'CG06013', name: '道路破损', rule });
    expect(chosen.json()).toMatchObject({ code: 'request.invalid', details: [{ field: 'body.code', reason: 'additionalProperties' }] });
    expect((await add({ parentCode: 'CG06010', name: 'x', rule })).json()).toMatchObject({
      code: 'catalogue.parent_invalid',
      details: [{ field: 'body.parentCode' }],
    });
    expect((await add({ parentCode: 'CG06', name: 'x' })).json()).toMatchObject({
      code: 'catalogue.rule_invalid',
      details: [{ field: 'body.rule', reason: 'required' }],
    });
    expect((await add({ parentCode: 'CG', name: 'x', rule })).json()).toMatchObject({ code: 'catalogue.rule_invalid' });
    expect((await add({ parentCode: 'ZZ01', name: 'x', rule })).json()).toMatchObject({
      code: 'catalogue.not_found',
      details: [{ field: 'body.parentCode' }],
    });
    expect((await adminList()).filter((n) => n.local).map((n) => n.code)).toEqual(['CG06L01', 'CG06L02', 'CGL01', 'CGL01L01']);
  });
});

describe('retiring', () => {
  it('a retired item stays for the cases that name it, is left out of reporting and refused for new reports', async () => {
    const old = (await report('CG06029')).json();
    const retired = await retire('CG06029', 1);
    expect(retired.json()).toMatchObject({ retired: true, version: 2 });
    expect(await reportingCodes()).not.toContain('CG06029');
    expect(await reportingCodes('?retired=true')).toContain('CG06029');
    expect(await node('CG06029')).toMatchObject({ retired: true });

    const events = await count('event');
    const refused = await report('CG06029');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'event.item_retired', details: [{ field: 'itemCode', reason: 'retired' }] });
    expect(await count('event')).toBe(events);
    expect((await worker({ method: 'GET', url: `/api/events/${old.id}` })).json()).toMatchObject({
      itemCode: 'CG06029',
      status: 'reported',
    });

    expect((await retire('CG06029', 2)).json()).toMatchObject({ code: 'catalogue.unchanged' });
    expect((await retire('CG06029', 1, 'restore')).json()).toMatchObject({ code: 'catalogue.changed' });
    expect((await retire('CG06029', 2, 'restore')).json()).toMatchObject({ retired: false, version: 3 });
    expect((await report('CG06029')).statusCode).toBe(201);
    const versions = (await admin({ method: 'GET', url: '/api/catalogue/CG06029/history' })).json().versions;
    expect(versions.map((v: { version: number; retired: boolean }) => [v.version, v.retired])).toEqual([
      [2, true],
      [1, false],
    ]);
  });

  it('retiring a class withdraws the items under it', async () => {
    await retire('CGL01', 1);
    expect(await reportingCodes()).not.toContain('CGL01');
    expect(await reportingCodes()).not.toContain('CGL01L01');
    expect((await report('CGL01L01')).json().code).toBe('event.item_retired');
  });

  it('there is no deleting: a standard item can only be retired', async () => {
    expect((await admin({ method: 'DELETE', url: '/api/catalogue/CG06010' })).statusCode).toBe(404);
    expect(await node('CG06010')).toBeDefined();
  });
});

describe('existing cases keep their rule', () => {
  it('an edit does not move an open case’s deadline but applies to the next report', async () => {
    const before = (await report('CG06036')).json();
    const { rule } = await node('CG06036');
    expect(rule!.limits).toMatchObject({ accept: { hours: 0.5 } });
    const edited = await edit('CG06036', {
      version: 1,
      name: '乱堆杂物',
      rule: { ...rule, limits: { ...(rule!.limits as object), accept: { workingDays: 2 } } },
    });
    expect(edited.statusCode).toBe(200);

    const still = (await worker({ method: 'GET', url: `/api/events/${before.id}` })).json();
    expect(still.stageDueAt).toBe(before.stageDueAt);
    const after = (await report('CG06036')).json();
    expect(new Date(after.stageDueAt).getTime() - new Date(before.stageDueAt).getTime()).toBeGreaterThan(86_400_000);
  });
});
