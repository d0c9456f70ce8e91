import crypto from 'node:crypto';
import pg from 'pg';

/** A database name no other test file or concurrent run will pick. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
}

/** The server's URL with the database swapped for `name`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * pool.end() resolves once its clients are told to end, not once their backends are gone. A template with a
 * backend still attached cannot be copied, and forcing a drop under a closing client makes it raise an uncaught
 * "terminating connection": wait for them to go first.
 */
async function waitForNoBackends(admin: pg.Client, name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
    if (rows[0].n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Creates `name`, empty or as a copy of `template` (names come from uniqueDatabaseName, never from input). */
export function createDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  return withAdmin(adminUrl, async (admin) => {
    if (template) await waitForNoBackends(admin, template);
    await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  });
}

export function dropDatabase(adminUrl: string, name: string): Promise<void> {
  return withAdmin(adminUrl, async (admin) => {
    await waitForNoBackends(admin, name);
    await admin.query(`drop database if exists ${name} with (force)`);
  });
}
