/**
 * What the figures count, as pure rules: the facts a case counts for, read from its action log alone (so the
 * roll-up kept as cases move and a recomputation from the log must agree), the periods a figure covers, and
 * the indicators built from the facts, each with its definition in words (GB/T 30428.4 names where it has them).
 *
 * A figure of a period describes the cases REPORTED in that period (a cohort), as they stand now: "November:
 * 120 reported, 98 closed, 结案率 81.7%" — the way the sources quote them (Xiaogan 22,300 reported / 21,199 closed).
 * A month's rates therefore still rise after the month as its cases are closed.
 */

import { chinaDate } from '../../shared/china-time.ts';
import { OPEN_STATUSES, WARNING_COLOURS } from '../../shared/enums.ts';
import type { ErrorDetail } from '../../shared/errors.ts';

// ── facts ─────────────────────────────────────────────────────────────────────────────────────────────

const OPEN_FACTS = OPEN_STATUSES.map((s) => `open_${s}` as const);
const WARNED_FACTS = WARNING_COLOURS.map((c) => `warned_${c}` as const);

/** Everything a case can count for; an indicator is one of these or a ratio of two. */
export const FACTS = [
  'reported',
  'to_verify',
  'verified',
  'registered',
  'voided',
  'merged',
  'dispatched',
  'returned',
  'dispatched_correctly',
  'handled',
  'handled_on_time',
  'handled_late',
  'extended',
  'reworked',
  'closed',
  'closed_on_time',
  'closed_overdue',
  'reopened',
  'rated',
  'satisfied',
  'dissatisfied',
  'unrated',
  'repeat',
  'overdue',
  'warned',
  ...WARNED_FACTS,
  'open',
  ...OPEN_FACTS,
] as const;
export type Fact = (typeof FACTS)[number];

/** One action of a case's log, in order (seq). */
export interface LoggedAction {
  action: string;
  at: Date;
  toStatus: string;
  data: Record<string, unknown> | null;
}

/** A case as its log tells it (events' CaseLog). */
export interface CaseLogIn {
  countyCode: string;
  id: string;
  caseNo: string;
  gridCode: string;
  itemCode: string;
  source: string;
  reportedAt: Date;
  actions: LoggedAction[];
  warnings: string[];
}

/** Where a case is counted (the roll-up's key besides the fact) and what it counts for. */
export interface CaseFacts {
  /** China date of the report: the period a case belongs to. */
  day: string;
  gridCode: string;
  /** The unit it was last dispatched to (lead unit, 主办), '' when never dispatched. */
  unitCode: string;
  itemCode: string;
  source: string;
  status: string;
  facts: Fact[];
}

const CLOSINGS: Record<string, (data: Record<string, unknown> | null) => string> = {
  close: (d) => String(d?.closingType ?? 'normal'),
  fix_on_spot: () => 'normal',
  special_close_approve: () => 'special',
};
const UNIT_NAMING = ['dispatch', 'redispatch', 'arbitrate'];
const OPEN: readonly string[] = OPEN_STATUSES;

/**
 * The facts of one case from its log. Every rule reads actions (and the warnings the sweep recorded), never the
 * case's current row, so `gezhi figures verify` can recompute any period from the log and compare.
 */
