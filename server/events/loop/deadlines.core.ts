/**
 * Time limits of the closed loop: the due time of each stage from a catalogue item's limits, the traffic
 * light of one deadline, and the five-colour graded warning of seed 000. "Now" and the calendar are always
 * inputs (DESIGN invariant 6).
 */

import {
  SEVERITIES,
  type Severity,
  STAGES,
  type Stage,
  URGENCIES,
  type Urgency,
  WARNING_COLOURS,
  type WarningColour,
} from '../../../shared/enums.ts';
import type { WorkingCalendar } from '../../platform/calendar/calendar.core.ts';

// Stages, severities, urgencies and warning colours are shared with the web's editors.
export { SEVERITIES, type Severity, STAGES, type Stage, URGENCIES, type Urgency, WARNING_COLOURS, type WarningColour };

/**
 * `hours` are working hours (工作时, the unit of CJ/T 315 limit tables, e.g. exposed rubbish 4 h);
 * `workingDays` per calendar.addWorkingDays; `clockHours` run round the clock, for urgent matters
 * (a burst gas main reported at 22:00 cannot wait for the office to open).
 */
export type StageLimit = { hours: number } | { workingDays: number } | { clockHours: number };
export type StageLimits = Partial<Record<Stage, StageLimit>>;

const HOUR_MS = 3_600_000;

/**
 * The limit of a stage an item leaves unset, so every stage of every case has a clock and an owner:
 * verify on site 30 minutes (DOMAIN §5), register and dispatch 30 minutes, sign or send back within 2 working days
 * (the return window), handle 5 working days, check 30 minutes, close within 1 working day, return visit within
 * 2 working days (disputes 1), arbitration within 2 working days. A co-handler's part (`assist`) defaults to the
 * lead's handling limit: "主协办单位等同考核".
 */
export const DEFAULT_STAGE_LIMITS: Readonly<Record<Exclude<Stage, 'assist'>, StageLimit>> = {
  verify: { hours: 0.5 },
  accept: { hours: 0.5 },
  dispatch: { hours: 0.5 },
  sign: { workingDays: 2 },
  handle: { workingDays: 5 },
  check: { hours: 0.5 },
  close: { workingDays: 1 },
  visit: { workingDays: 2 },
  arbitrate: { workingDays: 2 },
};

/** The item's limit for a stage, or the default: never missing. */
export function limitOf(limits: StageLimits, stage: Stage): StageLimit {
  if (stage === 'assist') return limits.assist ?? limitOf(limits, 'handle');
  return limits[stage] ?? DEFAULT_STAGE_LIMITS[stage];
}

/** How much of each limit an urgent case gets: 紧急 half, 特急 a quarter, unless the item says otherwise. */
export const DEFAULT_URGENCY_FACTORS: Readonly<Record<Urgency, number>> = { normal: 1, urgent: 0.5, very_urgent: 0.25 };

export function dueAfter(limit: StageLimit, from: Date, calendar: WorkingCalendar, factor = 1): Date {
  if (factor !== 1) {
    // A shortened limit is a share of the time allowed, counted the way the limit is counted.
    const millis = allottedMillis(limit, calendar) * factor;
    return 'clockHours' in limit ? new Date(from.getTime() + Math.round(millis)) : calendar.addWorkingMillis(from, millis);
  }
  if ('workingDays' in limit) return calendar.addWorkingDays(from, limit.workingDays);
  if ('hours' in limit) return calendar.addWorkingHours(from, limit.hours);
  return new Date(from.getTime() + Math.round(limit.clockHours * HOUR_MS));
}

/** Due time of a stage entered at `from`, shortened by the urgency factor (1 for a normal case). */
export function stageDueAt(limits: StageLimits, stage: Stage, from: Date, calendar: WorkingCalendar, factor = 1): Date {
  return dueAfter(limitOf(limits, stage), from, calendar, factor);
}

/** Time left until due, counted the way the limit is counted; negative once overdue. */
function remainingMillis(now: Date, dueAt: Date, limit: StageLimit, calendar: WorkingCalendar): number {
  return 'clockHours' in limit ? dueAt.getTime() - now.getTime() : calendar.workingMillisBetween(now, dueAt);
}

/** The whole time a stage allows, in the unit its limit is counted in. */
export function allottedMillis(limit: StageLimit, calendar: WorkingCalendar): number {
  if ('clockHours' in limit) return limit.clockHours * HOUR_MS;
  if ('hours' in limit) return limit.hours * HOUR_MS;
  return limit.workingDays * calendar.officeDayMillis;
}

/**
 * The default "near due" threshold: the last third of the allotted time, at most 3 working days. Seed 004
 * reminds units 1–3 days before a 12-working-day order is due; a third of a 30-minute limit is 10 minutes.
 */
export function nearDueThreshold(limit: StageLimit, calendar: WorkingCalendar): number {
  return Math.min(allottedMillis(limit, calendar) / 3, 3 * calendar.officeDayMillis);
}

export type TrafficLight = 'green' | 'yellow' | 'red';

