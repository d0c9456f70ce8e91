/**
 * 指挥中心 (the command centre): the dashboard's charts and the map's grid colours for an area, every one a sum of
 * the roll-up's counters (decision 0016), never a scan of the cases.
 */
import { EVENT_SOURCES, OPEN_STATUSES, WARNING_COLOURS } from '../../shared/enums.ts';
import type { Actor } from '../platform/actor.ts';
import type { Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { verifiedPerGrid } from '../registry/index.ts';
import { INDICATORS, type IndicatorDef, lastDays, nextDay, parsePeriod, ratio } from './figures.core.ts';
import { createFigureScope, type FiguresQuery, type ScopeDeps } from './figures.scope.ts';
import * as store from './figures.store.ts';

export interface CommandDeps extends ScopeDeps {
  /** Catalogue items' names by code (events' front door). */
  itemNames(tx: Tx, codes: string[]): Promise<Map<string, string>>;
  /** A Tianditu browser key for the map's base layer, or null: the outlines the platform holds instead. */
  tiandituKey: string | null;
}

const OPEN_FACTS = OPEN_STATUSES.map((s) => `open_${s}`);
const WARNED_FACTS = WARNING_COLOURS.map((c) => `warned_${c}`);
/** Items, grids and units a ranking chart shows. */
export const TOP = 10;
/** Base data counts as covered when verified within this many days (the data-quality page's default window). */
export const BASE_DATA_VERIFIED_DAYS = 90;
/** The nodes one level below an area: the base-data chart has a bar for each (a village's are its grids). */
const CHILD_LENGTH: Record<string, number> = { city: 6, county: 9, township: 12, village: 15, grid: 15 };

const INDICATOR_BY_KEY = new Map(INDICATORS.map((d) => [d.key, d]));
export const MAP_INDICATORS = INDICATORS.map((d) => d.key);

/** The n largest of some per-key counts of one fact, largest first (ties by code, so a chart never reorders itself). */
function largest(rows: { key: string; fact: string; n: number }[], fact: string, n: number) {
  return rows
    .filter((r) => r.fact === fact && r.n > 0)
    .sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : 1))
    .slice(0, n);
}

