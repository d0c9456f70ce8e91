import type { AreaLevel } from './roles.ts';

/**
 * Division codes carry the tree: county 6 digits (GB/T 2260; a city is its first 4 digits + "00"),
 * township +3, village +3, unit grid +3 (15 digits, GB/T 30428.1).
 */
export function levelOfCode(code: string): AreaLevel | null {
  if (!/^[0-9]+$/.test(code)) return null;
  switch (code.length) {
    case 6:
      return code.endsWith('00') ? 'city' : 'county';
    case 9:
      return 'township';
    case 12:
      return 'village';
    case 15:
      return 'grid';
    default:
      return null;
  }
}

/** The prefix every code inside this node's subtree starts with. */
export function subtreePrefix(code: string): string {
  return levelOfCode(code) === 'city' ? code.slice(0, 4) : code;
}

/** Codes of the nodes above this one, city first. */
export function ancestorCodes(code: string): string[] {
  const level = levelOfCode(code);
  const out: string[] = [];
  if (level === 'city' || level === null) return out;
  out.push(`${code.slice(0, 4)}00`);
  if (code.length > 6) out.push(code.slice(0, 6));
  if (code.length > 9) out.push(code.slice(0, 9));
  if (code.length > 12) out.push(code.slice(0, 12));
  return out;
}

export function countyOf(code: string): string {
  return code.slice(0, 6);
}

/**
 * A unit of the loop is an area or a department: an area by its division code (digits only), a department by
 * its letter code (`YM-CG`).
 */
export function isAreaCode(code: string): boolean {
  return /^[0-9]+$/.test(code);
}
