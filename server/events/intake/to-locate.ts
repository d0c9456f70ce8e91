/**
 * Hotline calls with only an address (待定位). The centre that takes the call names the village or township the
 * caller means; the call waits there — for that area's grid team, its workstation or centre — until one of them
 * places it on the map, and then it is filed as the case it describes, with the point they chose. A case always
 * has its point; taking a call never needs one. The wait has its own clock (callClock): past it, the sweep tells
 * the named area and the centre that took the call.
 */

import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { countyOf, levelOfCode } from '../../../shared/codes.ts';
import type { Urgency } from '../../../shared/enums.ts';
import { maskPhone } from '../../../shared/masking.ts';
import type { Actor } from '../../platform/actor.ts';
import type { WorkingCalendar } from '../../platform/calendar/calendar.core.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { createOnce } from '../../platform/idempotency.ts';
import { codeInScope, inScope } from '../../platform/scope.ts';
import type { TerritoryService } from '../../territory/index.ts';
import { areaNames } from '../../territory/index.ts';
import type { CatalogueMemory } from '../catalogue/catalogue.memory.ts';
import type { Notice } from '../inbox/inbox.channels.ts';
import { recipientsOf } from '../inbox/inbox.service.ts';
import type { EventsService } from '../loop/events.service.ts';
import { CENTRE_ROLES, callClock, intakeSource, newTrackingCode } from './intake.core.ts';
import { type CallReport, callToLocate } from './intake.tables.ts';

export interface CallInput {
  itemCode: string;
  description: string;
  address: string;
  areaCode: string;
  source?: string;
  urgency?: Urgency;
  reporterName?: string;
  reporterPhone?: string;
  externalNo?: string;
  idempotencyKey?: string;
}

/** An order an open interface pushed with an address and no point (the 12345 hotline's), keyed by its order. */
export interface ChannelCallInput {
  channel: string;
  countyCode: string;
  /** The village or township the platform routed it to, if it did; the county's centre otherwise. */
  areaCode?: string;
  address: string;
  itemCode: string;
  description: string;
  source: string;
  urgency?: Urgency;
  reporterName?: string;
  phone?: string;
  externalNo?: string;
  idempotencyKey: string;
}

type CallRow = typeof callToLocate.$inferSelect;

/**
 * Who sees a waiting call: everyone whose jurisdiction holds the area named, and the grid teams inside a named
 * village (their village is above their grids, so it is among their scope's ancestors).
 */
function visible(actor: Actor): SQL {
  const villages = actor.scope.ancestors.filter((code) => levelOfCode(code) === 'village');
  const below = villages.length ? [inArray(callToLocate.areaCode, villages)] : [];
  return or(inScope(callToLocate.areaCode, actor.scope), ...below) ?? sql`false`;
}

