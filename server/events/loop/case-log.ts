/**
 * What an area that counts cases may read of them and be told about them, without reaching into the loop:
 * a case's log (its fixed facts, its actions in order, the warning colours the sweep recorded on it), and a
 * hook called inside every transaction that writes an action row the figures depend on (a report, a step of the
 * loop, a "me too", a merged duplicate's reports, a warning the sweep records). The figures area registers
 * its hook through app.ts, so events never imports it (ARCHITECTURE: arrows point down only).
 */

import { and, asc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db.ts';
import { unitWarning } from '../oversight/oversight.tables.ts';
import { event, eventAction } from './events.tables.ts';

export interface CaseRef {
  countyCode: string;
  id: string;
}

/** One case as its log tells it: what never changes after the report, every action in order, the colours it earned. */
export interface CaseLog {
  countyCode: string;
  id: string;
  caseNo: string;
  gridCode: string;
  itemCode: string;
  source: string;
  reportedAt: Date;
  actions: { action: string; at: Date; toStatus: string; data: Record<string, unknown> | null }[];
  /** Warning colours units earned on the case (unit_warning), each once. */
  warnings: string[];
}

/**
 * Called inside the transaction that wrote the cases' action rows (or warnings); it may write in that transaction.
 * `filed` are the logs of cases opened in this very transaction, whole: nothing to read back, nothing counted before.
 */
export type CasesTouched = (tx: Tx, cases: CaseRef[], filed: CaseLog[]) => Promise<void>;

/** The hooks registered on the loop; each write path calls `run` with the cases it wrote, before it commits. */
export function createCaseHooks() {
  const hooks: CasesTouched[] = [];
  return {
    add(hook: CasesTouched) {
      hooks.push(hook);
    },
    get any() {
      return hooks.length > 0;
    },
    async run(tx: Tx, cases: CaseRef[], filed: CaseLog[] = []) {
      if (cases.length === 0 && filed.length === 0) return;
      for (const hook of hooks) await hook(tx, cases, filed);
    },
  };
}
export type CaseHooks = ReturnType<typeof createCaseHooks>;

const key = (r: CaseRef) => `${r.countyCode}:${r.id}`;

/** What a case's log carries of its row. */
const CASE_COLUMNS = {
  countyCode: event.countyCode,
  id: event.id,
  caseNo: event.caseNo,
  gridCode: event.gridCode,
  itemCode: event.itemCode,
  source: event.source,
  reportedAt: event.reportedAt,
};

/** The logs of these cases (missing ones are left out), in the order asked. */
export async function caseLogs(tx: Tx, refs: CaseRef[]): Promise<CaseLog[]> {
  if (refs.length === 0) return [];
  const match = (countyCol: typeof event.countyCode, idCol: typeof event.id) =>
    or(...refs.map((r) => and(eq(countyCol, r.countyCode), eq(idCol, r.id))))!;
  const rows = await tx.select(CASE_COLUMNS).from(event).where(match(event.countyCode, event.id));
  return withActions(tx, rows, refs);
}

/**
 * The logs of the cases reported in [from, to), in pages of `batch` cases by id (no request reads this: the
 * figures' check and rebuild do, a period at a time).
 */
export async function* caseLogsReported(tx: Tx, { from, to, batch = 500 }: { from: Date; to: Date; batch?: number }) {
  let after: string | null = null;
  for (;;) {
    const rows = await tx
      .select(CASE_COLUMNS)
      .from(event)
      .where(and(gte(event.reportedAt, from), lt(event.reportedAt, to), after ? sql`${event.id} > ${after}` : undefined))
      .orderBy(asc(event.id))
      .limit(batch);
    if (rows.length === 0) return;
    yield await withActions(tx, rows, rows);
    after = rows.at(-1)!.id;
  }
}

async function withActions(tx: Tx, rows: Omit<CaseLog, 'actions' | 'warnings'>[], order: CaseRef[]): Promise<CaseLog[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counties = [...new Set(rows.map((r) => r.countyCode))];
  const [actions, warnings] = await Promise.all([
    tx
      .select({
        countyCode: eventAction.countyCode,
        eventId: eventAction.eventId,
        action: eventAction.action,
        at: eventAction.at,
        toStatus: eventAction.toStatus,
        data: eventAction.data,
      })
      .from(eventAction)
      .where(and(inArray(eventAction.countyCode, counties), inArray(eventAction.eventId, ids)))
      .orderBy(asc(eventAction.eventId), asc(eventAction.seq)),
    tx
      .selectDistinct({ countyCode: unitWarning.countyCode, eventId: unitWarning.eventId, colour: unitWarning.colour })
      .from(unitWarning)
      .where(and(inArray(unitWarning.countyCode, counties), inArray(unitWarning.eventId, ids))),
  ]);
  const logs = new Map(rows.map((r) => [key(r), { ...r, actions: [], warnings: [] } as CaseLog]));
  for (const a of actions)
    logs.get(`${a.countyCode}:${a.eventId}`)?.actions.push({
      action: a.action,
      at: a.at,
      toStatus: a.toStatus,
      data: (a.data as Record<string, unknown> | null) ?? null,
    });
  for (const w of warnings) logs.get(`${w.countyCode}:${w.eventId}`)?.warnings.push(w.colour);
  return order.flatMap((r) => logs.get(key(r)) ?? []);
}
