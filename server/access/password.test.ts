import { describe, expect, it } from 'vitest';
import { loadConfig, PRODUCTION_PASSWORD_COST } from '../platform/config.ts';
import { hashPassword, verifyPassword } from './password.ts';

// The tests hash at a lower cost (TEST_PASSWORD_COST in server/testing/harness.ts); this is the one that runs in production.
describe('password hashing in production', () => {
  it('is argon2id at the recommended cost: 19 MiB, two passes, one lane', async () => {
    expect(loadConfig({}).passwordCost).toEqual({ memoryKiB: 19_456, passes: 2, lanes: 1 });
    expect(PRODUCTION_PASSWORD_COST).toEqual(loadConfig({}).passwordCost);
    const hash = await hashPassword('Test2026pass', loadConfig({}).passwordCost);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'Test2026pass')).toBe(true);
    expect(await verifyPassword(hash, 'Test2026pasS')).toBe(false);
  });
});
