/**
 * The events state machine: which actions an actor may take now (the API's `abilities`), and the next state
 * of a case after one. Pure: the service loads the case, asks the store whether the actor is its owner or
 * lead unit, calls applyAction, then writes the new row and the action record in one transaction.
 */

import { ancestorCodes, levelOfCode, subtreePrefix } from '../../../shared/codes.ts';
import { AREA_LEVELS, type AreaLevel } from '../../../shared/roles.ts';
import type { WorkingCalendar } from '../../platform/calendar/calendar.core.ts';
import { DEFAULT_URGENCY_FACTORS, limitOf, type Stage, stageDueAt } from './deadlines.core.ts';
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
  type EventStatus,
  MAX_EXTENSION_WORKING_DAYS,
  RATINGS,
  type Rating,
  RETURNS_BEFORE_ARBITRATION,
  type Urgency,
  type Who,
} from './event-actions.core.ts';

export interface ActionContext {
  now: Date;
  actor: Actor;
  calendar: WorkingCalendar;
}

/** The append-only action row (actor and time come from the context). */
export interface ActionRecord {
  action: EventActionName | 'report';
  at: Date;
  fromStatus: EventStatus | null;
  toStatus: EventStatus;
  note: string | null;
  attachments: string[];
  data: Record<string, unknown> | null;
}

/** What the service does besides writing the rows: tell a unit, count a "me too" on the master case. */
export type EventEffect = { type: 'notify'; unit: string } | { type: 'duplicate_merged'; masterId: string };

export interface Transition {
  next: EventState;
  record: ActionRecord;
  effects: EventEffect[];
}

type CentreLevel = Exclude<AreaLevel, 'grid'>;

