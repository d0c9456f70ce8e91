/**
 * The pure rules of a dispute: which tier owns it and who may act there, and the steps of mediation tier by tier
 * (accept, session, resolve, escalate, refer) as a small state machine over (tier, status).
 */
import {
  DISPUTE_ITEM_PREFIX,
  DISPUTE_TIERS,
  DISPUTE_TYPE_CODES,
  type DisputeSource,
  type DisputeStatus,
  type DisputeTier,
  type FollowUpOutcome,
  type MediationLight,
  type MediationMethod,
  type Performance,
  type ReferralTarget,
  type SessionResult,
} from '../../shared/disputes.ts';
import type { Role } from '../../shared/roles.ts';
import { trafficLight } from '../events/index.ts';
import type { Actor } from '../platform/actor.ts';
import type { WorkingCalendar } from '../platform/calendar/calendar.core.ts';
import { AppError } from '../platform/errors.ts';

/** The roles that act at each tier; the tier's owner is the area (grid, village, township, county) the dispute is in. */
export const TIER_ROLES: Record<DisputeTier, readonly Role[]> = {
  grid: ['grid_worker', 'grid_leader'],
  village: ['village_center'],
  township: ['township_center'],
  county: ['county_center'],
};

const CODE_LENGTH: Record<DisputeTier, number> = { grid: 15, village: 12, township: 9, county: 6 };

/** The area of a grid that owns a tier: the grid itself, its village, township or county. */
export const ownerAt = (gridCode: string, tier: DisputeTier) => gridCode.slice(0, CODE_LENGTH[tier]);

/** The tiers the caller owns somewhere, each with the area codes (their own bindings) whose units they act for there. */
export function ownedTiers(actor: Pick<Actor, 'roles' | 'areas'>): { tier: DisputeTier; prefixes: string[] }[] {
  return DISPUTE_TIERS.flatMap((tier) => {
    const prefixes = actor.areas.filter((a) => a.code.length <= CODE_LENGTH[tier]).map((a) => a.code);
    return TIER_ROLES[tier].some((r) => actor.roles.includes(r)) && prefixes.length ? [{ tier, prefixes }] : [];
  });
}

export const nextTier = (tier: DisputeTier): DisputeTier | null => DISPUTE_TIERS[DISPUTE_TIERS.indexOf(tier) + 1] ?? null;

/** The tier a new dispute starts at: the lowest the reporter acts at (a grid worker's own tier, a centre's own level). */
export function startingTier(actor: Pick<Actor, 'roles'>): DisputeTier {
  return DISPUTE_TIERS.find((tier) => TIER_ROLES[tier].some((r) => actor.roles.includes(r))) ?? 'grid';
}

/** Whether the caller owns the tier: a role of that tier and bound to the owning area (or a node inside it). */
export function ownsTier(actor: Pick<Actor, 'roles' | 'areas'>, tier: DisputeTier, ownerCode: string): boolean {
  return (
    TIER_ROLES[tier].some((r) => actor.roles.includes(r)) &&
    actor.areas.some((a) => a.code.length <= ownerCode.length && ownerCode.startsWith(a.code))
  );
}

function escalated(state: DisputeState): Pick<DisputeState, 'tier' | 'ownerCode' | 'status'> {
  const tier = nextTier(state.tier);
  if (!tier) throw new AppError('dispute.top_tier', [{ field: 'step', reason: 'top_tier', value: state.tier }]);
  return { tier, ownerCode: ownerAt(state.gridCode, tier), status: 'pending' };
}

export type Step =
  | { step: 'accept' }
  | {
      step: 'session';
      heldOn: string;
      place?: string;
      method?: MediationMethod;
      mediator: string;
      present: number[];
      result: SessionResult;
      note?: string;
    }
  | { step: 'resolve'; agreement: string; followUpOn?: string }
  | { step: 'follow_up'; performance: Performance; outcome: FollowUpOutcome; note?: string }
  | { step: 'escalate'; reason: string; toTier?: DisputeTier }
  | { step: 'refer'; to: ReferralTarget; reason: string };

export interface DisputeState {
  tier: DisputeTier;
  ownerCode: string;
  gridCode: string;
  status: DisputeStatus;
  /** The number of parties (their seq runs 1..n). */
  parties: number;
  /** Whether the agreement's follow-up (回访) was made. */
  followedUp: boolean;
}

/** The steps each status allows; the service shows them as the caller's abilities. */
const ALLOWED: Record<DisputeStatus, readonly Step['step'][]> = {
  pending: ['accept'],
  mediating: ['session', 'resolve', 'escalate', 'refer'],
  resolved: ['follow_up'],
  referred: [],
};

/** The steps the state allows: a resolved dispute's follow-up once, and no escalation past the county. */
const allowedNow = (state: DisputeState) =>
  ALLOWED[state.status].filter((s) => (s !== 'escalate' || nextTier(state.tier) !== null) && (s !== 'follow_up' || !state.followedUp));

export function stepsAllowed(state: DisputeState, actor: Pick<Actor, 'roles' | 'areas'>): Step['step'][] {
  if (!ownsTier(actor, state.tier, state.ownerCode)) return [];
  return allowedNow(state);
}

const required = (field: string, value: string | undefined, code: 'dispute.invalid' | 'dispute.reason_required' = 'dispute.invalid') => {
  if (!value?.trim()) throw new AppError(code, [{ field, reason: 'required' }]);
};

