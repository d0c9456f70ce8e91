import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { ancestorCodes, subtreePrefix } from '../../shared/codes.ts';

/**
 * A user's jurisdiction: the subtrees of the area nodes they are bound to.
 * Every read of territory-scoped data filters with `inScope` — the one place this rule lives.
 */
export interface Scope {
  /** Code prefixes of the subtrees the user may see. Empty: nothing. */
  prefixes: string[];
  /** Codes of nodes above the user's roots (visible as names in a path, never as records). */
  ancestors: string[];
}

export function scopeOf(areaCodes: string[]): Scope {
  const prefixes = [...new Set(areaCodes.map(subtreePrefix))].filter((p, _, all) => !all.some((q) => q !== p && p.startsWith(q)));
  const ancestors = [...new Set(areaCodes.flatMap(ancestorCodes))].filter((a) => !prefixes.some((p) => a.startsWith(p)));
  return { prefixes, ancestors };
}

/** SQL condition: the code in `column` lies inside the scope. */
export function inScope(column: AnyColumn | SQL, scope: Scope): SQL {
  if (scope.prefixes.length === 0) return sql`false`;
  return sql`(${sql.join(
    scope.prefixes.map((p) => sql`${column} like ${`${p}%`}`),
    sql` or `,
  )})`;
}

/** The same rule for a code already in memory (e.g. from the in-process spatial index). */
export function codeInScope(code: string, scope: Scope): boolean {
  return scope.prefixes.some((p) => code.startsWith(p));
}
