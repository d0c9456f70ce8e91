/**
 * The pure rules of dispute warnings (矛盾纠纷预警): what makes a rule possible, which unit a warning goes to, and
 * whether what a rule found now is new evidence (a new warning, more evidence on an open one) or already seen.
 */
import {
  DEFAULT_DISPUTE_WARNING_RULES,
  type DisputeWarningRule,
  type DisputeWarningState,
  RULE_PARAMS,
  WARNING_KEYWORD_MAX,
  WARNING_KEYWORDS_MAX,
  WARNING_OVERDUE_MAX_DAYS,
  WARNING_RULE_KINDS,
  WARNING_TYPE_CODES_MAX,
  WARNING_WINDOW_MAX_DAYS,
  type WarningLevel,
  type WarningRuleParams,
} from '../../shared/dispute-warnings.ts';
import { DISPUTE_TYPES } from '../../shared/disputes.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import type { Actor } from '../platform/actor.ts';
import { ownsTier } from './disputes.core.ts';

/** The most a dispute can climb: grid → village → township → county. */
export const MAX_ESCALATIONS = 3;
const COUNT_MAX = 1000;
const PEOPLE_MAX = 100_000;
const KNOWN_TYPES = new Set(DISPUTE_TYPES.map((t) => t.code));

/** A rule a county keeps beside the defaults must not take a default's name for another kind. */
const DEFAULT_KIND = new Map(DEFAULT_DISPUTE_WARNING_RULES.map((r) => [r.key, r.kind]));

/**
 * Every reason a rule is impossible, each naming its field: a window of zero or negative days or over a year, a count
 * that cannot be reached (fewer than two disputes make no pattern; a dispute climbs three tiers at most), an empty
 * keyword list, an unknown type, a follow-up overdue by less than a day or more than a year. Params the kind does not read are refused rather than silently kept.
 */
export function checkRule(rule: DisputeWarningRule): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const at = (name: string) => `params.${name}`;
  if (!WARNING_RULE_KINDS.includes(rule.kind)) return [{ field: 'kind', reason: 'unknown', value: String(rule.kind) }];
  const fixed = DEFAULT_KIND.get(rule.key);
  if (fixed && fixed !== rule.kind) problems.push({ field: 'kind', reason: 'default_rule_kind', value: fixed });
  const wanted = RULE_PARAMS[rule.kind];
  const p = rule.params;
  for (const name of Object.keys(p) as (keyof WarningRuleParams)[])
    if (p[name] !== undefined && !wanted.includes(name) && !(rule.kind === 'petition_risk' && name === 'typeCodes'))
      problems.push({ field: at(name), reason: 'not_used_by_kind' });
  const whole = (name: 'days' | 'count' | 'minPeople' | 'minDaysOverdue', min: number, max: number) => {
    const v = p[name];
    if (v === undefined) problems.push({ field: at(name), reason: 'required' });
    else if (!Number.isInteger(v)) problems.push({ field: at(name), reason: 'integer', value: String(v) });
    else if (v < min) problems.push({ field: at(name), reason: min === 1 ? 'positive' : `at_least_${min}`, value: String(v) });
    else if (v > max) problems.push({ field: at(name), reason: `at_most_${max}`, value: String(v) });
  };
  if (wanted.includes('days')) whole('days', 1, WARNING_WINDOW_MAX_DAYS);
  if (wanted.includes('count'))
    whole('count', rule.kind === 'escalated_twice' ? 1 : 2, rule.kind === 'escalated_twice' ? MAX_ESCALATIONS : COUNT_MAX);
  if (wanted.includes('minPeople')) whole('minPeople', 1, PEOPLE_MAX);
  if (wanted.includes('minDaysOverdue')) whole('minDaysOverdue', 1, WARNING_OVERDUE_MAX_DAYS);
  if (rule.kind === 'type_cluster' || rule.kind === 'petition_risk') {
    const codes = p.typeCodes;
    if (codes === undefined || codes.length === 0) {
      if (rule.kind === 'type_cluster') problems.push({ field: at('typeCodes'), reason: 'required' });
    } else if (codes.length > WARNING_TYPE_CODES_MAX) {
      problems.push({ field: at('typeCodes'), reason: `at_most_${WARNING_TYPE_CODES_MAX}` });
    } else {
      codes.forEach((c, i) => {
        if (!KNOWN_TYPES.has(c)) problems.push({ field: `${at('typeCodes')}.${i}`, reason: 'unknown', value: c });
      });
    }
  }
  if (rule.kind === 'petition_risk') {
    const words = p.keywords ?? [];
    if (words.length === 0) problems.push({ field: at('keywords'), reason: 'required' });
    else if (words.length > WARNING_KEYWORDS_MAX) problems.push({ field: at('keywords'), reason: `at_most_${WARNING_KEYWORDS_MAX}` });
    else
      words.forEach((w, i) => {
        if (!w.trim()) problems.push({ field: `${at('keywords')}.${i}`, reason: 'required' });
        else if (w.trim().length > WARNING_KEYWORD_MAX)
          problems.push({ field: `${at('keywords')}.${i}`, reason: `at_most_${WARNING_KEYWORD_MAX}_chars`, value: w });
      });
  }
  return problems;
}

