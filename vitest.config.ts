import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'tests/**/*.test.ts'],
    pool: 'forks',
    // Two test files at a time even on two cores (vitest's default there is one): a file spends much of its time
    // waiting on PGlite, PostgreSQL or Chromium, and the browser journeys wait for what they read, so they share well.
    maxWorkers: 2,
    minWorkers: 1,
    // A worker runs file after file in one process, loading the server's modules once instead of once per file
    // (16 small API files: 5m44 -> 2m52). Every file opens its own app and database and closes them; nothing a
    // test relies on lives in module state.
    isolate: false,
    // Migrates one database per run; each test file copies it instead of starting PGlite and migrating again.
    globalSetup: ['server/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
