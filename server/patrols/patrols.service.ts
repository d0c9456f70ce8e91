import { chinaDate } from '../../shared/china-time.ts';
import { countyOf } from '../../shared/codes.ts';
import { fieldSettingsOf } from '../burden/index.ts';
import { casesReportedBy, catalogueItemNames } from '../events/index.ts';
import { claimedGrids, departmentsByCode } from '../org/index.ts';
import type { Actor } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { PageAsked } from '../platform/paging.ts';
import { gridsUnder, nodeNames, type TerritoryService } from '../territory/index.ts';
import { gridsOutside, gridsPassed, patrolMinutes, trackHorizon } from './patrols.core.ts';
import * as store from './patrols.store.ts';

type Locate = TerritoryService['locate'];
const notFound = (id: string) => new AppError('patrol.not_found', [{ field: 'id', reason: 'not_found', value: id }]);
const mayReadArea = (actor: Actor) => actor.permissions.includes('patrols.read');

export function createPatrolsService({ db, clock, locate }: { db: Db; clock: Clock; locate: Locate }) {
  /** The county a field caller works in: that of the node they are bound to. */
  const countyOfActor = (actor: Actor) => {
    const area = actor.areas[0]?.code;
    if (!area) throw new AppError('patrol.grid_outside', [{ field: 'area', reason: 'no_area' }]);
    return countyOf(area);
  };

  /** The grids a caller may patrol: a department's claimed grids, or the grids of a worker's jurisdiction. */
  async function patrollable(tx: Tx, actor: Actor): Promise<string[]> {
    if (actor.departmentCode) return claimedGrids(tx, actor.scope, actor.departmentCode);
    const grids = await Promise.all(actor.scope.prefixes.map((p) => gridsUnder(tx, actor.scope, p)));
    return grids.flat().map((g) => g.code);
  }

  /** A patrol as its summary; the track only to the worker who walked it, or to the area where the county shows it. */
  async function summary(tx: Tx, actor: Actor, row: store.PatrolRow) {
    const now = clock();
    const cases = await casesReportedBy(tx, {
      countyCode: row.countyCode,
      reporterId: row.userId,
      from: row.startedAt,
      to: row.endedAt ?? now,
    });
    const grids = gridsPassed(
      row.gridCodes,
      cases.map((c) => c.gridCode),
    );
    const [names, items, departments, settings] = await Promise.all([
      nodeNames(tx, grids),
      catalogueItemNames(tx, [...new Set(cases.map((c) => c.itemCode))]),
      departmentsByCode(tx, row.departmentCode ? [row.departmentCode] : []),
      fieldSettingsOf(tx, row.countyCode),
    ]);
    const trackShown = row.tracked && (row.userId === actor.id || settings.patrol_track_to_area);
    const track = trackShown ? await store.pointsOf(tx, row) : null;
    return {
      id: row.id,
      userName: row.userName,
      department: row.departmentCode
        ? { code: row.departmentCode, name: departments.get(row.departmentCode)?.name ?? row.departmentCode }
        : null,
      startedAt: row.startedAt.toISOString(),
      endedAt: row.endedAt?.toISOString() ?? null,
      minutes: patrolMinutes(row.startedAt, row.endedAt, now),
      grids: grids.map((code) => ({ code, name: names.get(code)?.name ?? code })),
      cases: cases.map((c) => ({
        id: c.id,
        caseNo: c.caseNo,
        itemName: items.get(c.itemCode) ?? c.itemCode,
        gridCode: c.gridCode,
        status: c.status,
        fixedOnSpot: c.fixedOnSpot,
      })),
      reported: cases.length,
      fixedOnSpot: cases.filter((c) => c.fixedOnSpot).length,
      note: row.note,
      tracked: row.tracked,
      track: track?.map((p) => ({ at: p.at.toISOString(), lng: p.lng, lat: p.lat })) ?? null,
      mine: row.userId === actor.id,
    };
  }

  async function getOwnOpen(tx: Tx, actor: Actor, id: string) {
    const row = await store.getPatrol(tx, id, { userId: actor.id }, true);
    if (!row || row.userId !== actor.id) throw notFound(id);
    if (row.endedAt) throw new AppError('patrol.ended', [{ field: 'id', reason: 'ended', value: id }]);
    return row;
  }

  return {
    /** The grids the caller may tick as passed, with names: their own, or their department's claimed ones. */
    async grids(actor: Actor) {
      const codes = await patrollable(db, actor);
      const names = await nodeNames(db, codes);
      return { items: codes.map((code) => ({ code, name: names.get(code)?.name ?? code })) };
    },

    /** Starts the caller's patrol; a resent start (same key) is the same patrol, a second one under way is refused. */
    async start(actor: Actor, input: { key: string }) {
      const countyCode = countyOfActor(actor);
      return db.transaction(async (tx) => {
        const again = await store.patrolByStartKey(tx, countyCode, actor.id, input.key);
        if (again) return summary(tx, actor, again);
        if (await store.openPatrolOf(tx, actor.id)) throw new AppError('patrol.already_open', [{ field: 'key', reason: 'open' }]);
        const settings = await fieldSettingsOf(tx, countyCode);
        const row = await store.insertPatrol(tx, {
          countyCode,
          userId: actor.id,
          userName: actor.displayName,
          departmentCode: actor.departmentCode,
          homeCode: actor.areas[0].code,
          startedAt: clock(),
          tracked: settings.patrol_track,
          startKey: input.key,
        });
        // The partial unique index is the last word when two starts race.
        if (!row) throw new AppError('patrol.already_open', [{ field: 'key', reason: 'open' }]);
        return summary(tx, actor, row);
      });
    },

    /** The caller's patrol under way, or null. */
    async current(actor: Actor) {
      const row = await store.openPatrolOf(db, actor.id);
      return { patrol: row ? await summary(db, actor, row) : null };
    },

    /** Adds points of a kept track (only where the county keeps tracks); their grids count as passed. */
    async track(actor: Actor, id: string, points: { at: string; lng: number; lat: number }[]) {
      // Located before the transaction: the spatial index may read the grids on its own connection.
      const located = await Promise.all(points.map(async (p) => ({ ...p, grid: (await locate(p.lng, p.lat))?.grid.code ?? null })));
      return db.transaction(async (tx) => {
        const row = await getOwnOpen(tx, actor, id);
        if (!row.tracked) throw new AppError('patrol.track_off', [{ field: 'points', reason: 'track_off' }]);
        const mine = new Set(await patrollable(tx, actor));
        await store.insertPoints(
          tx,
          located.map((p) => ({
            countyCode: row.countyCode,
            patrolId: row.id,
            at: new Date(p.at),
            lng: p.lng,
            lat: p.lat,
            gridCode: p.grid,
          })),
        );
        const passed = located.map((p) => p.grid).filter((g): g is string => g !== null && mine.has(g));
        await store.addPatrolGrids(tx, row, gridsPassed(row.gridCodes, passed));
        return { kept: located.length };
      });
    },

    /** Ends the caller's patrol with the grids they passed; ending it again answers the same summary. */
    async end(actor: Actor, id: string, input: { grids: string[]; note?: string }) {
      return db.transaction(async (tx) => {
        const row = await store.getPatrol(tx, id, { userId: actor.id }, true);
        if (!row || row.userId !== actor.id) throw notFound(id);
        if (row.endedAt) return summary(tx, actor, row);
        const outside = gridsOutside(input.grids, new Set(await patrollable(tx, actor)));
        if (outside.length)
          throw new AppError(
            'patrol.grid_outside',
            outside.map((g) => ({ field: 'grids', reason: 'not_patrollable', value: g })),
          );
        const ended = { endedAt: clock(), gridCodes: gridsPassed(row.gridCodes, input.grids), note: input.note?.trim() || null };
        await store.endPatrol(tx, row, ended);
        return summary(tx, actor, { ...row, ...ended });
      });
    },

    /** One patrol: the caller's own, or one of their area's as a summary. */
    async get(actor: Actor, id: string) {
      const row = await store.getPatrol(db, id, { userId: actor.id, area: mayReadArea(actor) ? actor.scope : undefined });
      if (!row) throw notFound(id);
      return summary(db, actor, row);
    },

    /** Patrols newest first: `mine` the caller's own, otherwise those of the caller's area. */
    async find(actor: Actor, q: { mine: boolean }, page: PageAsked) {
      const who = q.mine || !mayReadArea(actor) ? { userId: actor.id } : { area: actor.scope };
      const { rows, total } = await store.findPatrols(db, who, page);
      const items = [];
      for (const row of rows) items.push(await summary(db, actor, row));
      return { items, total };
    },

    /** Deletes the track points each county keeps past its days (the sweep; a second run deletes nothing more). */
    async sweepTracks() {
      const now = clock();
      let deleted = 0;
      for (const countyCode of await store.countiesWithPoints(db)) {
        const days = (await fieldSettingsOf(db, countyCode)).patrol_track_days;
        deleted += await store.deletePointsBefore(db, countyCode, trackHorizon(now, days));
      }
      return { deleted };
    },

    /** Today's zero report of the caller's village, and whether the county offers it. */
    async zeroReportToday(actor: Actor) {
      const village = villageOf(actor);
      const countyCode = countyOf(village.code);
      const enabled = (await fieldSettingsOf(db, countyCode)).zero_report;
      const day = chinaDate(clock());
      const row = await store.zeroReportOf(db, countyCode, village.code, day);
      return { enabled, day, village, report: row ? { at: row.at.toISOString(), byName: row.userName } : null };
    },

    /** 零报告: the village's "patrolled, nothing found" for today, once; a second tap answers the first one. */
    async reportZero(actor: Actor) {
      const village = villageOf(actor);
      const countyCode = countyOf(village.code);
      if (!(await fieldSettingsOf(db, countyCode)).zero_report)
        throw new AppError('patrol.zero_report_off', [{ field: 'county', reason: 'off', value: countyCode }]);
      const now = clock();
      const day = chinaDate(now);
      const { row, created } = await store.insertZeroReport(db, {
        countyCode,
        villageCode: village.code,
        day,
        userId: actor.id,
        userName: actor.displayName,
        at: now,
      });
      return { enabled: true, day, village, report: { at: row.at.toISOString(), byName: row.userName }, created };
    },
  };
}

/** The village workstation a caller is bound to. */
function villageOf(actor: Actor) {
  const village = actor.areas.find((a) => a.level === 'village');
  if (!village) throw new AppError('patrol.not_village', [{ field: 'area', reason: 'not_village' }]);
  return { code: village.code, name: village.name };
}

export type PatrolsService = ReturnType<typeof createPatrolsService>;