/**
 * One step at the current tier: who may take it (403 naming the tier), whether the status allows it (409 naming
 * the status), and what it needs (400 naming the field). Answers the dispute's next tier, owner and status.
 */
export function applyStep(
  state: DisputeState,
  step: Step,
  actor: Pick<Actor, 'roles' | 'areas'>,
): Pick<DisputeState, 'tier' | 'ownerCode' | 'status'> {
  if (!ownsTier(actor, state.tier, state.ownerCode))
    throw step.step === 'follow_up'
      ? new AppError('dispute.follow_up_not_owner', [
          { field: 'step', reason: 'not_responsible', value: state.tier, owner: state.ownerCode },
        ])
      : new AppError('dispute.not_tier_owner', [{ field: 'tier', reason: 'not_owner', value: state.tier, owner: state.ownerCode }]);
  if (!ALLOWED[state.status].includes(step.step))
    throw new AppError('dispute.step_not_allowed', [{ field: 'step', reason: `not_when_${state.status}`, value: step.step }]);
  if (step.step === 'follow_up' && state.followedUp)
    throw new AppError('dispute.step_not_allowed', [{ field: 'step', reason: 'followed_up', value: step.step }]);
  const same = { tier: state.tier, ownerCode: state.ownerCode };
  switch (step.step) {
    case 'accept':
      return { ...same, status: 'mediating' };
    case 'session': {
      required('mediator', step.mediator);
      const outside = step.present.find((seq) => !Number.isInteger(seq) || seq < 1 || seq > state.parties);
      if (outside !== undefined)
        throw new AppError('dispute.invalid', [{ field: 'present', reason: 'not_a_party', value: String(outside) }]);
      return { ...same, status: 'mediating' };
    }
    case 'resolve':
      required('agreement', step.agreement);
      return { ...same, status: 'resolved' };
    case 'escalate': {
      // Up one tier, or past it (越级) to a named higher tier: always with the reason why.
      required('reason', step.reason, 'dispute.reason_required');
      if (step.toTier === undefined) return escalated(state);
      if (DISPUTE_TIERS.indexOf(step.toTier) <= DISPUTE_TIERS.indexOf(state.tier))
        throw new AppError('dispute.invalid', [{ field: 'toTier', reason: 'not_above_current', value: step.toTier }]);
      return { tier: step.toTier, ownerCode: ownerAt(state.gridCode, step.toTier), status: 'pending' };
    }
    case 'follow_up':
      if (step.performance === 'full' && step.outcome !== 'close')
        throw new AppError('dispute.invalid', [{ field: 'outcome', reason: 'performed_in_full', value: step.outcome }]);
      if (step.outcome === 'close') return { ...same, status: 'resolved' };
      // Not (fully) performed: mediation again at the same tier, or up a tier with the reason why.
      required('note', step.note, 'dispute.reason_required');
      return step.outcome === 'reopen' ? { ...same, status: 'mediating' } : escalated(state);
    case 'refer':
      required('reason', step.reason, 'dispute.reason_required');
      return { ...same, status: 'referred' };
  }
}

// ── time limits ────────────────────────────────────────────────────────────────────────────────────────

/** When a tier's mediation accepted at `from` runs out: `days` working days on the platform calendar. */
export const mediationDue = (from: Date, days: number, calendar: WorkingCalendar) => calendar.addWorkingDays(from, days);

/**
 * A mediation's light, as a case's deadline is lit (the loop's rule: yellow in the last third, at most 3 working
 * days; red once past due); none when no tier is mediating it. `provisional`: the due time lies in a year the holiday
 * data does not cover, so it was counted on weekends only and may move.
 */
export function mediationClock(
  d: { status: string; mediationDueAt: Date | null; mediationDays: number | null },
  now: Date,
  calendar: WorkingCalendar,
): { light: MediationLight | null; provisional: boolean } {
  if (d.status !== 'mediating' || !d.mediationDueAt || d.mediationDays === null) return { light: null, provisional: false };
  return {
    light: trafficLight({ now, dueAt: d.mediationDueAt, limit: { workingDays: d.mediationDays } }, calendar),
    provisional: !calendar.covers(d.mediationDueAt),
  };
}

/** The first China date after `day` plus `days` calendar days ('YYYY-MM-DD'). */
export const plusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// ── a dispute from a loop case ─────────────────────────────────────────────────────────────────────────

/**
 * What a loop case is as a dispute's source, or null when it is none: a 12345 order, a dispute item of the catalogue
 * (MD + the 5.56 code), or a grid worker's field report.
 */
export function sourceKindOf(c: { source: string; itemCode: string }): DisputeSource | null {
  if (c.source === 'hotline') return 'hotline';
  if (c.itemCode.startsWith(DISPUTE_ITEM_PREFIX)) return 'event';
  if (c.source === 'grid_worker') return 'field';
  return null;
}

/** The dispute type a catalogue item names (MD0902 → 0902), or null when the item is not a dispute item. */
export function typeOfItem(itemCode: string): string | null {
  const code = itemCode.startsWith(DISPUTE_ITEM_PREFIX) ? itemCode.slice(DISPUTE_ITEM_PREFIX.length) : '';
  return DISPUTE_TYPE_CODES.includes(code) ? code : null;
}
