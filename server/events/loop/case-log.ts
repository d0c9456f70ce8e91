/**
 * What an area that counts cases may read of them and be told about them, without reaching into the loop:
 * a case's log (its fixed facts, its actions in order, the warning colours the sweep recorded on it), and a
 * hook called inside every transaction that writes an action row the figures depend on (a report, a step of the
 * loop, a "me too", a merged duplicate's reports, a warning the sweep records). The figures area registers
 * its hook through app.ts, so events never imports it (ARCHITECTURE: arrows point down only).
 */

import { and, asc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db.ts';
import type { ShapedPart } from '../../platform/prepared.ts';
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
 */
export type CasesTouched = (tx: Tx, cases: CaseRef[]) => Promise<void>;

/**
 * One thing the loop recorded that an outside system may be told of (signed webhooks, the hotline): a step of a case,
 * a clock gone overdue, a warning colour a unit earned, a supervision order. Built inside the transaction that
 * recorded it, so an outbox written from it commits or rolls back with the change itself.
 */
export interface LoopFact {
  /** Unique per fact: the same fact recorded again (a second sweep over an overdue clock) makes the same key. */
  key: string;
  type: 'action' | 'overdue' | 'warning' | 'supervision';
  /** The action (`dispatch`, `close`…) for `action`, the stage or part for `overdue`, the colour for `warning`, the order's kind. */
  name: string;
  at: Date;
  countyCode: string;
  /** The case it is about; an order on a unit as a whole has none. */
  case: FactCase | null;
  /** The unit concerned: who owes the case's stage after the action, the unit overdue or warned, the unit an order addresses. */
  unitCode: string | null;
  /** The action's position in the case's history: a receiver orders one case's facts by it. */
  seq: number | null;
  /** The action's note (a return's reason, a reply), the order's text. */
  note: string | null;
  data: Record<string, unknown>;
}

/** What a fact carries of its case: codes and states, never the reporter's name or phone. */
export interface FactCase {
  id: string;
  caseNo: string;
  gridCode: string;
  itemCode: string;
  source: string;
  status: string;
  /** The work-order number of the system the case came from (the hotline's order number). */
  externalNo: string | null;
}

export type FactsRecorded = (tx: Tx, facts: LoopFact[]) => Promise<void>;

/**
 * What a hook writes for cases being filed, made part of the very statement that files them (a report is one
 * statement, not a transaction: decision 0032): data-modifying statements with no WITH of their own, built from
 * the new cases' logs and facts alone, each as a shaped part (its shape, its values, how to build it with
 * placeholders), so the report's statement is built once per shape and prepared (decision 0035). A hook that
 * counts or records cases registers one beside its CasesTouched or FactsRecorded: filing calls only these.
 */
export type FiledWrites = (filed: CaseLog[], facts: LoopFact[]) => ShapedPart[];

export const factCase = (row: FactCase): FactCase => ({
  id: row.id,
  caseNo: row.caseNo,
  gridCode: row.gridCode,
  itemCode: row.itemCode,
  source: row.source,
  status: row.status,
  externalNo: row.externalNo,
});

/** The fact of one action row just written on a case (its row as the action left it). */
export function actionFact(
  row: FactCase & { countyCode: string; stageUnit: string | null },
  action: { seq: number; action: string; at: Date; note?: string | null; data?: unknown },
): LoopFact {
  return {
    key: `action:${row.id}:${action.seq}`,
    type: 'action',
    name: action.action,
    at: action.at,
    countyCode: row.countyCode,
    case: factCase(row),
    unitCode: row.stageUnit,
    seq: action.seq,
    note: action.note ?? null,
    data: action.data ? (JSON.parse(JSON.stringify(action.data)) as Record<string, unknown>) : {},
  };
}

/**
 * The hooks registered on the loop; each write path calls `run` with the cases it wrote and `record` with the
 * facts it recorded, before it commits.
 */
export function createCaseHooks() {
  const hooks: CasesTouched[] = [];
  const factHooks: FactsRecorded[] = [];
  const filedHooks: FiledWrites[] = [];
  return {
    addFiled(hook: FiledWrites) {
      filedHooks.push(hook);
    },
    /** The statements the hooks add to the one that files these cases. */
    filedWrites: (filed: CaseLog[], facts: LoopFact[]) => filedHooks.flatMap((hook) => hook(filed, facts)),
    add(hook: CasesTouched) {
      hooks.push(hook);
    },
    addFacts(hook: FactsRecorded) {
      factHooks.push(hook);
    },
    async run(tx: Tx, cases: CaseRef[]) {
      if (cases.length === 0) return;
      for (const hook of hooks) await hook(tx, cases);
    },
    async record(tx: Tx, facts: LoopFact[]) {
      if (facts.length === 0) return;
      for (const hook of factHooks) await hook(tx, facts);
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
