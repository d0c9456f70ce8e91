import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { multipartFile } from '../../testing/multipart.ts';
import { DEFAULT_WARNING_RULES } from '../loop/deadlines.core.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const RED_AT_ONCE = [{ colour: 'red', anyOf: [{ minOverdueWorkingDays: 1 }], sanction: 'warning.year_end_account' }];

let t: TestApp;
let city: Request;
let county: Request;
let otherTownship: Request;
let caseId: string;
beforeAll(async () => {
  t = await createTestApp();
  city = (await t.as(['city_center'], [FIXTURE.city])).request;
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  otherTownship = (await t.as(['township_center'], [FIXTURE.townships[1]])).request;
  await t.as(['township_center'], [FIXTURE.townships[0]]); // a centre to own the case: with none, the county would (intake/accepting-owner.ts)
  const worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
  const photo = (await worker({ method: 'POST', url: '/api/files/photos', ...multipartFile(PNG, 'p.png', 'image/png') })).json().key;
  caseId = (
    await worker({
      method: 'POST',
      url: '/api/events',
      payload: { itemCode: 'CG06010', lng: 113.01, lat: 31.01, description: '垃圾', photos: [photo] },
    })
  ).json().id;
  t.advance(3_600_000); // the 0.5-hour accept limit has passed: overdue by one working day as people count it
});
afterAll(() => t.close());

const rules = (request: Request) => request({ method: 'GET', url: '/api/warnings/rules' }).then((r) => r.json());
const put = (request: Request, body: Record<string, unknown>) => request({ method: 'PUT', url: '/api/warnings/rules', payload: body });
const warningOf = async () => (await city({ method: 'GET', url: `/api/events/${caseId}` })).json().warning;

describe('the warning rule table', () => {
  it('is the defaults until a city saves its own', async () => {
    expect(await rules(county)).toMatchObject({ isDefault: true, rules: DEFAULT_WARNING_RULES, updatedBy: null });
    expect(await warningOf()).toBe('blue');
  });

  it('only the city centre and the system administrator may change it', async () => {
    const res = await put(county, { rules: RED_AT_ONCE });
    expect(res.statusCode).toBe(403);
    expect((await rules(county)).isDefault).toBe(true);
  });

  it.each([
    [{ rules: [{ ...RED_AT_ONCE[0], colour: 'orange' }] }, 'body.rules.0.colour'],
    [{ rules: [{ ...RED_AT_ONCE[0], anyOf: [{ minOverdueWorkingDays: -1 }] }] }, 'body.rules.0.anyOf.0.minOverdueWorkingDays'],
    [{ rules: [{ ...RED_AT_ONCE[0], anyOf: [{ minSeverity: 'huge' }] }] }, 'body.rules.0.anyOf.0.minSeverity'],
    [{ rules: [{ ...RED_AT_ONCE[0], anyOf: [{ minEscalations: 1.5 }] }] }, 'body.rules.0.anyOf.0.minEscalations'],
    [{ rules: [{ ...RED_AT_ONCE[0], anyOf: [] }] }, 'body.rules.0.anyOf'],
    [{ rules: [{ ...RED_AT_ONCE[0], sanction: 'warning.firing_squad' }] }, 'body.rules.0.sanction'],
  ])('refuses %j naming the field, and changes nothing', async (body, field) => {
    const res = await put(city, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
    expect((await rules(city)).isDefault).toBe(true);
  });

  it('refuses a colour given twice and a condition that always holds', async () => {
    const res = await put(city, { rules: [RED_AT_ONCE[0], { ...RED_AT_ONCE[0], anyOf: [{ minRepeats: 2 }, {}] }] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'warning.rules_invalid',
      details: [
        { field: 'body.rules.1.colour', reason: 'duplicate' },
        { field: 'body.rules.1.anyOf.1', reason: 'empty_condition' },
      ],
    });
    expect((await rules(city)).isDefault).toBe(true);
  });

  it('a saved table applies to the light of every case at once; an empty one restores the defaults', async () => {
    const saved = await put(city, { rules: RED_AT_ONCE });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, rules: RED_AT_ONCE });
    expect(await warningOf()).toBe('red');
    expect((await put(city, { rules: [] })).json().isDefault).toBe(true);
    expect(await warningOf()).toBe('blue');
  });
});

describe('the monthly tally', () => {
  it('counts the colours each unit earned in the month, with the measure of its worst, within the caller’s jurisdiction', async () => {
    await t.services.sweep(); // blue under the defaults
    await put(city, { rules: RED_AT_ONCE });
    await t.services.sweep(); // red under the city's own table
    const tally = (await city({ method: 'GET', url: '/api/warnings/tally?month=2026-11' })).json();
    expect(tally).toEqual({
      month: '2026-11',
      units: [
        {
          unitCode: FIXTURE.townships[0],
          unitName: expect.any(String),
          counts: { blue: 1, red: 1 },
          total: 2,
          worst: 'red',
          sanction: 'warning.year_end_account',
        },
      ],
    });
    expect((await city({ method: 'GET', url: '/api/warnings/tally?month=2026-10' })).json().units).toEqual([]);
    expect((await otherTownship({ method: 'GET', url: '/api/warnings/tally?month=2026-11' })).json().units).toEqual([]);
  });

  it('a month that is not YYYY-MM is refused naming the field', async () => {
    const res = await city({ method: 'GET', url: '/api/warnings/tally?month=2026-13' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('querystring.month');
    const [{ n }] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from unit_warning`);
    expect(n).toBe(2);
  });
});
