import type { EventSource, Rating } from '../../shared/enums.ts';
import type { WorkingCalendar } from '../platform/calendar/calendar.core.ts';
import { mobile, personName } from './people.ts';

/**
 * What the demo's cases are, before any of them is filed: a source, an item, a grid, a text, a moment and the way
 * the case will go. Pure and seeded, so the demo is the same on every machine; demo-cases.ts drives each plan
 * through the real loop, and a plan whose next step falls after "now" simply stays open at that stage.
 */

/** How a case goes once reported; the shares are DOMAIN §5's picture of a county that mostly works. */
export const OUTCOMES = [
  'normal',
  'late',
  'returned',
  'extended',
  'escalated',
  'co_handled',
  'reworked',
  'reopened',
  'stalled',
  'voided',
  'merged',
  'fixed',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One item of the catalogue the demo reports, who usually reports it, and what they write. */
interface DemoItem {
  code: string;
  /** The department the item is dispatched to (as the catalogue's department kind names it); null: an area unit handles it. */
  lead: string | null;
  sources: readonly EventSource[];
  texts: readonly string[];
}

/** {p} is the place (the grid's village or community), {n} a house number. */
const ITEMS: readonly DemoItem[] = [
  {
    code: 'CG06010',
    lead: 'YM-CG',
    sources: ['grid_worker', 'video', 'citizen'],
    texts: ['{p}{n}号楼旁暴露垃圾一堆，约两平方米', '{p}菜场后门垃圾散落未清运'],
  },
  {
    code: 'CG06011',
    lead: 'YM-CG',
    sources: ['grid_worker', 'department'],
    texts: ['{p}路边积存建筑渣土，影响通行', '{p}{n}号门前装修垃圾堆放多日'],
  },
  {
    code: 'CG06027',
    lead: 'YM-CG',
    sources: ['citizen', 'hotline'],
    texts: ['{p}{n}号餐馆油烟直排，楼上住户反映强烈', '{p}烧烤店油烟扰民，窗户无法打开'],
  },
  {
    code: 'CG06029',
    lead: 'YM-CG',
    sources: ['grid_worker', 'video'],
    texts: ['{p}夜市路口露天烧烤，烟雾较大', '{p}{n}号门前摆摊露天烧烤'],
  },
  { code: 'CG06036', lead: 'YM-CG', sources: ['grid_worker'], texts: ['{p}{n}号楼道乱堆杂物，堵塞通道', '{p}小区车棚旁堆放废旧家具'] },
  {
    code: 'CG06042',
    lead: 'YM-CG',
    // Smart bins report their fill level (sensor).
    sources: ['grid_worker', 'video', 'citizen', 'sensor'],
    texts: ['{p}垃圾收集点满溢，周边异味明显', '{p}{n}号旁垃圾桶满溢未及时清运'],
  },
  { code: 'CG07001', lead: 'YM-CG', sources: ['grid_worker'], texts: ['{p}{n}号楼单元门张贴非法小广告', '{p}电线杆上贴满办证小广告'] },
  {
    code: 'CG09006',
    lead: 'YM-CG',
    sources: ['grid_worker', 'video', 'department'],
    texts: ['{p}街口水果摊占道经营', '{p}{n}号门店出店经营占用人行道'],
  },
  {
    code: 'CG09010',
    lead: 'YM-CG',
    sources: ['grid_worker', 'video'],
    texts: ['{p}公交站旁电动车乱停放，阻碍通行', '{p}{n}号门前共享单车堆放'],
  },
  {
    code: 'CG06001',
    lead: 'YM-CG',
    sources: ['grid_worker', 'leader', 'citizen'],
    texts: ['{p}{n}号屋顶私搭乱建彩钢棚', '{p}小区绿地内有人私建围墙'],
  },
  {
    code: 'CG01037',
    lead: 'YM-CG',
    sources: ['grid_worker', 'citizen', 'hotline'],
    texts: ['{p}主路路灯连续三盏不亮', '{p}{n}号附近路灯夜间闪烁'],
  },
  {
    code: 'CG03005',
    lead: 'YM-CG',
    sources: ['grid_worker', 'department'],
    texts: ['{p}{n}号旁垃圾箱破损，盖子缺失', '{p}广场垃圾箱倾倒损坏'],
  },
  {
    code: 'CG06028',
    lead: 'YM-GA',
    sources: ['hotline', 'citizen'],
    texts: ['{p}{n}号夜间KTV噪声扰民', '{p}广场舞音响声音过大，影响休息'],
  },
  { code: 'CG09009', lead: 'YM-GA', sources: ['grid_worker', 'video'], texts: ['{p}消防车道旁机动车乱停', '{p}学校门口机动车违停堵路'] },
  { code: 'AQ0201', lead: 'YM-GA', sources: ['grid_worker'], texts: ['{p}{n}号出租房新住入三人未登记', '{p}{n}号群租房住户信息未申报'] },
  {
    code: 'AQ0203',
    lead: 'YM-GA',
    sources: ['grid_worker', 'leader'],
    texts: ['{p}小学门口放学时段闲散人员聚集', '{p}校园周边网吧接纳未成年人'],
  },
  {
    code: 'MD0601',
    lead: 'YM-SJ',
    sources: ['hotline', 'citizen'],
    texts: ['{p}一超市售卖过期食品，顾客要求赔偿', '{p}美容店预付卡无法退费引发纠纷'],
  },
  {
    code: 'MD0503',
    lead: 'YM-GA',
    sources: ['hotline', 'grid_worker'],
    texts: ['{p}路口两车剐蹭，双方对赔偿有争议', '{p}电动车与行人相撞，医药费协商不成'],
  },
  { code: 'MD0101', lead: null, sources: ['grid_worker'], texts: ['{p}{n}号夫妻因家务琐事多次争吵', '{p}村民婚后彩礼返还发生纠纷'] },
  {
    code: 'MD0102',
    lead: null,
    sources: ['grid_worker', 'hotline'],
    texts: ['{p}兄弟三人对老人赡养费分摊有争议', '{p}{n}号老人反映子女不尽赡养义务'],
  },
  {
    code: 'MD0201',
    lead: null,
    sources: ['grid_worker'],
    texts: ['{p}{n}号与邻居因排水沟堵塞发生争执', '{p}两户因通道堆物影响通行起纠纷'],
  },
  {
    code: 'MD0202',
    lead: null,
    sources: ['grid_worker', 'leader'],
    texts: ['{p}两户村民因宅基地边界建房起争议', '{p}{n}号加盖楼层影响邻居采光'],
  },
  { code: 'BM0103', lead: null, sources: ['grid_worker'], texts: ['{p}{n}号独居老人咨询低保申请材料', '{p}困难家庭申请最低生活保障'] },
  {
    code: 'BM0106',
    lead: null,
    sources: ['grid_worker', 'hotline'],
    texts: ['{p}{n}号八十岁老人申领高龄津贴', '{p}老人家属咨询高龄津贴发放'],
  },
  {
    code: 'BM0201',
    lead: null,
    sources: ['grid_worker'],
    texts: ['{p}{n}号独居老人行动不便，需定期探访', '{p}留守老人家中电器老化需帮助检查'],
  },
  { code: 'RX0101', lead: null, sources: ['hotline'], texts: ['市民来电咨询{p}老旧小区改造时间', '来电咨询{p}新生儿医保参保办理流程'] },
  {
    code: 'RX0201',
    lead: null,
    sources: ['hotline'],
    texts: ['来电投诉{p}{n}号商铺长期占用公共通道', '来电投诉{p}小区物业不作为，电梯多次故障'],
  },
];

const SOURCE_SHARES: readonly [EventSource, number][] = [
  ['grid_worker', 0.45],
  ['hotline', 0.18],
  ['citizen', 0.12],
  ['video', 0.08],
  ['sensor', 0.02],
  ['department', 0.08],
  ['leader', 0.07],
];

/** The shares of the outcomes among cases that could take them (fixing on the spot only where the item allows). */
const OUTCOME_SHARES: readonly [Outcome, number][] = [
  ['normal', 0.55],
  ['late', 0.08],
  ['returned', 0.06],
  ['extended', 0.05],
  ['escalated', 0.04],
  ['co_handled', 0.05],
  ['reworked', 0.05],
  ['reopened', 0.03],
  ['stalled', 0.03],
  ['voided', 0.03],
  ['fixed', 0.03],
];

/** Outcomes of a case still open a few hours after its report, which a duplicate can be merged into. */
const MASTERS: readonly Outcome[] = ['normal', 'late', 'returned', 'extended', 'co_handled', 'reworked', 'stalled'];

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

function weighted<T>(random: () => number, shares: readonly [T, number][]): T {
  const total = shares.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of shares) {
    r -= w;
    if (r < 0) return value;
  }
  return shares[shares.length - 1][0];
}

