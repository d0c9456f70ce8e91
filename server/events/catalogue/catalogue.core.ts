/**
 * Rules of editing the dispatch catalogue that need no database: which kind of node goes under which, the code a
 * city's own node gets, and which nodes are still offered for new reports.
 */
import type { CatalogueNode } from './catalogue.seed.ts';

type Kind = CatalogueNode['kind'];

/**
 * A city's own nodes carry this letter before their serial. Standard codes (GB/T 47678.5, GB/T 31000 and the
 * seed's own) are letters then digits only, so a local code can never take a standard one.
 */
export const LOCAL_MARK = 'L';
const MAX_LOCAL_SERIAL = 99;

/** What a node of this kind may hold: major → minor → item, nothing below an item. */
export function childKind(parent: Kind): Kind | null {
  return parent === 'major' ? 'minor' : parent === 'minor' ? 'item' : null;
}

/**
 * The next local code under `parentCode` (CG06 → CG06L01, CG06L02 …), after the highest one its children
 * use, so a code once given is never given again; null when the serials are used up.
 */
export function nextLocalCode(parentCode: string, childCodes: readonly string[]): string | null {
  const prefix = parentCode + LOCAL_MARK;
  const used = childCodes
    .filter((c) => c.startsWith(prefix) && /^\d+$/.test(c.slice(prefix.length)))
    .map((c) => Number(c.slice(prefix.length)));
  const next = Math.max(0, ...used) + 1;
  return next > MAX_LOCAL_SERIAL ? null : prefix + String(next).padStart(2, '0');
}

/** Nodes still offered for new reports: a retired node hides itself and everything under it. */
export function offeredNodes<T extends { code: string; parentCode: string | null; retired: boolean }>(nodes: readonly T[]): T[] {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const offered = (node: T | undefined): boolean =>
    !node || (!node.retired && offered(node.parentCode ? byCode.get(node.parentCode) : undefined));
  return nodes.filter((n) => offered(n));
}

/** Equal as JSON regardless of key order, so an edit that sends the same rule back changes nothing. */
export function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .sort(([x], [y]) => x.localeCompare(y))
            .map(([k, x]) => [k, canonical(x)]),
        )
      : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