/** Keywords trimmed and without repeats, the type codes without repeats: what is stored. */
export function normaliseParams(p: WarningRuleParams): WarningRuleParams {
  return {
    ...p,
    ...(p.keywords ? { keywords: [...new Set(p.keywords.map((w) => w.trim()))] } : {}),
    ...(p.typeCodes ? { typeCodes: [...new Set(p.typeCodes)] } : {}),
  };
}

export interface StoredRule extends DisputeWarningRule {
  updatedByName: string | null;
  updatedAt: Date | null;
}

/** A county's rules: each default unless it changed it, then the rules it added, in that order. */
export function effectiveRules(stored: readonly StoredRule[]): StoredRule[] {
  const byKey = new Map(stored.map((r) => [r.key, r]));
  const defaults = DEFAULT_DISPUTE_WARNING_RULES.map((d) => byKey.get(d.key) ?? { ...d, updatedByName: null, updatedAt: null });
  return [...defaults, ...stored.filter((r) => !DEFAULT_KIND.has(r.key)).sort((a, b) => a.key.localeCompare(b.key))];
}

const CODE_LENGTH: Record<WarningLevel, number> = { village: 12, township: 9, county: 6 };

/** The unit a rule at `level` addresses about a dispute of this grid: its village, township or county. */
export const unitAt = (gridCode: string, level: WarningLevel) => gridCode.slice(0, CODE_LENGTH[level]);

/** Only the addressee acts on a warning: a centre of the rule's level bound to the unit (or a node above it). */
export const isAddressee = (actor: Pick<Actor, 'roles' | 'areas'>, level: WarningLevel, unitCode: string) =>
  ownsTier(actor, level, unitCode);

/**
 * What a rule found: one subject (a party, a dispute, a village, or for missed_visits a person) and the evidence that
 * makes it: dispute ids, or for missed_visits the person's missed follow-up (`missKey`).
 */
export interface Finding {
  subject: string;
  /** The grid of the newest dispute (or the person's): the warning goes to its village, township or county. */
  gridCode: string;
  disputeIds: string[];
}

/** A missed follow-up is known by its due date; one never followed up by `never` (a later miss has a new key). */
export const missKey = (dueOn: string | null) => dueOn ?? 'never';

/** Whether a missed follow-up is late enough for a missed_visits rule: never followed up always is. */
export const lateEnough = (daysOverdue: number | null, dueOn: string | null, minDaysOverdue: number) =>
  dueOn === null || (daysOverdue ?? 0) >= minDaysOverdue;

export interface Known {
  id: string;
  subject: string;
  state: DisputeWarningState;
  disputeIds: string[];
}

export type Decision = { kind: 'raise'; finding: Finding } | { kind: 'extend'; warningId: string; disputeIds: string[]; finding: Finding };

/**
 * New evidence only: a finding whose every dispute is already evidence of a warning of the same rule and subject
 * (open, handled or dismissed) raises nothing; one with new disputes adds them to the open warning of that subject,
 * or raises a new warning (with all its disputes) when the earlier ones were closed.
 */
export function decide(findings: readonly Finding[], known: readonly Known[]): Decision[] {
  const bySubject = new Map<string, Known[]>();
  for (const k of known) bySubject.set(k.subject, [...(bySubject.get(k.subject) ?? []), k]);
  const decisions: Decision[] = [];
  for (const f of findings) {
    const earlier = bySubject.get(f.subject) ?? [];
    const seen = new Set(earlier.flatMap((k) => k.disputeIds));
    const fresh = f.disputeIds.filter((id) => !seen.has(id));
    if (fresh.length === 0) continue;
    const open = earlier.find((k) => k.state === 'open');
    decisions.push(open ? { kind: 'extend', warningId: open.id, disputeIds: fresh, finding: f } : { kind: 'raise', finding: f });
  }
  return decisions;
}

/** LIKE patterns for keywords, with the pattern characters taken literally. */
export const keywordPatterns = (words: readonly string[]) => words.map((w) => `%${w.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);

/** A rule's typeCodes as LIKE prefixes: an item matches itself, a level-1 class every item under it. */
export const typePatterns = (codes: readonly string[]) => codes.map((c) => (c.length === 2 && c !== '99' ? `${c}%` : c));
