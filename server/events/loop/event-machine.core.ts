/**
 * The events state machine: the next state of a case after one action (event-guards.core.ts says which actions an
 * actor may take now, the API's `abilities`). Pure: the service loads the case, asks the store whether the actor
 * is its owner or lead unit, calls applyAction, then writes the new row and the action record in one transaction.
 */

import { ancestorCodes } from '../../../shared/codes.ts';
import type { WorkingCalendar } from '../../platform/calendar/calendar.core.ts';
import { limitOf, type Stage, stageDueAt } from './deadlines.core.ts';
import {
  type ActionDef,
  type ActionInput,
  type Actor,
  type CoPart,
  EVENT_ACTIONS,
  type EventActionName,
  type EventRule,
  EventRuleError,
  type EventState,
  type EventStatus,
  RETURNS_BEFORE_ARBITRATION,
  type Urgency,
} from './event-actions.core.ts';
import { blank, checkAssignDown, checkInput, levelOf, refusal, stageUnitOf, superiorOf, urgencyFactor } from './event-guards.core.ts';

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
  if (refused) throw new EventRuleError(refused.code, refused.details);
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
      // The log says whether the reply was late, so the figures (按期处置) are recomputable from it alone.
      data = { late: change.handledLate };
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
const VERIFIED_SOURCES: readonly string[] = ['citizen', 'hotline', 'sensor'];

/**
 * A new case: reported to the node that owns its place, waiting to be accepted; a citizen, hotline or sensor report
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
