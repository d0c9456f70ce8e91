import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
// biome-ignore lint/suspicious/noExplicitAny: replies read as JSON
type Json = Record<string, any>;

const [G0, G1, , , G4] = FIXTURE.grids;
const [T0] = FIXTURE.townships;

let t: TestApp;
let county: Request;
let township: Request;
let worker: Request;
let otherCounty: Request;
let ids: { a: string; b: string; far: string; other: string };

const session = (over: Json = {}) => ({
  topic: '入户走访规范',
  heldOn: '2026-10-20',
  hours: 1.5,
  trainer: '王老师',
  attendeeIds: [ids.a, ids.b],
  ...over,
});
const record = (by: Request, payload: Json) => by({ method: 'POST', url: '/api/training/sessions', payload });
const fields = (res: { json(): Json }) => (res.json().details as { field: string; reason: string }[]).map((d) => `${d.field}:${d.reason}`);
const sessions = async () => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from training_session`))[0].n;

beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  township = (await t.as(['township_center'], [T0])).request;
  otherCounty = (await t.as(['county_center'], [FIXTURE.otherCounty])).request;
  const a = await t.as(['grid_worker'], [G0]);
  const b = await t.as(['grid_worker'], [G1]);
  const far = await t.as(['grid_worker'], [G4]);
  const other = await t.as(['township_center'], ['420902001']);
  worker = a.request;
  ids = { a: a.user.id, b: b.user.id, far: far.user.id, other: other.user.id };
}, 120_000);
afterAll(() => t.close());

describe('training: who may', () => {
  it('not signed in: 401; a worker may not record one: 403; another county’s figures: 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/training/sessions' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/training/mine' })).statusCode).toBe(401);
    expect((await record(worker, session())).statusCode).toBe(403);
    const res = await otherCounty({ method: 'GET', url: `/api/training/figures?area=${FIXTURE.county}&from=2026-01-01&to=2026-12-31` });
    expect(res.statusCode).toBe(404);
  });
});

describe('training sessions', () => {
  it('lists the team of the area to pick from, not the accounts outside it', async () => {
    const team = (await township({ method: 'GET', url: '/api/training/team' })).json().items.map((u: Json) => u.id);
    expect(team).toEqual(expect.arrayContaining([ids.a, ids.b]));
    expect(team).not.toContain(ids.far);
    expect(team).not.toContain(ids.other);
  });

  it('refuses a bad session naming each field, and an attendee outside the team by position; nothing is recorded', async () => {
    const before = await sessions();
    const bad = await record(township, session({ topic: ' ', hours: 0.25, heldOn: '2026-12-01', attendeeIds: [] }));
    expect([bad.statusCode, ...fields(bad)]).toEqual([
      400,
      'body.topic:required',
      'body.heldOn:future',
      'body.hours:range',
      'body.attendeeIds:required',
    ]);
    const outsider = await record(township, session({ attendeeIds: [ids.a, ids.far] }));
    expect([outsider.statusCode, ...fields(outsider)]).toEqual([400, 'body.attendeeIds.1:not_in_team']);
    expect(await sessions()).toBe(before);
  });

  it('records a session with its attendees, shows it in each one’s history and in the figures per area', async () => {
    const first = await record(township, session());
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      topic: '入户走访规范',
      hours: 1.5,
      areaCode: T0,
      attendees: expect.arrayContaining([{ id: ids.a, name: expect.any(String) }]),
    });
    expect(
      (await record(county, session({ topic: '矛盾纠纷排查', hours: 2, heldOn: '2026-10-25', attendeeIds: [ids.a, ids.far] }))).statusCode,
    ).toBe(200);
    expect(
      (await record(county, session({ topic: '上一年的培训', hours: 3, heldOn: '2025-12-25', attendeeIds: [ids.b] }))).statusCode,
    ).toBe(200);

    const mine = (await worker({ method: 'GET', url: '/api/training/mine' })).json();
    expect(mine).toMatchObject({ sessions: 2, hours: 3.5 });
    expect(mine.items.map((s: Json) => s.topic)).toEqual(['矛盾纠纷排查', '入户走访规范']);

    const figures = (
      await county({ method: 'GET', url: `/api/training/figures?area=${FIXTURE.county}&from=2026-01-01&to=2026-12-31` })
    ).json();
    expect(figures).toMatchObject({ personTimes: 4, hours: 7 });
    expect(figures.rows.map((r: Json) => [r.code, r.personTimes, r.people, r.hours])).toEqual([
      [T0, 3, 2, 5],
      [FIXTURE.townships[1], 1, 1, 2],
    ]);
    const bad = await county({ method: 'GET', url: '/api/training/figures?from=2026-12-31&to=2026-01-01' });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'training.period_invalid']);
    const badDay = await county({ method: 'GET', url: '/api/training/sessions?from=2026-02-30' });
    expect([badDay.statusCode, ...fields(badDay)]).toEqual([400, 'query.from:date']);
  });

  it('out of jurisdiction: a township sees only its own sessions and only them in a worker’s history', async () => {
    const list = (await township({ method: 'GET', url: '/api/training/sessions' })).json();
    expect(list.items.map((s: Json) => s.topic)).toEqual(['入户走访规范']);
    const history = (await township({ method: 'GET', url: `/api/training/people/${ids.a}` })).json();
    expect(history).toMatchObject({ sessions: 1, hours: 1.5 });
  });
});
