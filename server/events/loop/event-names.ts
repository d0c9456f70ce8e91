/**
 * The names a reader expects beside the codes a case keeps: its item, grid, village and township, the owning
 * node, the lead and co-handling units, and every unit or area its history mentions. Read on every reply, so a
 * renamed grid or department shows its new name on old cases; a code that no longer names anything stays null.
 */
import { departmentsByCode } from '../../org/index.ts';
import type { Tx } from '../../platform/db.ts';
import { nodeNames } from '../../territory/index.ts';
import { nodeNamesOf } from '../catalogue/catalogue.store.ts';

interface Coded {
  itemCode: string;
  gridCode: string;
  ownerCode: string;
  leadUnit: string | null;
  coUnits: string[];
  stageUnit: string | null;
}

export interface EventNames {
  itemName: string | null;
  gridName: string | null;
  villageName: string | null;
  townshipName: string | null;
  ownerName: string | null;
  leadUnitName: string | null;
  coUnitNames: (string | null)[];
  stageUnitName: string | null;
}

/** The village and township a grid lies in: its first 12 and 9 digits (GB/T 10114 division codes). */
export const villageOf = (gridCode: string) => gridCode.slice(0, 12);
export const townshipOf = (gridCode: string) => gridCode.slice(0, 9);

/** Every short string in a step's data (a unit, an area, the owner it went to): the names looked up for the history. */
function codesIn(data: unknown): string[] {
  if (!data || typeof data !== 'object') return [];
  return Object.values(data as Record<string, unknown>)
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 32);
}

/** Names the caller already holds (a report just located knows its grid, village, township and county): not read again. */
export interface KnownNames {
  units: ReadonlyMap<string, string>;
  items: ReadonlyMap<string, string>;
}

const NONE: KnownNames = { units: new Map(), items: new Map() };

/** Names of units by code, whether area nodes, grids or departments; codes not found are left out. */
export async function codeNames(tx: Tx, codes: string[], known: ReadonlyMap<string, string> = NONE.units): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const unique = [...new Set(codes)].filter((code) => {
    const name = known.get(code);
    if (name !== undefined) names.set(code, name);
    return name === undefined;
  });
  if (unique.length === 0) return names;
  const [nodes, departments] = await Promise.all([nodeNames(tx, unique), departmentsByCode(tx, unique)]);
  for (const [code, n] of nodes) names.set(code, n.name);
  for (const [code, d] of departments) names.set(code, d.name);
  return names;
}

async function itemNames(tx: Tx, codes: string[], known: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const unknown = [...new Set(codes)].filter((code) => !known.has(code));
  return new Map([...known, ...(await nodeNamesOf(tx, unknown))]);
}

/** The rows with their names beside their codes, in two queries for a whole page. */
export async function withEventNames<T extends Coded>(tx: Tx, rows: T[], known: KnownNames = NONE): Promise<(T & EventNames)[]> {
  const units = rows.flatMap((r) => [
    r.gridCode,
    villageOf(r.gridCode),
    townshipOf(r.gridCode),
    r.ownerCode,
    ...(r.leadUnit ? [r.leadUnit] : []),
    ...r.coUnits,
    ...(r.stageUnit ? [r.stageUnit] : []),
  ]);
  const [names, items] = await Promise.all([
    codeNames(tx, units, known.units),
    itemNames(
      tx,
      rows.map((r) => r.itemCode),
      known.items,
    ),
  ]);
  const name = (code: string | null) => (code === null ? null : (names.get(code) ?? null));
  return rows.map((r) => ({
    ...r,
    itemName: items.get(r.itemCode) ?? null,
    gridName: name(r.gridCode),
    villageName: name(villageOf(r.gridCode)),
    townshipName: name(townshipOf(r.gridCode)),
    ownerName: name(r.ownerCode),
    leadUnitName: name(r.leadUnit),
    coUnitNames: r.coUnits.map(name),
    stageUnitName: name(r.stageUnit),
  }));
}

/** A page of the list with names. */
export async function namedPage<T extends Coded>(tx: Tx, page: { items: T[]; total: number }) {
  return { ...page, items: await withEventNames(tx, page.items) };
}

/** One case with names, and the names of the units and areas its history mentions (`names`: code → name). */
export async function namedEvent<T extends Coded & { history: { data: unknown }[] }>(tx: Tx, event: T, known: KnownNames = NONE) {
  const [[named], mentioned] = await Promise.all([
    withEventNames(tx, [event], known),
    codeNames(
      tx,
      event.history.flatMap((h) => codesIn(h.data)),
      known.units,
    ),
  ]);
  return { ...named, names: Object.fromEntries(mentioned) };
}