function levelOf(event: Pick<EventState, 'ownerCode'>): CentreLevel {
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
function refusal(event: EventState, action: EventActionName, actor: Actor, now: Date): EventRuleError | null {
  const def: ActionDef = EVENT_ACTIONS[action];
  const notNow = (reason: string) => new EventRuleError('event.transition_not_allowed', [{ field: 'action', reason }]);
  if (!def.from.includes(event.status)) return notNow(`not_from_${event.status}`);
  if (event.suspendedAt && action !== 'resume') return new EventRuleError('event.suspended');
  if (action === 'resume' && !event.suspendedAt) return notNow('not_suspended');
  if (action === 'fix_on_spot' && !event.rule.fixOnSpot) return notNow('catalogue_forbids_fix_on_spot');
  if (action === 'escalate' && levelOf(event) === 'city') return notNow('no_level_above');
  if (action === 'assign_down' && levelOf(event) === 'village') return notNow('no_level_below');
  if (action === 'extension_request' && event.extension) return new EventRuleError('event.extension_pending');
  if (action === 'extension_request' && !event.dueAt) return notNow('no_due_time');
  if (action === 'extension_request' && extensionLeft(event) === 0) return new EventRuleError('event.extension_cap_reached');
  if ((action === 'extension_approve' || action === 'extension_refuse') && !event.extension) return notNow('no_extension_pending');
  if (action === 'special_close_request' && event.specialClose) return new EventRuleError('event.special_close_pending');
  if ((action === 'special_close_approve' || action === 'special_close_refuse') && !event.specialClose)
    return notNow('no_special_close_pending');
  if (action === 'reopen' && event.status === 'visited' && event.rating !== 'dissatisfied') return notNow('visit_not_dissatisfied');
  if (action === 'close' && event.status === 'handled' && event.rule.closing.onSiteCheck)
    return new EventRuleError('event.on_site_check_first');
  if (!def.who.some((w) => matches(w, actor, event))) {
    return action === 'co_sign' || action === 'co_reply'
      ? new EventRuleError('event.not_your_part')
      : new EventRuleError('event.role_not_allowed');
  }
  if (action === 'return') {
    if (event.returnBar) return new EventRuleError('event.return_barred', [{ field: 'action', reason: event.returnBar }]);
    // The sign window is the return window: "签收时限内可退单".
    if (event.stage !== 'sign' || (event.stageDueAt && now > event.stageDueAt))
      return new EventRuleError('event.return_window_closed', [{ field: 'action', reason: 'past_sign_window' }]);
  }
  if (action === 'co_sign' && partOf(event, actor)!.signedAt) return notNow('part_signed');
  if (action === 'co_reply' && !partOf(event, actor)!.signedAt) return notNow('part_not_signed');
  if (action === 'co_reply' && partOf(event, actor)!.repliedAt) return notNow('part_answered');
  if (action === 'handle' && event.coParts.some((p) => !p.repliedAt))
    return new EventRuleError('event.parts_pending', [{ field: 'action', reason: 'co_parts_unanswered' }]);
  return null;
}

/** The actions this actor may take on this case now, in table order: the reply's `abilities`. */
export function allowedActions(event: EventState, actor: Actor, now: Date): EventActionName[] {
  return EVENT_ACTION_NAMES.filter((action) => refusal(event, action, actor, now) === null);
}

/**
 * What the form of one action asks for on this case, as the server will check it: the web marks exactly these
 * as required. `noteRequiredWhen` is a reason that becomes required by another field's value.
 */
export interface ActionForm {
  note: 'required' | 'optional';
  noteRequiredWhen?: { field: 'rating' | 'closingType'; value: string };
  photos?: 'required' | 'optional';
  target?: 'unit' | 'area';
  coUnits?: boolean;
  firstResponsibility?: boolean;
  urgency?: boolean;
  closingType?: boolean;
  rating?: boolean;
  /** extension_request: at most the days left; extension_approve: at most the days asked. */
  workingDays?: { required: boolean; max: number; requested?: number; reason?: string };
  master?: boolean;
}

export function actionForm(event: EventState, action: EventActionName): ActionForm {
  const def: ActionDef = EVENT_ACTIONS[action];
  const needs = (r: (typeof def.requires)[number]) => def.requires.includes(r);
  const takes = (t: NonNullable<ActionDef['takes']>[number]) => def.takes?.includes(t) ?? false;
  const photoNeed =
    needs('attachments') ||
    (needs('after_photo') && event.rule.closing.afterPhoto) ||
    (needs('site_photo') && event.rule.closing.onSiteCheck);
  const form: ActionForm = { note: needs('reason') ? 'required' : 'optional' };
  if (photoNeed) form.photos = 'required';
  else if (needs('after_photo') || needs('site_photo') || takes('photos')) form.photos = 'optional';
  if (needs('target')) form.target = action === 'assign_down' ? 'area' : 'unit';
  if (takes('co_units')) form.coUnits = true;
  if (takes('first_responsibility')) form.firstResponsibility = true;
  if (takes('urgency')) form.urgency = true;
  if (takes('closing_type')) {
    form.closingType = true;
    form.noteRequiredWhen = { field: 'closingType', value: 'error' };
  }
  if (needs('rating')) {
    form.rating = true;
    form.noteRequiredWhen = { field: 'rating', value: 'dissatisfied' };
  }
  if (needs('working_days')) form.workingDays = { required: true, max: extensionLeft(event) };
  if (takes('granted_days') && event.extension)
    form.workingDays = {
      required: false,
      max: event.extension.workingDays,
      requested: event.extension.workingDays,
      reason: event.extension.reason,
    };
  if (needs('master')) form.master = true;
  return form;
}

const blank = (s: string | undefined): boolean => !s || s.trim() === '';

function checkInput(event: EventState, action: EventActionName, input: ActionInput): void {
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
function checkAssignDown(event: EventState, target: string): void {
  const level = levelOfCode(target);
  const inside = target.startsWith(subtreePrefix(event.ownerCode)) && target !== event.ownerCode;
  const deeper = level !== null && AREA_LEVELS.indexOf(level) > AREA_LEVELS.indexOf(levelOf(event));
  if (!inside || !deeper || level === 'grid') {
    throw new EventRuleError('event.target_invalid', [
      { field: 'targetUnit', reason: level === 'grid' ? 'grid_not_allowed' : 'not_below_owner' },
    ]);
  }
}

/** A lead unit and its co-handlers, each co-handler with its own part and deadline. */
function units(event: EventState, input: ActionInput, now: Date, calendar: WorkingCalendar, factor: number) {
  const lead = input.targetUnit!;
  const coUnits = [...new Set(input.coUnits ?? [])];
  if (coUnits.includes(lead)) throw new EventRuleError('event.target_invalid', [{ field: 'coUnits', reason: 'lead_unit_listed' }]);
  const coParts: CoPart[] = coUnits.map((unit) => ({
    unit,
    signedAt: null,
    dueAt: stageDueAt(event.rule.limits, 'assist', now, calendar, factor),
    repliedAt: null,
  }));
  // 处置时限 runs from dispatch (CJ/T 315); the sign limit is the window to sign or send it back.
  return {
    leadUnit: lead,
    coUnits,
    coParts,
    returnedFrom: null,
    dueAt: stageDueAt(event.rule.limits, 'handle', now, calendar, factor),
  };
}

/**
 * Take one action. Throws EventRuleError when the state, the actor or the input doesn't allow it, checked in
 * that order, and changes nothing: the caller's event object is never mutated.
 */
export function applyAction(event: EventState, action: EventActionName, input: ActionInput, ctx: ActionContext): Transition {
  const { now, calendar } = ctx;
  const refused = refusal(event, action, ctx.actor, now);
  if (refused) throw refused;
  const def: ActionDef = EVENT_ACTIONS[action];
  checkInput(event, action, input);

  const urgency = action === 'accept' && input.urgency ? input.urgency : event.urgency;
  const factor = urgencyFactor(event.rule, urgency);
  const enter = (stage: Stage) => ({ stage, stageDueAt: stageDueAt(event.rule.limits, stage, now, calendar, factor) });
  const noUnits = { leadUnit: null, coUnits: [], coParts: [], dueAt: null };
  const toOwner = (ownerCode: string) => ({ ownerCode, ...noUnits, returnedFrom: null, returnBar: null, returns: 0, ...enter('dispatch') });
  const effects: EventEffect[] = [];
  const notify = (...units: (string | null)[]) => {
    for (const unit of units) if (unit) effects.push({ type: 'notify', unit });
  };
  const setPart = (patch: Partial<CoPart>) => ({
    coParts: event.coParts.map((p) => (p.unit === ctx.actor.coUnit ? { ...p, ...patch } : p)),
  });
  let change: Partial<EventState> = {};
  let data: Record<string, unknown> | null = null;
  /** Where the table's target state depends on the case (the second return goes straight to arbitration). */
  let status: EventStatus | null = null;

  switch (action) {
    case 'verify':
      change = enter('accept');
      notify(event.ownerCode);
      break;
    case 'accept':
      change = { urgency, ...enter('dispatch') };
      if (urgency !== event.urgency) data = { urgency };
      break;
    case 'void':
    case 'unfounded':
    case 'merge':
      change = { stage: null, stageDueAt: null, mergedInto: action === 'merge' ? input.masterId! : null };
      if (action === 'merge') effects.push({ type: 'duplicate_merged', masterId: input.masterId! });
      break;
    case 'fix_on_spot':
      change = { closedAt: now, closingType: 'normal', ...enter('visit') };
      break;
    case 'escalate': {
      const parent = ancestorCodes(event.ownerCode).at(-1)!;
      change = { ...toOwner(parent), escalations: event.escalations + 1 };
      data = { fromOwner: event.ownerCode, toOwner: parent };
      notify(parent);
      break;
    }
    case 'assign_down':
      checkAssignDown(event, input.targetUnit!);
      change = toOwner(input.targetUnit!);
      data = { fromOwner: event.ownerCode, toOwner: input.targetUnit };
      notify(input.targetUnit!);
      break;
    case 'dispatch':
    case 'redispatch': {
      const assigned = units(event, input, now, calendar, factor);
      const returnBar = action === 'dispatch' && input.firstResponsibility ? 'first_responsibility' : event.returnBar;
      change = { ...assigned, returnBar, ...enter('sign') };
      data = { leadUnit: assigned.leadUnit, coUnits: assigned.coUnits, ...(returnBar ? { returnBar } : {}) };
      if (action === 'redispatch') data.fromUnit = event.leadUnit;
      notify(assigned.leadUnit, ...assigned.coUnits);
      break;
    }
    case 'sign':
      change = { stage: 'handle', stageDueAt: event.dueAt };
      break;
    case 'return': {
      const returns = event.returns + 1;
      // The second return is not the dispatcher's to decide again: it goes to the level above.
      const toArbitration = returns >= RETURNS_BEFORE_ARBITRATION;
      change = {
        returns,
        returnedFrom: event.leadUnit,
        ...(toArbitration ? enter('arbitrate') : enter('dispatch')),
      };
      if (toArbitration) status = 'arbitrating';
      data = { returnedFrom: event.leadUnit, returns, ...(toArbitration ? { arbitration: true } : {}) };
      notify(toArbitration ? superiorOf(event.ownerCode) : event.ownerCode);
      break;
    }
    case 'return_accept':
      change = { ...noUnits, ...enter('dispatch') };
      data = { returnedFrom: event.returnedFrom };
      break;
    case 'return_dispute':
      change = enter('arbitrate');
      data = { returnedFrom: event.returnedFrom };
      notify(superiorOf(event.ownerCode));
      break;
    case 'arbitrate': {
      const assigned = units(event, { ...input, coUnits: [] }, now, calendar, factor);
      change = { ...assigned, returnBar: 'arbitrated', ...enter('sign') };
      data = { leadUnit: assigned.leadUnit, returnedFrom: event.returnedFrom };
      notify(assigned.leadUnit, event.ownerCode);
      break;
    }
    case 'co_sign':
      change = setPart({ signedAt: now });
      data = { unit: ctx.actor.coUnit };
      break;
    case 'co_reply':
      change = setPart({ repliedAt: now });
      data = { unit: ctx.actor.coUnit };
      notify(event.leadUnit);
      break;
    case 'extension_request':
      // "延期须期满前申请": an extension is asked for before the due time, not after it has passed.
      if (now > event.dueAt!) throw new EventRuleError('event.extension_too_late', [{ field: 'action', reason: 'past_due' }]);
      change = { extension: { workingDays: input.workingDays!, reason: input.note!.trim(), requestedAt: now } };
      data = { workingDays: input.workingDays };
      notify(event.ownerCode);
      break;
    case 'extension_approve': {
      const granted = input.workingDays ?? event.extension!.workingDays;
      const dueAt = calendar.addWorkingDays(event.dueAt!, granted);
      change = {
        dueAt,
        stageDueAt: event.stage === 'handle' ? dueAt : event.stageDueAt,
        extension: null,
        extensions: event.extensions + 1,
        extensionDays: event.extensionDays + granted,
      };
      data = { workingDays: granted, requested: event.extension!.workingDays, dueAt };
      notify(event.leadUnit);
      break;
    }
    case 'extension_refuse':
      change = { extension: null };
      data = { requested: event.extension!.workingDays };
      notify(event.leadUnit);
      break;
    case 'suspend':
      change = { suspendedAt: now };
      break;
    case 'resume': {
      const { shift, workingMillis } = suspensionShift(event, now, calendar);
      change = {
        suspendedAt: null,
        dueAt: shift(event.dueAt, 'handle'),
        stageDueAt: shift(event.stageDueAt, event.stage),
        coParts: event.coParts.map((p) => ({ ...p, dueAt: shift(p.dueAt, 'assist')! })),
      };
      data = { suspendedWorkingMillis: workingMillis };
      break;
    }
    case 'handle':
      // Where the item asks for no on-site check, the reply goes straight to the centre to close.
      change = { handledLate: event.dueAt !== null && now > event.dueAt, ...enter(event.rule.closing.onSiteCheck ? 'check' : 'close') };
      notify(event.rule.closing.onSiteCheck ? event.gridCode : event.ownerCode);
      break;
    case 'check':
      change = enter('close');
      notify(event.ownerCode);
      break;
    case 'close': {
      const closingType = input.closingType === 'error' ? 'error' : event.handledLate ? 'overdue' : 'normal';
      change = { closedAt: now, closingType, ...enter('visit') };
      data = { closingType };
      break;
    }
    case 'rework':
      change = { stage: 'handle', stageDueAt: event.dueAt, reworks: event.reworks + 1 };
      notify(event.leadUnit);
      break;
    case 'special_close_request':
      change = { specialClose: { reason: input.note!.trim(), requestedAt: now, approver: superiorOf(event.ownerCode) } };
      notify(superiorOf(event.ownerCode));
      break;
    case 'special_close_approve':
      change = { specialClose: null, extension: null, closedAt: now, closingType: 'special', ...enter('visit') };
      data = { reason: event.specialClose!.reason };
      notify(event.ownerCode);
      break;
    case 'special_close_refuse':
      change = { specialClose: null };
      notify(event.ownerCode);
      break;
    case 'visit':
      change = { rating: input.rating!, stage: null, stageDueAt: null };
      data = { rating: input.rating };
      if (input.rating === 'dissatisfied') notify(event.ownerCode);
      break;
    case 'reopen':
      // The rating stays: a dissatisfied visit is counted as it was, and the history keeps it.
      change = {
        closedAt: null,
        closingType: null,
        handledLate: false,
        ...noUnits,
        returnBar: null,
        returns: 0,
        reopens: event.reopens + 1,
        ...enter('dispatch'),
      };
      data = { rating: event.rating };
      notify(event.ownerCode);
      break;
  }

  const toStatus: EventStatus = status ?? def.to ?? event.status;
  // A pending extension belongs to the stage it was asked in; moving on drops it.
  const moved = toStatus !== event.status || action === 'redispatch';
  const merged: EventState = { ...event, ...change, status: toStatus, ...(moved ? { extension: null } : {}) };
  const next: EventState = { ...merged, stageUnit: stageUnitOf(merged) };
  const record: ActionRecord = {
    action,
    at: now,
    fromStatus: event.status,
    toStatus,
    note: blank(input.note) ? null : input.note!.trim(),
    attachments: [...(input.attachments ?? [])],
    data,
  };
  return { next, record, effects };
}

/**
 * While suspended the clock stops: a working-time deadline moves by the working time that passed, a
 * round-the-clock one by the clock time. A "now" before the suspension (servers' clocks disagree) moves nothing.
 */
function suspensionShift(event: EventState, now: Date, calendar: WorkingCalendar) {
  const since = event.suspendedAt!;
  const workingMillis = Math.max(0, calendar.workingMillisBetween(since, now));
  const clockMillis = Math.max(0, now.getTime() - since.getTime());
  const shift = (due: Date | null, stage: Stage | null): Date | null => {
    if (!due) return null;
    if (stage && 'clockHours' in limitOf(event.rule.limits, stage)) return new Date(due.getTime() + clockMillis);
    return calendar.addWorkingMillis(due, workingMillis);
  };
  return { shift, workingMillis };
}

/** Sources whose reports a grid team verifies on site before registration when they bring no photo (核实). */
const VERIFIED_SOURCES: readonly string[] = ['citizen', 'hotline'];

/**
 * A new case: reported to the node that owns its place, waiting to be accepted; a citizen or hotline report
 * without evidence first waits for the grid team to verify it.
 */
export function reportEvent(
  init: { ownerCode: string; gridCode: string; rule: EventRule; source: string; photos: number; urgency?: Urgency },
  ctx: { now: Date; calendar: WorkingCalendar },
): { next: EventState; record: ActionRecord } {
  const urgency = init.urgency ?? 'normal';
  const verify = VERIFIED_SOURCES.includes(init.source) && init.photos === 0;
  const stage: Stage = verify ? 'verify' : 'accept';
  const base: EventState = {
    status: verify ? 'verifying' : 'reported',
    ownerCode: init.ownerCode,
    gridCode: init.gridCode,
    leadUnit: null,
    coUnits: [],
    coParts: [],
    stage,
    stageDueAt: stageDueAt(init.rule.limits, stage, ctx.now, ctx.calendar, urgencyFactor(init.rule, urgency)),
    stageUnit: null,
    dueAt: null,
    suspendedAt: null,
    urgency,
    returnedFrom: null,
    returns: 0,
    returnBar: null,
    extension: null,
    extensionDays: 0,
    specialClose: null,
    escalations: 0,
    reworks: 0,
    extensions: 0,
    reopens: 0,
    handledLate: false,
    closingType: null,
    rating: null,
    mergedInto: null,
    closedAt: null,
    rule: init.rule,
  };
  levelOf(base); // throws for an owner that is not a centre's node
  const next = { ...base, stageUnit: stageUnitOf(base) };
  const record: ActionRecord = {
    action: 'report',
    at: ctx.now,
    fromStatus: null,
    toStatus: next.status,
    note: null,
    attachments: [],
    data: urgency === 'normal' ? null : { urgency },
  };
  return { next, record };
}
