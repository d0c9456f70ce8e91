import { describe, expect, it } from 'vitest';
import { idCheckChar, idCheckDigitHolds, parseIdNumber, validateIdNumber } from '../../../shared/id-number.ts';
import { creditCheckChar, makeCreditCode, makeIdNumber, orgCodeCheckChar, validateCreditCode } from './identifiers.core.ts';

const TODAY = '2025-06-30';
/** The worked example of GB 11643 (standards.md §4). */
const EXAMPLE_ID = '11010519491231002X';

describe('resident ID number (GB 11643)', () => {
  it('computes the MOD 11-2 check character of the standard example', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
  });

  it('reads birth date, sex and region from a valid number, normalizing the input', () => {
    expect(parseIdNumber(' 11010519491231002x ', TODAY)).toEqual({
      ok: true,
      idNumber: EXAMPLE_ID,
      regionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
    });
    expect(parseIdNumber('１１０１０５１９４９１２３１００２Ｘ', TODAY)).toMatchObject({ ok: true, idNumber: EXAMPLE_ID });
  });

  it.each([
    ['11010519491231002', 'id.length'],
    ['11010519491231002X1', 'id.length'],
    ['1101051949123100AX', 'id.format'],
    ['99010519491231002X', 'id.region'],
    ['110105194902300021', 'id.birth_date'], // 30 February
    ['110105190002290021', 'id.birth_date'], // 1900 was not a leap year
    ['110105187012310021', 'id.birth_date'], // before any plausible holder
    ['110105202507010021', 'id.birth_date'], // tomorrow
    ['110105194912310021', 'id.checksum'],
  ])('%s → %s', (id, reason) => {
    expect(validateIdNumber(id, TODAY)).toBe(reason);
  });

  it('accepts 29 February of a leap year and a birth today', () => {
    expect(validateIdNumber(makeIdNumber('420902', '2000-02-29', 0, 'male'), TODAY)).toBeNull();
    expect(validateIdNumber(makeIdNumber('420902', TODAY, 0, 'female'), TODAY)).toBeNull();
  });

  it('makes valid numbers whose serial parity carries the sex', () => {
    for (const [sequence, sex] of [
      [0, 'male'],
      [0, 'female'],
      [498, 'male'],
      [498, 'female'],
      [17, 'female'],
    ] as const) {
      const id = makeIdNumber('420923', '1987-03-05', sequence, sex);
      expect(parseIdNumber(id, TODAY)).toEqual({ ok: true, idNumber: id, regionCode: '420923', birthDate: '1987-03-05', sex });
    }
    expect(makeIdNumber('420923', '1987-03-05', 0, 'male').slice(14, 17)).toBe('001');
    expect(makeIdNumber('420923', '1987-03-05', 498, 'female').slice(14, 17)).toBe('998');
  });

  it('refuses to make numbers from impossible parts', () => {
    expect(() => makeIdNumber('420923', '1987-02-30', 0, 'male')).toThrow(RangeError);
    expect(() => makeIdNumber('990923', '1987-02-03', 0, 'male')).toThrow(RangeError);
    expect(() => makeIdNumber('420923', '1987-02-03', 499, 'male')).toThrow(RangeError);
  });
});

describe('stored ID check digit', () => {
  it('holds for a valid number and fails for a wrong last character or a malformed value', () => {
    const id = makeIdNumber('420923', '1985-03-14', 101, 'male');
    expect(idCheckDigitHolds(id)).toBe(true);
    expect(idCheckDigitHolds(`${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`)).toBe(false);
    expect(idCheckDigitHolds(id.slice(0, 17))).toBe(false);
  });
});

describe('unified social credit code (GB 32100)', () => {
  it('computes the MOD 31 check of the standard example and its embedded organisation code check', () => {
    expect(creditCheckChar('91350100M000100Y4')).toBe('3');
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(makeCreditCode('91', '350100', 'M000100Y')).toBe('91350100M000100Y43');
  });

  it.each([
    ['91350100M000100Y43', null],
    [' 91350100m000100y43 ', null],
    ['91350100M000100Y4', 'credit.length'],
    ['91350100M000100I43', 'credit.format'], // I is not in the alphabet
    ['9135010AM000100Y43', 'credit.region'],
    ['91350100M000100Y44', 'credit.checksum'],
  ])('%s → %s', (code, reason) => {
    expect(validateCreditCode(code)).toBe(reason);
  });

  it('makes valid codes for any body from the alphabet, including check characters X and 0', () => {
    const bodies = ['MA4K0001', '00000000', '12345678', 'MA49XY2T', '7K3QPN0W'];
    for (const body of bodies) expect(validateCreditCode(makeCreditCode('92', '420902', body))).toBeNull();
    expect(() => makeCreditCode('91', '420902', 'MA4K00O1')).toThrow(RangeError);
  });
});
