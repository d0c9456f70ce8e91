/**
 * What a briefing says, gathered when it is generated: the figures of the area and of the areas one level down from
 * the roll-up (this period and the one before), the units' handling on time, the assessment rankings, the units
 * under a five-colour sanction with their cases, repeat orders and the typical cases. Reads only other areas'
 * front doors, handed in so the content is what those areas say.
 */
import { startOfChinaDay } from '../../shared/china-time.ts';
import type { AssesseeKind } from '../../shared/enums.ts';
import type { UnitSanctions } from '../assessment/index.ts';
import type { Db, Tx } from '../platform/db.ts';
import { scopeOf } from '../platform/scope.ts';
import {
  type AreaLine,
  type BriefingContent,
  type CaseLine,
  COLOUR_WORDS,
  childLength,
  type FigureLine,
  KIND_WORDS,
  LIST_MAX,
  levelWords,
  MEASURE_WORDS,
  type PeriodIn,
  PICKED_REASON,
  periodText,
  pickTypical,
  previousLabel,
  type RankingBlock,
  rankedKinds,
  statusText,
  summaryOf,
  TOTAL_KEYS,
  TYPICAL_RULES,
  title,
  type UnitLine,
} from './briefing.core.ts';

type Sums = Map<string, Map<string, number>>;
interface IndicatorDef {
  key: string;
  kind: 'count' | 'rate';
  numerator: string;
  denominator: string | null;
  name: { zh: string };
}
interface CountedCase {
  caseNo: string;
  day: string;
  gridCode: string;
  unitCode: string;
  itemCode: string;
  status: string;
}

export interface ContentDeps {
  db: Db;
  indicators: readonly IndicatorDef[];
  facts: readonly string[];
  factSumsPer(
    tx: Tx,
    q: { prefix: string; fromDay: string; toDay: string; facts: readonly string[]; by: 'gridCode' | 'unitCode' },
  ): Promise<Sums>;
  casesNumbered(tx: Tx, q: { prefix: string; fromDay: string; toDay: string }, caseNos: string[]): Promise<CountedCase[]>;
  countedCases(
    tx: Tx,
    q: { prefix: string; fromDay: string; toDay: string; fact: string },
    page: { offset: number; limit: number },
  ): Promise<{ total: number; rows: CountedCase[] }>;
  rankingsFor(
    db: Db,
    q: { areaCode: string; kind: AssesseeKind; period: string; today: string },
  ): Promise<{
    months: string[];
    rows: { rank: number; code: string; name: string; score: number; band: string; rankChange: number | null }[];
  }>;
  unitSanctions: UnitSanctions;
  nodeNames(tx: Tx, codes: string[]): Promise<Map<string, { name: string; level: string }>>;
  departmentsByCode(tx: Tx, codes: string[]): Promise<Map<string, { name: string; areaCode: string }>>;
  itemNames(tx: Tx, codes: string[]): Promise<Map<string, string>>;
  /** Numbers of the cases reported under the prefix in [from, to) put under a 督办 order, latest order first. */
  supervisedCaseNos(tx: Tx, q: { prefix: string; from: Date; to: Date; limit: number }): Promise<string[]>;
  parsePeriod(text: string, today: string, field: string): PeriodIn;
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/** Sums of every fact over all keys of a per-grid (or per-unit) roll-up, optionally of the keys starting with a prefix. */
function total(sums: Sums, prefix = ''): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, facts] of sums) {
    if (!key.startsWith(prefix)) continue;
    for (const [fact, n] of facts) out.set(fact, (out.get(fact) ?? 0) + n);
  }
  return out;
}

