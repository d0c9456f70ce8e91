/**
 * The events state machine: which actions an actor may take now (the API's `abilities`), and the next state
 * of a case after one. Pure: the service loads the case, asks the store whether the actor is its owner or
 * lead unit, calls applyAction, then writes the new row and the action record in one transaction.
 */

import { ancestorCodes, levelOfCode, subtreePrefix } from '../../../shared/codes.ts';
import { AREA_LEVELS, type AreaLevel } from '../../../shared/roles.ts';
import type { WorkingCalendar } from '../../platform/calendar/calendar.core.ts';
import { type Stage, type StageLimit, stageDueAt } from './deadlines.core.ts';
import {
  type ActionDef,
  type ActionInput,
  type Actor,
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

function levelOf(event: EventState): CentreLevel {
  const level = levelOfCode(event.ownerCode);
  if (level === null || level === 'grid') throw new Error(`event owner ${event.ownerCode} is not a city, county, township or village`);
  return level;
}

function matches(who: Who, actor: Actor, event: EventState): boolean {
  if (!who.roles.some((r) => actor.roles.includes(r))) return false;
  switch (who.relation) {
    case 'owner':
      return actor.isOwner;
    case 'lead':
      return actor.isLead;
    case 'reporter':
      return actor.isReporter;
    case 'grid':
      return actor.level === 'grid';
    case 'above': {
      const level = actor.level;
      return (
        level !== null && level !== 'department' && level !== 'grid' && AREA_LEVELS.indexOf(level) <= AREA_LEVELS.indexOf(levelOf(event))
      );
    }
  }
}

/** Why this actor may not take this action on this case now, or null if they may. Input is not looked at. */
function refusal(event: EventState, action: EventActionName, actor: Actor): EventRuleError | null {
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
  if ((action === 'extension_approve' || action === 'extension_refuse') && !event.extension) return notNow('no_extension_pending');
  if (action === 'reopen' && event.status === 'visited' && event.rating !== 'dissatisfied') return notNow('visit_not_dissatisfied');
  if (!def.who.some((w) => matches(w, actor, event))) return new EventRuleError('event.role_not_allowed');
  return null;
}

/** The actions this actor may take on this case now, in table order: the reply's `abilities`. */
export function allowedActions(event: EventState, actor: Actor): EventActionName[] {
  return EVENT_ACTION_NAMES.filter((action) => refusal(event, action, actor) === null);
}

const blank = (s: string | undefined): boolean => !s || s.trim() === '';

function checkInput(def: ActionDef, rule: EventRule, input: ActionInput): void {
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
      if (!Number.isInteger(n) || n! < 1 || n! > MAX_EXTENSION_WORKING_DAYS) {
        throw new EventRuleError('event.working_days_invalid', [{ field: 'workingDays', reason: `1_to_${MAX_EXTENSION_WORKING_DAYS}` }]);
      }
    }
  }
  // A dissatisfied citizen must say why: the reason is what the supervision order (督办) acts on.
  if (def.requires.includes('rating') && input.rating === 'dissatisfied' && blank(input.note))
    throw missing('event.reason_required', 'note');
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

/**
 * Take one action. Throws EventRuleError when the state, the actor or the input doesn't allow it, checked in
 * that order, and changes nothing: the caller's event object is never mutated.
 */
