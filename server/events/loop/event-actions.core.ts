/**
 * The closed loop as a table: for each action, the states it may start from, the state it leads to, who may
 * take it and what it needs. event-machine.core.ts reads this table and nothing else decides a transition,
 * so the table is the whole rule and can be shown to users as it is. Beside it, the words both sides use:
 * states, the case as the machine sees it, actors, action input and error codes.
 */

import type { CHOSEN_CLOSING_TYPES, ClosingType, EventStatus, Rating, Urgency } from '../../../shared/enums.ts';
import type { ErrorCode, ErrorDetail } from '../../../shared/errors.ts';
import type { AreaLevel, Role } from '../../../shared/roles.ts';
import type { Severity, Stage, StageLimits } from './deadlines.core.ts';

// States, sources, ratings, urgencies and closing types are shared with the web's filters and forms (shared/enums.ts).
export {
  CHOSEN_CLOSING_TYPES,
  CLOSING_TYPES,
  type ClosingType,
  EVENT_SOURCES,
  EVENT_STATUSES,
  type EventStatus,
  OPEN_STATUSES,
  RATINGS,
  type Rating,
  URGENCIES,
  type Urgency,
} from '../../../shared/enums.ts';

/** The catalogue item's rule as it was when the case was reported, so later catalogue edits don't move it. */
export interface EventRule {
  /** Stage limits the item sets; a stage it leaves out gets DEFAULT_STAGE_LIMITS (deadlines.core.ts). */
  limits: StageLimits;
  severity: Severity;
  /** What closing needs: an after-photo with the handler's reply, a photo from the on-site check. */
  closing: { afterPhoto: boolean; onSiteCheck: boolean };
  /** Whether a grid worker may fix it on the spot (即报即办) instead of sending it round the loop. */
  fixOnSpot: boolean;
  /** Working days of extension a case may get in all; default MAX_EXTENSION_WORKING_DAYS. */
  maxExtensionDays?: number;
  /** Share of each limit an urgent case gets; default DEFAULT_URGENCY_FACTORS. */
  urgencyFactors?: Partial<Record<Urgency, number>>;
}

export interface PendingExtension {
  workingDays: number;
  reason: string;
  requestedAt: Date;
}

/** 特殊结案: asked by the owning centre with a reason, decided by the level above. */
export interface PendingSpecialClose {
  reason: string;
  requestedAt: Date;
  /** The node above the owner whose to-do list it is on. */
  approver: string;
}

/** One co-handling unit's part (协办): it signs, has its own deadline and answers; the lead replies for the whole. */
export interface CoPart {
  unit: string;
  signedAt: Date | null;
  dueAt: Date;
  repliedAt: Date | null;
}

/** Why the lead unit may not send the case back: named first (首接/首办负责) or by arbitration. */
export type ReturnBar = 'first_responsibility' | 'arbitrated';

/** An event's current row as the machine sees it: a projection of its actions (DESIGN invariant 1). */
export interface EventState {
  status: EventStatus;
  /** The area node (city, county, township or village code) that owns the case; its level is the case's level. */
  ownerCode: string;
  /** The grid the case lies in: its team verifies and checks on site. */
  gridCode: string;
  /** 主办: the department or area unit the case is dispatched to; co-handlers 协办 help. */
  leadUnit: string | null;
  coUnits: string[];
  coParts: CoPart[];
  stage: Stage | null;
  stageDueAt: Date | null;
  /** Who owes the current stage (an area, grid or department code): the one reminded, lit, warned and tallied. */
  stageUnit: string | null;
  /** 处置时限: when the lead unit must have handled it; set on dispatch, moved by extensions and suspensions. */
  dueAt: Date | null;
  suspendedAt: Date | null;
  urgency: Urgency;
  /** Set by 退单 so the centre sees who sent it back; cleared by the next dispatch. */
  returnedFrom: string | null;
  returns: number;
  returnBar: ReturnBar | null;
  extension: PendingExtension | null;
  /** Working days of extension granted so far, against the item's cap. */
  extensionDays: number;
  specialClose: PendingSpecialClose | null;
  escalations: number;
  reworks: number;
  extensions: number;
  reopens: number;
  /** The reply came after the handling deadline: the case closes as overdue. */
  handledLate: boolean;
  closingType: ClosingType | null;
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
  /** The co-handling unit the actor belongs to, if any. */
  coUnit: string | null;
  /** Bound to a node strictly above the owner (or, for a city's own case, to the city): arbitrates and approves. */
  isSuperior: boolean;
  /** Reported the case. */
  isReporter: boolean;
}

