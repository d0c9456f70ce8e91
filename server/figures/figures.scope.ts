/**
 * What every figure request resolves first: the area it names (in the caller's jurisdiction), the unit, the
 * period, and the filter over the roll-up they make; and the scope a reply repeats back.
 */
import { chinaDate } from '../../shared/china-time.ts';
import { ancestorCodes, levelOfCode, subtreePrefix } from '../../shared/codes.ts';
import type { Actor } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { codeInScope } from '../platform/scope.ts';
import { type Period, PeriodError, parsePeriod } from './figures.core.ts';
import type * as store from './figures.store.ts';

export interface FiguresQuery {
  area?: string;
  unit?: string;
  item?: string;
  period: string;
}

export interface ScopeDeps {
  db: Db;
  clock: Clock;
  /** Area and grid names by code (territory), departments by code (org). */
  nodeNames(tx: Tx, codes: string[]): Promise<Map<string, { name: string; level: string }>>;
  departmentsByCode(tx: Tx, codes: string[]): Promise<Map<string, { name: string; areaCode: string }>>;
}

export type Resolved = Awaited<ReturnType<ReturnType<typeof createFigureScope>['resolve']>>;

export function createFigureScope(deps: ScopeDeps) {
  const { db, clock } = deps;
  const today = () => chinaDate(clock());

  /** The area a query names (default: the caller's first), which must exist and lie in the caller's jurisdiction. */
  async function areaOf(actor: Actor, code: string | undefined) {
    const wanted = code ?? actor.areas[0]?.code;
    if (!wanted) throw new AppError('territory.area_not_found');
    const node = (await deps.nodeNames(db, [wanted])).get(wanted);
    if (!node) throw new AppError('request.invalid', [{ field: 'querystring.area', reason: 'figures.area_unknown', value: wanted }]);
    if (!codeInScope(wanted, actor.scope))
      throw new AppError('territory.area_not_found', [{ field: 'querystring.area', reason: 'outside' }]);
    return { code: wanted, name: node.name, level: node.level, prefix: subtreePrefix(wanted) };
  }

  /**
   * The unit a query names: an area node inside the caller's jurisdiction, or a department of it or of a level
   * above it (a township's cases go to the county's departments).
   */
  async function unitOf(actor: Actor, code: string | undefined) {
    if (code === undefined) return null;
    if (levelOfCode(code)) {
      const node = (await deps.nodeNames(db, [code])).get(code);
      if (!node) throw new AppError('request.invalid', [{ field: 'querystring.unit', reason: 'figures.unit_unknown', value: code }]);
      if (!codeInScope(code, actor.scope))
        throw new AppError('territory.area_not_found', [{ field: 'querystring.unit', reason: 'outside' }]);
      return { code, name: node.name };
    }
    const dept = (await deps.departmentsByCode(db, [code])).get(code);
    if (!dept) throw new AppError('request.invalid', [{ field: 'querystring.unit', reason: 'figures.unit_unknown', value: code }]);
    const related = codeInScope(dept.areaCode, actor.scope) || actor.areas.some((a) => ancestorCodes(a.code).includes(dept.areaCode));
    if (!related) throw new AppError('org.department_not_found', [{ field: 'querystring.unit', reason: 'outside' }]);
    return { code, name: dept.name };
  }

  function periodOf(text: string, field = 'querystring.period'): Period {
    try {
      return parsePeriod(text, today(), field);
    } catch (e) {
      if (e instanceof PeriodError) throw new AppError('request.invalid', e.details);
      throw e;
    }
  }

  async function resolve(actor: Actor, q: FiguresQuery) {
    const period = periodOf(q.period);
    const [area, unit] = [await areaOf(actor, q.area), await unitOf(actor, q.unit)];
    const filter: store.FigureFilter = {
      scope: actor.scope,
      fromDay: period.fromDay,
      toDay: period.toDay,
      areaPrefix: area.prefix,
      unitCode: unit?.code,
      itemPrefix: q.item,
    };
    return { period, area, unit, filter };
  }

  const periodView = (p: Period) => ({
    kind: p.kind,
    label: p.label,
    from: p.fromDay,
    // Inclusive in replies, as people say "1–30 November".
    to: new Date(Date.parse(`${p.toDay}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10),
  });
  const scopeView = (r: Awaited<ReturnType<typeof resolve>>, q: FiguresQuery) => ({
    area: { code: r.area.code, name: r.area.name, level: r.area.level },
    unit: r.unit,
    item: q.item ?? null,
    period: periodView(r.period),
    asOf: clock().toISOString(),
  });

  return { today, periodOf, resolve, scopeView };
}
