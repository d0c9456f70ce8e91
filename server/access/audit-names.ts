/**
 * Names of what audit entries point at: the user, department, area or grid a target or a detail names
 * (user.created's areas and department, department.grid_claimed's grid). Read when the log is read, so the
 * entry itself stays what was written. A catalogue entry keeps the node's name in its detail already.
 */

import { departmentsByCode } from '../org/index.ts';
import type { Tx } from '../platform/db.ts';
import { nodeNames } from '../territory/index.ts';
import { userNames } from './access.store.ts';

interface Entry {
  target: string | null;
  detail: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The short strings of a detail, one level deep and in arrays: the codes it may mention. */
function codesIn(detail: unknown): string[] {
  if (!detail || typeof detail !== 'object') return [];
  return Object.values(detail as Record<string, unknown>)
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 40);
}

/** What one entry mentions: its target and the codes of its detail. */
export const codesOf = (e: Entry): string[] => [...(e.target ? [e.target] : []), ...codesIn(e.detail)];

/** Code or id → name of every user, department, area and grid the entries mention; what names nothing is left out. */
export async function auditNames(tx: Tx, entries: Entry[]): Promise<Map<string, string>> {
  const all = [...new Set(entries.flatMap(codesOf))];
  const ids = all.filter((c) => UUID.test(c));
  const codes = all.filter((c) => !UUID.test(c));
  const [users, departments, nodes] = await Promise.all([userNames(tx, ids), departmentsByCode(tx, codes), nodeNames(tx, codes)]);
  return new Map([
    ...users,
    ...[...departments].map(([c, d]) => [c, d.name] as const),
    ...[...nodes].map(([c, n]) => [c, n.name] as const),
  ]);
}

/** The name of an entry's target: looked up, or the name its detail recorded (a catalogue node). */
export function targetName(entry: Entry, names: Map<string, string>): string | null {
  if (!entry.target) return null;
  const found = names.get(entry.target);
  if (found) return found;
  const recorded = (entry.detail as { name?: unknown } | null)?.name;
  return typeof recorded === 'string' ? recorded : null;
}