/**
 * owner: the centre that owns the case · lead: the lead unit · co: a co-handling unit · grid: the team of the
 * case's grid (the store checks it is theirs) · above: a centre at the case's level or above · superior: a centre
 * strictly above the owner · reporter: whoever reported it.
 */
export type Relation = 'owner' | 'lead' | 'co' | 'grid' | 'above' | 'superior' | 'reporter';
export interface Who {
  roles: readonly ActorRole[];
  relation: Relation;
}

/**
 * reason: a non-blank note · attachments: at least one · after_photo / site_photo: attachments when the rule's
 * closing needs them · target: targetUnit · rating · working_days: 1…the cap left · master: masterId.
 */
export type Requirement = 'reason' | 'attachments' | 'after_photo' | 'site_photo' | 'target' | 'rating' | 'working_days' | 'master';

/** Inputs an action takes besides its requirements (never required). */
export type OptionalInput = 'co_units' | 'first_responsibility' | 'urgency' | 'closing_type' | 'granted_days' | 'photos';

export interface ActionDef {
  from: readonly EventStatus[];
  /** null: the state stays (side paths that only change the clock, the owner or a pending request). */
  to: EventStatus | null;
  who: readonly Who[];
  requires: readonly Requirement[];
  takes?: readonly OptionalInput[];
}

/** "Extensions ≤ 10 working days" (Shandong hotline rules, DOMAIN §5), in total per case unless the item says less. */
export const MAX_EXTENSION_WORKING_DAYS = 10;
/** "退单两次的，由上级仲裁": the second return goes to arbitration by itself. */
export const RETURNS_BEFORE_ARBITRATION = 2;

const CENTRES: readonly ActorRole[] = ['city_center', 'county_center', 'township_center', 'village_center'];
const GRID_TEAM: readonly ActorRole[] = ['grid_worker', 'grid_leader'];
const OWNER: Who = { roles: CENTRES, relation: 'owner' };
/** A case may be dispatched to a department, or handled by a centre or grid team itself (a village's own matters). */
const UNIT_ROLES: readonly ActorRole[] = [...CENTRES, 'department_handler', ...GRID_TEAM];
const LEAD: Who = { roles: UNIT_ROLES, relation: 'lead' };
const CO: Who = { roles: UNIT_ROLES, relation: 'co' };
/** CJJ/T 106: the supervisor of the grid checks the fix on site. */
const ON_SITE: Who = { roles: GRID_TEAM, relation: 'grid' };
/** 12345 staff often call back for cases owned below them. */
const CENTRE_ABOVE: Who = { roles: CENTRES, relation: 'above' };
const SUPERIOR: Who = { roles: CENTRES, relation: 'superior' };
const AT_WORK: readonly EventStatus[] = ['dispatched', 'signed'];
const BEFORE_CLOSE: readonly EventStatus[] = ['accepted', 'dispatched', 'signed', 'handled', 'checked'];

