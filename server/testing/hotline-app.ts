import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { FIXTURE } from './fixtures.ts';
import { createTestApp, type TestApp } from './harness.ts';
import { multipartFile } from './multipart.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** The accounts a hotline test acts as: administrators, the county's and two townships' centres, a worker, a department. */
export type HotlineUsers = Record<'admin' | 'security' | 'county' | 'township' | 'otherTownship' | 'worker' | 'dept', Request>;

/**
 * What the 12345 hotline's API tests stand on: an app with the county's city-management department (YM-CG), the
 * accounts above, a worker's photo, a key the security admin issued for the hotline interface, and the hotline's
 * simulator (a signed webhook receiver) on the app's clock. `close` stops both.
 */
export async function createHotlineTestApp() {
  const t = await createTestApp();
  await t.db.execute(sql`insert into department (code, name, area_code) values ('YM-CG', '云梦县城市管理执法局', '420923')`);
  const as = async (roles: string[], areas: string[], opts?: { departmentCode: string }) => (await t.as(roles, areas, opts)).request;
  const u: HotlineUsers = {
    admin: await as(['system_admin'], [FIXTURE.city]),
    // The API keys are the security admin's (interfaces.keys); subscriptions the system admin's.
    security: await as(['security_admin'], [FIXTURE.city]),
    county: await as(['county_center'], [FIXTURE.county]),
    township: await as(['township_center'], [FIXTURE.townships[0]]),
    otherTownship: await as(['township_center'], [FIXTURE.townships[1]]),
    worker: await as(['grid_worker'], [FIXTURE.grids[0]]),
    dept: await as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-CG' }),
  };
  const photo: string = (await u.worker({ method: 'POST', url: '/api/files/photos', ...multipartFile(PNG, 'p.png', 'image/png') })).json()
    .key;

  /** A county API key (Open311's own, or for the interfaces named), as the security admin issues it. */
  async function issueKey(interfaces?: string[]) {
    const res = await u.security({
      method: 'POST',
      url: '/api/open311/clients',
      payload: { name: '云梦县 12345 热线', countyCode: FIXTURE.county, ...(interfaces ? { interfaces } : {}) },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ apiKey: string; interfaces: string[] }>();
  }

  const hotline = await issueKey(['hotline']);
  const sim: WebhookReceiver = await startWebhookReceiver({ now: t.clock });

  /** The system admin subscribes the simulator, for the hotline, to these kinds; it trusts the secret it is given. */
  async function subscribe(kinds: string[]) {
    const res = await u.admin({
      method: 'POST',
      url: '/api/webhooks/subscriptions',
      payload: { name: '12345 热线平台', url: sim.url, areaCode: FIXTURE.county, kinds, algorithm: 'hmac-sm3', purpose: 'hotline' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const sub = res.json<{ id: string; secret: string; purpose: string }>();
    sim.trust(sub.secret, 'hmac-sm3');
    return sub;
  }
  return {
    t,
    u,
    sim,
    photo,
    hotlineKey: hotline.apiKey,
    hotlineInterfaces: hotline.interfaces,
    issueKey,
    subscribe,
    async close() {
      await sim.close();
      await t.close();
    },
  };
}

export type HotlineTestApp = Awaited<ReturnType<typeof createHotlineTestApp>>;

/**
 * The hotline test app of one test file, built before its tests and closed after them: what it holds is there from
 * the first test on (`const h = hotlineTestApp()`, then `h.t`, `h.u.county`, `h.hotlineKey` …).
 */
export function hotlineTestApp(): HotlineTestApp {
  const holder = {} as HotlineTestApp;
  beforeAll(async () => {
    Object.assign(holder, await createHotlineTestApp());
  });
  afterAll(() => holder.close());
  return holder;
}