export function createCommandCentre(deps: CommandDeps) {
  const { db } = deps;
  const { today, resolve, scopeView } = createFigureScope(deps);

  /** Names of units by code: departments, else area nodes. */
  async function unitNames(codes: string[]) {
    const [departments, nodes] = await Promise.all([deps.departmentsByCode(db, codes), deps.nodeNames(db, codes)]);
    return (code: string) => departments.get(code)?.name ?? nodes.get(code)?.name ?? code;
  }

  /**
   * Lead units ranked by 按期处置率 (handled on time ÷ dispatched) over the period, then by how many cases they were
   * sent; units never sent a case are left out.
   */
  async function unitRanking(filter: store.FigureFilter) {
    const rows = await store.sumFactsBy(db, filter, ['dispatched', 'handled_on_time'], 'unitCode');
    const byUnit = new Map<string, { dispatched: number; handledOnTime: number }>();
    for (const r of rows) {
      if (r.key === '') continue;
      const u = byUnit.get(r.key) ?? { dispatched: 0, handledOnTime: 0 };
      if (r.fact === 'dispatched') u.dispatched = r.n;
      else u.handledOnTime = r.n;
      byUnit.set(r.key, u);
    }
    const name = await unitNames([...byUnit.keys()]);
    return [...byUnit]
      .filter(([, u]) => u.dispatched > 0)
      .map(([code, u]) => ({ code, name: name(code), ...u, onTimeRate: ratio(u.handledOnTime, u.dispatched) ?? 0 }))
      .sort((a, b) => b.onTimeRate - a.onTimeRate || b.dispatched - a.dispatched || (a.code < b.code ? -1 : 1))
      .slice(0, TOP);
  }

  /**
   * 基础数据: the people and houses on record under the area and the share verified in the last 90 days, for the
   * area and for each node right below it that holds any.
   */
  async function baseData(area: { prefix: string; level: string }) {
    const now = deps.clock();
    const perGrid = await verifiedPerGrid(db, {
      prefix: area.prefix,
      since: new Date(now.getTime() - BASE_DATA_VERIFIED_DAYS * 86_400_000),
      // Up to and including this instant (the window's end is exclusive).
      until: new Date(now.getTime() + 1),
    });
    const length = CHILD_LENGTH[area.level] ?? 15;
    const byChild = new Map<string, { records: number; verified: number }>();
    for (const [grid, n] of perGrid) {
      const child = byChild.get(grid.slice(0, length)) ?? { records: 0, verified: 0 };
      child.records += n.total;
      child.verified += n.verified;
      byChild.set(grid.slice(0, length), child);
    }
    const names = await deps.nodeNames(db, [...byChild.keys()]);
    const children = [...byChild]
      .map(([code, n]) => ({ code, name: names.get(code)?.name ?? code, ...n, rate: ratio(n.verified, n.records) ?? 0 }))
      .sort((a, b) => a.rate - b.rate || (a.code < b.code ? -1 : 1));
    const records = children.reduce((sum, c) => sum + c.records, 0);
    const verified = children.reduce((sum, c) => sum + c.verified, 0);
    return { verifiedWithinDays: BASE_DATA_VERIFIED_DAYS, records, verified, rate: ratio(verified, records), children };
  }

  return {
    /**
     * The command centre's charts for an area: intake by source, warnings by colour, the items and grids most
     * reported, units ranked and satisfaction over the period; open cases by status now (whenever reported);
     * reported/closed for each of the last 30 days; and how much of the area's base data was verified lately.
     */
    async dashboard(actor: Actor, asked: Omit<FiguresQuery, 'period'> & { period?: string }) {
      const q = { ...asked, period: asked.period ?? today().slice(0, 7) };
      const r = await resolve(actor, q);
      const trend = lastDays(today(), 30);
      const all = parsePeriod('all', today());
      const [bySource, sums, open, byDay, byItem, byGrid, units, base] = await Promise.all([
        store.sumFactsBy(db, r.filter, ['reported'], 'source'),
        store.sumFacts(db, r.filter, ['reported', 'open', 'closed', 'overdue', 'warned', 'rated', 'satisfied', ...WARNED_FACTS]),
        store.sumFacts(db, { ...r.filter, fromDay: all.fromDay, toDay: all.toDay }, OPEN_FACTS),
        store.sumFactsBy(db, { ...r.filter, fromDay: trend.fromDay, toDay: trend.toDay }, ['reported', 'closed'], 'day'),
        store.sumFactsBy(db, r.filter, ['reported'], 'itemCode'),
        store.sumFactsBy(db, r.filter, ['reported'], 'gridCode'),
        unitRanking(r.filter),
        baseData(r.area),
      ]);
      const topItems = largest(byItem, 'reported', TOP);
      const topGrids = largest(byGrid, 'reported', TOP);
      const [itemNames, gridNames] = await Promise.all([
        deps.itemNames(
          db,
          topItems.map((i) => i.key),
        ),
        deps.nodeNames(
          db,
          topGrids.map((g) => g.key),
        ),
      ]);
      const sourceN = new Map(bySource.map((s) => [s.key, s.n]));
      const days: { day: string; reported: number; closed: number }[] = [];
      for (let d = trend.fromDay; d < trend.toDay; d = nextDay(d)) days.push({ day: d, reported: 0, closed: 0 });
      const slot = new Map(days.map((d) => [d.day, d]));
      for (const row of byDay) {
        const day = slot.get(row.key);
        if (day) day[row.fact as 'reported' | 'closed'] = row.n;
      }
      const of = (fact: string) => sums.get(fact) ?? 0;
      return {
        ...scopeView(r, q),
        totals: { reported: of('reported'), open: of('open'), closed: of('closed'), overdue: of('overdue'), warned: of('warned') },
        intakeBySource: EVENT_SOURCES.map((source) => ({ source, n: sourceN.get(source) ?? 0 })),
        openByStatus: OPEN_STATUSES.map((status) => ({ status, n: open.get(`open_${status}`) ?? 0 })),
        warnedByColour: WARNING_COLOURS.map((colour) => ({ colour, n: of(`warned_${colour}`) })),
        trend: { from: trend.fromDay, days },
        topItems: topItems.map((i) => ({ code: i.key, name: itemNames.get(i.key) ?? i.key, n: i.n })),
        topGrids: topGrids.map((g) => ({ code: g.key, name: gridNames.get(g.key)?.name ?? g.key, n: g.n })),
        units,
        satisfaction: { rated: of('rated'), satisfied: of('satisfied'), rate: ratio(of('satisfied'), of('rated')) },
        baseData: base,
      };
    },

    /**
     * One indicator for every grid of the area over the period, for the map to colour them; grids with nothing
     * to count are left out (the map shows them uncoloured). The base layer the map should draw comes with it.
     */
    async map(actor: Actor, asked: Omit<FiguresQuery, 'period'> & { period?: string; indicator: string }) {
      const def: IndicatorDef | undefined = INDICATOR_BY_KEY.get(asked.indicator);
      if (!def) throw new AppError('request.invalid', [{ field: 'querystring.indicator', reason: 'enum', value: asked.indicator }]);
      const q = { ...asked, period: asked.period ?? today().slice(0, 7) };
      const r = await resolve(actor, q);
      const facts = def.denominator ? [def.numerator, def.denominator] : [def.numerator];
      const rows = await store.sumFactsBy(db, r.filter, facts, 'gridCode');
      const byGrid = new Map<string, { numerator: number; denominator: number }>();
      for (const row of rows) {
        const g = byGrid.get(row.key) ?? { numerator: 0, denominator: 0 };
        if (row.fact === def.numerator) g.numerator = row.n;
        if (row.fact === def.denominator) g.denominator = row.n;
        byGrid.set(row.key, g);
      }
      const names = await deps.nodeNames(db, [...byGrid.keys()]);
      return {
        ...scopeView(r, q),
        indicator: { key: def.key, kind: def.kind, name: def.name, definition: def.definition, numerator: def.numerator },
        grids: [...byGrid].map(([code, g]) => ({
          code,
          name: names.get(code)?.name ?? code,
          value: def.kind === 'rate' ? ratio(g.numerator, g.denominator) : g.numerator,
          numerator: g.numerator,
          denominator: def.denominator ? g.denominator : null,
        })),
        basemap: deps.tiandituKey ? { kind: 'tianditu' as const, key: deps.tiandituKey } : { kind: 'outlines' as const, key: null },
      };
    },
  };
}

export type CommandCentre = ReturnType<typeof createCommandCentre>;
