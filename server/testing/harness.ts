import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { createDiskFileStore } from '../files/index.ts';
import type { Clock } from '../platform/clock.ts';
import { type Config, loadConfig } from '../platform/config.ts';
import { seedTerritory } from './fixtures.ts';
import { openTestDatabase } from './test-database.ts';
import { TEST_FIELD_KEYS, TEST_PASSWORD, TEST_PASSWORD_COST } from './test-secrets.ts';

export { TEST_FIELD_KEYS, TEST_PASSWORD, TEST_PASSWORD_COST };

/** A composed app on a fresh database with the fixture territory, a movable clock, and helpers to sign in. */
export async function createTestApp(overrides: Partial<Config> = {}) {
  const database = await openTestDatabase();
  let now = new Date('2026-11-02T09:00:00+08:00');
  const clock: Clock = () => now;
  const config = loadConfig(
    {},
    {
      logLevel: 'silent',
      lockout: { attempts: 3, minutes: 15 },
      fieldKeys: TEST_FIELD_KEYS,
      passwordCost: TEST_PASSWORD_COST,
      // Tests move the clock by hours between one step and the next: a session lasts to its absolute limit unless a
      // test asks for the idle limit (server/access/sessions.api.test.ts).
      session: { idleMinutes: 12 * 60, maxHours: 12 },
      // The tests' webhook receivers and hotline simulator listen on 127.0.0.1 (server/webhooks/ssrf.api.test.ts turns this off).
      webhookAllowPrivate: true,
      ...overrides,
    },
  );
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-files-'));
  const { app, services } = await buildApp({ config, database, clock, files: createDiskFileStore(filesDir) });
  await seedTerritory(database.db);
  let serial = 0;

  /**
   * An account as the setup makes it. Administrators sign in without a second factor unless `secondFactorExempt`
   * is false (the tests of two-factor sign-in), as the demo's do.
   */
  async function buildUser({
    secondFactorExempt = true,
    ...overrides
  }: {
    roles: string[];
    areaCodes: string[];
    departmentCode?: string;
    username?: string;
    phone?: string;
    secondFactorExempt?: boolean;
  }) {
    const username = overrides.username ?? `user${++serial}`;
    return services.access.createUser(
      null,
      { displayName: username, password: TEST_PASSWORD, ...overrides, username },
      { secondFactorExempt },
    );
  }

  /** Signs in and returns a request function carrying the session cookie. */
  async function signIn(username: string, password = TEST_PASSWORD) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.body}`);
    const cookie = String(res.cookies.find((c) => c.name === 'gezhi_sid')!.value);
    return (opts: InjectOptions): Promise<LightMyRequestResponse> =>
      app.inject({ ...opts, cookies: { gezhi_sid: cookie, ...(opts.cookies ?? {}) } }) as Promise<LightMyRequestResponse>;
  }

  /** A signed-in user with the given roles and bindings. */
  async function as(roles: string[], areaCodes: string[], extra: { departmentCode?: string } = {}) {
    const user = await buildUser({ roles, areaCodes, ...extra });
    return { user, request: await signIn(user.username) };
  }

  return {
    app,
    db: database.db,
    services,
    buildUser,
    signIn,
    as,
    clock,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
