/**
 * The to-do queues of the inbox, derived from the cases' state and never from notifications: what a user or
 * their unit must act on now. One predicate per queue, used by the counts and by the events list (`todo=`), so a
 * count always opens exactly its list, and acting on a case moves it out of the queue by changing its state.
 */

import { and, arrayOverlaps, eq, gt, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import { type MineCases, OPEN_STATUSES, TODO_QUEUES, type TodoQueue } from '../../../shared/enums.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db.ts';
import { inScope } from '../../platform/scope.ts';
import { event } from './events.tables.ts';

export { TODO_QUEUES, type TodoQueue };

const CENTRES: readonly Role[] = ['city_center', 'county_center', 'township_center', 'village_center'];
const GRID_TEAM: readonly Role[] = ['grid_worker', 'grid_leader'];
const UNITS: readonly Role[] = [...CENTRES, 'department_handler', ...GRID_TEAM];

/** Who works each queue; the units it is owed by come from the case (stage_unit, lead, parts, approver). */
const QUEUE_ROLES: Record<TodoQueue, readonly Role[]> = {
  to_verify: GRID_TEAM,
  to_accept: CENTRES,
  to_dispatch: CENTRES,
  to_review_return: CENTRES,
  to_sign: UNITS,
  to_handle: UNITS,
  to_rework: UNITS,
  to_assist: UNITS,
  to_check: [...GRID_TEAM, ...CENTRES],
  to_close: CENTRES,
  to_visit: CENTRES,
  to_decide_extension: CENTRES,
  to_decide_special_close: CENTRES,
  to_arbitrate: CENTRES,
};

/** The units an actor acts for: their department, or the area nodes they are bound to. */
export const unitsOf = (actor: Pick<Actor, 'departmentCode' | 'areas'>): string[] => [
  ...(actor.departmentCode ? [actor.departmentCode] : []),
  ...actor.areas.map((a) => a.code),
];

const owes = (units: string[], status: string) => and(inArray(event.stageUnit, units), eq(event.status, status));

function predicate(queue: TodoQueue, units: string[]): SQL {
  switch (queue) {
    case 'to_verify':
      return owes(units, 'verifying')!;
    case 'to_accept':
      return owes(units, 'reported')!;
    case 'to_dispatch':
      return owes(units, 'accepted')!;
    case 'to_review_return':
      return owes(units, 'returned')!;
    case 'to_sign':
      return owes(units, 'dispatched')!;
    case 'to_handle':
      return and(owes(units, 'signed'), eq(event.reworks, 0))!;
    case 'to_rework':
      return and(owes(units, 'signed'), gt(event.reworks, 0))!;
    case 'to_assist':
      return and(
        inArray(event.status, ['dispatched', 'signed']),
        arrayOverlaps(event.coUnits, units),
        sql`exists (select 1 from jsonb_array_elements(${event.coParts}) p where p->>'unit' = any(${sql.param(units)}::text[]) and p->>'repliedAt' is null)`,
      )!;
    case 'to_check':
      return and(eq(event.stage, 'check'), owes(units, 'handled'))!;
    case 'to_close':
      return and(eq(event.stage, 'close'), inArray(event.stageUnit, units), inArray(event.status, ['handled', 'checked']))!;
    case 'to_visit':
      return owes(units, 'closed')!;
    case 'to_decide_extension':
      return and(isNotNull(event.extension), inArray(event.ownerCode, units), inArray(event.status, ['dispatched', 'signed']))!;
    case 'to_decide_special_close':
      return and(isNotNull(event.specialClose), sql`${event.specialClose}->>'approver' = any(${sql.param(units)}::text[])`)!;
    case 'to_arbitrate':
      return owes(units, 'arbitrating')!;
  }
}

/** The queues this actor works at all (by role) and has a unit for. */
export function queuesOf(actor: Actor): TodoQueue[] {
  if (unitsOf(actor).length === 0) return [];
  return TODO_QUEUES.filter((q) => QUEUE_ROLES[q].some((r) => actor.roles.includes(r)));
}

/** The cases of one queue for this actor, inside their jurisdiction; a queue they do not work matches nothing. */
export function todoWhere(queue: TodoQueue, actor: Actor): SQL {
  if (!queuesOf(actor).includes(queue)) return sql`false`;
  return and(inScope(event.gridCode, actor.scope), predicate(queue, unitsOf(actor)))!;
}

/** My cases: the ones I reported, or the ones waiting on me or my unit in any to-do queue I work (the inbox's rule). */
export function mineWhere(mine: MineCases, actor: Actor): SQL {
  if (mine === 'reported') return eq(event.reporterId, actor.id);
  const queues = queuesOf(actor);
  if (queues.length === 0) return sql`false`;
  const units = unitsOf(actor);
  return and(inScope(event.gridCode, actor.scope), or(...queues.map((q) => predicate(q, units))))!;
}

/** The part of a list filter that depends on who asks: their to-do queue and their cases; undefined with neither. */
export function callerWhere(filter: { todo?: TodoQueue; mine?: MineCases }, actor: Actor): SQL | undefined {
  return and(filter.todo ? todoWhere(filter.todo, actor) : undefined, filter.mine ? mineWhere(filter.mine, actor) : undefined);
}

/** How many cases wait in each queue the actor works: one scan with a filtered count per queue. */
export async function todoCounts(tx: Tx, actor: Actor): Promise<Partial<Record<TodoQueue, number>>> {
  const queues = queuesOf(actor);
  if (queues.length === 0) return {};
  const units = unitsOf(actor);
  const columns = Object.fromEntries(queues.map((q) => [q, sql<number>`count(*) filter (where ${predicate(q, units)})::int`]));
  // Only open and closed (not yet visited) cases can be in a queue: the status index keeps history out of the scan.
  const live = inArray(event.status, [...OPEN_STATUSES, 'closed']);
  const [row] = await tx
    .select(columns)
    .from(event)
    .where(and(live, inScope(event.gridCode, actor.scope)));
  return row as Record<TodoQueue, number>;
}
