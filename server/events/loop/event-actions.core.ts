/**
 * The closed loop as a table: for each action, the states it may start from, the state it leads to, who may
 * take it and what it needs. event-machine.core.ts reads this table and nothing else decides a transition,
 * so the table is the whole rule and can be shown to users as it is. Beside it, the words both sides use:
 * states, the case as the machine sees it, actors, action input and error codes.
 */

import type { EventStatus, Rating } from '../../../shared/enums.ts';
import type { ErrorCode, ErrorDetail } from '../../../shared/errors.ts';
import type { AreaLevel, Role } from '../../../shared/roles.ts';
import type { Severity, Stage, StageLimits } from './deadlines.core.ts';

// States, sources and ratings are shared with the web's filters and forms (shared/enums.ts).
export { EVENT_SOURCES, EVENT_STATUSES, type EventStatus, OPEN_STATUSES, RATINGS, type Rating } from '../../../shared/enums.ts';

/** The catalogue item's rule as it was when the case was reported, so later catalogue edits don't move it. */
export interface EventRule {
  limits: StageLimits;
  severity: Severity;
  /** What closing needs: an after-photo with the handler's reply, a photo from the on-site check. */
  closing: { afterPhoto: boolean; onSiteCheck: boolean };
  /** Whether a grid worker may fix it on the spot (即报即办) instead of sending it round the loop. */
  fixOnSpot: boolean;
}

export interface PendingExtension {
  workingDays: number;
  reason: string;
  requestedAt: Date;
}

/** An event's current row as the machine sees it: a projection of its actions (DESIGN invariant 1). */
export interface EventState {
  status: EventStatus;
  /** The area node (city, county, township or village code) that owns the case; its level is the case's level. */
  ownerCode: string;
  /** 主办: the department or area unit the case is dispatched to; co-handlers 协办 help. */
  leadUnit: string | null;
  coUnits: string[];
  stage: Stage | null;
  stageDueAt: Date | null;
  /** 处置时限: when the lead unit must have handled it; set on dispatch, moved by extensions and suspensions. */
  dueAt: Date | null;
  suspendedAt: Date | null;
  /** Set by 退单 so the centre sees who sent it back; cleared by the next dispatch. */
  returnedFrom: string | null;
  extension: PendingExtension | null;
  escalations: number;
  reworks: number;
  extensions: number;
  rating: Rating | null;
  mergedInto: string | null;
  closedAt: Date | null;
  rule: EventRule;
}

export type ActorRole = Role | 'citizen';
export type ActorLevel = AreaLevel | 'department';

/** Who is acting. Jurisdiction is the store's job; these flags are its answers for this case. */
export interface Actor {
  roles: readonly ActorRole[];
  /** Level of the node the actor is bound to; null for citizens. */
  level: ActorLevel | null;
  /** Bound to the case's owner node. */
  isOwner: boolean;
  /** Belongs to the case's lead unit. */
  isLead: boolean;
  /** Reported the case. */
  isReporter: boolean;
}

/**
 * owner: the centre that owns the case · lead: the lead unit · grid: the team of the case's grid (the store
 * checks it is theirs) · above: a centre at the case's level or above · reporter: whoever reported it.
 */
export type Relation = 'owner' | 'lead' | 'grid' | 'above' | 'reporter';
export interface Who {
  roles: readonly ActorRole[];
  relation: Relation;
}

/**
 * reason: a non-blank note · attachments: at least one · after_photo / site_photo: attachments when the rule's
 * closing needs them · target: targetUnit · rating · working_days: 1…MAX_EXTENSION_WORKING_DAYS · master: masterId.
 */
export type Requirement = 'reason' | 'attachments' | 'after_photo' | 'site_photo' | 'target' | 'rating' | 'working_days' | 'master';

export interface ActionDef {
  from: readonly EventStatus[];
  /** null: the state stays (side paths that only change the clock, the owner or a pending request). */
  to: EventStatus | null;
  who: readonly Who[];
  requires: readonly Requirement[];
}

/** "Extensions ≤ 10 working days" (Shandong hotline rules, DOMAIN §5). */
export const MAX_EXTENSION_WORKING_DAYS = 10;