export const EVENT_ACTIONS = {
  /** 核实: a citizen or hotline report without evidence is verified on site by the grid's team before it is registered. */
  verify: { from: ['verifying'], to: 'reported', who: [ON_SITE, OWNER], requires: ['reason'], takes: ['photos'] },
  accept: { from: ['reported'], to: 'accepted', who: [OWNER], requires: [], takes: ['urgency'] },
  /** 核实不实: the grid team found nothing of the kind on site. */
  unfounded: { from: ['verifying'], to: 'voided', who: [ON_SITE, OWNER], requires: ['reason'] },
  void: { from: ['verifying', 'reported'], to: 'voided', who: [OWNER], requires: ['reason'] },
  merge: { from: ['reported', 'accepted'], to: 'merged', who: [OWNER], requires: ['master'] },
  /** 即报即办: the grid worker who found it fixed it; the after-photo is the evidence. */
  fix_on_spot: { from: ['reported'], to: 'closed', who: [{ roles: GRID_TEAM, relation: 'reporter' }], requires: ['reason', 'attachments'] },
  /** 上报: to the owner's parent node, which gets it as accepted and dispatches it itself. */
  escalate: { from: ['reported', 'accepted'], to: 'accepted', who: [OWNER], requires: ['reason'] },
  /** 下派: to any node below the owner, never to a grid (2025 rule: departments' duties are not pushed onto grid workers). */
  assign_down: { from: ['reported', 'accepted'], to: 'accepted', who: [OWNER], requires: ['target'] },
  /** 派遣: one lead unit and any co-handlers; "指定谁，谁办理" (first responsibility) bars a return. */
  dispatch: { from: ['accepted'], to: 'dispatched', who: [OWNER], requires: ['target'], takes: ['co_units', 'first_responsibility'] },
  /** 改派: to another unit before the first one has signed. */
  redispatch: { from: ['dispatched'], to: 'dispatched', who: [OWNER], requires: ['target', 'reason'], takes: ['co_units'] },
  sign: { from: ['dispatched'], to: 'signed', who: [LEAD], requires: [] },
  /** 退单: not ours, with the reason, only inside the sign window; the dispatcher reviews it. */
  return: { from: ['dispatched'], to: 'returned', who: [LEAD], requires: ['reason'] },
  /** The dispatcher agrees the unit was not the right one and dispatches again. */
  return_accept: { from: ['returned'], to: 'accepted', who: [OWNER], requires: [] },
  /** The dispatcher holds the unit is responsible: the level above arbitrates. */
  return_dispute: { from: ['returned'], to: 'arbitrating', who: [OWNER], requires: ['reason'] },
  /** 仲裁: the level above names the unit, with a reason; that unit cannot return it again. */
  arbitrate: { from: ['arbitrating'], to: 'dispatched', who: [SUPERIOR], requires: ['target', 'reason'] },
  co_sign: { from: AT_WORK, to: null, who: [CO], requires: [] },
  co_reply: { from: AT_WORK, to: null, who: [CO], requires: ['reason'], takes: ['photos'] },
  extension_request: { from: AT_WORK, to: null, who: [LEAD], requires: ['reason', 'working_days'] },
  /** The approver may grant fewer days than asked. */
  extension_approve: { from: AT_WORK, to: null, who: [OWNER], requires: [], takes: ['granted_days'] },
  extension_refuse: { from: AT_WORK, to: null, who: [OWNER], requires: ['reason'] },
  /** 挂起/缓办: needs the owner's decision and a reason, as provincial rules keep a ledger of them. */
  suspend: { from: ['accepted', 'dispatched', 'signed'], to: null, who: [OWNER], requires: ['reason'] },
  resume: { from: ['accepted', 'dispatched', 'signed'], to: null, who: [OWNER], requires: [] },
  /** 处置反馈: the reply for the whole case, with the after-photo when the catalogue asks for one. */
  handle: { from: ['signed'], to: 'handled', who: [LEAD], requires: ['reason', 'after_photo'] },
  /** 核查: on site, by the grid's team (or the centre), with a photo when the item asks for one. */
  check: { from: ['handled'], to: 'checked', who: [ON_SITE, OWNER], requires: ['site_photo'] },
  /** 结案: normal, or in error (差错, with the reason); overdue follows from the reply's time. */
  close: { from: ['handled', 'checked'], to: 'closed', who: [OWNER], requires: [], takes: ['closing_type'] },
  /** 返工: the check failed; back to the lead unit, with no new time (the case was due once). */
  rework: { from: ['handled', 'checked'], to: 'signed', who: [OWNER, ON_SITE], requires: ['reason'] },
  special_close_request: { from: BEFORE_CLOSE, to: null, who: [OWNER], requires: ['reason'] },
  special_close_approve: { from: BEFORE_CLOSE, to: 'closed', who: [SUPERIOR], requires: [] },
  special_close_refuse: { from: BEFORE_CLOSE, to: null, who: [SUPERIOR], requires: ['reason'] },
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
  /** dispatch, redispatch, arbitrate: the lead unit; assign_down: the area node below. */
  targetUnit?: string;
  coUnits?: readonly string[];
  /** dispatch: the named unit leads and may not return it (首办负责). */
  firstResponsibility?: boolean;
  urgency?: Urgency;
  closingType?: (typeof CHOSEN_CLOSING_TYPES)[number];
  rating?: Rating;
  /** extension_request: how many working days more; extension_approve: how many are granted (at most those asked). */
  workingDays?: number;
  /** merge: the case this one duplicates. */
  masterId?: string;
}
