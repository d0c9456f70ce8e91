/**
 * The guards of the closed loop: who owes a stage, who may take an action now, and whether its input is enough.
 * Pure, like the machine that calls them (event-machine.core.ts) and the forms built from them (event-forms.core.ts).
 */

import { ancestorCodes, levelOfCode, subtreePrefix } from '../../../shared/codes.ts';
import type { ErrorDetail } from '../../../shared/errors.ts';
import { AREA_LEVELS, type AreaLevel } from '../../../shared/roles.ts';
import { DEFAULT_URGENCY_FACTORS } from './deadlines.core.ts';
import {
  type ActionDef,
  type ActionInput,
  type Actor,
  CHOSEN_CLOSING_TYPES,
  type CoPart,
  EVENT_ACTION_NAMES,
  EVENT_ACTIONS,
  type EventActionName,
  type EventErrorCode,
  type EventRule,
  EventRuleError,
  type EventState,
  MAX_EXTENSION_WORKING_DAYS,
  RATINGS,
  type Rating,
  type Urgency,
  type Who,
} from './event-actions.core.ts';

type CentreLevel = Exclude<AreaLevel, 'grid'>;

export function levelOf(event: Pick<EventState, 'ownerCode'>): CentreLevel {
  const level = levelOfCode(event.ownerCode);
  if (level === null || level === 'grid') throw new Error(`event owner ${event.ownerCode} is not a city, county, township or village`);
  return level;
}

/** The node above the owner, which arbitrates and approves; a city's own case is decided by the city. */
export const superiorOf = (ownerCode: string): string => ancestorCodes(ownerCode).at(-1) ?? ownerCode;

/**
 * Who owes a stage: the grid's team verifies (and checks on site when the item asks for it), the lead unit signs
 * and handles, the level above arbitrates, and the owning centre does the rest.
 */
export function stageUnitOf(state: Pick<EventState, 'stage' | 'ownerCode' | 'gridCode' | 'leadUnit' | 'rule'>): string | null {
  switch (state.stage) {
    case null:
      return null;
    case 'verify':
      return state.gridCode;
    case 'sign':
    case 'handle':
    case 'assist':
      return state.leadUnit ?? state.ownerCode;
    case 'check':
      return state.rule.closing.onSiteCheck ? state.gridCode : state.ownerCode;
    case 'arbitrate':
      return superiorOf(state.ownerCode);
    default:
      return state.ownerCode;
  }
}

export const urgencyFactor = (rule: EventRule, urgency: Urgency): number =>
  rule.urgencyFactors?.[urgency] ?? DEFAULT_URGENCY_FACTORS[urgency];

/** Working days of extension the case may still get. */
export const extensionLeft = (event: EventState): number =>
  Math.max(0, (event.rule.maxExtensionDays ?? MAX_EXTENSION_WORKING_DAYS) - event.extensionDays);

const partOf = (event: EventState, actor: Actor): CoPart | undefined =>
  actor.coUnit ? event.coParts.find((p) => p.unit === actor.coUnit) : undefined;

function matches(who: Who, actor: Actor, event: EventState): boolean {
  if (!who.roles.some((r) => actor.roles.includes(r))) return false;
  switch (who.relation) {
    case 'owner':
      return actor.isOwner;
    case 'lead':
      return actor.isLead;
    case 'co':
      return partOf(event, actor) !== undefined;
    case 'reporter':
      return actor.isReporter;
    case 'grid':
      return actor.level === 'grid';
    case 'superior':
      return actor.isSuperior;
    case 'above': {
      const level = actor.level;
      return (
        level !== null && level !== 'department' && level !== 'grid' && AREA_LEVELS.indexOf(level) <= AREA_LEVELS.indexOf(levelOf(event))
      );
    }
  }
}

/** Why this actor may not take this action on this case now, or null if they may. Input is not looked at. */
/**
 * Why an action may not be taken now, as plain data: the abilities of every reply ask this of each action, and an
 * Error (with its stack) for each of them would cost more than the rest of the reply. Thrown as an EventRuleError.
 */
export interface Refusal {
  code: EventErrorCode;
  details: ErrorDetail[];
}

const refuse = (code: EventErrorCode, details: ErrorDetail[] = []): Refusal => ({ code, details });

