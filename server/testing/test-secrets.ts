import type { PasswordCost } from '../platform/config.ts';

/**
 * The password, password cost and field keys of test users, the bench and the server tests start, in a file of their own: the bench imports them
 * without the harness, whose database helper imports vitest and fails outside a test run.
 */
export const TEST_PASSWORD = 'Test2026pass';
export const TEST_FIELD_KEYS = {
  enc: '00112233445566778899aabbccddeeff',
  hash: 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100',
};

/**
 * argon2id at its lowest cost: tests create and sign in hundreds of users, and at the production cost (19 MiB,
 * t=2; about 50 ms a hash, 30 ms a check) that alone costs tens of seconds a run. server/access/password.test.ts
 * checks the production cost itself.
 */
export const TEST_PASSWORD_COST: PasswordCost = { memoryKiB: 8, passes: 1, lanes: 1 };
