/**
 * The pure rules of the dispute figures: where a dispute counts (village, month recorded, type, tier, outcome), what
 * 小事不出村 and 大事不出镇 mean, and which month ranges a query may ask for.
 */
import { chinaMonth } from '../../shared/china-time.ts';
import type { DisputeFigureMeasure, DisputeOutcome, DisputeTier } from '../../shared/disputes.ts';
import type { ErrorDetail } from '../../shared/errors.ts';

export const FIGURE_MONTHS_MAX = 24;

export const outcomeOf = (status: string): DisputeOutcome =>
  status === 'resolved' ? 'resolved' : status === 'referred' ? 'referred' : 'open';

export interface FigureKey {
  countyCode: string;
  villageCode: string;
  month: string;
  typeCode: string;
  tier: string;
  outcome: DisputeOutcome;
}

/** The roll-up row a dispute counts in now: the month it was recorded in never moves; tier and outcome do. */
export const figureKeyOf = (d: {
  countyCode: string;
  gridCode: string;
  reportedAt: Date;
  typeCode: string;
  tier: string;
  status: string;
}): FigureKey => ({
  countyCode: d.countyCode,
  villageCode: d.gridCode.slice(0, 12),
  month: chinaMonth(d.reportedAt),
  typeCode: d.typeCode,
  tier: d.tier,
  outcome: outcomeOf(d.status),
});

export const sameKey = (a: FigureKey, b: FigureKey) =>
  a.villageCode === b.villageCode && a.month === b.month && a.typeCode === b.typeCode && a.tier === b.tier && a.outcome === b.outcome;

/** Working days from recording to closing, on the platform calendar, to a tenth. */
export const workingDaysOf = (millis: number, officeDayMillis: number) => Math.round((millis / officeDayMillis) * 10) / 10;

/** Resolved at the grid or the village (小事不出村); at the township or below (大事不出镇). */
const AT_VILLAGE: readonly string[] = ['grid', 'village'] satisfies DisputeTier[];
const AT_TOWNSHIP: readonly string[] = ['grid', 'village', 'township'] satisfies DisputeTier[];

/** Whether a roll-up cell (tier, outcome) counts under a measure: the drill-down lists the same disputes. */
export function counts(measure: DisputeFigureMeasure, tier: string, outcome: DisputeOutcome): boolean {
  switch (measure) {
    case 'total':
      return true;
    case 'open':
    case 'resolved':
    case 'referred':
      return outcome === measure;
    case 'atVillage':
      return outcome === 'resolved' && AT_VILLAGE.includes(tier);
    case 'atTownship':
      return outcome === 'resolved' && AT_TOWNSHIP.includes(tier);
  }
}

/** The tiers and outcomes a measure lists (for the drill-down's SQL). */
export function measureFilter(measure: DisputeFigureMeasure): { outcomes: DisputeOutcome[] | null; tiers: string[] | null } {
  if (measure === 'atVillage') return { outcomes: ['resolved'], tiers: [...AT_VILLAGE] };
  if (measure === 'atTownship') return { outcomes: ['resolved'], tiers: [...AT_TOWNSHIP] };
  if (measure === 'total') return { outcomes: null, tiers: null };
  return { outcomes: [measure], tiers: null };
}

export interface Cell {
  key: string;
  tier: string;
  outcome: DisputeOutcome;
  n: number;
  timed: number;
  workingDays: number;
}

export interface FigureRow {
  key: string;
  total: number;
  open: number;
  resolved: number;
  referred: number;
  atVillage: number;
  atTownship: number;
  /** Shares of the disputes that ended (resolved or referred); null when none ended. */
  villageShare: number | null;
  townshipShare: number | null;
  /** Mean working days from recording to resolution, over the resolved disputes whose time is known. */
  resolutionWorkingDays: number | null;
}

const share = (n: number, of: number) => (of === 0 ? null : Math.round((n / of) * 1000) / 1000);

/** Rows per key from the roll-up's cells, in the order of the keys first seen (the store sorts them). */
export function summarise(cells: readonly Cell[]): FigureRow[] {
  const rows = new Map<string, FigureRow & { timed: number; days: number }>();
  for (const c of cells) {
    const row = rows.get(c.key) ?? {
      key: c.key,
      total: 0,
      open: 0,
      resolved: 0,
      referred: 0,
      atVillage: 0,
      atTownship: 0,
      villageShare: null,
      townshipShare: null,
      resolutionWorkingDays: null,
      timed: 0,
      days: 0,
    };
    for (const m of ['total', 'open', 'resolved', 'referred', 'atVillage', 'atTownship'] as const)
      if (counts(m, c.tier, c.outcome)) row[m] += c.n;
    if (c.outcome === 'resolved') {
      row.timed += c.timed;
      row.days += c.workingDays;
    }
    rows.set(c.key, row);
  }
  return [...rows.values()].map(({ timed, days, ...r }) => {
    const ended = r.resolved + r.referred;
    return {
      ...r,
      villageShare: share(r.atVillage, ended),
      townshipShare: share(r.atTownship, ended),
      resolutionWorkingDays: timed === 0 ? null : Math.round((days / timed) * 10) / 10,
    };
  });
}

/** A month range 'YYYY-MM'..'YYYY-MM', in order, at most two years: every problem names its field. */
export function checkMonths(from: string, to: string): ErrorDetail[] {
  const month = /^\d{4}-(0[1-9]|1[0-2])$/;
  const problems: ErrorDetail[] = [];
  if (!month.test(from)) problems.push({ field: 'from', reason: 'month', value: from });
  if (!month.test(to)) problems.push({ field: 'to', reason: 'month', value: to });
  if (problems.length) return problems;
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  if (index(from) > index(to)) problems.push({ field: 'from', reason: 'after_to', value: from });
  else if (index(to) - index(from) + 1 > FIGURE_MONTHS_MAX)
    problems.push({ field: 'to', reason: `at_most_${FIGURE_MONTHS_MAX}_months`, value: to });
  return problems;
}
