/**
 * One page of the filtered events list, shared by the list and the export.
 *
 * How paging works:
 * - Without a light or warning filter, SQL pages: OFFSET/LIMIT over the filtered rows, newest first, and
 *   `total` from count(*) with the same WHERE.
 * - With one, SQL cannot page, because the light and the warning are computed per row from the working
 *   calendar at read time (never stored). Every row the SQL part selects — only open cases with a stage
 *   deadline, so the work follows the cases still running, not the years of history — is read, up to
 *   MAX_DERIVED_SCAN, given its light and warning, filtered, and only then paged in memory; `total` counts
 *   the rows left after the derived filter. A jurisdiction with more candidates than that is asked to narrow
 *   the filter (event.filter_too_broad) rather than given a silently partial answer.
 */

import type { SQL } from 'drizzle-orm';
import { listDepartments } from '../../org/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { Scope } from '../../platform/scope.ts';
import { areaNames } from '../../territory/index.ts';
import { listNodes } from '../catalogue/catalogue.store.ts';
import { checkFilter, type EventFilter, eventWhere, hasDerived, matchesDerived } from './event-filter.ts';
import * as store from './events.store.ts';
import type { ExportedEvent, Names } from './events-export.ts';

/** Open cases one derived-filter request may read and judge; a city has hundreds of new cases a day. */
export const MAX_DERIVED_SCAN = 20_000;
/** Rows in one export: a month of a busy city; more is exported part by part, and the sheet says so. */
export const MAX_EXPORT_ROWS = 50_000;

export interface Page {
  offset: number;
  limit: number;
}

export async function filteredPage<T extends { light: string | null; warning: string | null }>(
  tx: Tx,
  query: { filter: EventFilter; scope: Scope; now: Date; page: Page; todo?: SQL },
  view: (row: store.EventRow) => T,
): Promise<{ items: T[]; total: number }> {
  const { filter, scope, now, page } = query;
  checkFilter(filter, scope);
  const where = eventWhere(filter, scope, now, query.todo);
  if (!hasDerived(filter)) {
    const [rows, total] = await Promise.all([store.listEvents(tx, where, page), store.countEvents(tx, where)]);
    return { items: rows.map(view), total };
  }
  const candidates = await store.listEvents(tx, where, { offset: 0, limit: MAX_DERIVED_SCAN + 1 });
  if (candidates.length > MAX_DERIVED_SCAN) {
    const field = filter.light?.length ? 'querystring.light' : 'querystring.warning';
    throw new AppError('event.filter_too_broad', [{ field, reason: 'too_many', value: MAX_DERIVED_SCAN }]);
  }
  const matched = candidates.map(view).filter((row) => matchesDerived(filter, row));
  return { items: matched.slice(page.offset, page.offset + page.limit), total: matched.length };
}

/** The newest matching cases for a spreadsheet, with the names of what they mention; audited with the filter and row count. */
export async function exportEvents<T extends ExportedEvent>(
  db: Db,
  query: { actor: Actor; filter: EventFilter; now: Date; todo?: SQL },
  view: (row: store.EventRow) => T,
) {
  const { actor, filter, now, todo } = query;
  const { items, total } = await filteredPage(
    db,
    { filter, scope: actor.scope, now, todo, page: { offset: 0, limit: MAX_EXPORT_ROWS } },
    view,
  );
  await db.transaction((tx) =>
    recordAudit(tx, {
      at: now,
      actorId: actor.id,
      action: 'events.exported',
      target: 'event',
      detail: { filter, rows: items.length, total },
    }),
  );
  return { items, total, names: await namesOf(db, actor.scope, items) };
}

async function namesOf(tx: Tx, scope: Scope, rows: ExportedEvent[]): Promise<Names> {
  const areaCodes = [...new Set(rows.flatMap((r) => [r.ownerCode, ...(r.leadUnit && /^\d+$/.test(r.leadUnit) ? [r.leadUnit] : [])]))];
  const [items, areas, departments] = await Promise.all([listNodes(tx), areaNames(tx, areaCodes), listDepartments(tx, scope)]);
  return new Map([...items, ...areas, ...departments].map((n) => [n.code, n.name]));
}
