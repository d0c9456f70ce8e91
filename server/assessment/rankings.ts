/**
 * 每月一通报、每季一排名、年度总评比: the rankings of one kind of assessee in an area over a month, quarter or year,
 * read from published months only, with each row's change since the period before, and the units under a
 * five-colour sanction in the period named with their cases (the loop's unit warnings).
 */

import { startOfChinaDay } from '../../shared/china-time.ts';
import { levelOfCode, subtreePrefix } from '../../shared/codes.ts';
import type { AssesseeKind } from '../../shared/enums.ts';
import type { Period } from '../figures/index.ts';
import type { Db, Tx } from '../platform/db.ts';
import type { Scope } from '../platform/scope.ts';
import { type MonthlyScore, monthsOf, noticeKind, previousPeriod, rankScores, withChange } from './assessment.core.ts';
import { publishedScores } from './assessment.store.ts';

/** The loop's five-colour sanctions over a span (events' unitSanctions, handed in by app.ts). */
export type UnitSanctions = (
  scope: Scope,
  from: Date,
  to: Date,
) => Promise<
  {
    unitCode: string;
    unitName: string;
    worst: string;
    sanction: string | null;
    cases: { id: string; caseNo: string; colours: string[] }[];
  }[]
>;

async function monthly(tx: Tx | Db, scope: Scope, kind: string, months: string[], prefix: string): Promise<MonthlyScore[]> {
  const rows = await publishedScores(tx, scope, { kind, months, prefix });
  return rows.map((r) => ({ ...r, bands: r.scheme.bands }));
}

/**
 * The ranking of `kind` in `areaCode` (inside `scope`) over `period`. Without `unitSanctions` (a caller that reads
 * the sanctions itself) the list of sanctioned units is empty.
 */
export async function rankingsOf(
  tx: Tx | Db,
  q: { scope: Scope; areaCode: string; kind: AssesseeKind; period: Period; unitSanctions?: UnitSanctions },
) {
  const prefix = subtreePrefix(q.areaCode);
  const months = monthsOf(q.period.label);
  const previous = previousPeriod(q.period.label);
  const [now, before] = await Promise.all([
    monthly(tx, q.scope, q.kind, months, prefix),
    monthly(tx, q.scope, q.kind, monthsOf(previous), prefix),
  ]);
  const ranked = withChange(rankScores(now), rankScores(before));
  const warned =
    q.kind === 'grid_worker' || !q.unitSanctions
      ? []
      : await q.unitSanctions(q.scope, startOfChinaDay(q.period.fromDay), startOfChinaDay(q.period.toDay));
  // The units of the kind ranked: departments by their code, villages and townships by their level.
  const sanctions = warned.filter((s) => (levelOfCode(s.unitCode) ?? 'department') === q.kind);
  const byUnit = new Map(sanctions.map((s) => [s.unitCode, s]));
  const published = new Set(now.map((m) => m.month));
  return {
    areaCode: q.areaCode,
    kind: q.kind,
    period: q.period.label,
    notice: noticeKind(q.period.label),
    previousPeriod: previous,
    /** Months of the period with published results; a quarter or year ranks on those. */
    months: months.filter((m) => published.has(m)),
    rows: ranked.map((r) => ({
      ...r,
      sanction: byUnit.get(r.code) ? { worst: byUnit.get(r.code)!.worst, sanction: byUnit.get(r.code)!.sanction } : null,
    })),
    sanctioned: sanctions,
  };
}
