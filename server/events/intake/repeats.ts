/**
 * Repeats: the same item near the same place. A reporter is offered the open cases nearby and may join one
 * ("me too") instead of opening another; a merged duplicate brings its reports to the case it joins. Either
 * way the count rises with an action row on the case, in the same transaction (invariant 1).
 */

import type { Actor } from '../../platform/actor.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { boxAround, distanceMeters } from '../../platform/distance.core.ts';
import { AppError } from '../../platform/errors.ts';
import type { CaseHooks } from '../loop/case-log.ts';
import { type EventStatus, OPEN_STATUSES } from '../loop/event-actions.core.ts';
import * as store from '../loop/events.store.ts';
import { authorOf, REPEAT_REPORTS, userReporterKey } from './intake.core.ts';
import { addReports, claimReporter, lockEvent, meTooByKey, openCaseOfReporterNear, openCasesNear, reporterKeysOf } from './intake.store.ts';

/** The centre needs the nearest few to decide a merge, not every one. */
export const POSSIBLE_REPEATS_SHOWN = 10;

const isOpen = (status: string) => OPEN_STATUSES.includes(status as EventStatus);

export interface MeTooInput {
  sameAs: string;
  lng: number;
  lat: number;
  description: string;
  photos: string[];
  idempotencyKey?: string;
}

/** Adds the caller's report to an open case of their jurisdiction; the same idempotency key again adds nothing. */
export async function meToo(
  db: Db,
  { actor, now, input, hooks }: { actor: Actor; now: Date; input: MeTooInput; hooks?: CaseHooks },
): Promise<store.EventRow> {
  const target = await store.getEvent(db, actor.scope, input.sameAs);
  if (!target) throw new AppError('event.not_found', [{ field: 'sameAs', reason: 'not_found', value: input.sameAs }]);
  return db.transaction(async (tx) => {
    const locked = await lockEvent(tx, target);
    if (input.idempotencyKey && (await meTooByKey(tx, locked, actor.id, input.idempotencyKey))) return locked;
    if (!isOpen(locked.status)) throw new AppError('event.same_as_closed', [{ field: 'sameAs', reason: `not_open_${locked.status}` }]);
    // One person counts once per case: their own report, or their first "me too" (a retry was answered above).
    if (locked.reporterId === actor.id || !(await claimReporter(tx, locked, userReporterKey(actor.id), now)))
      throw new AppError('event.already_reported', [{ field: 'sameAs', reason: 'once_per_person', value: locked.id }]);
    const { row, seq } = await addReports(tx, locked, 1, now);
    await store.insertAction(tx, {
      countyCode: row.countyCode,
      eventId: row.id,
      seq,
      action: 'me_too',
      ...authorOf(actor),
      at: now,
      fromStatus: row.status,
      toStatus: row.status,
      note: input.description,
      photos: input.photos,
      data: { reports: row.reports, lng: input.lng, lat: input.lat, idempotencyKey: input.idempotencyKey ?? null },
    });
    await hooks?.run(tx, [row]);
    return row;
  });
}

/** Merging a duplicate: its reports join the master's count, with a row in the master's history (inside the merge's transaction). */
export async function mergeReports(
  tx: Tx,
  q: {
    actor: Actor;
    duplicate: store.EventRow;
    masterId: string;
    now: Date;
    reason: string | null;
    repeats: { radiusMeters: number; windowDays: number };
  },
): Promise<void> {
  const { actor, duplicate, masterId, now } = q;
  const master = await store.getEvent(tx, actor.scope, masterId);
  const refused = !master ? 'not_found' : master.id === duplicate.id ? 'self' : isOpen(master.status) ? null : `not_open_${master.status}`;
  if (!master || refused)
    throw new AppError('event.master_invalid', [{ field: 'masterId', reason: refused ?? 'not_found', value: masterId }]);
  // Not a repeat as intake looks for them (same item, within the radius and the window): the dispatcher says why.
  const apart = repeatGap(master, duplicate, q.repeats);
  if (apart && !q.reason) throw new AppError('event.reason_required', [{ field: 'note', reason: apart }]);
  await lockEvent(tx, master);
  const { row, seq } = await addReports(tx, master, await newReporters(tx, master, duplicate, now), now);
  await store.insertAction(tx, {
    countyCode: row.countyCode,
    eventId: row.id,
    seq,
    action: 'duplicate_merged',
    ...authorOf(actor),
    at: now,
    fromStatus: row.status,
    toStatus: row.status,
    note: duplicate.description,
    photos: duplicate.photos,
    data: { duplicateId: duplicate.id, caseNo: duplicate.caseNo, reports: duplicate.reports, total: row.reports },
  });
}

const DAY_MS = 86_400_000;

/** Why two cases are not repeats of each other as intake flags them (possibleRepeats), or null when they are. */
export function repeatGap(
  a: Pick<store.EventRow, 'itemCode' | 'lng' | 'lat' | 'reportedAt'>,
  b: Pick<store.EventRow, 'itemCode' | 'lng' | 'lat' | 'reportedAt'>,
  repeats: { radiusMeters: number; windowDays: number },
): 'merge_across_items' | 'merge_beyond_repeat_radius' | 'merge_beyond_repeat_window' | null {
  if (a.itemCode !== b.itemCode) return 'merge_across_items';
  if (distanceMeters(a, b) > repeats.radiusMeters) return 'merge_beyond_repeat_radius';
  if (Math.abs(a.reportedAt.getTime() - b.reportedAt.getTime()) > repeats.windowDays * DAY_MS) return 'merge_beyond_repeat_window';
  return null;
}