export interface DemoGrid {
  code: string;
  /** The village or community the grid is in, as residents name the place. */
  place: string;
  /** Points inside the grid to report at. */
  points: readonly [number, number][];
}

export interface CasePlan {
  /** Its position in the plan: merged duplicates name their master by it. */
  n: number;
  source: EventSource;
  itemCode: string;
  lead: string | null;
  gridCode: string;
  lng: number;
  lat: number;
  description: string;
  reportedAt: Date;
  outcome: Outcome;
  /** The return visit's answer; null: never rated. */
  rating: Rating | null;
  /** A supervision order (督办) is issued while the lead unit has it. */
  supervised: boolean;
  reporterName?: string;
  reporterPhone?: string;
  externalNo?: string;
  /** merged: the plan this one duplicates. */
  masterOf?: number;
  /** Work in hand: a recent case waits after this share of its steps (0: not even accepted yet). */
  waitsAfter?: number;
}

/** Cases reported in the last days before "now" that are still in hand, at some stage of the loop. */
const IN_HAND_DAYS = 10;
const IN_HAND_SHARE = 0.6;

const HOUR = 3_600_000;

/** When a report comes in: office hours for staff; citizens and the hotline also early, late and at weekends. */
function reportMoment(random: () => number, day: Date, source: EventSource): Date {
  const staff = source === 'grid_worker' || source === 'department' || source === 'leader';
  const [from, span] = staff ? [8.5, 9] : [7, 14];
  return new Date(day.getTime() + (from + random() * span) * HOUR);
}

