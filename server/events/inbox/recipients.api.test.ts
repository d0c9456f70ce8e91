import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleActor } from '../../access/index.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;

let t: TestApp;
let worker: Request;
beforeAll(async () => {
  t = await createTestApp();
  worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
});
afterAll(() => t.close());

const report = async () => {
  const res = await worker({
    method: 'POST',
    url: '/api/events',
    payload: { itemCode: 'CG06010', lng: 113.01, lat: 31.01, description: '路口垃圾堆放', photos: [] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
};
const toldOf = async (request: Request) =>
  ((await request({ method: 'GET', url: '/api/inbox' })).json() as { items: { eventId: string }[] }).items.map((n) => n.eventId);

// A unit's members are kept a few seconds (unit-members.ts); an account written meanwhile must not wait for that.
describe('the people told of a new case', () => {
  it('include an account given to the unit just after the last report, at once', async () => {
    const first = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
    const a = await report();
    const second = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
    const b = await report();
    expect(await toldOf(first)).toEqual(expect.arrayContaining([a, b]));
    expect(await toldOf(second)).toEqual([b]);
  });

  it('leave out an account taken off the unit just after the last report, at once', async () => {
    const staying = await t.as(['township_center'], [FIXTURE.townships[0]]);
    const leaving = await t.as(['township_center'], [FIXTURE.townships[0]]);
    const a = await report();
    await t.services.access.updateUser(consoleActor, leaving.user.id, { areaCodes: [FIXTURE.townships[1]] });
    const b = await report();
    expect(await toldOf(staying.request)).toEqual(expect.arrayContaining([a, b]));
    expect(await toldOf(leaving.request)).not.toContain(b);
  });
});
