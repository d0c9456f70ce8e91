/**
 * The two identifiers base data is keyed by: the resident ID number (公民身份号码, GB 11643-1999) and the
 * unified social credit code (统一社会信用代码, GB 32100-2015). Algorithms as in reference/standards.md §4.
 * Pure: "today" is an argument, so a test can move the clock. A failed check returns a reason code that is
 * also the i18n key of its message, never a bare boolean.
 */

export type Sex = 'male' | 'female';

export type IdNumberReason = 'id.length' | 'id.format' | 'id.region' | 'id.birth_date' | 'id.checksum';
export type CreditCodeReason = 'credit.length' | 'credit.format' | 'credit.region' | 'credit.checksum';

export interface IdNumberFacts {
  /** Normalized: half-width, upper-case X, no spaces. */
  idNumber: string;
  /** 6-digit GB/T 2260 code of the county where the number was issued (usually the birthplace). */
  regionCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
}

export type IdNumberResult = ({ ok: true } & IdNumberFacts) | { ok: false; reason: IdNumberReason };

/** ISO 7064 MOD 11-2 weights, 2^(17-i) mod 11. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/**
 * GB/T 2260 province codes. Counties are checked by shape only: abolished county codes stay valid inside the
 * numbers issued under them and are never reused, so a list of today's counties would refuse real people.
 */
const PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(' '),
);

/** The first ID numbers were issued in 1984; a birth year before 1880 is a typing error, not a person. */
const EARLIEST_BIRTH = '1880-01-01';

/** Spreadsheets from Chinese input methods carry full-width digits and letters, spaces and a lower-case x. */
export function halfWidth(raw: string): string {
  return raw.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]/g, '');
}

export function normalizeIdNumber(raw: string): string {
  return halfWidth(raw).toUpperCase();
}

export function normalizeCreditCode(raw: string): string {
  return halfWidth(raw).toUpperCase();
}

/** The calendar date in China (UTC+8, no daylight saving) at an instant, as YYYY-MM-DD. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** YYYYMMDD → YYYY-MM-DD when it names a real calendar day, else null. */
export function realDate(yyyymmdd: string): string | null {
  if (!/^\d{8}$/.test(yyyymmdd)) return null;
  const [y, m, d] = [Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6))];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6)}`;
}

/** A 6-digit division code whose first two digits name a province. */
export function isRegionCodeShape(code: string): boolean {
  return /^\d{6}$/.test(code) && PROVINCES.has(code.slice(0, 2));
}

/** The 18th character of an ID number from its first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

/** Whether a stored ID number (normalized) has the shape of one and its 18th character matches the first 17. */
export function idCheckDigitHolds(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idCheckChar(id) === id[17];
}

/** Checks an ID number and reads the facts inside it. Checks run from the coarsest to the checksum. */
export function parseIdNumber(raw: string, today: string): IdNumberResult {
  const id = normalizeIdNumber(raw);
  if (id.length !== 18) return { ok: false, reason: 'id.length' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'id.format' };
  if (!isRegionCodeShape(id.slice(0, 6))) return { ok: false, reason: 'id.region' };
  const birthDate = realDate(id.slice(6, 14));
  if (!birthDate || birthDate < EARLIEST_BIRTH || birthDate > today) return { ok: false, reason: 'id.birth_date' };
  if (idCheckChar(id) !== id[17]) return { ok: false, reason: 'id.checksum' };
  return { ok: true, idNumber: id, regionCode: id.slice(0, 6), birthDate, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

export function validateIdNumber(raw: string, today: string): IdNumberReason | null {
  const result = parseIdNumber(raw, today);
  return result.ok ? null : result.reason;
}

/**
 * A valid ID number, for demo data. The 3-digit serial is odd for men and even for women, so `sequence`
 * (0–498) counts the numbers of one sex issued in one county for one birth date.
 */
export function makeIdNumber(regionCode: string, birthDate: string, sequence: number, sex: Sex): string {
  const ymd = birthDate.replaceAll('-', '');
  if (!isRegionCodeShape(regionCode)) throw new RangeError(`makeIdNumber: bad region code ${regionCode}`);
  if (!realDate(ymd)) throw new RangeError(`makeIdNumber: bad birth date ${birthDate}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 498) throw new RangeError(`makeIdNumber: sequence ${sequence} outside 0–498`);
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