export function createCallsToLocate({
  db,
  clock,
  territory,
  events,
  fieldCrypto,
  catalogue,
  calendar,
  locateWorkingHours,
}: {
  db: Db;
  clock: Clock;
  territory: TerritoryService;
  events: EventsService;
  fieldCrypto: FieldCrypto;
  catalogue: CatalogueMemory;
  calendar: WorkingCalendar;
  /** The limit to place a call, in working hours (configuration). */
  locateWorkingHours: number;
}) {
  const byKey = (countyCode: string, receivedBy: string, key: string) =>
    db
      .select()
      .from(callToLocate)
      .where(and(eq(callToLocate.countyCode, countyCode), eq(callToLocate.receivedBy, receivedBy), eq(callToLocate.idempotencyKey, key)))
      .then((rows) => rows[0]);

  /** Each call's clock now (a placed call's is the one it had when placed: no longer read). */
  async function clocksOf(rows: CallRow[], now: Date, tx: Tx = db) {
    const items = await catalogue.items([...new Set(rows.map((r) => r.report.itemCode))], tx);
    const clockOf = (r: CallRow) =>
      callClock({ receivedAt: r.receivedAt, urgency: (r.report.urgency ?? 'normal') as Urgency }, items.get(r.report.itemCode)?.rule, {
        now,
        calendar,
        hours: locateWorkingHours,
      });
    return { items, clockOf };
  }

  async function named(rows: CallRow[]) {
    const [areas, { items, clockOf }] = await Promise.all([
      areaNames(db, [...new Set(rows.map((r) => r.areaCode))]),
      clocksOf(rows, clock()),
    ]);
    const areaName = new Map(areas.map((a) => [a.code, a.name]));
    return rows.map((r) => ({
      id: r.id,
      status: r.status as 'waiting' | 'filed',
      address: r.address,
      areaCode: r.areaCode,
      areaName: areaName.get(r.areaCode) ?? null,
      itemCode: r.report.itemCode,
      itemName: items.get(r.report.itemCode)?.name ?? null,
      description: r.report.description,
      source: r.report.source,
      urgency: r.report.urgency ?? 'normal',
      reporterName: r.report.reporterName ?? null,
      reporterPhone: maskPhone(r.phoneSealed ? fieldCrypto.decrypt(r.phoneSealed) : null),
      externalNo: r.report.externalNo ?? null,
      receivedAt: r.receivedAt,
      ...(r.status === 'waiting' ? clockOf(r) : { dueAt: null, light: null }),
      eventId: r.eventId,
      caseNo: r.caseNo,
    }));
  }

  return {
    /** A centre takes a call it cannot place: it waits in the named village or township. */
    async receive(actor: Actor, input: CallInput) {
      if (!actor.roles.some((r) => CENTRE_ROLES.includes(r)))
        throw new AppError('event.intake_not_allowed', [{ field: 'address', reason: 'centre_only' }]);
      const source = intakeSource(actor, { ...input, source: input.source ?? 'hotline' });
      const level = levelOfCode(input.areaCode);
      const known = (level === 'village' || level === 'township') && (await areaNames(db, [input.areaCode])).length > 0;
      if (!known || !codeInScope(input.areaCode, actor.scope))
        throw new AppError('event.target_invalid', [
          { field: 'areaCode', reason: known ? 'outside_jurisdiction' : 'not_village_or_township', value: input.areaCode },
        ]);
      await catalogue.itemForReport(input.itemCode);
      const countyCode = countyOf(input.areaCode);
      const report: CallReport = {
        itemCode: input.itemCode,
        description: input.description,
        source,
        ...(input.urgency ? { urgency: input.urgency } : {}),
        ...(input.reporterName ? { reporterName: input.reporterName } : {}),
        ...(input.externalNo ? { externalNo: input.externalNo } : {}),
      };
      const row = await createOnce(input.idempotencyKey, {
        find: (key) => byKey(countyCode, actor.id, key),
        create: async () =>
          (
            await db
              .insert(callToLocate)
              .values({
                countyCode,
                areaCode: input.areaCode,
                status: 'waiting',
                address: input.address,
                report,
                phoneSealed: input.reporterPhone ? fieldCrypto.encrypt(input.reporterPhone) : null,
                idempotencyKey: input.idempotencyKey ?? null,
                receivedBy: actor.id,
                receivedAt: clock(),
              })
              .returning()
          )[0],
      });
      return (await named([row]))[0];
    },

    /**
     * An order pushed with an address only waits in the area the platform named (a village or township of the key's
     * county) or else with the county's centre, like a call a centre took. The same order again answers that call,
     * and once placed, its case.
     */
    async receiveFromChannel(input: ChannelCallInput) {
      const areaCode = input.areaCode ?? input.countyCode;
      if (input.areaCode) {
        const level = levelOfCode(input.areaCode);
        const known = (level === 'village' || level === 'township') && (await areaNames(db, [input.areaCode])).length > 0;
        if (!known || countyOf(input.areaCode) !== input.countyCode)
          throw new AppError('event.target_invalid', [
            { field: 'body.areaCode', reason: known ? 'outside_jurisdiction' : 'not_village_or_township', value: input.areaCode },
          ]);
      }
      await catalogue.itemForReport(input.itemCode);
      const report: CallReport = {
        itemCode: input.itemCode,
        description: input.description,
        source: input.source,
        channel: input.channel,
        ...(input.urgency ? { urgency: input.urgency } : {}),
        ...(input.reporterName ? { reporterName: input.reporterName } : {}),
        ...(input.externalNo ? { externalNo: input.externalNo } : {}),
      };
      const row = await createOnce(input.idempotencyKey, {
        find: (key) =>
          db
            .select()
            .from(callToLocate)
            .where(
              and(eq(callToLocate.countyCode, input.countyCode), isNull(callToLocate.receivedBy), eq(callToLocate.idempotencyKey, key)),
            )
            .then((rows) => rows[0]),
        create: async () =>
          (
            await db
              .insert(callToLocate)
              .values({
                countyCode: input.countyCode,
                areaCode,
                status: 'waiting',
                address: input.address,
                report,
                phoneSealed: input.phone ? fieldCrypto.encrypt(input.phone) : null,
                idempotencyKey: input.idempotencyKey,
                receivedBy: null,
                receivedAt: clock(),
              })
              .returning()
          )[0],
      });
      return (await named([row]))[0];
    },

    /** The calls waiting for a place that I may place, oldest first. */
    async waiting(actor: Actor) {
      const rows = await db
        .select()
        .from(callToLocate)
        .where(and(eq(callToLocate.status, 'waiting'), visible(actor)))
        .orderBy(asc(callToLocate.receivedAt))
        .limit(200);
      return named(rows);
    },

    /**
     * How many wait for me: the to-do's count. Only the area named and the teams inside it count a call; the
     * centres above see it in the list (and may place it) without it weighing on their to-do.
     */
    async waitingCount(actor: Actor): Promise<number> {
      const mine = actor.areas.map((a) => sql`${a.code} like ${callToLocate.areaCode} || '%'`);
      if (!mine.length) return 0;
      const [{ n }] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(callToLocate)
        .where(and(eq(callToLocate.status, 'waiting'), visible(actor), or(...mine)));
      return n;
    },

    /**
     * What the sweep tells about calls waiting past their limit, inside its transaction: the accounts of the area
     * named and the person who took the call, once per call and due time (the notices' dedupe key).
     */
    async overdueNotices(tx: Tx, now: Date): Promise<Notice[]> {
      const rows = await tx.select().from(callToLocate).where(eq(callToLocate.status, 'waiting'));
      const { items, clockOf } = await clocksOf(rows, now, tx); // inside the sweep's transaction: read through it
      const notices: Notice[] = [];
      for (const row of rows) {
        const { dueAt, light } = clockOf(row);
        if (light !== 'red') continue;
        const users = new Set([...(await recipientsOf(tx, [row.areaCode])), ...(row.receivedBy ? [row.receivedBy] : [])]);
        for (const userId of users)
          notices.push({
            countyCode: row.countyCode,
            userId,
            kind: 'call_overdue',
            eventId: null,
            orderId: null,
            data: {
              callId: row.id,
              address: row.address,
              areaCode: row.areaCode,
              itemCode: row.report.itemCode,
              itemName: items.get(row.report.itemCode)?.name ?? null,
              dueAt: dueAt.toISOString(),
            },
            dedupeKey: `call_overdue:${row.id}:${dueAt.toISOString()}`,
            createdAt: now,
          });
      }
      return notices;
    },

    /**
     * Places a waiting call at a point inside the area named and files it as its case. The call is claimed first,
     * so two people placing it at once file one case; the other is told who was first.
     */
    async place(actor: Actor, id: string, point: { lng: number; lat: number }) {
      const [row] = await db
        .select()
        .from(callToLocate)
        .where(and(eq(callToLocate.id, id), visible(actor)));
      if (!row) throw new AppError('event.not_found');
      if (row.status !== 'waiting')
        throw new AppError('event.call_placed', [{ field: 'id', reason: 'already_placed', value: row.caseNo ?? '' }]);
      const hit = await territory.locate(point.lng, point.lat);
      if (!hit) throw new AppError('event.outside_grids', [{ field: 'lng', reason: 'outside_all_grids' }]);
      if (!hit.grid.code.startsWith(row.areaCode))
        throw new AppError('event.outside_grids', [{ field: 'lng', reason: 'outside_named_area', value: row.areaCode }]);
      const claimed = await db
        .update(callToLocate)
        .set({ status: 'filed', placedBy: actor.id })
        .where(and(eq(callToLocate.countyCode, row.countyCode), eq(callToLocate.id, id), eq(callToLocate.status, 'waiting')))
        .returning();
      if (!claimed.length) throw new AppError('event.call_placed', [{ field: 'id', reason: 'already_placed' }]);
      try {
        // A pushed order becomes its channel's case, as it would have with a point: no reporter account, its order's key
        // (a resend finds it) and a tracking code; the one who placed it stays on the call.
        const pushed = row.receivedBy === null;
        const filed = await events.fileCase(pushed ? null : actor, hit.grid.code, {
          ...row.report,
          urgency: row.report.urgency as Urgency | undefined,
          lng: point.lng,
          lat: point.lat,
          photos: [],
          reporterPhone: row.phoneSealed ? fieldCrypto.decrypt(row.phoneSealed) : undefined,
          ...(pushed && { idempotencyKey: row.idempotencyKey ?? undefined, trackingCode: newTrackingCode(row.countyCode) }),
        });
        await db
          .update(callToLocate)
          .set({ eventId: filed.id, caseNo: filed.caseNo })
          .where(and(eq(callToLocate.countyCode, row.countyCode), eq(callToLocate.id, id)));
        return events.get(actor, filed.id);
      } catch (err) {
        await db
          .update(callToLocate)
          .set({ status: 'waiting', placedBy: null })
          .where(and(eq(callToLocate.countyCode, row.countyCode), eq(callToLocate.id, id)));
        throw err;
      }
    },
  };
}

export type CallsToLocate = ReturnType<typeof createCallsToLocate>;