export interface LightInput {
  now: Date;
  dueAt: Date;
  limit: StageLimit;
  /** While suspended the clock stands still, so the light is read at the moment it stopped. */
  suspendedAt?: Date | null;
}

/** Green in time, yellow near due, red overdue. Due exactly now is still in time. */
export function trafficLight(
  input: LightInput,
  calendar: WorkingCalendar,
  threshold = nearDueThreshold(input.limit, calendar),
): TrafficLight {
  const now = input.suspendedAt ?? input.now;
  if (now > input.dueAt) return 'red';
  return remainingMillis(now, input.dueAt, input.limit, calendar) <= threshold ? 'yellow' : 'green';
}

/**
 * Working days overdue, counted as people say them: overdue by a minute is "1 day overdue"; 0 when not
 * overdue. Overdue only outside office hours (due Friday 17:30, now Saturday) still counts as 1.
 */
export function overdueWorkingDays(now: Date, dueAt: Date, calendar: WorkingCalendar): number {
  if (now <= dueAt) return 0;
  return Math.max(1, Math.ceil(calendar.workingMillisBetween(dueAt, now) / calendar.officeDayMillis));
}

export interface WarningFacts {
  severity: Severity;
  overdueWorkingDays: number;
  /** Times the case was escalated to the level above. */
  escalations: number;
  /** Reports of the same matter at the same place (merged duplicates count here). */
  repeats: number;
}

/** Every field given must hold (all-of); a field left out does not matter. */
export interface WarningCondition {
  minSeverity?: Severity;
  minOverdueWorkingDays?: number;
  minEscalations?: number;
  minRepeats?: number;
}

export interface WarningRule {
  colour: WarningColour;
  /** The rule fires when any one condition holds. */
  anyOf: WarningCondition[];
  /** What the responsible unit is subject to, as an i18n key (seed 000's list of measures). */
  sanction: string;
}

/**
 * Default rule table, editable by a city. Seed 000 gives the five colours and the five measures (网上通知督办,
 * 网上巡查督查, 季度通报, 半年黄牌警告, 年底综治结硬账) but no thresholds; these are ours, each tied to a figure
 * from the sources where one exists:
 * - blue: overdue at all, or reported twice — a notice to the unit;
 * - yellow: 2 working days overdue, escalated once, or a significant (较大) case overdue;
 * - light red: 3 days overdue, escalated twice, or a repeat order (same place and matter ≥ 3 times, seed 004);
 * - purple: 5 days overdue ("超期5日未说明→通报", standards §3), or a major (重大) case overdue;
 * - red: 10 days overdue (longer than the longest extension allowed), escalated three times (no level left
 *   above a village), or an extraordinary (特别重大) case overdue.
 */
export const DEFAULT_WARNING_RULES: readonly WarningRule[] = [
  { colour: 'blue', sanction: 'warning.online_notice', anyOf: [{ minOverdueWorkingDays: 1 }, { minRepeats: 2 }] },
  {
    colour: 'yellow',
    sanction: 'warning.online_inspection',
    anyOf: [{ minOverdueWorkingDays: 2 }, { minEscalations: 1 }, { minSeverity: 'significant', minOverdueWorkingDays: 1 }],
  },
  {
    colour: 'light_red',
    sanction: 'warning.quarterly_notice',
    anyOf: [{ minOverdueWorkingDays: 3 }, { minEscalations: 2 }, { minRepeats: 3 }],
  },
  {
    colour: 'purple',
    sanction: 'warning.half_year_yellow_card',
    anyOf: [{ minOverdueWorkingDays: 5 }, { minSeverity: 'major', minOverdueWorkingDays: 1 }],
  },
  {
    colour: 'red',
    sanction: 'warning.year_end_account',
    anyOf: [{ minOverdueWorkingDays: 10 }, { minEscalations: 3 }, { minSeverity: 'extraordinary', minOverdueWorkingDays: 1 }],
  },
];

function holds(c: WarningCondition, f: WarningFacts): boolean {
  return (
    (c.minSeverity === undefined || SEVERITIES.indexOf(f.severity) >= SEVERITIES.indexOf(c.minSeverity)) &&
    (c.minOverdueWorkingDays === undefined || f.overdueWorkingDays >= c.minOverdueWorkingDays) &&
    (c.minEscalations === undefined || f.escalations >= c.minEscalations) &&
    (c.minRepeats === undefined || f.repeats >= c.minRepeats)
  );
}

/** The most serious colour whose rule fires, whatever the order of the table; null when none does. */
export function warningColour(facts: WarningFacts, rules: readonly WarningRule[] = DEFAULT_WARNING_RULES): WarningColour | null {
  let worst: WarningColour | null = null;
  for (const rule of rules) {
    const rank = WARNING_COLOURS.indexOf(rule.colour);
    if ((worst === null || rank > WARNING_COLOURS.indexOf(worst)) && rule.anyOf.some((c) => holds(c, facts))) worst = rule.colour;
  }
  return worst;
}
