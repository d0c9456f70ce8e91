/**
 * 通报 as pure rules: which periods may be briefed, what the notice is called and how its sentences read, and what
 * a generated briefing holds (frozen as it was: the PDF and the workbook are drawn from this and nothing else).
 */
import type { ErrorDetail } from '../../shared/errors.ts';

/** The indicators a briefing quotes, in the order its table lists them (keys of the figures' INDICATORS). */
export const TOTAL_KEYS = [
  'reported',
  'registered',
  'closed',
  'closing_rate',
  'on_time_handling_rate',
  'on_time_closing_rate',
  'rework_rate',
  'satisfaction_rate',
  'repeat_share',
  'overdue',
  'reopened',
] as const;

/**
 * Typical cases are chosen by these rules, in this order, a few of each (a case counted once, for its first reason):
 * a figure's fact, or `supervised` — a case a leader or centre put under a 督办 order.
 */
export const TYPICAL_RULES = [
  { fact: 'reopened', reason: '结案后重新办理' },
  { fact: 'supervised', reason: '督办件' },
  { fact: 'dissatisfied', reason: '群众回访不满意' },
  { fact: 'closed_overdue', reason: '超期结案' },
  { fact: 'overdue', reason: '超期未办结或超期反馈' },
] as const;
export const TYPICAL_PER_RULE = 2;
/** Why a case a centre picked is typical. */
export const PICKED_REASON = '中心选定';
export const TYPICAL_MAX = 6;
/** Repeat orders (重复件) and sanctioned units' cases a briefing lists at most. */
export const LIST_MAX = 20;

export interface FigureLine {
  key: string;
  name: string;
  kind: 'count' | 'rate';
  value: number | null;
  previous: number | null;
}

export interface AreaLine {
  code: string;
  name: string;
  reported: number;
  closed: number;
  closingRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  overdue: number;
}

export interface UnitLine {
  code: string;
  name: string;
  dispatched: number;
  handledOnTime: number;
  onTimeRate: number | null;
  previousRate: number | null;
}

export interface RankingBlock {
  kind: string;
  kindName: string;
  months: string[];
  rows: { rank: number; code: string; name: string; score: number; band: string; rankChange: number | null }[];
}

export interface SanctionLine {
  unitCode: string;
  unitName: string;
  worst: string;
  worstName: string;
  measure: string | null;
  cases: { caseNo: string; colours: string[] }[];
}

export interface CaseLine {
  caseNo: string;
  itemName: string;
  gridName: string;
  unitName: string | null;
  reportedOn: string;
  statusName: string;
  reason: string | null;
}

export interface BriefingContent {
  title: string;
  issuer: string;
  addressee: string;
  area: { code: string; name: string; level: string };
  period: { kind: 'month' | 'quarter'; label: string; text: string; from: string; to: string };
  previous: { label: string; text: string };
  summary: string;
  totals: FigureLine[];
  /** The areas one level down (townships of a county, villages of a township, counties of a city). */
  areas: AreaLine[];
  units: UnitLine[];
  rankings: RankingBlock[];
  sanctions: SanctionLine[];
  repeats: CaseLine[];
  typical: CaseLine[];
  /** China date it was generated on, printed under the issuer. */
  generatedOn: string;
}

// ── periods ───────────────────────────────────────────────────────────────────────────────────────────

/** A period as the figures parse it: [fromDay, toDay) in China dates. */
export interface PeriodIn {
  kind: string;
  label: string;
  fromDay: string;
  toDay: string;
}

