/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) base data is keyed by, demo ID numbers, and the
 * China date. The ID number's own rule lives in shared/id-number.ts (the console reads it too). Algorithms as in
 * reference/standards.md §4. A failed check returns a reason code that is also the i18n key of its message.
 */
import { halfWidth, idCheckChar, isRegionCodeShape, realDate, type Sex } from '../../../shared/id-number.ts';

export type CreditCodeReason = 'credit.length' | 'credit.format' | 'credit.region' | 'credit.checksum';

export function normalizeCreditCode(raw: string): string {
  return halfWidth(raw).toUpperCase();
}

/**
 * A valid ID number, for demo data. The 3-digit serial is odd for men and even for women, so `sequence`
 * (0–498) counts the numbers of one sex issued in one county for one birth date.
 */
export function makeIdNumber(regionCode: string, birthDate: string, sequence: number, sex: Sex): string {
  const ymd = birthDate.replaceAll('-', '');
  if (!isRegionCodeShape(regionCode)) throw new RangeError(`makeIdNumber: bad region code ${regionCode}`);
  if (!realDate(ymd)) throw new RangeError(`makeIdNumber: bad birth date ${birthDate}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 498)
    throw new RangeError(`makeIdNumber: sequence ${sequence} outside 0–498`);
  const serial = String(2 * sequence + (sex === 'male' ? 1 : 2)).padStart(3, '0');
  const first17 = regionCode + ymd + serial;
  return first17 + idCheckChar(first17);
}

/** GB 32100 alphabet: digits and capitals without I, O, S, V, Z; a character's value is its index. */
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 3^(i-1) mod 31 */
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 11714 organisation code weights; the code sits at characters 9–17 of a credit code. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The 18th character of a credit code from its first 17 (MOD 31). */
export function creditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}

/** GB 11714 check character of an 8-character organisation code body (digits, A–Z = 10–35). */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i], 36) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * Checks a credit code: alphabet, the 6-digit registering authority's division code, MOD 31. The first two
 * characters (registration department, entity category) are not checked against a list: departments were
 * added after 2015 and the list is not settled (standards.md §4), so any alphabet character is accepted.
 */
export function validateCreditCode(raw: string): CreditCodeReason | null {
  const code = normalizeCreditCode(raw);
  if (code.length !== 18) return 'credit.length';
  if (![...code].every((c) => CREDIT_ALPHABET.includes(c))) return 'credit.format';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'credit.region';
  return creditCheckChar(code) === code[17] ? null : 'credit.checksum';
}

/**
 * A valid credit code, for demo data: `prefix` is the registration department and entity category
 * ('91' = market regulator / enterprise), `body` the first 8 characters of the organisation code, whose
 * GB 11714 check character is appended before the MOD 31 check.
 */
export function makeCreditCode(prefix: string, regionCode: string, body: string): string {
  const ok = (s: string) => [...s].every((c) => CREDIT_ALPHABET.includes(c));
  if (prefix.length !== 2 || !ok(prefix)) throw new RangeError(`makeCreditCode: bad prefix ${prefix}`);
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`makeCreditCode: bad region code ${regionCode}`);
  if (body.length !== 8 || !ok(body)) throw new RangeError(`makeCreditCode: bad organisation code body ${body}`);
  const first17 = prefix + regionCode + body + orgCodeCheckChar(body);
  return first17 + creditCheckChar(first17);
}
