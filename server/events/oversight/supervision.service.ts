import { isAreaCode, subtreePrefix } from '../../../shared/codes.ts';
import type { OrderKind, OrderMethod } from '../../../shared/enums.ts';
import type { Role } from '../../../shared/roles.ts';
import { bindingsOf } from '../../access/index.ts';
import { departmentsByCode } from '../../org/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { WorkingCalendar } from '../../platform/calendar/calendar.core.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { codeInScope } from '../../platform/scope.ts';
import { areaNames } from '../../territory/index.ts';
import { type CaseHooks, type FactCase, factCase } from '../loop/case-log.ts';
import { dueAfter } from '../loop/deadlines.core.ts';
import { getEvent } from '../loop/events.store.ts';
import * as store from './supervision.store.ts';
import { unitNames } from './unit-names.ts';

export { ORDER_KINDS, ORDER_METHODS, type OrderKind, type OrderMethod } from '../../../shared/enums.ts';

export interface IssueInput {
  kind: OrderKind;
  method: OrderMethod;
  eventId?: string;
  unitCode?: string;
  note: string;
  workingDays: number;
}

const CENTRES: readonly Role[] = ['city_center', 'county_center', 'township_center', 'village_center'];

/** The area nodes each issuer is bound to, to tell whether a centre sits above them. */
async function areasOfUsers(tx: Tx, userIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const b of await bindingsOf(tx, userIds)) out.set(b.userId, [...(out.get(b.userId) ?? []), b.code]);
  return out;
}

/** Statuses in which a case sits with its lead unit; otherwise its owner answers for it. */
const WITH_LEAD = ['dispatched', 'signed', 'handled'];
/** A voided or merged case has nothing left to supervise: its master case carries on. */
const FINISHED = ['voided', 'merged'];

/** Who must answer for a case now. */
export const unitOfEvent = (row: { status: string; leadUnit: string | null; ownerCode: string }) =>
  WITH_LEAD.includes(row.status) && row.leadUnit ? row.leadUnit : row.ownerCode;

/** The units a user answers for: their department, and the area nodes a centre user is bound to. */
export function unitsOf(actor: Actor): string[] {
  const units = actor.roles.includes('department_handler') && actor.departmentCode ? [actor.departmentCode] : [];
  if (actor.roles.some((r) => CENTRES.includes(r))) units.push(...actor.areas.map((a) => a.code));
  return units;
}

/** The issuer, or a centre bound at or above every node the issuer is bound to (the issuer's own office included). */
function mayClose(actor: Actor, row: store.OrderRow, issuerAreas: string[]): boolean {
  if (row.issuedBy === actor.id) return true;
  if (!actor.roles.some((r) => r !== 'village_center' && CENTRES.includes(r)) || issuerAreas.length === 0) return false;
  return issuerAreas.every((code) => actor.areas.some((a) => code.startsWith(subtreePrefix(a.code))));
}

const viewer = (actor: Actor): store.Viewer => ({ id: actor.id, departmentCode: actor.departmentCode, scope: actor.scope });

function blank(field: string, code: 'supervision.note_required' | 'supervision.reply_required'): never {
  throw new AppError(code, [{ field, reason: 'blank' }]);
}