/** Why a period cannot be briefed (a month or quarter that has ended by `today`), or null. */
export function briefingPeriodError(p: PeriodIn, today: string, field: string): ErrorDetail | null {
  if (p.kind !== 'month' && p.kind !== 'quarter') return { field, reason: 'briefing.period_kind', value: p.label };
  if (p.toDay > today) return { field, reason: 'briefing.period_not_ended', value: p.label };
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function previousLabel(label: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(label);
  if (q) return q[2] === '1' ? `${Number(q[1]) - 1}-Q4` : `${q[1]}-Q${Number(q[2]) - 1}`;
  const [y, m] = label.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

const QUARTERS = ['一', '二', '三', '四'];
/** "2026年11月", "2026年第四季度". */
export function periodText(label: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(label);
  if (q) return `${q[1]}年第${QUARTERS[Number(q[2]) - 1]}季度`;
  const [y, m] = label.split('-').map(Number);
  return `${y}年${m}月`;
}

/** The month and quarter (when one ended too) that ended last before `today`: what the schedule briefs. */
export function lastEnded(today: string): string[] {
  const [y, m] = today.split('-').map(Number);
  const month = m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
  const [my, mm] = month.split('-').map(Number);
  return mm % 3 === 0 ? [month, `${my}-Q${mm / 3}`] : [month];
}

// ── words ─────────────────────────────────────────────────────────────────────────────────────────────

export const title = (label: string) => `关于${periodText(label)}网格化服务管理工作情况的通报`;

/** Who issues a notice of each level's area (after the area's name) and to whom it goes (主送). */
const LEVEL_WORDS: Record<string, { issuer: string; addressee: string }> = {
  city: { issuer: '网格化服务管理中心', addressee: '各县（市、区）网格化服务管理中心，市直有关单位：' },
  county: { issuer: '网格化服务管理中心', addressee: '各乡镇（街道）网格化服务管理中心，县直有关单位：' },
  township: { issuer: '网格化服务管理中心', addressee: '各村（社区）网格化工作站，各网格员：' },
};
export const levelWords = (level: string) => LEVEL_WORDS[level] ?? LEVEL_WORDS.county;

/** How many code digits the areas one level down have (a township's villages: 12). */
export const childLength = (level: string) => ({ city: 6, county: 9, township: 12 })[level] ?? 15;

/** A rate as people print it: 95.06%; "—" when there was nothing to divide by. */
export const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(2)}%`);

/** The change since the previous period in words: "上升 2.10 个百分点", "增加 3 件", "持平". */
export function changeText(line: Pick<FigureLine, 'kind' | 'value' | 'previous'>): string {
  if (line.value === null || line.previous === null) return '—';
  const d = line.value - line.previous;
  if (line.kind === 'rate') {
    const points = Math.abs(d * 100).toFixed(2);
    return points === '0.00' ? '持平' : `${d > 0 ? '上升' : '下降'} ${points} 个百分点`;
  }
  return d === 0 ? '持平' : `${d > 0 ? '增加' : '减少'} ${Math.abs(d)} 件`;
}

export const valueText = (line: Pick<FigureLine, 'kind' | 'value'>) =>
  line.kind === 'rate' ? percent(line.value) : String(line.value ?? 0);

/** 一、总体情况 in one paragraph, the way centres write it. */
export function summaryOf(areaName: string, label: string, totals: FigureLine[]): string {
  const by = new Map(totals.map((l) => [l.key, l]));
  const v = (k: string) => valueText(by.get(k)!);
  const prev = /Q/.test(label) ? '上季度' : '上月';
  // The change only where the period before had something to compare with.
  const c = (k: string) => {
    const text = changeText(by.get(k)!);
    return text === '—' ? '' : `（较${prev}${text}）`;
  };
  return (
    `${periodText(label)}，${areaName}共受理上报事件 ${v('reported')} 件${c('reported')}，` +
    `立案 ${v('registered')} 件，结案 ${v('closed')} 件，结案率 ${v('closing_rate')}${c('closing_rate')}；` +
    `按期处置率 ${v('on_time_handling_rate')}，按期结案率 ${v('on_time_closing_rate')}，返工率 ${v('rework_rate')}；` +
    `群众满意率 ${v('satisfaction_rate')}${c('satisfaction_rate')}。` +
    `超期件 ${v('overdue')} 件，重复件占比 ${v('repeat_share')}，结案后重新办理 ${v('reopened')} 件。`
  );
}

// ── cases ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The typical cases: for each rule in order, the first few cases it counts that no earlier rule took, up to the
 * maximum. `counted` holds each rule's cases newest first.
 */
export function pickTypical<T extends { caseNo: string }>(counted: readonly { reason: string; cases: readonly T[] }[]) {
  const taken = new Set<string>();
  const out: (T & { reason: string })[] = [];
  for (const rule of counted) {
    let n = 0;
    for (const c of rule.cases) {
      if (out.length >= TYPICAL_MAX || n >= TYPICAL_PER_RULE) break;
      if (taken.has(c.caseNo)) continue;
      taken.add(c.caseNo);
      out.push({ ...c, reason: rule.reason });
      n++;
    }
  }
  return out;
}

const STATUS_WORDS: Record<string, string> = { closed: '已结案', visited: '已回访', voided: '已作废', merged: '已并单' };
/** A case's state as a notice says it. */
export const statusText = (status: string) => STATUS_WORDS[status] ?? '办理中';

export const COLOUR_WORDS: Record<string, string> = {
  blue: '蓝色',
  yellow: '黄色',
  light_red: '浅红色',
  purple: '紫色',
  red: '红色',
};
export const MEASURE_WORDS: Record<string, string> = {
  'warning.online_notice': '网上通知督办',
  'warning.online_inspection': '网上巡查督查',
  'warning.quarterly_notice': '季度通报',
  'warning.half_year_yellow_card': '半年黄牌警告',
  'warning.year_end_account': '年底综治结硬账',
};

export const KIND_WORDS: Record<string, string> = {
  township: '乡镇（街道）网格化中心',
  village: '村（社区）工作站',
  department: '职能部门',
  grid_worker: '网格员',
};
/** The kinds of assessee a briefing of an area ranks. */
export const rankedKinds = (level: string) => (level === 'township' ? ['village', 'grid_worker'] : ['township', 'department']);