export function caseFacts(log: CaseLogIn, repeatReports: number): CaseFacts {
  const { actions } = log;
  const has = (name: string) => actions.some((a) => a.action === name);
  const last = (pred: (a: LoggedAction) => boolean) => {
    for (let i = actions.length - 1; i >= 0; i--) if (pred(actions[i])) return actions[i];
    return null;
  };
  const status = actions.at(-1)?.toStatus ?? 'reported';
  const facts = new Set<Fact>(['reported']);
  const add = (fact: Fact, when: boolean) => when && facts.add(fact);

  add('to_verify', actions[0]?.toStatus === 'verifying');
  add('verified', has('verify'));
  // 立案: accepted (by the owner, or taken over by the level above or below), or fixed on the spot (即报即办).
  const registered = actions.some((a) => a.toStatus === 'accepted' || a.action === 'fix_on_spot');
  add('registered', registered);
  add('voided', status === 'voided');
  add('merged', status === 'merged');

  const dispatched = has('dispatch');
  const returned = has('return');
  add('dispatched', dispatched);
  add('returned', returned);
  add('dispatched_correctly', dispatched && !returned);

  const handle = last((a) => a.action === 'handle');
  const closing = last((a) => a.action in CLOSINGS);
  const closingType = closing ? CLOSINGS[closing.action](closing.data) : null;
  // Older replies did not say whether they were late; their closing type does (超时结案 follows the reply's time).
  const late = handle ? (typeof handle.data?.late === 'boolean' ? handle.data.late : closingType === 'overdue') : false;
  add('handled', handle !== null);
  add('handled_late', handle !== null && late);
  add('handled_on_time', handle !== null && !late);
  add('extended', has('extension_approve'));
  add('reworked', has('rework'));

  const closed = status === 'closed' || status === 'visited';
  add('closed', closed);
  add('closed_on_time', closed && closingType === 'normal');
  add('closed_overdue', closed && closingType === 'overdue');
  add('reopened', has('reopen'));

  // A return visit belongs to the closing it follows: a reopened case is unrated again until it is visited again.
  const rating = status === 'visited' ? String(last((a) => a.action === 'visit')?.data?.rating ?? '') : null;
  add('rated', status === 'visited');
  add('satisfied', rating === 'satisfied' || rating === 'basic');
  add('dissatisfied', rating === 'dissatisfied');
  add('unrated', status === 'closed');

  const counted = last((a) => a.action === 'me_too' || a.action === 'duplicate_merged');
  const reports = counted ? Number(counted.action === 'me_too' ? counted.data?.reports : counted.data?.total) || 1 : 1;
  add('repeat', reports >= repeatReports);

  const warned = WARNING_COLOURS.filter((c) => log.warnings.includes(c));
  for (const c of warned) facts.add(`warned_${c}`);
  add('warned', warned.length > 0);
  add('overdue', warned.length > 0 || (handle !== null && late));

  add('open', OPEN.includes(status));
  if (OPEN.includes(status)) facts.add(`open_${status}` as Fact);

  const unitAction = last((a) => UNIT_NAMING.includes(a.action) && typeof a.data?.leadUnit === 'string');
  return {
    day: chinaDate(log.reportedAt),
    gridCode: log.gridCode,
    unitCode: unitAction ? String(unitAction.data!.leadUnit) : '',
    itemCode: log.itemCode,
    source: log.source,
    status,
    facts: FACTS.filter((f) => facts.has(f)),
  };
}

// ── roll-up cells ─────────────────────────────────────────────────────────────────────────────────────

/** One counter of the roll-up: a key and how much to add to it. */
export interface Cell {
  countyCode: string;
  day: string;
  gridCode: string;
  unitCode: string;
  itemCode: string;
  source: string;
  fact: Fact;
  n: number;
}

export const cellKey = (c: Omit<Cell, 'n'>) => [c.countyCode, c.day, c.gridCode, c.unitCode, c.itemCode, c.source, c.fact].join('\u0001');

/** The counters a case adds (sign +1) or takes away (-1). */
export function cellsOf(countyCode: string, f: Omit<CaseFacts, 'status'>, sign: 1 | -1): Cell[] {
  return f.facts.map((fact) => ({
    countyCode,
    day: f.day,
    gridCode: f.gridCode,
    unitCode: f.unitCode,
    itemCode: f.itemCode,
    source: f.source,
    fact,
    n: sign,
  }));
}

/**
 * What changes in the roll-up when a case goes from `before` (null: not counted yet) to `after`: its counters
 * taken away and added (sumCells nets them).
 */
export function delta(countyCode: string, before: Omit<CaseFacts, 'status'> | null, after: Omit<CaseFacts, 'status'>): Cell[] {
  return [...(before ? cellsOf(countyCode, before, -1) : []), ...cellsOf(countyCode, after, 1)];
}

/** Cells summed per key, zeros dropped, sorted by key so concurrent writers take the counter rows in one order. */
export function sumCells(cells: Iterable<Cell>): Cell[] {
  const sum = new Map<string, Cell>();
  for (const c of cells) {
    const k = cellKey(c);
    const seen = sum.get(k);
    if (seen) seen.n += c.n;
    else sum.set(k, { ...c });
  }
  return [...sum.entries()]
    .filter(([, c]) => c.n !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, c]) => c);
}

