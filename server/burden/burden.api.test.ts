import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
interface Settings {
  countyCode: string;
  items: { key: string; value: boolean | number; own: boolean; version: number }[];
  notOffered: string[];
}
const AUDIT = '/api/access/audit?action=setting.changed';

let t: TestApp;
let county: Request;
let worker: Request;
beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
}, 60_000);
afterAll(() => t.close());

const settings = async (request: Request, query = '') =>
  (await request({ method: 'GET', url: `/api/settings/field${query}` })).json<Settings>();
const put = (request: Request, key: string, payload: Record<string, unknown>) =>
  request({ method: 'PUT', url: `/api/settings/field/${key}`, payload });

describe('field settings: who may', () => {
  it('not signed in: 401; wrong role: a grid worker reads them but may not change them', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/settings/field' })).statusCode).toBe(401);
    expect((await settings(worker)).countyCode).toBe(FIXTURE.county);
    expect((await put(worker, 'zero_report', { value: true, version: 0 })).statusCode).toBe(403);
  });

  it('out of jurisdiction: another county’s centre may not change this county’s settings', async () => {
    const other = (await t.as(['county_center'], [FIXTURE.otherCounty])).request;
    const res = await put(other, 'zero_report', { value: true, version: 0, county: FIXTURE.county });
    expect([res.statusCode, res.json().code]).toEqual([400, 'setting.not_county']);
    expect((await settings(worker)).items.find((i) => i.key === 'zero_report')!.value).toBe(false);
  });
});

describe('field settings: off by default, changed by the county, audited', () => {
  it('starts with every switch off and says what is not offered at all', async () => {
    const s = await settings(county);
    expect(s.items.filter((i) => typeof i.value === 'boolean').every((i) => i.value === false && !i.own)).toBe(true);
    expect(s.notOffered).toEqual(['check_in', 'photo_quota', 'points', 'online_time']);
  });

  it('turns a switch on on the version read, refuses a stale version and a bad value without changing anything, and audits the change', async () => {
    const on = await put(county, 'zero_report', { value: true, version: 0 });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json<Settings>().items.find((i) => i.key === 'zero_report')).toMatchObject({ value: true, own: true, version: 1 });
    const stale = await put(county, 'zero_report', { value: false, version: 0 });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'setting.changed']);
    const bad = await put(county, 'patrol_track_days', { value: 400, version: 0 });
    expect([bad.statusCode, bad.json().code, bad.json().details[0].field]).toEqual([400, 'setting.value_invalid', 'value']);
    expect((await put(county, 'zero_report', { value: 3, version: 1 })).json().code).toBe('setting.value_invalid');
    expect((await put(county, 'check_in', { value: true, version: 0 })).json().code).toBe('setting.unknown');
    const now = await settings(worker);
    expect(now.items.find((i) => i.key === 'zero_report')!.value).toBe(true); // the worker's phone reads it
    expect(now.items.find((i) => i.key === 'patrol_track_days')!.value).toBe(7);

    const auditor = (await t.as(['audit_admin'], [FIXTURE.city])).request;
    const entries = (await auditor({ method: 'GET', url: AUDIT })).json<{ items: { target: string; detail: unknown }[] }>().items;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ target: FIXTURE.county, detail: { key: 'zero_report', from: false, to: true } });
  });
});

describe('entry times: the worker’s own figure for the week', () => {
  const entry = (key: string, openedAt: Date, seconds: number, kind = 'report') => ({
    kind,
    key,
    openedAt: openedAt.toISOString(),
    submittedAt: new Date(openedAt.getTime() + seconds * 1000).toISOString(),
  });

  it('keeps each entry once, refuses an impossible time, and sums this China week only', async () => {
    const now = t.clock();
    const post = (body: ReturnType<typeof entry>) => worker({ method: 'POST', url: '/api/burden/entries', payload: body });
    expect((await post(entry('r-1', now, 70))).json()).toEqual({ seconds: 70 });
    expect((await post(entry('r-1', now, 70))).statusCode).toBe(200); // resent: still one entry
    await post(entry('v-1', now, 95, 'visit'));
    await post(entry('old', new Date(now.getTime() - 7 * 86_400_000), 300)); // last week
    const bad = await post(entry('r-2', now, -5));
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'entry_time.invalid']);

    const week = (await worker({ method: 'GET', url: '/api/burden/mine' })).json();
    expect(week).toMatchObject({ entries: 2, seconds: 165 });
    expect(week.byKind).toEqual([
      { kind: 'report', entries: 1, seconds: 70 },
      { kind: 'visit', entries: 1, seconds: 95 },
    ]);
    // Only the worker's own: another worker's week is empty.
    const other = (await t.as(['grid_worker'], [FIXTURE.grids[1]])).request;
    expect((await other({ method: 'GET', url: '/api/burden/mine' })).json()).toMatchObject({ entries: 0, seconds: 0 });
  });
});