export function createSupervisionService({
  db,
  clock,
  calendar,
  unvisitedWorkingDays,
  hooks,
}: {
  db: Db;
  clock: Clock;
  calendar: WorkingCalendar;
  unvisitedWorkingDays: number;
  /** Told, inside the order's transaction, of each order issued (the outbox of signed webhooks). */
  hooks?: CaseHooks;
}) {
  async function present(tx: Tx, actor: Actor, rows: store.ListedOrder[]) {
    const now = clock();
    const mine = new Set(unitsOf(actor));
    const issuers = await areasOfUsers(tx, [...new Set(rows.filter((r) => r.status === 'replied').map((r) => r.issuedBy))]);
    return rows.map((r) => ({
      ...r,
      overdue: r.status === 'open' && r.dueAt !== null && r.dueAt < now,
      abilities: [
        ...(r.status === 'open' && mine.has(r.unitCode) ? ['reply'] : []),
        ...(r.status === 'replied' && mayClose(actor, r, issuers.get(r.issuedBy) ?? []) ? ['close'] : []),
      ],
    }));
  }

  async function one(tx: Tx, actor: Actor, id: string) {
    const row = await store.getOrder(tx, viewer(actor), id);
    if (!row) throw new AppError('supervision.not_found');
    return (await present(tx, actor, [row]))[0];
  }

  /** The unit must exist and lie in the issuer's jurisdiction; an area by its code, a department by its area. */
  async function checkUnit(tx: Tx, actor: Actor, unitCode: string): Promise<string> {
    const home = isAreaCode(unitCode)
      ? (await areaNames(tx, [unitCode])).length > 0
        ? unitCode
        : undefined
      : (await departmentsByCode(tx, [unitCode])).get(unitCode)?.areaCode;
    if (!home) throw new AppError('supervision.unit_unknown', [{ field: 'unitCode', reason: 'unknown', value: unitCode }]);
    if (!codeInScope(home, actor.scope))
      throw new AppError('supervision.unit_outside', [{ field: 'unitCode', reason: 'outside_jurisdiction', value: unitCode }]);
    return home.slice(0, 6);
  }

  /** The event's timeline shows each step of an order on it; the event row itself stays as it is. */
  async function trail(tx: Tx, row: store.OrderRow, actor: Actor, action: string, note: string | null, at: Date) {
    if (!row.eventId) return;
    const e = await store.lockEvent(tx, { countyCode: row.countyCode, id: row.eventId });
    if (!e) return;
    await store.appendAction(tx, {
      countyCode: row.countyCode,
      eventId: row.eventId,
      action,
      actorId: actor.id,
      actorName: actor.displayName,
      at,
      fromStatus: e.status,
      toStatus: e.status,
      note,
      photos: [],
      data: { orderId: row.id, kind: row.kind, method: row.method, unitCode: row.unitCode, dueAt: row.dueAt },
    });
  }

  /** One step of an order: who may take it, then whether its state allows it; recorded on the event when on one. */
  async function move(
    actor: Actor,
    id: string,
    step: 'reply' | 'close',
    change: (now: Date) => Partial<store.OrderRow>,
    note: string | null,
  ) {
    return db.transaction(async (tx) => {
      const row = await store.lockOrder(tx, viewer(actor), id);
      if (!row) throw new AppError('supervision.not_found');
      if (step === 'reply' && !unitsOf(actor).includes(row.unitCode))
        throw new AppError('supervision.not_unit', [{ field: 'unitCode', reason: 'not_member', value: row.unitCode }]);
      if (step === 'close' && !mayClose(actor, row, (await areasOfUsers(tx, [row.issuedBy])).get(row.issuedBy) ?? []))
        throw new AppError('supervision.not_issuer');
      if (row.status === 'closed') throw new AppError('supervision.already_closed', [{ field: 'status', reason: row.status }]);
      if (step === 'reply' && row.status !== 'open')
        throw new AppError('supervision.already_replied', [{ field: 'status', reason: row.status }]);
      if (step === 'close' && row.status !== 'replied')
        throw new AppError('supervision.not_replied', [{ field: 'status', reason: row.status }]);
      const now = clock();
      await store.updateOrder(tx, { ...row, ...change(now) }, row.status);
      await trail(tx, row, actor, step === 'reply' ? 'supervision_reply' : 'supervision_close', note, now);
      return one(tx, actor, id);
    });
  }

  return {
    /** 督办 or 催办 on one case (its current unit answers) or on a unit as a whole, due in working days. */
    async issue(actor: Actor, input: IssueInput) {
      const note = input.note.trim() || blank('note', 'supervision.note_required');
      if (Boolean(input.eventId) === Boolean(input.unitCode)) {
        throw new AppError('supervision.subject_required', [
          { field: 'eventId', reason: input.eventId ? 'both_given' : 'missing' },
          { field: 'unitCode', reason: input.eventId ? 'both_given' : 'missing' },
        ]);
      }
      const now = clock();
      const dueAt = dueAfter({ workingDays: input.workingDays }, now, calendar);
      return db.transaction(async (tx) => {
        let subject: { countyCode: string; unitCode: string; eventId: string | null };
        let onCase: FactCase | null = null;
        if (input.eventId) {
          const e = await store.lockEvent(tx, { scope: actor.scope, id: input.eventId });
          if (!e) throw new AppError('event.not_found');
          if (FINISHED.includes(e.status)) throw new AppError('supervision.event_finished', [{ field: 'eventId', reason: e.status }]);
          subject = { countyCode: e.countyCode, unitCode: unitOfEvent(e), eventId: e.id };
          onCase = factCase(e);
        } else {
          const unitCode = input.unitCode!;
          subject = { countyCode: await checkUnit(tx, actor, unitCode), unitCode, eventId: null };
        }
        const row = await store.insertOrder(tx, {
          ...subject,
          kind: input.kind,
          method: input.method,
          note,
          dueAt,
          status: 'open',
          issuedBy: actor.id,
          issuedByName: actor.displayName,
          issuedAt: now,
        });
        await trail(tx, row, actor, row.kind, note, now);
        await hooks?.record(tx, [
          {
            key: `supervision:${row.id}`,
            type: 'supervision',
            name: row.kind,
            at: now,
            countyCode: row.countyCode,
            case: onCase,
            unitCode: row.unitCode,
            seq: null,
            note,
            data: { orderId: row.id, method: row.method, dueAt: row.dueAt?.toISOString() ?? null },
          },
        ]);
        return one(tx, actor, row.id);
      });
    },

    /** The unit's answer: only someone of that unit, only while the order is open. */
    reply(actor: Actor, id: string, text: string) {
      const reply = text.trim() || blank('reply', 'supervision.reply_required');
      return move(actor, id, 'reply', (now) => ({ status: 'replied', reply, repliedByName: actor.displayName, repliedAt: now }), reply);
    },

    /** The issuer (or a centre above) accepts the answer and closes the order. */
    close(actor: Actor, id: string) {
      return move(actor, id, 'close', (now) => ({ status: 'closed', closedByName: actor.displayName, closedAt: now }), null);
    },

    get: (actor: Actor, id: string) => one(db, actor, id),
    issued: async (actor: Actor) => present(db, actor, await store.issuedBy(db, actor.id)),
    addressed: async (actor: Actor) => present(db, actor, await store.addressedTo(db, unitsOf(actor))),

    async ofEvent(actor: Actor, eventId: string) {
      const e = await getEvent(db, actor.scope, eventId);
      if (!e) throw new AppError('event.not_found');
      return present(db, actor, await store.ordersOfEvent(db, e.countyCode, e.id));
    },

    /**
     * What needs supervising in the jurisdiction: closed cases nobody called back within the configured working
     * days, dissatisfied return visits not reopened, and open orders past their deadline.
     */
    async queue(actor: Actor) {
      const now = clock();
      const caseItem = (reason: 'unvisited' | 'dissatisfied', e: Awaited<ReturnType<typeof store.eventsIn>>[number], since: Date) => ({
        reason,
        since,
        eventId: e.id,
        caseNo: e.caseNo,
        itemCode: e.itemCode,
        description: e.description,
        gridCode: e.gridCode,
        unitCode: unitOfEvent(e),
        liveOrders: e.liveOrders,
        order: null,
      });
      const unvisited = (await store.eventsIn(db, actor.scope, 'closed'))
        .map((e) => ({ e, since: dueAfter({ workingDays: unvisitedWorkingDays }, e.closedAt ?? e.updatedAt, calendar) }))
        .filter(({ since }) => since < now)
        .map(({ e, since }) => caseItem('unvisited', e, since));
      // Only a return visit moves a case to visited, so its last change is the visit.
      const dissatisfied = (await store.eventsIn(db, actor.scope, 'visited', 'dissatisfied')).map((e) =>
        caseItem('dissatisfied', e, e.updatedAt),
      );
      const orders = (await present(db, actor, await store.overdueOrders(db, actor.scope, now))).map((o) => ({
        reason: 'order_overdue' as const,
        since: o.dueAt ?? o.issuedAt,
        eventId: o.eventId,
        caseNo: o.caseNo,
        itemCode: null,
        description: null,
        gridCode: null,
        unitCode: o.unitCode,
        liveOrders: null,
        order: o,
      }));
      const items = [...unvisited, ...dissatisfied, ...orders].sort((a, b) => a.since.getTime() - b.since.getTime());
      const names = await unitNames(db, [...new Set(items.map((i) => i.unitCode))]);
      return items.map((i) => ({ ...i, unitName: names.get(i.unitCode) ?? null }));
    },
  };
}

export type SupervisionService = ReturnType<typeof createSupervisionService>;
