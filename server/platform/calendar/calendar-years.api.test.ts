import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { multipartFile } from '../../testing/multipart.ts';
import { queryRows } from '../db.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const DAY = 86_400_000;
const at = (local: string) => new Date(`${local}:00+08:00`).toISOString();

// 2027's 元旦 as the console or a file would enter it (the test needs no more of the notice).
const NEW_YEAR = ['2027-01-01', '2027-01-02', '2027-01-03'].map((day) => ({ day, kind: 'holiday', name: '元旦' }));
const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//gezhi test//holidays//CN',
  'BEGIN:VEVENT',
  'UID:2027-new-year',
  'DTSTART;VALUE=DATE:20270101',
  'DTEND;VALUE=DATE:20270104',
  'SUMMARY:元旦',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2026-national-day',
  'DTSTART;VALUE=DATE:20261001',
  'DTEND;VALUE=DATE:20261008',
  'SUMMARY:国庆节',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

let t: TestApp;
let city: Request;
let county: Request;
let worker: Request;
let township: Request;
let dept: Request;
let photo: string;
let caseId: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.db.execute(
    sql`insert into department (code, name, area_code) values ('YM-CG', '云梦县城市管理执法局', '420923'), ('YM-SW', '云梦县水利和湖泊局', '420923')`,
  );
  await signInAll();
  photo = (await worker({ method: 'POST', url: '/api/files/photos', ...multipartFile(PNG, 'p.png', 'image/png') })).json().key;
});
afterAll(() => t.close());