const CENTRES: readonly ActorRole[] = ['city_center', 'county_center', 'township_center', 'village_center'];
const GRID_TEAM: readonly ActorRole[] = ['grid_worker', 'grid_leader'];
const OWNER: Who = { roles: CENTRES, relation: 'owner' };
/** A case may be dispatched to a department, or handled by a centre or grid team itself (a village's own matters). */
const LEAD: Who = { roles: [...CENTRES, 'department_handler', ...GRID_TEAM], relation: 'lead' };
/** CJJ/T 106: the supervisor of the grid checks the fix on site. */
const ON_SITE: Who = { roles: GRID_TEAM, relation: 'grid' };
/** 12345 staff often call back for cases owned below them. */
const CENTRE_ABOVE: Who = { roles: CENTRES, relation: 'above' };

export const EVENT_ACTIONS = {
  accept: { from: ['reported'], to: 'accepted', who: [OWNER], requires: [] },
  void: { from: ['reported'], to: 'voided', who: [OWNER], requires: ['reason'] },
  merge: { from: ['reported', 'accepted'], to: 'merged', who: [OWNER], requires: ['master'] },
  /** 即报即办: the grid worker who found it fixed it; the after-photo is the evidence. */
  fix_on_spot: { from: ['reported'], to: 'closed', who: [{ roles: GRID_TEAM, relation: 'reporter' }], requires: ['reason', 'attachments'] },
  /** 上报: to the owner's parent node, which gets it as accepted and dispatches it itself. */
  escalate: { from: ['reported', 'accepted'], to: 'accepted', who: [OWNER], requires: ['reason'] },
  /** 下派: to any node below the owner, never to a grid (2025 rule: departments' duties are not pushed onto grid workers). */
  assign_down: { from: ['reported', 'accepted'], to: 'accepted', who: [OWNER], requires: ['target'] },
  dispatch: { from: ['accepted'], to: 'dispatched', who: [OWNER], requires: ['target'] },
  sign: { from: ['dispatched'], to: 'signed', who: [LEAD], requires: [] },
  /** 退单: not ours, with the reason; the catalogue's sign limit is the window for it (e.g. 2 working days). */
  return: { from: ['dispatched'], to: 'accepted', who: [LEAD], requires: ['reason'] },
  extension_request: { from: ['dispatched', 'signed'], to: null, who: [LEAD], requires: ['reason', 'working_days'] },
  extension_approve: { from: ['dispatched', 'signed'], to: null, who: [OWNER], requires: [] },
  extension_refuse: { from: ['dispatched', 'signed'], to: null, who: [OWNER], requires: ['reason'] },
  /** 挂起/缓办: needs the owner's decision and a reason, as provincial rules keep a ledger of them. */
  suspend: { from: ['accepted', 'dispatched', 'signed'], to: null, who: [OWNER], requires: ['reason'] },
  resume: { from: ['accepted', 'dispatched', 'signed'], to: null, who: [OWNER], requires: [] },
  /** 处置反馈: the reply, with the after-photo when the catalogue asks for one. */
  handle: { from: ['signed'], to: 'handled', who: [LEAD], requires: ['reason', 'after_photo'] },
  /** 核查结案. */
  close: { from: ['handled'], to: 'closed', who: [OWNER, ON_SITE], requires: ['site_photo'] },
  /** 返工: the check failed; back to the lead unit, with no new time (the case was due once). */
  rework: { from: ['handled'], to: 'signed', who: [OWNER, ON_SITE], requires: ['reason'] },
  visit: { from: ['closed'], to: 'visited', who: [{ roles: ['citizen'], relation: 'reporter' }, CENTRE_ABOVE], requires: ['rating'] },
  /** From a closed case (found not fixed) or a dissatisfied return visit; back to the owner to dispatch again. */
  reopen: { from: ['closed', 'visited'], to: 'accepted', who: [OWNER], requires: ['reason'] },
} as const satisfies Record<string, ActionDef>;

export type EventActionName = keyof typeof EVENT_ACTIONS;
export const EVENT_ACTION_NAMES = Object.keys(EVENT_ACTIONS) as EventActionName[];

export type EventErrorCode = Extract<ErrorCode, `event.${string}`>;

/** A rule of the loop refused the action; the service turns it into the one error shape. */
export class EventRuleError extends Error {
  constructor(
    readonly code: EventErrorCode,
    readonly details: ErrorDetail[] = [],
  ) {
    super(code);
  }
}

export interface ActionInput {
  note?: string;
  attachments?: readonly string[];
  /** dispatch: the lead unit; assign_down: the area node below. */
  targetUnit?: string;
  coUnits?: readonly string[];
  rating?: Rating;
  /** extension_request: how many working days more. */
  workingDays?: number;
  /** merge: the case this one duplicates. */
  masterId?: string;
}