export function createContent(deps: ContentDeps) {
  const { db } = deps;
  const byKey = new Map(deps.indicators.map((d) => [d.key, d]));
  const figureOf = (d: IndicatorDef, s: Map<string, number>) => {
    const n = s.get(d.numerator) ?? 0;
    return d.kind === 'rate' ? ratio(n, d.denominator ? (s.get(d.denominator) ?? 0) : 0) : n;
  };

  function totalsOf(now: Map<string, number>, before: Map<string, number>): FigureLine[] {
    return TOTAL_KEYS.map((k) => {
      const d = byKey.get(k)!;
      return { key: k, name: d.name.zh, kind: d.kind, value: figureOf(d, now), previous: figureOf(d, before) };
    });
  }

  async function areasOf(level: string, grids: Sums): Promise<AreaLine[]> {
    const len = childLength(level);
    const codes = [...new Set([...grids.keys()].map((g) => g.slice(0, len)))].sort();
    const names = await deps.nodeNames(db, codes);
    return codes.map((code) => {
      const s = total(grids, code);
      const of = (f: string) => s.get(f) ?? 0;
      return {
        code,
        name: names.get(code)?.name ?? code,
        reported: of('reported'),
        closed: of('closed'),
        closingRate: ratio(of('closed'), of('registered')),
        onTimeRate: ratio(of('handled_on_time'), of('dispatched')),
        satisfactionRate: ratio(of('satisfied'), of('rated')),
        overdue: of('overdue'),
      };
    });
  }

  async function unitName(codes: string[]) {
    const [departments, nodes] = await Promise.all([deps.departmentsByCode(db, codes), deps.nodeNames(db, codes)]);
    return (code: string) => departments.get(code)?.name ?? nodes.get(code)?.name ?? code;
  }

  /** Lead units by 按期处置率 (then by cases sent), with last period's rate beside it; units never sent a case left out. */
  async function unitsOf(now: Sums, before: Sums): Promise<UnitLine[]> {
    const codes = [...now.keys()].filter((c) => c !== '' && (now.get(c)!.get('dispatched') ?? 0) > 0);
    const name = await unitName(codes);
    return codes
      .map((code) => {
        const s = now.get(code)!;
        const p = before.get(code);
        const dispatched = s.get('dispatched') ?? 0;
        const handledOnTime = s.get('handled_on_time') ?? 0;
        return {
          code,
          name: name(code),
          dispatched,
          handledOnTime,
          onTimeRate: ratio(handledOnTime, dispatched),
          previousRate: p ? ratio(p.get('handled_on_time') ?? 0, p.get('dispatched') ?? 0) : null,
        };
      })
      .sort((a, b) => (b.onTimeRate ?? 0) - (a.onTimeRate ?? 0) || b.dispatched - a.dispatched || (a.code < b.code ? -1 : 1));
  }

  async function casesOf(rows: (CountedCase & { reason?: string })[]): Promise<CaseLine[]> {
    const [grids, items, unit] = await Promise.all([
      deps.nodeNames(db, [...new Set(rows.map((r) => r.gridCode))]),
      deps.itemNames(db, [...new Set(rows.map((r) => r.itemCode))]),
      unitName([...new Set(rows.map((r) => r.unitCode).filter(Boolean))]),
    ]);
    return rows.map((r) => ({
      caseNo: r.caseNo,
      itemName: items.get(r.itemCode) ?? r.itemCode,
      gridName: grids.get(r.gridCode)?.name ?? r.gridCode,
      unitName: r.unitCode ? unit(r.unitCode) : null,
      reportedOn: r.day,
      statusName: statusText(r.status),
      reason: r.reason ?? null,
    }));
  }

  return {
    /** The cases of these numbers reported in the area over the period, and the numbers that are not. */
    async picked(area: { prefix: string }, period: PeriodIn, caseNos: string[]) {
      const rows = await deps.casesNumbered(db, { prefix: area.prefix, fromDay: period.fromDay, toDay: period.toDay }, caseNos);
      const found = new Map(rows.map((r) => [r.caseNo, r]));
      return { rows: caseNos.flatMap((n) => found.get(n) ?? []), missing: caseNos.filter((n) => !found.has(n)) };
    },

    /**
     * The content of a briefing of `area` over `period` (a month or quarter that has ended), as of `today`; the
     * cases a centre picked (`picked`, checked by the caller) lead the typical cases.
     */
    async build(
      area: { code: string; name: string; level: string; prefix: string },
      period: PeriodIn,
      today: string,
      generatedOn: string,
      picked: CountedCase[] = [],
    ) {
      const previous = deps.parsePeriod(previousLabel(period.label), today, 'period');
      const span = (p: PeriodIn) => ({ prefix: area.prefix, fromDay: p.fromDay, toDay: p.toDay, facts: deps.facts });
      const [grids, gridsBefore, units, unitsBefore] = await Promise.all([
        deps.factSumsPer(db, { ...span(period), by: 'gridCode' }),
        deps.factSumsPer(db, { ...span(previous), by: 'gridCode' }),
        deps.factSumsPer(db, { ...span(period), by: 'unitCode' }),
        deps.factSumsPer(db, { ...span(previous), by: 'unitCode' }),
      ]);
      const totals = totalsOf(total(grids), total(gridsBefore));
      const rankings: RankingBlock[] = [];
      for (const kind of rankedKinds(area.level)) {
        const r = await deps.rankingsFor(db, { areaCode: area.code, kind: kind as AssesseeKind, period: period.label, today });
        rankings.push({
          kind,
          kindName: KIND_WORDS[kind],
          months: r.months,
          rows: r.rows.map((x) => ({ rank: x.rank, code: x.code, name: x.name, score: x.score, band: x.band, rankChange: x.rankChange })),
        });
      }
      const warned = await deps.unitSanctions(scopeOf([area.code]), startOfChinaDay(period.fromDay), startOfChinaDay(period.toDay));
      const sanctions = warned
        .map((s) => ({
          unitCode: s.unitCode,
          unitName: s.unitName,
          worst: s.worst,
          worstName: COLOUR_WORDS[s.worst] ?? s.worst,
          measure: s.sanction ? (MEASURE_WORDS[s.sanction] ?? s.sanction) : null,
          cases: s.cases.slice(0, LIST_MAX).map((c) => ({ caseNo: c.caseNo, colours: c.colours.map((x) => COLOUR_WORDS[x] ?? x) })),
        }))
        .sort((a, b) => (a.unitCode < b.unitCode ? -1 : 1));
      const inPeriod = { prefix: area.prefix, fromDay: period.fromDay, toDay: period.toDay };
      const counted = (fact: string, limit: number) => deps.countedCases(db, { ...inPeriod, fact }, { offset: 0, limit });
      /** A typical-case rule's cases, newest first: those counting for its fact, or the supervised ones in their orders' order. */
      const ruleCases = async (fact: string) => {
        if (fact !== 'supervised') return (await counted(fact, 10)).rows;
        const from = startOfChinaDay(period.fromDay);
        const to = startOfChinaDay(period.toDay);
        const numbers = await deps.supervisedCaseNos(db, { prefix: area.prefix, from, to, limit: 10 });
        const rows = new Map((await deps.casesNumbered(db, inPeriod, numbers)).map((r) => [r.caseNo, r]));
        return numbers.flatMap((n) => rows.get(n) ?? []);
      };
      const repeats = (await counted('repeat', LIST_MAX)).rows;
      const chosen = new Set(picked.map((c) => c.caseNo));
      const typical = [
        ...picked.map((c) => ({ ...c, reason: PICKED_REASON })),
        ...pickTypical(
          await Promise.all(
            TYPICAL_RULES.map(async (r) => ({
              reason: r.reason,
              cases: (await ruleCases(r.fact)).filter((c) => !chosen.has(c.caseNo)),
            })),
          ),
        ),
      ];
      const words = levelWords(area.level);
      const content: BriefingContent = {
        title: title(period.label),
        issuer: `${area.name}${words.issuer}`,
        addressee: words.addressee,
        area: { code: area.code, name: area.name, level: area.level },
        period: {
          kind: period.kind as 'month' | 'quarter',
          label: period.label,
          text: periodText(period.label),
          from: period.fromDay,
          to: new Date(Date.parse(`${period.toDay}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10),
        },
        previous: { label: previous.label, text: periodText(previous.label) },
        summary: summaryOf(area.name, period.label, totals),
        totals,
        areas: await areasOf(area.level, grids),
        units: await unitsOf(units, unitsBefore),
        rankings,
        sanctions,
        repeats: await casesOf(repeats),
        typical: await casesOf(typical),
        generatedOn,
      };
      return content;
    },
  };
}

export type Content = ReturnType<typeof createContent>;
