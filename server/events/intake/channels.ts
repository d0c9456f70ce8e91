/**
 * Reports through an open interface (Open311, the 12345 hotline, video and sensor alarms): the same citizen report as the public page's —
 * located to its grid, given a tracking code, sealed phone, counted once per device, idempotent on the key the
 * interface derives — marked with the channel it came through, and read back by that channel alone. What goes
 * out is what a citizen may see of their report (intake.service.ts publicView): its progress, the handling unit's
 * name and reply, never a staff member's name, a phone or the notes staff wrote along the way.
 */

import type { DeviceKind, Urgency } from '../../../shared/enums.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { createOnce } from '../../platform/idempotency.ts';
import { scopeOf } from '../../platform/scope.ts';
import type { RecordLookup } from '../../registry/index.ts';
import type { TerritoryService } from '../../territory/index.ts';
import { offeredNodes } from '../catalogue/catalogue.core.ts';
import type { CatalogueRule } from '../catalogue/catalogue.seed.ts';
import { listNodes } from '../catalogue/catalogue.store.ts';
import { limitOf, type StageLimit } from '../loop/deadlines.core.ts';
import { OPEN_STATUSES } from '../loop/event-actions.core.ts';
import { withEventNames } from '../loop/event-names.ts';
import type { EventsService } from '../loop/events.service.ts';
import type { EventRow } from '../loop/events.store.ts';
import { deviceReporterKey, formatTrackingCode, newTrackingCode } from './intake.core.ts';
import { caseNosOf, channelCases, citizenReportByKey, repliesOf } from './intake.store.ts';
import { refuseRepeatOfDevice } from './repeats.ts';
import type { CallsToLocate, ChannelCallInput } from './to-locate.ts';

/** The open interfaces a citizen's report may come in through. */
export const CHANNELS = ['open311', 'hotline', 'alarms'] as const;
export type Channel = (typeof CHANNELS)[number];

/** An item open to citizens, as an interface lists it. */
export interface CitizenService {
  code: string;
  name: string;
  /** The minor class it is under (市容环境类) and the major class above that (城市管理). */
  group: string | null;
  major: string | null;
  /** How long the unit it goes to has to handle it, from dispatch. */
  handleLimit: StageLimit;
  /** Components' items (GB/T 47678.5 classes 01–05, "…异常"): a report may name the component by its code. */
  aboutFacility: boolean;
}

export interface ChannelReportInput {
  channel: Channel;
  /** The county the interface's client is bound to: a point in another county is refused. */
  countyCode: string;
  itemCode: string;
  lng: number;
  lat: number;
  description: string;
  /** Plain; stored sealed like every phone. */
  phone?: string;
  reporterName?: string;
  /** The reporting device's id as the client sent it; only its keyed hash is kept. */
  deviceId?: string;
  /** A component's code (管理部件标识码) the report is about; it must be on record in the county. */
  facilityCode?: string;
  /** Derived by the interface from its client and the request, so a retry finds the first report. */
  idempotencyKey: string;
  /** A 12345 work order is a hotline report (source hotline) carrying the platform's order number and urgency. */
  hotline?: { orderNo: string; urgency: Urgency };
  /** An alarm of a video or sensor platform is a report of that source, with its snapshot (a photo key) if any. */
  alarm?: { source: DeviceKind; photos: string[] };
}

/** What the interface answers a report with. */
export interface ChannelReceipt {
  id: string;
  countyCode: string;
  caseNo: string;
  trackingCode: string;
  status: string;
}

/** A report as the interface reads it back: the loop's state in names, no person. */
export interface ChannelCase {
  id: string;
  countyCode: string;
  caseNo: string;
  status: string;
  closed: boolean;
  itemCode: string;
  itemName: string | null;
  description: string;
  lng: number;
  lat: number;
  reportedAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  /** The handling deadline while one runs. */
  dueAt: Date | null;
  /** Who is responsible now, by name: the lead unit once dispatched, else the centre that owns it. */
  agencyName: string | null;
  gridName: string | null;
  villageName: string | null;
  townshipName: string | null;
  /** The handling unit's reply, once it has answered. */
  reply: string | null;
  /** The case a merged duplicate went into, by number. */
  mergedIntoCaseNo: string | null;
}

export interface ChannelCaseQuery {
  channel: Channel;
  countyCode: string;
  /** When given, exactly these cases (and no other filter applies). */
  caseNos?: string[];
  itemCodes?: string[];
  /** true: closed ones only; false: open ones only; undefined: both. */
  closed?: boolean;
  from?: Date;
  to?: Date;
  limit: number;
}

/** Urban-management items about a component: GB/T 47678.5 classes 01–05 under the catalogue's `CG` (standards §1.3). */
const FACILITY_ITEM = /^CG0[1-5]\d{3}$/;

