import { defineConfig } from 'vitest/config';
import { testDatabaseUrl } from './server/platform/config.ts';
import { PROJECTS } from './server/testing/global-setup.ts';

/** The server's tests and the console's own: everything but the browser journeys. */
const SERVER_TESTS = ['server/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/shared/**/*.test.ts', 'tests/web/**/*.test.ts'];
/** Tests that touch no database (pure functions): once a run is enough. */
const PURE_TESTS = ['**/*.core.test.ts', 'tests/shared/**', 'tests/web/**'];

export default defineConfig({
  test: {
    pool: 'forks',
    // Two test files at a time even on two cores (vitest's default there is one): a file spends much of its time
    // waiting on PGlite, PostgreSQL or Chromium, and the browser journeys wait for what they read, so they share well.
    maxWorkers: 2,
    minWorkers: 1,
    // A worker runs file after file in one process, loading the server's modules once instead of once per file
    // (16 small API files: 5m44 -> 2m52). Every file opens its own app and database and closes them; nothing a
    // test relies on lives in module state.
    isolate: false,
    // Migrates one database per project and run; each test file copies it instead of starting PGlite and migrating.
    globalSetup: ['server/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One run, every test once: the server's tests on PGlite, the browser journeys, and — when TEST_DATABASE_URL
    // names a PostgreSQL server — every server test that touches a database again on PostgreSQL (the pure ones would
    // only repeat themselves). Which database each project uses: global-setup.ts.
    projects: [
      { extends: true, test: { name: PROJECTS.server, include: SERVER_TESTS } },
      { extends: true, test: { name: PROJECTS.browser, include: ['tests/browser/**/*.browser.test.ts'] } },
      ...(testDatabaseUrl()
        ? [{ extends: true, test: { name: PROJECTS.serverOnPostgres, include: SERVER_TESTS, exclude: PURE_TESTS } }]
        : []),
    ],
  },
});
