/**
 * Intake beside the field report: citizens on the public page (no account; a tracking code finds their report
 * again) and the "me too" offer of open cases nearby. Writes go through the events service, so a citizen's
 * report and rating are the same rows, actions and notifications as anyone's.
 */

import type { Actor } from '../../platform/actor.ts';
import type { WorkingCalendar } from '../../platform/calendar/calendar.core.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { createOnce } from '../../platform/idempotency.ts';
import type { TerritoryService } from '../../territory/index.ts';
import { offeredNodes } from '../catalogue/catalogue.core.ts';
import type { CatalogueMemory } from '../catalogue/catalogue.memory.ts';
import { getNode, listNodes } from '../catalogue/catalogue.store.ts';
import type { Rating } from '../loop/event-actions.core.ts';
import type { EventsService } from '../loop/events.service.ts';
import * as store from '../loop/events.store.ts';
import { deviceReporterKey, formatTrackingCode, newTrackingCode, normalizeTrackingCode } from './intake.core.ts';
import { byTrackingCode, citizenReportByKey, eventInCounty } from './intake.store.ts';
import { exportRepeatOrders, findRepeatOrders } from './repeat-orders.ts';
import { nearbyOpen, refuseRepeatOfDevice } from './repeats.ts';
import { createCallsToLocate } from './to-locate.ts';

export interface PublicReportInput {
  itemCode: string;
  lng: number;
  lat: number;
  description: string;
  photos: string[];
  phone?: string;
  idempotencyKey?: string;
  deviceId?: string;
}

export function createIntakeService({
  db,
  clock,
  config,
  territory,
  events,
  fieldCrypto,
  catalogue,
  calendar,
}: {
  db: Db;
  clock: Clock;
  config: Config;
  territory: TerritoryService;
  events: EventsService;
  fieldCrypto: FieldCrypto;
  catalogue: CatalogueMemory;
  calendar: WorkingCalendar;
}) {
  /** The report behind a code, or 404 whether the code is malformed or unknown: a guess learns nothing either way. */
  async function reportOf(code: string) {
    const normalized = normalizeTrackingCode(code);
    const row = normalized ? await byTrackingCode(db, normalized) : undefined;
    if (!row) throw new AppError('public.not_found', [{ field: 'code', reason: 'not_found' }]);
    return row;
  }

  /**
   * What a citizen may see of their report: its progress and the handler's reply. Never who acted, who else
   * reported it, the phone, or the notes staff wrote along the way.
   */
  async function publicView(row: store.EventRow) {
    const item = await getNode(db, row.itemCode);
    const history = await store.actionsOf(db, row.countyCode, row.id);
    const reply = history.filter((a) => a.action === 'handle' || a.action === 'fix_on_spot').at(-1)?.note ?? null;
    const master = row.mergedInto ? await eventInCounty(db, row.countyCode, row.mergedInto) : undefined;
    return {
      trackingCode: formatTrackingCode(row.trackingCode!),
      caseNo: row.caseNo,
      itemName: item?.name ?? row.itemCode,
      status: row.status,
      description: row.description,
      reportedAt: row.reportedAt,
      closedAt: row.closedAt,
      rating: row.rating,
      reply,
      timeline: history.filter((a) => a.fromStatus !== a.toStatus).map((a) => ({ status: a.toStatus, at: a.at })),
      canRate: row.status === 'closed',
      mergedInto: master ? { caseNo: master.caseNo, status: master.status } : null,
    };
  }

  return {
    /** Hotline calls with only an address, waiting for the grid team to place them (to-locate.ts). */
    calls: createCallsToLocate({
      db,
      clock,
      territory,
      events,
      fieldCrypto,
      catalogue,
      calendar,
      locateWorkingHours: config.locateWorkingHours,
    }),

    /** The catalogue as a citizen picks from it: offered items, names only. */
    async publicCatalogue() {
      const nodes = offeredNodes(await listNodes(db));
      const names = new Map(nodes.map((n) => [n.code, n.name]));
      return nodes
        .filter((n) => n.kind === 'item')
        .map((n) => ({ code: n.code, name: n.name, group: (n.parentCode && names.get(n.parentCode)) || null }));
    },

    /** A citizen's report: anywhere inside a grid, no jurisdiction to check; answered with its tracking code. */
    async publicReport(input: PublicReportInput) {
      const hit = await territory.locate(input.lng, input.lat);
      if (!hit) throw new AppError('event.outside_grids', [{ field: 'lng', reason: 'outside_all_grids' }]);
      const row = await createOnce(input.idempotencyKey, {
        find: (key) => citizenReportByKey(db, hit.county.code, key),
        create: async () => {
          // The device as a keyed hash only: the id itself is never stored.
          const deviceKey = input.deviceId ? deviceReporterKey(fieldCrypto.searchHash(input.deviceId)) : undefined;
          if (deviceKey)
            await refuseRepeatOfDevice(db, { countyCode: hit.county.code, deviceKey, ...input, now: clock(), ...config.repeats });
          return events.fileCase(null, hit.grid.code, {
            itemCode: input.itemCode,
            lng: input.lng,
            lat: input.lat,
            description: input.description,
            photos: input.photos,
            source: 'citizen',
            reporterPhone: input.phone,
            idempotencyKey: input.idempotencyKey,
            trackingCode: newTrackingCode(hit.county.code),
            deviceKey,
          });
        },
      });
      return publicView(row);
    },

    async track(code: string) {
      return publicView(await reportOf(code));
    },

    /** The citizen's return visit (回访) of their own closed report: the loop's `visit` step, by the reporter. */
    async rate(code: string, input: { rating: Rating; note?: string }) {
      const row = await reportOf(code);
      return publicView(await events.step(null, row, 'visit', row.version, input));
    },

    repeatOrders: (actor: Actor, q: { from?: string; to?: string }) => findRepeatOrders(db, actor, q, clock()),
    exportRepeatOrders: (actor: Actor, q: { from?: string; to?: string }) => exportRepeatOrders(db, actor, q, clock()),

    /** Open cases of the same item near a point, offered to the reporter as "me too". */
    async nearby(actor: Actor, q: { itemCode: string; lng: number; lat: number }) {
      return nearbyOpen(db, actor, { ...q, now: clock(), ...config.repeats });
    },
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;