export function createChannelIntake({
  db,
  clock,
  config,
  territory,
  events,
  fieldCrypto,
  records,
  calls,
}: {
  db: Db;
  clock: Clock;
  config: Config;
  territory: TerritoryService;
  events: EventsService;
  fieldCrypto: FieldCrypto;
  records: RecordLookup;
  /** Calls waiting for a place (to-locate.ts): where an order pushed with an address and no point waits. */
  calls: Pick<CallsToLocate, 'receiveFromChannel'>;
}) {
  const receipt = (row: EventRow): ChannelReceipt => ({
    id: row.id,
    countyCode: row.countyCode,
    caseNo: row.caseNo,
    trackingCode: formatTrackingCode(row.trackingCode!),
    status: row.status,
  });

  return {
    /** The items a citizen may report (the public page's list), with what an interface tells about each. */
    async services(): Promise<CitizenService[]> {
      const nodes = offeredNodes(await listNodes(db));
      const byCode = new Map(nodes.map((n) => [n.code, n]));
      return nodes
        .filter((n) => n.kind === 'item')
        .map((n) => {
          const minor = n.parentCode ? byCode.get(n.parentCode) : undefined;
          const major = minor?.parentCode ? byCode.get(minor.parentCode) : undefined;
          return {
            code: n.code,
            name: n.name,
            group: minor?.name ?? null,
            major: major?.name ?? null,
            handleLimit: limitOf((n.rule as CatalogueRule).limits, 'handle'),
            aboutFacility: FACILITY_ITEM.test(n.code),
          };
        });
    },

    /**
     * A citizen's report through an interface, inside the client's county. The first report under a key is
     * filed; a retry, or a request racing it, gets that same report back.
     */
    async report(input: ChannelReportInput): Promise<ChannelReceipt> {
      const hit = await territory.locate(input.lng, input.lat);
      if (!hit) throw new AppError('event.outside_grids', [{ field: 'long', reason: 'outside_all_grids' }]);
      if (hit.county.code !== input.countyCode)
        throw new AppError('event.outside_jurisdiction', [{ field: 'long', reason: 'outside_jurisdiction', value: hit.county.name }]);
      const row = await createOnce(input.idempotencyKey, {
        find: (key) => citizenReportByKey(db, input.countyCode, key),
        create: async () => {
          const facility = input.facilityCode
            ? await records.find({ scope: scopeOf([input.countyCode]) }, 'facility', input.facilityCode)
            : undefined;
          if (input.facilityCode && !facility)
            throw new AppError('event.subject_not_found', [{ field: 'facility_code', reason: 'not_found', value: input.facilityCode }]);
          const deviceKey = input.deviceId ? deviceReporterKey(fieldCrypto.searchHash(input.deviceId)) : undefined;
          if (deviceKey) await refuseRepeatOfDevice(db, { ...input, deviceKey, now: clock(), ...config.repeats });
          return events.fileCase(null, hit.grid.code, {
            itemCode: input.itemCode,
            lng: input.lng,
            lat: input.lat,
            description: input.description,
            photos: input.alarm?.photos ?? [],
            source: input.hotline ? 'hotline' : (input.alarm?.source ?? 'citizen'),
            externalNo: input.hotline?.orderNo,
            urgency: input.hotline?.urgency,
            channel: input.channel,
            reporterName: input.reporterName,
            reporterPhone: input.phone,
            idempotencyKey: input.idempotencyKey,
            trackingCode: newTrackingCode(input.countyCode),
            deviceKey,
            subject: facility ? { type: 'facility', key: facility.key } : undefined,
          });
        },
      });
      return receipt(row);
    },

    /**
     * An order with an address and no point (待定位): it waits for the named area's grid team or the county's centre to
     * place it, then continues round the loop as the channel's case.
     */
    toLocate: (input: ChannelCallInput) => calls.receiveFromChannel(input),

    /** The channel's own reports of a county, newest first, with the loop's state in names. */
    async cases(q: ChannelCaseQuery): Promise<ChannelCase[]> {
      const rows = await withEventNames(db, await channelCases(db, q));
      const [replies, masters] = await Promise.all([
        repliesOf(
          db,
          q.countyCode,
          rows.map((r) => r.id),
        ),
        caseNosOf(
          db,
          q.countyCode,
          rows.flatMap((r) => (r.mergedInto ? [r.mergedInto] : [])),
        ),
      ]);
      return rows.map((r) => ({
        id: r.id,
        countyCode: r.countyCode,
        caseNo: r.caseNo,
        status: r.status,
        closed: !OPEN_STATUSES.includes(r.status as never),
        itemCode: r.itemCode,
        itemName: r.itemName,
        description: r.description,
        lng: r.lng,
        lat: r.lat,
        reportedAt: r.reportedAt,
        updatedAt: r.updatedAt,
        closedAt: r.closedAt,
        dueAt: r.dueAt,
        agencyName: r.leadUnitName ?? r.ownerName,
        gridName: r.gridName,
        villageName: r.villageName,
        townshipName: r.townshipName,
        reply: replies.get(r.id) ?? null,
        mergedIntoCaseNo: r.mergedInto ? (masters.get(r.mergedInto) ?? null) : null,
      }));
    },
  };
}

export type ChannelIntake = ReturnType<typeof createChannelIntake>;
