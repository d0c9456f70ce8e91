import { chinaDate, chinaMonth, startOfChinaMonth } from '../../shared/china-time.ts';
import type { DisputeFigureDimension, DisputeFigureMeasure } from '../../shared/disputes.ts';
import type { Actor } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { codeInScope } from '../platform/scope.ts';
import { nodeNames } from '../territory/index.ts';
import { checkMonths, type FigureRow, measureFilter, summarise } from './dispute-figures.core.ts';
import * as store from './dispute-figures.store.ts';
import { mediationFigures } from './disputes.store.ts';

const monthStart = (m: string, after = 0) => startOfChinaMonth(Number(m.slice(0, 4)), Number(m.slice(5, 7)) + after);

export interface FigureQuery {
  areaCode: string;
  from: string;
  to: string;
  by: DisputeFigureDimension;
}

export const DRILL_SHOWN = 200;

/**
 * The dispute figures for an area and months, by one dimension, from the roll-up: what the console shows and what
 * the assessment and the briefing may call (disputes/index.ts). The caller has checked the area is theirs.
 */
export async function disputeFigures(tx: Tx, q: FigureQuery): Promise<FigureRow[]> {
  const problems = checkMonths(q.from, q.to);
  if (problems.length) throw new AppError('dispute_figures.invalid', problems);
  return summarise(await store.figureCells(tx, q.areaCode, q.from, q.to, q.by));
}

export function createDisputeFigures({ db, clock }: { db: Db; clock: Clock }) {
  const area = (actor: Actor, areaCode: string | undefined) => {
    const code = areaCode ?? actor.areas[0]?.code;
    if (!code || !codeInScope(code, actor.scope) || code.length > 12)
      throw new AppError('dispute_figures.area_not_found', [{ field: 'areaCode', reason: 'not_in_scope', value: code ?? '' }]);
    return code;
  };
  const thisMonth = () => chinaMonth(clock());

  return {
    async figures(actor: Actor, q: Partial<FigureQuery>) {
      const query = { areaCode: area(actor, q.areaCode), from: q.from ?? thisMonth(), to: q.to ?? thisMonth(), by: q.by ?? 'type' };
      const rows = await disputeFigures(db, query);
      const names =
        query.by === 'area'
          ? await nodeNames(
              db,
              rows.map((r) => r.key),
            )
          : new Map<string, { name: string }>();
      const now = clock();
      const code = query.areaCode;
      const m = await mediationFigures(db, {
        countyCode: code.length >= 6 && !code.endsWith('00') ? code.slice(0, 6) : null,
        prefix: code.length === 6 && code.endsWith('00') ? code.slice(0, 4) : code,
        now,
        today: chinaDate(now),
        from: monthStart(query.from),
        to: monthStart(query.to, 1),
      });
      const performed = {
        full: m.performed.get('full') ?? 0,
        partial: m.performed.get('partial') ?? 0,
        none: m.performed.get('none') ?? 0,
      };
      const followedUp = performed.full + performed.partial + performed.none;
      return {
        ...query,
        rows: rows.map((r) => ({ ...r, name: names.get(r.key)?.name ?? null })),
        mediation: {
          overdue: m.overdueMediations,
          followUpsOverdue: m.followUpsOverdue,
          performed,
          performedShare: followedUp === 0 ? null : Math.round((performed.full / followedUp) * 1000) / 1000,
        },
      };
    },

    /** The disputes behind one number of the figures (a row's key and a measure). */
    async drillDown(actor: Actor, q: Partial<FigureQuery> & { key?: string; measure?: DisputeFigureMeasure }) {
      const query = { areaCode: area(actor, q.areaCode), from: q.from ?? thisMonth(), to: q.to ?? thisMonth() };
      const problems = checkMonths(query.from, query.to);
      if (q.key !== undefined && !q.by) problems.push({ field: 'by', reason: 'required_with_key' });
      if (q.by === 'month' && q.key !== undefined && checkMonths(q.key, q.key).length)
        problems.push({ field: 'key', reason: 'month', value: q.key });
      if (problems.length) throw new AppError('dispute_figures.invalid', problems);
      return store.drillDown(db, { ...query, by: q.by, key: q.key, ...measureFilter(q.measure ?? 'total') }, DRILL_SHOWN);
    },

    /** A database with disputes recorded before the roll-up existed (or repaired by hand) is counted again at start. */
    async catchUp() {
      await db.transaction(async (tx) => {
        if (await store.rollUpBehind(tx)) await store.rebuildRollUp(tx);
      });
    },
  };
}

export type DisputeFiguresService = ReturnType<typeof createDisputeFigures>;
