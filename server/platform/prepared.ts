/**
 * Statements of fixed text whose values change (decision 0035): built once per shape with named placeholders and
 * run as a prepared statement (on PostgreSQL a named one, parsed and planned once per connection), so a hot write
 * pays for filling in its values, not for the query builder composing the same SQL again each time.
 */
import { type Placeholder, type SQL, sql } from 'drizzle-orm';

/** A placeholder by name, for the value of that name. */
export type Place = (key: string) => Placeholder;

/**
 * One part of a shaped statement: what makes its text (`shape`: two parts of one shape build the same SQL but
 * for their values), its values by placeholder name, and how to build it with those placeholders.
 */
export interface ShapedPart {
  shape: string;
  values: Record<string, unknown>;
  build(place: Place): SQL;
}

/** Keys of a row that carry a value: an undefined one is left out, so its column takes its default. */
const keysOf = (row: object) => Object.keys(row).filter((k) => (row as Record<string, unknown>)[k] !== undefined);
/** A null is written as it is, not encoded as its column (which would fail): part of the text, not a value. */
const isNull = (row: object, k: string) => (row as Record<string, unknown>)[k] === null;

/** What makes the text of an insert of these rows: each row's columns given, in order, and which of them are null. */
export const rowsShape = (rows: object[]) =>
  rows
    .map((r) =>
      keysOf(r)
        .map((k) => (isNull(r, k) ? `${k}=null` : k))
        .join(','),
    )
    .join(';');

/** The rows' values named `i.column`. */
export function rowsValues(rows: object[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [i, row] of rows.entries())
    for (const k of keysOf(row)) if (!isNull(row, k)) values[`${i}.${k}`] = (row as Record<string, unknown>)[k];
  return values;
}

/** The rows with a placeholder named `i.column` for each value given (for `.values()`, which encodes it as its column). */
export function rowsPlaced<T extends object>(rows: T[], place: Place): T[] {
  return rows.map((row, i) => Object.fromEntries(keysOf(row).map((k) => [k, isNull(row, k) ? null : place(`${i}.${k}`)])) as T);
}

/** The parts' values, each part's names prefixed as `place` (given to `build`) prefixes them. */
export function partValues(parts: { prefix: string; part: Pick<ShapedPart, 'values'> }[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const { prefix, part } of parts) for (const [k, v] of Object.entries(part.values)) values[prefix + k] = v;
  return values;
}

/** A placeholder function whose names start with `prefix`. */
export const placeIn =
  (prefix: string): Place =>
  (key) =>
    sql.placeholder(prefix + key);

/** Shapes kept at most per statement kind; past that a statement is built and run unprepared (never seen in use). */
const MAX_SHAPES = 64;

/** A query builder that may be prepared under a name or run as it is, with its placeholders' values. */
interface Preparable<R> {
  prepare(name: string): { execute(values: Record<string, unknown>): Promise<R> };
  execute(values: Record<string, unknown>): Promise<R>;
}

/**
 * Prepared statements of one kind, one per shape: `run` builds and prepares the statement the first time its
 * shape is seen, under a name of its own (`kind_n`, the same on every connection), and executes it with the
 * values every time.
 */
export function createShapedStatements<R>(kind: string) {
  const prepared = new Map<string, { execute(values: Record<string, unknown>): Promise<R> }>();
  return function run(shape: string, build: () => Preparable<R>, values: Record<string, unknown>): Promise<R> {
    let q = prepared.get(shape);
    if (!q) {
      if (prepared.size >= MAX_SHAPES) return build().execute(values);
      q = build().prepare(`${kind}_${prepared.size + 1}`);
      prepared.set(shape, q);
    }
    return q.execute(values);
  };
}
