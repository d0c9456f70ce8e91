/**
 * 随访 rules without I/O: the default plan of each tag (GB/T 31000-2015 §4.3–4.4), how a county's plan is checked,
 * which plan a person with several tags follows, and when their next follow-up falls due.
 */

import { chinaDate } from '../../shared/china-time.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import {
  FOLLOW_UP_CADENCES,
  FOLLOWERS,
  type Follower,
  type FollowUpCadence,
  type FollowUpState,
  type TagKind,
} from '../../shared/followups.ts';
import { FOLLOW_UP_DAYS, FOLLOW_UP_SOON_DAYS } from '../../shared/limits.ts';

export interface Plan {
  tagKind: TagKind;
  tagCode: string;
  cadence: FollowUpCadence;
  /** Only with the cadence `days`. */
  intervalDays: number | null;
  follower: Follower;
}

type Default = readonly [code: string, cadence: FollowUpCadence, intervalDays?: number];

/**
 * The defaults a county starts from. Special groups (§4.3): a released prisoner monthly (帮教), community correction
 * monthly beside the justice office's own supervision, severe mental disorder weekly (the patients GB/T 31000 lists
 * are those assessed at risk level 3 and above), drug users monthly, HIV risk quarterly. Key youth (§4.4): a homeless
 * minor weekly, the others monthly, "other" quarterly. Every one the grid worker's, until the county says otherwise.
 */
const SPECIAL_GROUP_DEFAULTS: readonly Default[] = [
  ['01', 'monthly'],
  ['02', 'monthly'],
  ['03', 'weekly'],
  ['04', 'monthly'],
  ['05', 'quarterly'],
];
const KEY_PERSON_DEFAULTS: readonly Default[] = [
  ['01', 'monthly'],
  ['02', 'monthly'],
  ['03', 'weekly'],
  ['04', 'monthly'],
  ['05', 'monthly'],
  ['99', 'quarterly'],
];

const plansOf = (tagKind: TagKind, rows: readonly Default[]): Plan[] =>
  rows.map(([tagCode, cadence, intervalDays]) => ({
    tagKind,
    tagCode,
    cadence,
    intervalDays: intervalDays ?? null,
    follower: 'grid_worker',
  }));

export const DEFAULT_PLANS: readonly Plan[] = [
  ...plansOf('special_group', SPECIAL_GROUP_DEFAULTS),
  ...plansOf('key_person', KEY_PERSON_DEFAULTS),
];

/** A tag a person carries, as `special_group:03`: the form the visit keeps. */
export const tagKey = (tagKind: TagKind, code: string) => `${tagKind}:${code}`;

/** The county's plans over the defaults: one plan per tag, the county's row where it set one. */
export function effectivePlans(own: readonly Plan[]): Plan[] {
  const set = new Map(own.map((p) => [tagKey(p.tagKind, p.tagCode), p]));
  const defaults = DEFAULT_PLANS.map((d) => set.get(tagKey(d.tagKind, d.tagCode)) ?? d);
  // A tag the city added to its code table, with a plan of the county's own.
  const extra = own.filter((p) => !DEFAULT_PLANS.some((d) => d.tagKind === p.tagKind && d.tagCode === p.tagCode));
  return [...defaults, ...extra];
}

/** Every problem of a plan as the county sent it, each naming its field. */
export function checkPlan(input: { cadence: string; intervalDays?: number | null; follower: string }): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!(FOLLOW_UP_CADENCES as readonly string[]).includes(input.cadence))
    problems.push({ field: 'cadence', reason: 'not_in_list', value: input.cadence });
  if (!(FOLLOWERS as readonly string[]).includes(input.follower))
    problems.push({ field: 'follower', reason: 'not_in_list', value: input.follower });
  const days = input.intervalDays ?? null;
  if (input.cadence === 'days') {
    if (days === null) problems.push({ field: 'intervalDays', reason: 'required_when_days' });
    else if (!Number.isInteger(days) || days < FOLLOW_UP_DAYS.min || days > FOLLOW_UP_DAYS.max)
      problems.push({ field: 'intervalDays', reason: 'out_of_range', value: String(days) });
  } else if (days !== null) problems.push({ field: 'intervalDays', reason: 'only_when_days', value: String(days) });
  return problems;
}

/** The China calendar date `months` later (the 31st of January plus a month is the last day of February). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The China date a follow-up on `lastOn` makes the next one due, by the plan's cadence. */
export function nextDueOn(lastOn: string, plan: Pick<Plan, 'cadence' | 'intervalDays'>): string {
  switch (plan.cadence) {
    case 'weekly':
      return addDays(lastOn, 7);
    case 'fortnightly':
      return addDays(lastOn, 14);
    case 'monthly':
      return addMonths(lastOn, 1);
    case 'quarterly':
      return addMonths(lastOn, 3);
    case 'days':
      return addDays(lastOn, plan.intervalDays ?? 1);
  }
}

/** The plans of a person's tags; a tag with no plan (none in the defaults, none set) is followed monthly. */
export function plansFor(tags: { specialGroups: readonly string[]; keyPersonTags: readonly string[] }, plans: readonly Plan[]): Plan[] {
  const byKey = new Map(plans.map((p) => [tagKey(p.tagKind, p.tagCode), p]));
  const one = (tagKind: TagKind, tagCode: string): Plan =>
    byKey.get(tagKey(tagKind, tagCode)) ?? { tagKind, tagCode, cadence: 'monthly', intervalDays: null, follower: 'grid_worker' };
  return [...tags.specialGroups.map((c) => one('special_group', c)), ...tags.keyPersonTags.map((c) => one('key_person', c))];
}

export interface Schedule {
  /** The plan that binds: the one making the next follow-up due soonest (a person with several tags). */
  plan: Plan;
  lastOn: string | null;
  /** Null: never followed up, due at once. */
  dueOn: string | null;
  state: FollowUpState;
  /** Whole days past due (0 when not missed); for never followed up, null. */
  daysOverdue: number | null;
}

/**
 * Where a tagged person stands on `asOf`: the binding plan is the one whose next date comes first (with no follow-up
 * yet, the most frequent). Missed: past its due date, or never followed up; due soon: due within FOLLOW_UP_SOON_DAYS.
 */
export function scheduleOf(plans: readonly Plan[], lastAt: Date | null, asOf: Date): Schedule {
  if (plans.length === 0) throw new Error('scheduleOf needs the plans of at least one tag');
  const today = chinaDate(asOf);
  const lastOn = lastAt ? chinaDate(lastAt) : null;
  const reference = lastOn ?? today;
  const ranked = plans.map((plan) => ({ plan, dueOn: nextDueOn(reference, plan) })).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const { plan, dueOn } = ranked[0];
  if (lastOn === null) return { plan, lastOn, dueOn: null, state: 'missed', daysOverdue: null };
  const overdue = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / 86_400_000);
  const state: FollowUpState = overdue > 0 ? 'missed' : -overdue <= FOLLOW_UP_SOON_DAYS ? 'due_soon' : 'on_time';
  return { plan, lastOn, dueOn, state, daysOverdue: Math.max(overdue, 0) };
}
