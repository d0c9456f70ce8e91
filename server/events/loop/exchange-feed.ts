/**
 * What the province exchange (server/province) reads of the loop: the cases that gained an action row in a range of
 * finished transactions (event_action.txid, decision 0028), and each one's row and its steps as they are now.
 */
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { nodeNamesOf } from '../catalogue/catalogue.store.ts';
import { event, eventAction } from './events.tables.ts';

/** The ids of the county's cases with an action in [from, to), each once, in id order; a page by offset and limit. */
export async function casesChanged(
  db: Db,
  range: { countyCode: string; from: number; to: number },
  page: { offset: number; limit: number },
) {
  const rows = await db
    .select({ id: eventAction.eventId })
    .from(eventAction)
    .where(and(eq(eventAction.countyCode, range.countyCode), gte(eventAction.txid, range.from), lt(eventAction.txid, range.to)))
    .groupBy(eventAction.eventId)
    .orderBy(asc(eventAction.eventId))
    .offset(page.offset)
    .limit(page.limit);
  return rows.map((r) => r.id);
}

export interface ExchangedCase {
  row: typeof event.$inferSelect;
  itemName: string | null;
  /** Every step in order: what was done, the status it left, when. Notes and names of staff stay home. */
  steps: { seq: number; action: string; fromStatus: string | null; toStatus: string; at: Date }[];
}

export async function casesForExchange(db: Db, countyCode: string, ids: string[]): Promise<ExchangedCase[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(event)
    .where(and(eq(event.countyCode, countyCode), inArray(event.id, ids)));
  const steps = await db
    .select({
      eventId: eventAction.eventId,
      seq: eventAction.seq,
      action: eventAction.action,
      fromStatus: eventAction.fromStatus,
      toStatus: eventAction.toStatus,
      at: eventAction.at,
    })
    .from(eventAction)
    .where(and(eq(eventAction.countyCode, countyCode), inArray(eventAction.eventId, ids)))
    .orderBy(eventAction.eventId, eventAction.seq);
  const names = await nodeNamesOf(db, [...new Set(rows.map((r) => r.itemCode))]);
  const byCase = new Map<string, ExchangedCase['steps']>();
  for (const { eventId, ...step } of steps) byCase.set(eventId, [...(byCase.get(eventId) ?? []), step]);
  return rows.map((row) => ({
    row,
    itemName: names.get(row.itemCode) ?? null,
    steps: byCase.get(row.id) ?? [],
  }));
}
