import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/index.ts';
import { TEST_PASSWORD } from '../testing/harness.ts';
import { isCommonPassword, passwordProblem } from './password.ts';

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
