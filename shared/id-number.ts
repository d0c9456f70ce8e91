/**
 * The resident ID number (公民身份号码, GB 11643-1999): its check and the facts inside it (sex, birth date, the
 * issuing county). One rule for the server, which validates and derives, and the console, which shows the sex and
 * birth date as the number is typed. Algorithms as in reference/standards.md §4. Pure: "today" is an argument, so a
 * test can move the clock. A failed check returns a reason code that is also the i18n key of its message.
 */

export type Sex = 'male' | 'female';

export type IdNumberReason = 'id.length' | 'id.format' | 'id.region' | 'id.birth_date' | 'id.checksum';

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