export function applyAction(event: EventState, action: EventActionName, input: ActionInput, ctx: ActionContext): Transition {
  const refused = refusal(event, action, ctx.actor);
  if (refused) throw refused;
  const def: ActionDef = EVENT_ACTIONS[action];
  checkInput(def, event.rule, input);

  const { now, calendar } = ctx;
  const enter = (stage: Stage) => ({ stage, stageDueAt: stageDueAt(event.rule.limits, stage, now, calendar) });
  const toOwner = (ownerCode: string) => ({
    ownerCode,
    leadUnit: null,
    coUnits: [],
    dueAt: null,
    returnedFrom: null,
    ...enter('dispatch'),
  });
  const effects: EventEffect[] = [];
  const notify = (...units: (string | null)[]) => {
    for (const unit of units) if (unit) effects.push({ type: 'notify', unit });
  };
  let change: Partial<EventState> = {};
  let data: Record<string, unknown> | null = null;

  switch (action) {
    case 'accept':
      change = enter('dispatch');
      break;
    case 'void':
    case 'merge':
      change = { stage: null, stageDueAt: null, mergedInto: action === 'merge' ? input.masterId! : null };
      if (action === 'merge') effects.push({ type: 'duplicate_merged', masterId: input.masterId! });
      break;
    case 'fix_on_spot':
    case 'close':
      change = { closedAt: now, ...enter('visit') };
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
    case 'dispatch': {
      const lead = input.targetUnit!;
      const coUnits = [...new Set(input.coUnits ?? [])];
      if (coUnits.includes(lead)) throw new EventRuleError('event.target_invalid', [{ field: 'coUnits', reason: 'lead_unit_listed' }]);
      // 处置时限 runs from dispatch (CJ/T 315); the sign limit is the window to sign or send it back.
      change = {
        leadUnit: lead,
        coUnits,
        returnedFrom: null,
        dueAt: stageDueAt(event.rule.limits, 'handle', now, calendar),
        ...enter('sign'),
      };
      data = { leadUnit: lead, coUnits };
      notify(lead, ...coUnits);
      break;
    }
    case 'sign':
      change = { stage: 'handle', stageDueAt: event.dueAt };
      break;
    case 'return':
      change = { leadUnit: null, coUnits: [], dueAt: null, returnedFrom: event.leadUnit, ...enter('dispatch') };
      data = { returnedFrom: event.leadUnit };
      notify(event.ownerCode);
      break;
    case 'extension_request':
      // "延期须期满前申请": an extension is asked for before the due time, not after it has passed.
      if (now > event.dueAt!) throw new EventRuleError('event.extension_too_late', [{ field: 'action', reason: 'past_due' }]);
      change = { extension: { workingDays: input.workingDays!, reason: input.note!.trim(), requestedAt: now } };
      data = { workingDays: input.workingDays };
      notify(event.ownerCode);
      break;
    case 'extension_approve': {
      const dueAt = calendar.addWorkingDays(event.dueAt!, event.extension!.workingDays);
      change = {
        dueAt,
        stageDueAt: event.stage === 'handle' ? dueAt : event.stageDueAt,
        extension: null,
        extensions: event.extensions + 1,
      };
      data = { workingDays: event.extension!.workingDays, dueAt };
      notify(event.leadUnit);
      break;
    }
    case 'extension_refuse':
      change = { extension: null };
      notify(event.leadUnit);
      break;
    case 'suspend':
      change = { suspendedAt: now };
      break;
    case 'resume': {
      const { shift, workingMillis } = suspensionShift(event, now, calendar);
      change = { suspendedAt: null, dueAt: shift(event.dueAt, 'handle'), stageDueAt: shift(event.stageDueAt, event.stage) };
      data = { suspendedWorkingMillis: workingMillis };
      break;
    }
    case 'handle':
      change = enter('check');
      notify(event.ownerCode);
      break;
    case 'rework':
      change = { stage: 'handle', stageDueAt: event.dueAt, reworks: event.reworks + 1 };
      notify(event.leadUnit);
      break;
    case 'visit':
      change = { rating: input.rating!, stage: null, stageDueAt: null };
      data = { rating: input.rating };
      if (input.rating === 'dissatisfied') notify(event.ownerCode);
      break;
    case 'reopen':
      change = { rating: null, closedAt: null, leadUnit: null, coUnits: [], dueAt: null, ...enter('dispatch') };
      notify(event.ownerCode);
      break;
  }

  const toStatus = def.to ?? event.status;
  // A pending extension belongs to the stage it was asked in; moving on drops it.
  const next: EventState = { ...event, ...change, status: toStatus, ...(toStatus !== event.status ? { extension: null } : {}) };
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
    const limit: StageLimit | undefined = stage ? event.rule.limits[stage] : undefined;
    if (limit && 'clockHours' in limit) return new Date(due.getTime() + clockMillis);
    return calendar.addWorkingMillis(due, workingMillis);
  };
  return { shift, workingMillis };
}

/** A new case: reported to the node that owns its place, waiting to be accepted. */
export function reportEvent(
  init: { ownerCode: string; rule: EventRule },
  ctx: { now: Date; calendar: WorkingCalendar },
): { next: EventState; record: ActionRecord } {
  const next: EventState = {
    status: 'reported',
    ownerCode: init.ownerCode,
    leadUnit: null,
    coUnits: [],
    stage: 'accept',
    stageDueAt: stageDueAt(init.rule.limits, 'accept', ctx.now, ctx.calendar),
    dueAt: null,
    suspendedAt: null,
    returnedFrom: null,
    extension: null,
    escalations: 0,
    reworks: 0,
    extensions: 0,
    rating: null,
    mergedInto: null,
    closedAt: null,
    rule: init.rule,
  };
  levelOf(next); // throws for an owner that is not a centre's node
  const record: ActionRecord = {
    action: 'report',
    at: ctx.now,
    fromStatus: null,
    toStatus: 'reported',
    note: null,
    attachments: [],
    data: null,
  };
  return { next, record };
}