/**
 * How many of a duplicate's reports are new to the case it joins: each person or device counts once
 * (event_reporter), and reports nobody can be told apart by (a citizen without a device id) count as they are.
 */
async function newReporters(tx: Tx, master: store.EventRow, duplicate: store.EventRow, now: Date): Promise<number> {
  const ownKey = (row: store.EventRow) => (row.reporterId ? [userReporterKey(row.reporterId)] : []);
  for (const key of ownKey(master)) await claimReporter(tx, master, key, master.reportedAt);
  const keys = [...new Set([...ownKey(duplicate), ...(await reporterKeysOf(tx, duplicate))])];
  let added = Math.max(0, duplicate.reports - keys.length);
  for (const key of keys) if (await claimReporter(tx, master, key, now)) added++;
  return added;
}

/** Open cases of the item within `radiusMeters` reported in the last `windowDays`, nearest first. */
export async function nearbyOpen(
  db: Db,
  actor: Actor,
  q: { itemCode: string; lng: number; lat: number; now: Date; radiusMeters: number; windowDays: number },
) {
  const since = new Date(q.now.getTime() - q.windowDays * 86_400_000);
  const rows = await openCasesNear(db, actor.scope, { itemCode: q.itemCode, since, box: boxAround(q, q.radiusMeters) });
  return rows
    .map((r) => ({ r, distance: distanceMeters(q, r) }))
    .filter(({ distance }) => distance <= q.radiusMeters)
    .sort((a, b) => a.distance - b.distance)
    .map(({ r, distance }) => ({
      id: r.id,
      caseNo: r.caseNo,
      status: r.status,
      itemCode: r.itemCode,
      description: r.description,
      lng: r.lng,
      lat: r.lat,
      photos: r.photos,
      reportedAt: r.reportedAt,
      reports: r.reports,
      repeat: r.reports >= REPEAT_REPORTS,
      distanceMeters: Math.round(distance),
    }));
}

/**
 * A citizen's device counts once per case: a second report from it of the same item near one of its own open
 * reports is refused, naming the case it already counts towards, instead of opening a repeat of itself.
 */
export async function refuseRepeatOfDevice(
  db: Db,
  q: {
    countyCode: string;
    deviceKey: string;
    itemCode: string;
    lng: number;
    lat: number;
    now: Date;
    radiusMeters: number;
    windowDays: number;
  },
): Promise<void> {
  const since = new Date(q.now.getTime() - q.windowDays * 86_400_000);
  const own = await openCaseOfReporterNear(db, { ...q, reporterKey: q.deviceKey, since, box: boxAround(q, q.radiusMeters) });
  const hit = own.find((r) => distanceMeters(q, r) <= q.radiusMeters);
  if (hit) throw new AppError('event.already_reported', [{ field: 'deviceId', reason: 'once_per_device', value: hit.caseNo }]);
}

/**
 * What the accepting centre is told about a case at intake: other open cases of the same item within the
 * repeat radius, reported within the repeat window before or after it, in the caller's jurisdiction, nearest
 * first. Empty for a case no longer open. The centre merges or not; nothing is merged by itself.
 */
export async function possibleRepeatsOf(
  db: Db,
  actor: Actor,
  row: Pick<store.EventRow, 'id' | 'itemCode' | 'lng' | 'lat' | 'reportedAt' | 'status'>,
  q: { radiusMeters: number; windowDays: number },
) {
  if (!isOpen(row.status)) return [];
  return possibleRepeatsAmong(await repeatCandidates(db, actor, row, q), row, q);
}

/**
 * The open cases of the item in the box around a point and the window around a time, in the caller's
 * jurisdiction: read before a new case's own statement has run, beside it, they are the same (0035).
 */
export function repeatCandidates(
  db: Db,
  actor: Actor,
  at: Pick<store.EventRow, 'itemCode' | 'lng' | 'lat' | 'reportedAt'>,
  q: { radiusMeters: number; windowDays: number },
) {
  const window = q.windowDays * 86_400_000;
  return openCasesNear(db, actor.scope, {
    itemCode: at.itemCode,
    since: new Date(at.reportedAt.getTime() - window),
    until: new Date(at.reportedAt.getTime() + window),
    box: boxAround(at, q.radiusMeters),
  });
}

/** The possible repeats of `row` among the candidates: itself left out, within the radius, nearest first; none once it is closed. */
export function possibleRepeatsAmong(
  rows: Awaited<ReturnType<typeof openCasesNear>>,
  row: Pick<store.EventRow, 'id' | 'lng' | 'lat' | 'status'>,
  q: { radiusMeters: number },
) {
  if (!isOpen(row.status)) return [];
  return rows
    .filter((r) => r.id !== row.id)
    .map((r) => ({ r, distance: distanceMeters(row, r) }))
    .filter(({ distance }) => distance <= q.radiusMeters)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, POSSIBLE_REPEATS_SHOWN)
    .map(({ r, distance }) => ({
      id: r.id,
      caseNo: r.caseNo,
      status: r.status,
      reportedAt: r.reportedAt,
      reports: r.reports,
      distanceMeters: Math.round(distance),
    }));
}