// ── periods ───────────────────────────────────────────────────────────────────────────────────────────

export type PeriodKind = 'day' | 'month' | 'quarter' | 'year' | 'all';
/** A period as China dates: [fromDay, toDay). */
export interface Period {
  kind: PeriodKind;
  label: string;
  fromDay: string;
  toDay: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
/** The day after a China date, as a date. */
export function nextDay(day: string): string {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}
const monthStart = (y: number, m: number) => (m > 12 ? ymd(y + 1, m - 12, 1) : ymd(y, m, 1));

/** The earliest day "all" reaches back to. */
const ALL_FROM = '2000-01-01';

/**
 * A period from what a user types: YYYY-MM-DD (a day), YYYY-MM (a month), YYYY-Qn (a quarter), YYYY (a year),
 * or `all`. A period that has not begun at `today` (a China date) is refused: it has no figures yet.
 */
export function parsePeriod(text: string, today: string, field = 'querystring.period'): Period {
  const bad = (reason: string): never => {
    throw new PeriodError([{ field, reason, value: text }]);
  };
  if (text === 'all') return { kind: 'all', label: 'all', fromDay: ALL_FROM, toDay: nextDay(today) };
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(text);
  const year = /^(\d{4})$/.exec(text);
  let period: Period;
  if (day) {
    const [y, mo, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) bad('figures.period_invalid');
    period = { kind: 'day', label: text, fromDay: text, toDay: nextDay(text) };
  } else if (month) {
    const [y, mo] = [Number(month[1]), Number(month[2])];
    if (mo < 1 || mo > 12) bad('figures.period_invalid');
    period = { kind: 'month', label: text, fromDay: ymd(y, mo, 1), toDay: monthStart(y, mo + 1) };
  } else if (quarter) {
    const [y, q] = [Number(quarter[1]), Number(quarter[2])];
    period = { kind: 'quarter', label: text, fromDay: ymd(y, q * 3 - 2, 1), toDay: monthStart(y, q * 3 + 1) };
  } else if (year) {
    const y = Number(year[1]);
    period = { kind: 'year', label: text, fromDay: ymd(y, 1, 1), toDay: ymd(y + 1, 1, 1) };
  } else return bad('figures.period_invalid');
  if (period.fromDay < ALL_FROM) bad('figures.period_invalid');
  if (period.fromDay > today) bad('figures.period_in_future');
  return period;
}

/** The last `days` China days up to and including `today`. */
export function lastDays(today: string, days: number): Period {
  let from = today;
  for (let i = 1; i < days; i++) {
    const t = new Date(`${from}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() - 1);
    from = t.toISOString().slice(0, 10);
  }
  return { kind: 'day', label: `${from}..${today}`, fromDay: from, toDay: nextDay(today) };
}

/** A period a user asked for that cannot be counted; the service turns it into request.invalid. */
export class PeriodError extends Error {
  constructor(readonly details: ErrorDetail[]) {
    super('period');
  }
}

// ── indicators ────────────────────────────────────────────────────────────────────────────────────────

export interface IndicatorDef {
  key: string;
  /** count: the numerator's figure · rate: numerator / denominator. */
  kind: 'count' | 'rate';
  numerator: Fact;
  denominator: Fact | null;
  name: { zh: string; en: string };
  /** The name GB/T 30428.4 gives it, where it gives one. */
  standard: string | null;
  definition: { zh: string; en: string };
  group: 'intake' | 'dispatch' | 'handling' | 'closing' | 'evaluation' | 'warnings';
}

const COHORT_ZH = '（按上报日期归属期间：本期上报的案件现在的情况）';
const COHORT_EN = ' (a period counts the cases reported in it, as they stand now)';

const count = (
  key: string,
  numerator: Fact,
  group: IndicatorDef['group'],
  name: IndicatorDef['name'],
  standard: string | null,
  definition: IndicatorDef['definition'],
): IndicatorDef => ({ key, kind: 'count', numerator, denominator: null, name, standard, definition, group });
const rate = (
  key: string,
  numerator: Fact,
  denominator: Fact,
  group: IndicatorDef['group'],
  name: IndicatorDef['name'],
  standard: string | null,
  definition: IndicatorDef['definition'],
): IndicatorDef => ({ key, kind: 'rate', numerator, denominator, name, standard, definition, group });

const COLOUR_NAMES: Record<(typeof WARNING_COLOURS)[number], { zh: string; en: string }> = {
  blue: { zh: '蓝色', en: 'blue' },
  yellow: { zh: '黄色', en: 'yellow' },
  light_red: { zh: '浅红色', en: 'light red' },
  purple: { zh: '紫色', en: 'purple' },
  red: { zh: '红色', en: 'red' },
};

/** The indicators, in the order a table shows them. Every one opens the list of its numerator's cases. */
export const INDICATORS: readonly IndicatorDef[] = [
  count('reported', 'reported', 'intake', { zh: '上报数', en: 'Reported' }, '上报数', {
    zh: '本期上报的案件数，含作废、并单的',
    en: 'Cases reported in the period, voided and merged ones included',
  }),
  count('verified', 'verified', 'intake', { zh: '核实数', en: 'Verified' }, null, {
    zh: '需核实的上报（群众、热线上报且无照片）中，网格人员现场核实属实的件数',
    en: 'Reports that needed on-site verification (citizen or hotline, no photo) and that the grid team confirmed',
  }),
  count('registered', 'registered', 'intake', { zh: '立案数', en: 'Registered' }, '立案数', {
    zh: '受理立案的件数（含上级接手、下派和即报即办）',
    en: 'Cases accepted for handling (including those taken over above or assigned down, and fixed on the spot)',
  }),
  rate('registration_rate', 'registered', 'reported', 'intake', { zh: '立案率', en: 'Registration rate' }, null, {
    zh: '立案数 ÷ 上报数',
    en: 'Registered ÷ reported',
  }),
  count('voided', 'voided', 'intake', { zh: '作废数', en: 'Voided' }, '作废数', {
    zh: '作废或核实不实的件数',
    en: 'Reports voided, or found unfounded on site',
  }),
  count('dispatched', 'dispatched', 'dispatch', { zh: '派遣数', en: 'Dispatched' }, '派遣数', {
    zh: '派遣到处置单位的件数',
    en: 'Cases dispatched to a handling unit',
  }),
  rate(
    'dispatch_accuracy',
    'dispatched_correctly',
    'dispatched',
    'dispatch',
    { zh: '准确派遣率', en: 'Dispatched correctly' },
    '准确派遣率',
    {
      zh: '派遣后未被退单的件数（准确派遣数）÷ 派遣数',
      en: 'Dispatched cases never returned by a unit (dispatched correctly) ÷ dispatched',
    },
  ),
  count('returned', 'returned', 'dispatch', { zh: '退单数', en: 'Returned' }, null, {
    zh: '被处置单位退回（退单）过的件数',
    en: 'Dispatched cases a unit sent back (退单) at least once',
  }),
  count('handled', 'handled', 'handling', { zh: '处置数', en: 'Handled' }, '处置数', {
    zh: '处置单位已反馈处置结果的件数',
    en: 'Cases whose lead unit has replied with the result',
  }),
  rate('handling_rate', 'handled', 'dispatched', 'handling', { zh: '处置率', en: 'Handling rate' }, '处置率', {
    zh: '处置数 ÷ 应处置数（应处置数 = 派遣数）',
    en: 'Handled ÷ to be handled (= dispatched)',
  }),
  rate('on_time_handling_rate', 'handled_on_time', 'dispatched', 'handling', { zh: '按期处置率', en: 'Handled on time' }, '按期处置率', {
    zh: '在处置时限内（含批准的延期）反馈的件数（按期处置数）÷ 应处置数（派遣数）；最近一次反馈为准',
    en: 'Cases replied within the handling limit, approved extensions included (handled on time) ÷ to be handled (dispatched); the latest reply counts',
  }),
  count('handled_late', 'handled_late', 'handling', { zh: '超期处置数', en: 'Handled late' }, '超期处置数', {
    zh: '最近一次反馈晚于处置时限的件数',
    en: 'Cases whose latest reply came after the handling limit',
  }),
  count('extended', 'extended', 'handling', { zh: '延期数', en: 'Extended' }, '延期数', {
    zh: '获批延期的件数',
    en: 'Cases granted an extension',
  }),
  rate('rework_rate', 'reworked', 'handled', 'handling', { zh: '返工率', en: 'Rework rate' }, '返工率', {
    zh: '核查不合格返工过的件数（返工数）÷ 处置数',
    en: 'Cases sent back for rework after the check (reworked) ÷ handled',
  }),
  count('closed', 'closed', 'closing', { zh: '结案数', en: 'Closed' }, '结案数', {
    zh: '现已结案的件数（含已回访；重新办理的不计，再次结案后计入）',
    en: 'Cases closed now (visited ones included; a reopened case counts again once closed again)',
  }),
  rate('closing_rate', 'closed', 'registered', 'closing', { zh: '结案率', en: 'Closing rate' }, '结案率', {
    zh: '结案数 ÷ 应结案数（应结案数 = 立案数）',
    en: 'Closed ÷ to be closed (= registered)',
  }),
  rate('on_time_closing_rate', 'closed_on_time', 'registered', 'closing', { zh: '按期结案率', en: 'Closed on time' }, '按期结案率', {
    zh: '正常结案（未超期、非差错、非特殊结案）的件数（按期结案数）÷ 应结案数（立案数）',
    en: 'Cases closed normally — not overdue, not in error, not specially (closed on time) ÷ to be closed (registered)',
  }),
  count('closed_overdue', 'closed_overdue', 'closing', { zh: '超期结案数', en: 'Closed overdue' }, null, {
    zh: '以超时结案方式结案的件数（反馈晚于处置时限）',
    en: 'Cases closed as overdue (the reply came after the handling limit)',
  }),
  count('reopened', 'reopened', 'closing', { zh: '重新办理数', en: 'Reopened' }, null, {
    zh: '结案后因未解决或回访不满意而重新办理过的件数',
    en: 'Closed cases reopened because the matter was not solved or the return visit was dissatisfied',
  }),
  rate('satisfaction_rate', 'satisfied', 'rated', 'evaluation', { zh: '满意率', en: 'Satisfaction rate' }, null, {
    zh: '回访评价为满意或基本满意的件数 ÷ 已回访件数（最近一次结案后的回访为准）',
    en: 'Cases rated satisfied or basically satisfied ÷ cases rated (the visit after the latest closing counts)',
  }),
  count('unrated', 'unrated', 'evaluation', { zh: '未评价数', en: 'Unrated' }, null, {
    zh: '已结案但尚未回访评价的件数',
    en: 'Closed cases still waiting for their return visit',
  }),
  rate('repeat_share', 'repeat', 'reported', 'evaluation', { zh: '重复件占比', en: 'Repeat share' }, null, {
    zh: '同一地点同一事项被反映 3 次及以上（含“我也反映”与并单）的件数 ÷ 上报数',
    en: 'Cases reported 3 times or more ("me too" and merged duplicates included) ÷ reported',
  }),
  count('overdue', 'overdue', 'warnings', { zh: '超期件数', en: 'Overdue' }, null, {
    zh: '任一环节超过时限的件数：反馈晚于处置时限，或时限巡检发现超期并按预警规则亮灯',
    en: 'Cases past a time limit at any stage: replied after the handling limit, or found overdue by the deadline sweep and lit by the warning rules',
  }),
  ...WARNING_COLOURS.map((c) =>
    count(`warned_${c}`, `warned_${c}`, 'warnings', { zh: `${COLOUR_NAMES[c].zh}预警`, en: `Warned ${COLOUR_NAMES[c].en}` }, null, {
      zh: `时限巡检记录过${COLOUR_NAMES[c].zh}预警的件数（任一责任单位）`,
      en: `Cases on which the deadline sweep recorded a ${COLOUR_NAMES[c].en} warning (for any unit)`,
    }),
  ),
].map((d) => ({ ...d, definition: { zh: d.definition.zh + COHORT_ZH, en: d.definition.en + COHORT_EN } }));

/** A rate as a share 0…1, null when there is nothing to divide by. */
export const ratio = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);