/** China midnights of the `days` days before `end`, working days only for staff reports (and a few at weekends for others). */
function daysBefore(end: Date, days: number): Date[] {
  const midnight = new Date(`${new Date(end.getTime() + 8 * HOUR).toISOString().slice(0, 10)}T00:00:00+08:00`);
  return Array.from({ length: days }, (_, i) => new Date(midnight.getTime() - (days - i) * 24 * HOUR));
}

/**
 * `count` plans over the `days` days before `end`, in the grids given, in order of their report time. A duplicate
 * (merged) is planned right after its master, a few hours later, from another source.
 */
export function planCases(opts: {
  random: () => number;
  calendar: WorkingCalendar;
  grids: readonly DemoGrid[];
  end: Date;
  days: number;
  count: number;
}): CasePlan[] {
  const { random, calendar, grids } = opts;
  const days = daysBefore(opts.end, opts.days);
  const workdays = days.filter((d) => calendar.isWorkday(d));
  const plans: CasePlan[] = [];
  while (plans.length < opts.count) {
    const source = weighted(random, SOURCE_SHARES);
    const item = pick(
      random,
      ITEMS.filter((i) => i.sources.includes(source)),
    );
    const grid = pick(random, grids);
    const [lng, lat] = pick(random, grid.points);
    const staff = source === 'grid_worker' || source === 'department' || source === 'leader';
    const day = staff || random() < 0.85 ? pick(random, workdays) : pick(random, days);
    const reportedAt = reportMoment(random, day, source);
    if (reportedAt >= opts.end) continue;
    const fixable =
      source === 'grid_worker' && ['CG06010', 'CG06036', 'CG06042', 'CG07001', 'CG09006', 'MD0201', 'BM0201'].includes(item.code);
    let outcome = weighted(random, OUTCOME_SHARES);
    if (outcome === 'fixed' && !fixable) outcome = 'normal';
    // Only a case the owner can send one level up is escalated: a village's dispute, a township's building matter.
    if (outcome === 'escalated' && !['MD0202', 'MD0102', 'CG06001'].includes(item.code)) outcome = 'normal';
    const rated = random();
    const rating: Rating | null =
      outcome === 'reopened' ? 'dissatisfied' : rated < 0.7 ? 'satisfied' : rated < 0.82 ? 'basic' : rated < 0.88 ? 'dissatisfied' : null;
    const plan: CasePlan = {
      n: plans.length,
      source,
      itemCode: item.code,
      lead: item.lead,
      gridCode: grid.code,
      lng,
      lat,
      description: pick(random, item.texts)
        .replace('{p}', grid.place)
        .replace('{n}', String(1 + Math.floor(random() * 60))),
      reportedAt,
      outcome,
      rating,
      supervised: outcome === 'late' || outcome === 'stalled' ? random() < 0.6 : random() < 0.03,
      ...callerOf(random, source, plans.length),
    };
    const inHand = opts.end.getTime() - reportedAt.getTime() < IN_HAND_DAYS * 24 * HOUR && random() < IN_HAND_SHARE;
    if (inHand) plan.waitsAfter = random();
    plans.push(plan);
    // One in twenty-five is reported again by someone else a few hours later, and merged into the first (并单).
    if (random() < 0.04 && plans.length < opts.count && MASTERS.includes(outcome)) {
      const again: EventSource = source === 'hotline' ? 'grid_worker' : 'hotline';
      plans.push({
        ...plan,
        n: plans.length,
        source: again,
        description: `${plan.description}（再次反映）`,
        reportedAt: new Date(Math.min(reportedAt.getTime() + (1 + random() * 3) * HOUR, opts.end.getTime() - 1)),
        outcome: 'merged',
        rating: null,
        supervised: false,
        masterOf: plan.n,
        ...callerOf(random, again, plans.length),
      });
    }
  }
  return plans.sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
}

/** Who called, for the hotline (a 12345 work order), and the video or sensor platform (its alarm number). */
function callerOf(random: () => number, source: EventSource, n: number): Partial<CasePlan> {
  if (source === 'hotline')
    return {
      reporterName: personName(random),
      reporterPhone: mobile(random),
      externalNo: `12345-YM-${String(20260 + n).padStart(6, '0')}`,
    };
  if (source === 'video') return { externalNo: `SP-YM-${String(n).padStart(5, '0')}` };
  if (source === 'sensor') return { externalNo: `GZ-YM-${String(n).padStart(5, '0')}` };
  if (source === 'citizen') return { reporterPhone: mobile(random) };
  return {};
}
