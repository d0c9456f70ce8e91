import { and, asc, desc, eq, getTableColumns, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { departmentInScope, departmentNameOf } from '../../org/index.ts';
import type { Tx } from '../../platform/db.ts';
import { inScope, type Scope } from '../../platform/scope.ts';
import { areaNameOf } from '../../territory/index.ts';
import { event, eventAction } from '../loop/events.tables.ts';
import { supervisionOrder as order } from './oversight.tables.ts';

export type OrderRow = typeof order.$inferSelect;
export type OrderInsert = typeof order.$inferInsert;

/** Who is looking: the signed-in user's id, department and jurisdiction. */
export interface Viewer {
  id: string;
  departmentCode: string | null;
  scope: Scope;
}

const eventOfOrder = and(eq(event.countyCode, order.countyCode), eq(event.id, order.eventId));

/** The order's subject lies in the jurisdiction: its event's grid, its area unit, or its department's area. */
const subjectInScope = (scope: Scope): SQL =>
  or(
    inScope(order.unitCode, scope),
    departmentInScope(sql`${order.unitCode}`, scope),
    sql`exists (select 1 from event e where e.county_code = ${order.countyCode} and e.id = ${order.eventId} and ${inScope(sql`e.grid_code`, scope)})`,
  )!;

/** An order is visible to whoever issued it, its own department, and anyone whose jurisdiction holds its subject. */
const visibleTo = (viewer: Viewer): SQL =>
  or(
    eq(order.issuedBy, viewer.id),
    viewer.departmentCode ? eq(order.unitCode, viewer.departmentCode) : undefined,
    subjectInScope(viewer.scope),
  )!;

// Correlated subqueries name the outer table: inside them a bare "unit_code" could be read as the inner table's.
const listed = {
  ...getTableColumns(order),
  caseNo: event.caseNo,
  unitName: sql<
    string | null
  >`coalesce(${areaNameOf(sql`"supervision_order"."unit_code"`)}, ${departmentNameOf(sql`"supervision_order"."unit_code"`)})`,
};
export type ListedOrder = OrderRow & { caseNo: string | null; unitName: string | null };

/** Open orders first, then those awaiting closing, soonest due first. */
const workOrder = [sql`case ${order.status} when 'open' then 0 when 'replied' then 1 else 2 end`, asc(order.dueAt), desc(order.issuedAt)];

async function listWhere(tx: Tx, where: SQL | undefined, limit = 200): Promise<ListedOrder[]> {
  return tx
    .select(listed)
    .from(order)
    .leftJoin(event, eventOfOrder)
    .where(where)
    .orderBy(...workOrder)
    .limit(limit);
}

export async function insertOrder(tx: Tx, row: OrderInsert): Promise<OrderRow> {
  return (await tx.insert(order).values(row).returning())[0];
}

/** One order the viewer may see, locked for the rest of the transaction so two answers cannot both win. */
export async function lockOrder(tx: Tx, viewer: Viewer, id: string): Promise<OrderRow | undefined> {
  return (
    await tx
      .select()
      .from(order)
      .where(and(eq(order.id, id), visibleTo(viewer)))
      .for('update')
  )[0];
}

export async function getOrder(tx: Tx, viewer: Viewer, id: string): Promise<ListedOrder | undefined> {
  return (await listWhere(tx, and(eq(order.id, id), visibleTo(viewer)), 1))[0];
}

/** Moves an order on only from the state it was read in. */
export async function updateOrder(tx: Tx, row: OrderRow, fromStatus: string): Promise<void> {
  const { countyCode, id, ...rest } = row;
  await tx
    .update(order)
    .set(rest)
    .where(and(eq(order.countyCode, countyCode), eq(order.id, id), eq(order.status, fromStatus)));
}

export const issuedBy = (tx: Tx, userId: string) => listWhere(tx, eq(order.issuedBy, userId));

/** Orders whose unit is the viewer's department or one of the area nodes the viewer is bound to. */
export function addressedTo(tx: Tx, units: string[]) {
  return units.length ? listWhere(tx, inArray(order.unitCode, units)) : Promise.resolve([]);
}

export const ordersOfEvent = (tx: Tx, countyCode: string, eventId: string) =>
  listWhere(tx, and(eq(order.countyCode, countyCode), eq(order.eventId, eventId)));

/** Open orders past their deadline whose subject is in the jurisdiction. */
export const overdueOrders = (tx: Tx, scope: Scope, now: Date) =>
  listWhere(tx, and(eq(order.status, 'open'), lt(order.dueAt, now), subjectInScope(scope)), 500);

/**
 * The event row, locked: the events service writes its actions after updating this row, so holding the lock
 * keeps the seq of an action appended here from colliding with a step of the loop taken at the same moment.
 */
export async function lockEvent(tx: Tx, where: { scope: Scope; id: string } | { countyCode: string; id: string }) {
  const cond =
    'scope' in where
      ? and(eq(event.id, where.id), inScope(event.gridCode, where.scope))
      : and(eq(event.countyCode, where.countyCode), eq(event.id, where.id));
  return (await tx.select().from(event).where(cond).for('update'))[0];
}

/** Appends a row to an event's history without touching the event row or its version. */
export async function appendAction(tx: Tx, row: Omit<typeof eventAction.$inferInsert, 'seq'>): Promise<void> {
  const [{ next }] = await tx
    .select({ next: sql<number>`coalesce(max(${eventAction.seq}), 0)::int + 1` })
    .from(eventAction)
    .where(and(eq(eventAction.countyCode, row.countyCode), eq(eventAction.eventId, row.eventId)));
  await tx.insert(eventAction).values({ ...row, seq: next });
}

/** Cases of the jurisdiction in one status (and rating), oldest change first, with how many orders on each are still live. */
export async function eventsIn(tx: Tx, scope: Scope, status: 'closed' | 'visited', rating?: string) {
  return tx
    .select({
      ...getTableColumns(event),
      liveOrders: sql<number>`(select count(*)::int from supervision_order o
        where o.county_code = "event"."county_code" and o.event_id = "event"."id" and o.status <> 'closed')`,
    })
    .from(event)
    .where(and(eq(event.status, status), rating ? eq(event.rating, rating) : undefined, inScope(event.gridCode, scope)))
    .orderBy(asc(event.updatedAt))
    .limit(1000);
}
