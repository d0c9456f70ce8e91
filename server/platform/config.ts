import path from 'node:path';

/** All configuration, read once from the environment. Nothing else reads process.env. */
export interface Config {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl: string | null;
  /** Folder for the embedded database and other local data. */
  dataDir: string;
  host: string;
  port: number;
  /** Failed sign-ins in a row that lock an account, and for how long. */
  lockout: { attempts: number; minutes: number };
  sessionHours: number;
  /** Set the Secure flag on the session cookie (behind HTTPS). */
  secureCookies: boolean;
  logLevel: string;
  /** Hex keys sealing sensitive fields (SM4) and keying their search hashes; see platform/field-keys.ts. */
  fieldKeys: { enc: string; hash: string } | null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = path.resolve(env.GEZHI_DATA_DIR ?? 'data');
  return {
    databaseUrl: env.DATABASE_URL || null,
    dataDir,
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    lockout: {
      attempts: Number(env.GEZHI_LOCKOUT_ATTEMPTS ?? 5),
      minutes: Number(env.GEZHI_LOCKOUT_MINUTES ?? 15),
    },
    sessionHours: Number(env.GEZHI_SESSION_HOURS ?? 12),
    secureCookies: env.GEZHI_SECURE_COOKIES === '1',
    logLevel: env.LOG_LEVEL ?? 'warn',
    fieldKeys: env.GEZHI_FIELD_ENC_KEY && env.GEZHI_FIELD_HASH_KEY ? { enc: env.GEZHI_FIELD_ENC_KEY, hash: env.GEZHI_FIELD_HASH_KEY } : null,
    ...overrides,
  };
}

/** Test databases: PGlite in memory by default, PostgreSQL when TEST_DATABASE_URL is set (CI sets it). */
export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.TEST_DATABASE_URL || null;
}
