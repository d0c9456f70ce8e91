import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { formatTrackingCode, intakeSource, newTrackingCode, normalizeTrackingCode } from './intake.core.ts';

describe('tracking codes', () => {
  it('lead with the county, carry 12 random characters without look-alikes, and never repeat', () => {
    const codes = Array.from({ length: 2000 }, () => newTrackingCode('420923'));
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^420923[2-9A-HJ-NP-Z]{12}$/);
    // Every character of the alphabet turns up: the mapping from random bytes does not skip any.
    expect(new Set(codes.join('').slice(6)).size).toBeGreaterThanOrEqual(32);
  });

  it('read back as typed: dashes, spaces and lower case; anything else is not a code', () => {
    const code = newTrackingCode('420923');
    const shown = formatTrackingCode(code);
    expect(shown).toMatch(/^420923-\w{4}-\w{4}-\w{4}$/);
    expect(normalizeTrackingCode(shown)).toBe(code);
    expect(normalizeTrackingCode(` ${shown.toLowerCase().replaceAll('-', ' ')} `)).toBe(code);
    expect(normalizeTrackingCode(`${code.slice(0, -1)}0`)).toBeNull(); // 0 is not in the alphabet
    expect(normalizeTrackingCode(code.slice(1))).toBeNull();
    expect(normalizeTrackingCode("420923' or 1=1 --")).toBeNull();
  });
});

describe('who records which source', () => {
  const refused = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof AppError ? { code: e.code, fields: e.details.map((d) => d.field) } : e;
    }
    return null;
  };

  it('centres name the source and the caller; a grid worker reports as grid_worker, a department as department', () => {
    expect(intakeSource({ roles: ['county_center'] }, { source: 'hotline', reporterName: '王', externalNo: 'X' })).toBe('hotline');
    expect(intakeSource({ roles: ['township_center'] }, {})).toBe('department');
    expect(intakeSource({ roles: ['grid_worker'] }, {})).toBe('grid_worker');
    expect(intakeSource({ roles: ['grid_leader'] }, { source: 'grid_worker' })).toBe('grid_worker');
    expect(intakeSource({ roles: ['department_handler'] }, {})).toBe('department');
  });

  it('anyone else naming a caller or another source is refused, each field named; no staff member may claim the public page', () => {
    expect(refused(() => intakeSource({ roles: ['grid_worker'] }, { reporterName: '王', reporterPhone: '13812345678' }))).toEqual({
      code: 'event.intake_not_allowed',
      fields: ['reporterName', 'reporterPhone'],
    });
    expect(refused(() => intakeSource({ roles: ['department_handler'] }, { source: 'video' }))).toEqual({
      code: 'event.intake_not_allowed',
      fields: ['source'],
    });
    expect(refused(() => intakeSource({ roles: ['city_center'] }, { source: 'citizen' }))).toEqual({
      code: 'event.intake_not_allowed',
      fields: ['source'],
    });
  });
});
