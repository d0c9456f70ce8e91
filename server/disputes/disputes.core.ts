/**
 * The pure rules of a dispute: which tier owns it and who may act there, and the steps of mediation tier by tier
 * (accept, session, resolve, escalate, refer) as a small state machine over (tier, status).
 */
import { DISPUTE_TIERS, type DisputeStatus, type DisputeTier, type ReferralTarget, type SessionResult } from '../../shared/disputes.ts';
import type { Role } from '../../shared/roles.ts';
import type { Actor } from '../platform/actor.ts';
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

export type Step =
  | { step: 'accept' }
  | { step: 'session'; heldOn: string; mediator: string; present: number[]; result: SessionResult; note?: string }
  | { step: 'resolve'; agreement: string; followUpOn: string }
  | { step: 'escalate'; reason: string }
  | { step: 'refer'; to: ReferralTarget; reason: string };

export interface DisputeState {
  tier: DisputeTier;
  ownerCode: string;
  gridCode: string;
  status: DisputeStatus;
  /** The number of parties (their seq runs 1..n). */
  parties: number;
}

/** The steps each status allows; the service shows them as the caller's abilities. */
const ALLOWED: Record<DisputeStatus, readonly Step['step'][]> = {
  pending: ['accept'],
  mediating: ['session', 'resolve', 'escalate', 'refer'],
  resolved: [],
  referred: [],
};

export function stepsAllowed(state: DisputeState, actor: Pick<Actor, 'roles' | 'areas'>): Step['step'][] {
  if (!ownsTier(actor, state.tier, state.ownerCode)) return [];
  return ALLOWED[state.status].filter((s) => s !== 'escalate' || nextTier(state.tier) !== null);
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
    throw new AppError('dispute.not_tier_owner', [{ field: 'tier', reason: 'not_owner', value: state.tier, owner: state.ownerCode }]);
  if (!ALLOWED[state.status].includes(step.step))
    throw new AppError('dispute.step_not_allowed', [{ field: 'step', reason: `not_when_${state.status}`, value: step.step }]);
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
      required('followUpOn', step.followUpOn);
      return { ...same, status: 'resolved' };
    case 'escalate': {
      required('reason', step.reason, 'dispute.reason_required');
      const tier = nextTier(state.tier);
      if (!tier) throw new AppError('dispute.top_tier', [{ field: 'step', reason: 'top_tier', value: state.tier }]);
      return { tier, ownerCode: ownerAt(state.gridCode, tier), status: 'pending' };
    }
    case 'refer':
      required('reason', step.reason, 'dispute.reason_required');
      return { ...same, status: 'referred' };
  }
}
