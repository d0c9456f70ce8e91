import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import {
  acceptedStep,
  groupedSecret,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  pendingStepOf,
  totpUri,
} from './two-factor.core.ts';

const at = new Date('2026-12-02T09:00:10Z');
const code = (secret: string, when: Date) => generate({ secret, epoch: Math.floor(when.getTime() / 1000) });

describe('TOTP', () => {
  it('accepts the current code and the neighbouring steps, not older ones, and not the same step twice', async () => {
    const secret = newTotpSecret();
    const step = await acceptedStep(secret, await code(secret, at), at, null);
    expect(step).toBe(Math.floor(at.getTime() / 30_000));
    expect(await acceptedStep(secret, await code(secret, new Date(at.getTime() - 30_000)), at, null)).toBe(step! - 1);
    expect(await acceptedStep(secret, await code(secret, new Date(at.getTime() - 90_000)), at, null)).toBeNull();
    expect(await acceptedStep(secret, await code(secret, at), at, step)).toBeNull(); // replay
    expect(await acceptedStep(secret, '000000', at, null)).toBeNull();
    // Not a code at all (the fuzz test found a blank one answering 500): simply wrong.
    for (const typed of [' ', '', '12345', '1234567', 'abcdef', '12 34 5x']) expect(await acceptedStep(secret, typed, at, null)).toBeNull();
  });

  it('an otpauth URI names the issuer and the account; the secret reads in groups of four', () => {
    const uri = totpUri('zhang', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(uri).toMatch(/^otpauth:\/\/totp\/.*zhang\?/);
    expect(uri).toContain('secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(groupedSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
  });
});

describe('recovery codes', () => {
  it('ten different codes, typed loosely still the same', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    expect(codes[0]).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(normalizeRecoveryCode(` ${codes[0].toUpperCase().replace(/-/g, ' ')} `)).toBe(normalizeRecoveryCode(codes[0]));
  });
});

describe('what must come first', () => {
  const user = { mustChangePassword: false, totpSecret: null, roles: ['county_center'], secondFactorExempt: false };
  it('a password someone else chose, then an administrator’s enrolment; others nothing', () => {
    expect(pendingStepOf(user)).toBeNull();
    expect(pendingStepOf({ ...user, roles: ['audit_admin'] })).toBe('totp_enrolment');
    expect(pendingStepOf({ ...user, roles: ['audit_admin'], mustChangePassword: true })).toBe('password_change');
    expect(pendingStepOf({ ...user, roles: ['audit_admin'], totpSecret: 'v1.x' })).toBeNull();
    expect(pendingStepOf({ ...user, roles: ['system_admin'], secondFactorExempt: true })).toBeNull();
  });
});