/** Fresh sessions: moving the clock by weeks outlives the ones signed in before. */
async function signInAll() {
  city = (await t.as(['city_center'], [FIXTURE.city])).request;
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
  township = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
  dept = (await t.as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-CG' })).request;
}

const get = (request: Request, url: string) => request({ method: 'GET', url }).then((r) => r.json());
const coverage = () => get(city, '/api/calendar/coverage');
const theCase = () => get(township, `/api/events/${caseId}`);
const explain = (from: string, to: string) =>
  city({ method: 'GET', url: `/api/calendar/explain?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}` });

/** Reports and dispatches a 20-working-day case now; its handling deadline. */
async function dispatchedCase(): Promise<{ id: string; dueAt: string }> {
  const created = (
    await worker({
      method: 'POST',
      url: '/api/events',
      payload: { itemCode: 'CG06001', lng: 113.01, lat: 31.01, description: '违章搭建', photos: [photo] },
    })
  ).json();
  const act = (body: Record<string, unknown>) =>
    township({ method: 'POST', url: `/api/events/${created.id}/actions`, payload: body }).then((r) => r.json());
  const accepted = await act({ action: 'accept', version: 1 });
  const dispatched = await act({ action: 'dispatch', version: accepted.version, targetUnit: 'YM-CG', coUnits: ['YM-SW'] });
  return { id: created.id, dueAt: dispatched.dueAt };
}

describe('entering a year the holiday data does not cover', () => {
  it('not signed in: 401; a role that may not configure: 403 (the calendar is city-wide, so there is no jurisdiction to be outside of)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/coverage' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'PUT', url: '/api/calendar/years/2027', payload: { days: NEW_YEAR } })).statusCode).toBe(401);
    expect((await county({ method: 'PUT', url: '/api/calendar/years/2027', payload: { days: NEW_YEAR } })).statusCode).toBe(403);
    expect((await worker({ method: 'POST', url: '/api/calendar/years/2027/ics', payload: { ics: ICS } })).statusCode).toBe(403);
    expect((await worker({ method: 'GET', url: '/api/calendar/years/2027' })).statusCode).toBe(403);
    expect((await worker({ method: 'GET', url: '/api/calendar/coverage' })).statusCode).toBe(403);
    // Anyone who reads cases may have a deadline explained.
    const explained = await worker({
      method: 'GET',
      url: '/api/calendar/explain?from=2026-11-02T09:00:00%2B08:00&to=2026-11-09T17:30:00%2B08:00',
    });
    expect(explained.statusCode).toBe(200);
  });

  it('warns 60 days before 2027, and a deadline counted into it is provisional, 元旦 counted as a working day', async () => {
    t.advance(-DAY); // Sunday 1 November 2026: 61 days before
    expect((await coverage()).warning).toBeNull();
    t.advance(DAY); // Monday 2 November: 60 days before
    const c = await coverage();
    expect(c).toMatchObject({ warningDays: 60, warning: { code: 'calendar.year_not_covered', year: 2027, daysLeft: 60 } });
    expect(c.years.at(-1)).toEqual({ year: 2026, source: 'official', enteredBy: null, enteredAt: null });

    t.advance(43 * DAY); // Tuesday 15 December 2026, 09:00
    await signInAll();
    const dispatched = await dispatchedCase();
    caseId = dispatched.id;
    // Dec 16–31: 12 working days; then 2027 by the week alone: Jan 1 (!), 4–8, 11, 12.
    expect(dispatched.dueAt).toBe(at('2027-01-12T17:30'));
    expect((await coverage()).provisionalDeadlines).toBe(1);
    const e = (await explain(at('2026-12-15T09:00'), dispatched.dueAt)).json();
    expect(e).toMatchObject({ provisional: true, uncoveredYears: [2027], workingDays: 20 });
    expect(e.skipped.find((d: { day: string }) => d.day === '2027-01-01')).toBeUndefined();
  });

  it('refuses a malformed file with its line, and a year the package covers; nothing changes', async () => {
    const bad = await city({ method: 'POST', url: '/api/calendar/years/2027/ics', payload: { ics: ICS.replace('20270104', '2027x104') } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'calendar.ics_invalid', details: [{ field: 'body.ics', line: 7, reason: 'syntax' }] });
    const official = await city({ method: 'PUT', url: '/api/calendar/years/2026', payload: { days: NEW_YEAR } });
    expect(official.statusCode).toBe(409);
    expect(official.json()).toMatchObject({ code: 'calendar.year_official', details: [{ field: 'params.year' }] });
    const misplaced = await city({
      method: 'PUT',
      url: '/api/calendar/years/2027',
      payload: {
        days: [
          NEW_YEAR[0],
          { day: '2028-01-01', kind: 'holiday', name: '元旦' },
          NEW_YEAR[0],
          { day: '2027-02-30', kind: 'holiday', name: null },
        ],
      },
    });
    expect(misplaced.statusCode).toBe(400);
    expect(misplaced.json().details).toEqual([
      { field: 'body.days[1].day', reason: 'other_year', value: '2028-01-01', year: 2027 },
      { field: 'body.days[2].day', reason: 'duplicate', value: '2027-01-01' },
      { field: 'body.days[3].day', reason: 'date', value: '2027-02-30' },
    ]);
    const unknownKind = await city({
      method: 'PUT',
      url: '/api/calendar/years/2027',
      payload: { days: [{ ...NEW_YEAR[0], kind: 'weekend' }] },
    });
    expect(unknownKind.json().details[0].field).toMatch(/^body\.days\/?\.?\[?0\]?/);

    const preview = (await city({ method: 'POST', url: '/api/calendar/years/2027/ics', payload: { ics: ICS, dryRun: true } })).json();
    expect(preview).toMatchObject({ saved: false, covered: false, otherYears: 7, days: NEW_YEAR });

    expect(await get(city, '/api/calendar/years/2027')).toMatchObject({ covered: false, source: null, days: [] });
    expect((await theCase()).dueAt).toBe(at('2027-01-12T17:30'));
    const audited = await queryRows<{ action: string }>(t.db, sql`select action from audit_log where action like 'calendar.%'`);
    expect(audited).toEqual([]);
  });

  it('importing the file covers 2027 and moves the open deadline past 元旦, with a step in the case history', async () => {
    const before = await theCase();
    const res = await city({ method: 'POST', url: '/api/calendar/years/2027/ics', payload: { ics: ICS, note: '国办发明电' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2027, covered: true, source: 'ics', saved: true, recomputed: 1, note: '国办发明电' });

    const after = await theCase();
    expect(after.dueAt).toBe(at('2027-01-13T17:30'));
    // Counted past the covered years it was provisional; counted on the entered year it is not.
    expect(before.provisional).toBe(true);
    expect(after.provisional).toBe(false);
    // The co-handler's own part moves with it; the sign window, in 2026, stays.
    expect(before.coParts).toMatchObject([{ unit: 'YM-SW', dueAt: at('2027-01-12T17:30') }]);
    expect(after.coParts).toMatchObject([{ unit: 'YM-SW', dueAt: at('2027-01-13T17:30') }]);
    expect(after.stageDueAt).toBe(before.stageDueAt);
    expect(after.version).toBe(before.version + 1);
    expect(after.history.at(-1)).toMatchObject({
      action: 'deadline_recomputed',
      fromStatus: before.status,
      toStatus: before.status,
      data: {
        year: 2027,
        dueAt: { before: at('2027-01-12T17:30'), after: at('2027-01-13T17:30') },
        coParts: [{ unit: 'YM-SW', before: at('2027-01-12T17:30'), after: at('2027-01-13T17:30') }],
      },
    });
    // A step sent with the version read before the recompute is refused, so it cannot write the old deadline back.
    const sign = (version: number) => dept({ method: 'POST', url: `/api/events/${caseId}/actions`, payload: { action: 'sign', version } });
    expect((await sign(before.version)).json()).toMatchObject({ code: 'event.changed' });
    expect((await sign(after.version)).json()).toMatchObject({ status: 'signed', dueAt: at('2027-01-13T17:30') });

    const c = await coverage();
    expect(c).toMatchObject({ warning: null, provisionalDeadlines: 0 });
    expect(c.years.at(-1)).toMatchObject({ year: 2027, source: 'ics' });
    const e = (await explain(at('2026-12-15T09:00'), after.dueAt)).json();
    expect(e).toMatchObject({ provisional: false, uncoveredYears: [], workingDays: 20 });
    expect(e.skipped.filter((d: { day: string }) => d.day >= '2027-01-01' && d.day <= '2027-01-03')).toEqual([
      { day: '2027-01-01', reason: 'holiday', source: 'entered', name: '元旦', weekend: false, covered: true },
      { day: '2027-01-02', reason: 'holiday', source: 'entered', name: '元旦', weekend: true, covered: true },
      { day: '2027-01-03', reason: 'holiday', source: 'entered', name: '元旦', weekend: true, covered: true },
    ]);
  });

  it('entering the year again moves deadlines again; dropping it restores the week-only count and the warning', async () => {
    const corrected = [...NEW_YEAR, { day: '2027-01-04', kind: 'holiday', name: '元旦' }];
    const res = await city({ method: 'PUT', url: '/api/calendar/years/2027', payload: { days: corrected } });
    expect(res.json()).toMatchObject({ source: 'console', recomputed: 1, days: corrected });
    expect((await theCase()).dueAt).toBe(at('2027-01-14T17:30'));

    const dropped = await city({ method: 'DELETE', url: '/api/calendar/years/2027' });
    expect(dropped.json()).toEqual({ recomputed: 1 });
    expect((await theCase()).dueAt).toBe(at('2027-01-12T17:30'));
    expect((await coverage()).warning).toMatchObject({ year: 2027, daysLeft: 17 });
    expect((await city({ method: 'DELETE', url: '/api/calendar/years/2027' })).statusCode).toBe(404);

    const audited = await queryRows<{ action: string; target: string }>(
      t.db,
      sql`select action, target from audit_log where action like 'calendar.%' order by id`,
    );
    expect(audited).toEqual([
      { action: 'calendar.enter_year', target: '2027' },
      { action: 'calendar.enter_year', target: '2027' },
      { action: 'calendar.remove_year', target: '2027' },
    ]);
  });

  it('explains only a forward span of at most two years, naming the field', async () => {
    const backwards = await explain(at('2026-12-15T09:00'), at('2026-12-01T09:00'));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({
      code: 'calendar.range_invalid',
      details: [{ field: 'querystring.to', reason: 'before_from' }],
    });
    expect((await explain(at('2026-01-01T09:00'), at('2029-01-01T09:00'))).json().details[0]).toMatchObject({ reason: 'too_long' });
    const missing = await city({ method: 'GET', url: '/api/calendar/explain?to=2027-01-01T00:00:00Z' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details[0].field).toMatch(/from/);
  });
});