export function refusal(event: EventState, action: EventActionName, actor: Actor, now: Date): Refusal | null {
  const def: ActionDef = EVENT_ACTIONS[action];
  const notNow = (reason: string) => refuse('event.transition_not_allowed', [{ field: 'action', reason }]);
  if (!def.from.includes(event.status)) return notNow(`not_from_${event.status}`);
  if (event.suspendedAt && action !== 'resume') return refuse('event.suspended');
  if (action === 'resume' && !event.suspendedAt) return notNow('not_suspended');
  if (action === 'fix_on_spot' && !event.rule.fixOnSpot) return notNow('catalogue_forbids_fix_on_spot');
  if (action === 'escalate' && levelOf(event) === 'city') return notNow('no_level_above');
  if (action === 'assign_down' && levelOf(event) === 'village') return notNow('no_level_below');
  if (action === 'extension_request' && event.extension) return refuse('event.extension_pending');
  if (action === 'extension_request' && !event.dueAt) return notNow('no_due_time');
  if (action === 'extension_request' && extensionLeft(event) === 0) return refuse('event.extension_cap_reached');
  if ((action === 'extension_approve' || action === 'extension_refuse') && !event.extension) return notNow('no_extension_pending');
  if (action === 'special_close_request' && event.specialClose) return refuse('event.special_close_pending');
  if ((action === 'special_close_approve' || action === 'special_close_refuse') && !event.specialClose)
    return notNow('no_special_close_pending');
  if (action === 'reopen' && event.status === 'visited' && event.rating !== 'dissatisfied') return notNow('visit_not_dissatisfied');
  if (action === 'close' && event.status === 'handled' && event.rule.closing.onSiteCheck) return refuse('event.on_site_check_first');
  if (!def.who.some((w) => matches(w, actor, event))) {
    return action === 'co_sign' || action === 'co_reply' ? refuse('event.not_your_part') : refuse('event.role_not_allowed');
  }
  if (action === 'return') {
    if (event.returnBar) return refuse('event.return_barred', [{ field: 'action', reason: event.returnBar }]);
    // The sign window is the return window: "签收时限内可退单".
    if (event.stage !== 'sign' || (event.stageDueAt && now > event.stageDueAt))
      return refuse('event.return_window_closed', [{ field: 'action', reason: 'past_sign_window' }]);
  }
  if (action === 'co_sign' && partOf(event, actor)!.signedAt) return notNow('part_signed');
  if (action === 'co_reply' && !partOf(event, actor)!.signedAt) return notNow('part_not_signed');
  if (action === 'co_reply' && partOf(event, actor)!.repliedAt) return notNow('part_answered');
  if (action === 'handle' && event.coParts.some((p) => !p.repliedAt))
    return refuse('event.parts_pending', [{ field: 'action', reason: 'co_parts_unanswered' }]);
  return null;
}

/** The actions this actor may take on this case now, in table order: the reply's `abilities`. */
export function allowedActions(event: EventState, actor: Actor, now: Date): EventActionName[] {
  return EVENT_ACTION_NAMES.filter((action) => refusal(event, action, actor, now) === null);
}

export const blank = (s: string | undefined): boolean => !s || s.trim() === '';

export function checkInput(event: EventState, action: EventActionName, input: ActionInput): void {
  const def: ActionDef = EVENT_ACTIONS[action];
  const rule = event.rule;
  const missing = (code: EventErrorCode, field: string) => new EventRuleError(code, [{ field, reason: 'required' }]);
  const hasAttachments = (input.attachments?.length ?? 0) > 0;
  for (const need of def.requires) {
    if (need === 'reason' && blank(input.note)) throw missing('event.reason_required', 'note');
    if (need === 'attachments' && !hasAttachments) throw missing('event.attachments_required', 'attachments');
    if (need === 'after_photo' && rule.closing.afterPhoto && !hasAttachments) throw missing('event.attachments_required', 'attachments');
    if (need === 'site_photo' && rule.closing.onSiteCheck && !hasAttachments) throw missing('event.attachments_required', 'attachments');
    if (need === 'target' && blank(input.targetUnit)) throw missing('event.target_required', 'targetUnit');
    if (need === 'master' && blank(input.masterId)) throw missing('event.master_required', 'masterId');
    if (need === 'rating' && !RATINGS.includes(input.rating as Rating)) throw missing('event.rating_required', 'rating');
    if (need === 'working_days') {
      const n = input.workingDays;
      const left = extensionLeft(event);
      if (!Number.isInteger(n) || n! < 1)
        throw new EventRuleError('event.working_days_invalid', [{ field: 'workingDays', reason: `1_to_${left}` }]);
      if (n! > left) throw new EventRuleError('event.extension_over_cap', [{ field: 'workingDays', reason: `1_to_${left}`, value: n }]);
    }
  }
  if (action === 'extension_approve' && input.workingDays !== undefined) {
    const asked = event.extension!.workingDays;
    if (!Number.isInteger(input.workingDays) || input.workingDays < 1 || input.workingDays > asked)
      throw new EventRuleError('event.working_days_invalid', [{ field: 'workingDays', reason: `1_to_${asked}`, value: input.workingDays }]);
  }
  if (input.closingType !== undefined && !(CHOSEN_CLOSING_TYPES as readonly string[]).includes(input.closingType))
    throw new EventRuleError('event.closing_type_invalid', [{ field: 'closingType', reason: CHOSEN_CLOSING_TYPES.join('|') }]);
  // A dissatisfied citizen must say why: the reason is what the supervision order (督办) acts on.
  if (def.requires.includes('rating') && input.rating === 'dissatisfied' && blank(input.note))
    throw missing('event.reason_required', 'note');
  // 差错结案 says what the error was.
  if (action === 'close' && input.closingType === 'error' && blank(input.note)) throw missing('event.reason_required', 'note');
}

/** 下派 goes to a village, township or county node strictly inside the owner's subtree. */
export function checkAssignDown(event: EventState, target: string): void {
  const level = levelOfCode(target);
  const inside = target.startsWith(subtreePrefix(event.ownerCode)) && target !== event.ownerCode;
  const deeper = level !== null && AREA_LEVELS.indexOf(level) > AREA_LEVELS.indexOf(levelOf(event));
  if (!inside || !deeper || level === 'grid') {
    throw new EventRuleError('event.target_invalid', [
      { field: 'targetUnit', reason: level === 'grid' ? 'grid_not_allowed' : 'not_below_owner' },
    ]);
  }
}
