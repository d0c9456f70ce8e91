import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/index.ts';
import { loadConfig, PRODUCTION_PASSWORD_COST } from '../platform/config.ts';
import { TEST_PASSWORD } from '../testing/harness.ts';
import { hashPassword, isCommonPassword, passwordProblem, verifyPassword } from './password.ts';

describe('password policy', () => {
  it('refuses common passwords, their leet spellings and a common word with digits after it', () => {
    for (const p of [
      'password1',
      'Password1',
      'qwerty123',
      '1qaz2wsx',
      'woaini1314',
      'P@ssw0rd',
      'dragon2026',
      'Abc123456',
      'a123456789',
    ]) {
      expect(passwordProblem(p, 'someone'), p).toBe('auth.password_common');
    }
  });

  it('refuses the user name, or a password containing it, case ignored', () => {
    expect(passwordProblem('Zhangsan2026', 'zhangsan')).toBe('auth.password_has_username');
    expect(passwordProblem('ab12cd34', 'AB12CD34')).toBe('auth.password_has_username');
    expect(passwordProblem('Xy7-longer-pass', 'xy')).toBeNull(); // a two-letter name is not looked for inside
  });

  it('keeps the old rule: 8 characters, letters and digits', () => {
    expect(passwordProblem('short1', 'u')).toBe('auth.password_too_weak');
    expect(passwordProblem('onlyletters', 'u')).toBe('auth.password_too_weak');
  });

  it('accepts the test and demo passwords and ordinary good ones', () => {
    expect(passwordProblem(TEST_PASSWORD, 'user1')).toBeNull();
    expect(passwordProblem(DEMO_PASSWORD, 'admin')).toBeNull();
    expect(passwordProblem('Handler2026', 'handler1')).toBeNull();
    expect(isCommonPassword('Yunmeng-grid-7731')).toBe(false);
  });
});

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
