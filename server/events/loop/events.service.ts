import { randomUUID } from 'node:crypto';
import { chinaDate } from '../../../shared/china-time.ts';
import { countyOf, levelOfCode, subtreePrefix } from '../../../shared/codes.ts';
import { departmentExists } from '../../org/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { WorkingCalendar } from '../../platform/calendar/calendar.core.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { createOnce } from '../../platform/idempotency.ts';
import { codeInScope } from '../../platform/scope.ts';
import type { RecordLookup } from '../../registry/index.ts';
import type { TerritoryService } from '../../territory/index.ts';
import { areaNames } from '../../territory/index.ts';
import type { CatalogueRule } from '../catalogue/catalogue.seed.ts';
import { itemForReport } from '../catalogue/catalogue.service.ts';
import { type AcceptingOwner, createAcceptingOwner } from '../intake/accepting-owner.ts';
import { authorOf, CITIZEN_REPORTER, intakeFacts } from '../intake/intake.core.ts';
import { mergeReports, meToo, possibleRepeatsOf } from '../intake/repeats.ts';
import { DEFAULT_WARNING_RULES, overdueWorkingDays, trafficLight, type WarningRule, warningColour } from './deadlines.core.ts';
import {
  type ActionInput,
  type EventActionName,
  EventRuleError,
  type EventState,
  type Actor as MachineActor,
  OPEN_STATUSES,
} from './event-actions.core.ts';
import type { EventFilter } from './event-filter.ts';
import { exportEvents, filteredPage, type Page } from './event-list.ts';
import { type ActionRecord, allowedActions, applyAction, reportEvent } from './event-machine.core.ts';
import { placeOfReport, type SubjectRef, subjectSummary } from './event-subject.ts';
import * as store from './events.store.ts';

export interface ReportInput {
  itemCode: string;
  lng: number;
  lat: number;
  description: string;
  photos: string[];
  source: string;
  idempotencyKey?: string;
  /** Hotline caller or citizen; the phone arrives plain and is stored sealed. */
  reporterName?: string;
  reporterPhone?: string;
  /** Work-order number in the system the report came from (12345 hotline, video platform). */
  externalNo?: string;
  /** "Me too": the open case this report joins instead of opening a new one. */
  sameAs?: string;
  /** The base-data record the case is about; its place is the report's when the report gives none. */
  subject?: SubjectRef;
  /** A citizen's device as its keyed hash (`device:…`), counted once per case (intake/repeats.ts). */
  deviceKey?: string;
}

/** A staff report: the point may come from the linked record instead. */
export type StaffReportInput = Omit<ReportInput, 'lng' | 'lat'> & { lng?: number; lat?: number };

/** The area node that owns a new case: the grid's ancestor at the item's level ("小事不出村、大事不出镇"). */
function ownerOf(gridCode: string, level: CatalogueRule['level']): string {
  return {
    village: gridCode.slice(0, 12),
    township: gridCode.slice(0, 9),
    county: gridCode.slice(0, 6),
    city: `${gridCode.slice(0, 4)}00`,
  }[level];
}

/** The case as the state machine sees it, from its current row. */
export const stateOf = (row: store.EventRow): EventState => ({
  status: row.status as EventState['status'],
  ownerCode: row.ownerCode,
  leadUnit: row.leadUnit,
  coUnits: row.coUnits,
  stage: row.stage as EventState['stage'],
  stageDueAt: row.stageDueAt,
  dueAt: row.dueAt,
  suspendedAt: row.suspendedAt,
  returnedFrom: row.returnedFrom,
  extension: row.extension
    ? {
        ...(row.extension as { workingDays: number; reason: string }),
        requestedAt: new Date((row.extension as { requestedAt: string }).requestedAt),
      }
    : null,
  escalations: row.escalations,
  reworks: row.reworks,
  extensions: row.extensions,
  rating: row.rating as EventState['rating'],
  mergedInto: row.mergedInto,
  closedAt: row.closedAt,
  rule: row.rule as EventState['rule'],
});

/** How the state machine sees a signed-in user in relation to one case. */
export function machineActor(actor: Actor, row: Pick<store.EventRow, 'gridCode' | 'ownerCode' | 'leadUnit' | 'reporterId'>): MachineActor {
  const holding = actor.areas
    .filter((a) => row.gridCode.startsWith(subtreePrefix(a.code)))
    .sort((a, b) => b.code.length - a.code.length)[0];
  const isHandler = actor.roles.includes('department_handler') && actor.departmentCode !== null;
  return {
    roles: actor.roles,
    level: isHandler ? 'department' : holding ? levelOfCode(holding.code) : null,
    isOwner: actor.areas.some((a) => a.code === row.ownerCode),
    isLead: row.leadUnit !== null && (actor.departmentCode === row.leadUnit || actor.areas.some((a) => a.code === row.leadUnit)),
    isReporter: row.reporterId === actor.id,
  };
}

const OPEN: readonly string[] = OPEN_STATUSES;

/**
 * The light of the current stage (green in time, yellow near due, red overdue) and the five-colour warning,
 * read at `now`; null for a closed case or a stage without a limit. Derived on every read, never stored.
 */
export function signals(
  state: EventState,
  now: Date,
  calendar: WorkingCalendar,
  reports = 1,
  rules: readonly WarningRule[] = DEFAULT_WARNING_RULES,
) {
  const limit = state.stage ? state.rule.limits[state.stage] : undefined;
  if (!OPEN.includes(state.status) || !state.stageDueAt || !limit) return { light: null, warning: null };
  const light = trafficLight({ now, dueAt: state.stageDueAt, limit, suspendedAt: state.suspendedAt }, calendar);
  const overdue = overdueWorkingDays(state.suspendedAt ?? now, state.stageDueAt, calendar);
  const warning = warningColour(
    { severity: state.rule.severity, overdueWorkingDays: overdue, escalations: state.escalations, repeats: reports },
    rules,
  );
  return { light, warning };
}

function ruleError(e: unknown): never {
  if (e instanceof EventRuleError) throw new AppError(e.code, e.details);
  throw e;
}

/** One committed change of a case, for whoever follows them (the inbox, warnings). */
export interface EventChange {
  row: store.EventRow;
  action: ActionRecord['action'];
  actor: Actor | null;
}
export type EventChangeListener = (change: EventChange) => Promise<void>;

export function createEventsService({
  db,
  clock,
  calendar,
  territory,
  fieldCrypto,
  records,
  warningRules = () => DEFAULT_WARNING_RULES,
  repeats = { radiusMeters: 50, windowDays: 7 },
  acceptingOwner = createAcceptingOwner(db),
}: {
  db: Db;
  clock: Clock;
  calendar: WorkingCalendar;
  territory: TerritoryService;
  fieldCrypto: FieldCrypto;
  records: RecordLookup;
  warningRules?: () => readonly WarningRule[];
  /** The repeat radius and window (configuration): cases they join are flagged to the centre as possible repeats. */
  repeats?: { radiusMeters: number; windowDays: number };
  acceptingOwner?: AcceptingOwner;
}) {
  const listeners: EventChangeListener[] = [];
  /** Listeners run after the commit: one that throws fails the reply but cannot undo the change. */
  const changed = async (change: EventChange) => {
    for (const listener of listeners) await listener(change);
  };

  const actionRow = (row: Pick<store.EventRow, 'countyCode' | 'id'>, seq: number, record: ActionRecord, actor: Actor | null) => ({
    countyCode: row.countyCode,
    eventId: row.id,
    seq,
    action: record.action,
    ...authorOf(actor),
    at: record.at,
    fromStatus: record.fromStatus,
    toStatus: record.toStatus,
    note: record.note,
    photos: record.attachments,
    data: record.data,
  });

  const summary = (actor: Actor, row: store.EventRow) => {
    const state = stateOf(row);
    return {
      ...row,
      ...intakeFacts(row, fieldCrypto),
      ...signals(state, clock(), calendar, row.reports, warningRules()),
      abilities: allowedActions(state, machineActor(actor, row)),
    };
  };

  /** Where a report went, by name: its grid and the centre that owns it, and whether that is outside the reporter's area. */
  async function filedIn(actor: Actor, row: store.EventRow, known: { code: string; name: string }[]) {
    // The point's place was named when it was located; only a case joined elsewhere ("me too") or owned by the city needs a read.
    const names = new Map(known.map((n) => [n.code, n.name]));
    if (!names.has(row.gridCode) || !names.has(row.ownerCode))
      for (const n of await territory.namesAlongPath(row.gridCode, [row.ownerCode])) names.set(n.code, n.name);
    return {
      grid: { code: row.gridCode, name: names.get(row.gridCode) ?? row.gridCode },
      owner: { code: row.ownerCode, name: names.get(row.ownerCode) ?? row.ownerCode },
      outsideOwnArea: !codeInScope(row.gridCode, actor.scope),
    };
  }

  /** The history of a case filed by this server just now is its one action row: the reply needs no read back. */
  const justFiled = new WeakMap<store.EventRow, store.ActionRow[]>();

  async function view(actor: Actor, row: store.EventRow) {
    const [history, subject, possibleRepeats] = await Promise.all([
      justFiled.get(row) ?? store.actionsOf(db, row.countyCode, row.id),
      subjectSummary(records, actor, row),
      possibleRepeatsOf(db, actor, row, repeats),
    ]);
    return { ...summary(actor, row), subject, possibleRepeats, history };
  }

  async function checkTarget(tx: Tx, state: EventState, input: ActionInput) {
    const target = input.targetUnit;
    if (!target) return;
    const isArea = /^\d+$/.test(target);
    const known = isArea
      ? (await areaNames(tx, [target])).length > 0 && target.startsWith(subtreePrefix(state.ownerCode))
      : await departmentExists(tx, target);
    if (!known) throw new AppError('event.target_invalid', [{ field: 'targetUnit', reason: 'unknown', value: target }]);
  }

  /**
   * Opens a case at a grid already found and checked: `actor` null is a citizen on the public page, who has no
   * account; the caller gives them a tracking code.
   */
  async function fileCase(actor: Actor | null, gridCode: string, input: ReportInput & { trackingCode?: string }) {
    const countyCode = countyOf(gridCode);
    const item = await itemForReport(db, input.itemCode);
    const rule = item.rule;
    const now = clock();
    const owner = await acceptingOwner(ownerOf(gridCode, rule.level)); // nobody to accept there: the level above (intake/accepting-owner.ts)
    const { next, record } = (() => {
      try {
        return reportEvent({ ownerCode: owner.code, rule }, { now, calendar });
      } catch (e) {
        return ruleError(e);
      }
    })();
    const day = chinaDate(now).replaceAll('-', ''); // the China date: a report at 07:00 belongs to that day, not to UTC's yesterday
    const serial = await store.nextCaseSerial(db, countyCode, day); // its own statement: no lock held to commit (0014)
    const id = randomUUID();
    const data = owner.widenedFrom ? { ...record.data, ownerWithoutCentre: owner.widenedFrom } : record.data;
    const first = actionRow({ countyCode, id }, 1, { ...record, data, attachments: input.photos, note: input.description }, actor);
    const row = await store.insertReport(
      db,
      {
        countyCode,
        id,
        caseNo: `${day}${String(serial).padStart(4, '0')}`,
        source: input.source,
        itemCode: item.code,
        severity: rule.severity,
        description: input.description,
        lng: input.lng,
        lat: input.lat,
        gridCode,
        photos: input.photos,
        reporterId: actor?.id ?? null,
        idempotencyKey: input.idempotencyKey ?? null,
        reportedAt: now,
        updatedAt: now,
        reporterName: input.reporterName ?? null,
        reporterPhone: input.reporterPhone ? fieldCrypto.encrypt(input.reporterPhone) : null,
        externalNo: input.externalNo ?? null,
        trackingCode: input.trackingCode ?? null,
        subjectType: input.subject?.type ?? null,
        subjectKey: input.subject?.key ?? null,
        ...next,
        extension: null,
      },
      first,
      input.deviceKey ?? null,
    );
    justFiled.set(row, [{ ...first, actorId: first.actorId ?? null, data: first.data ?? null }]);
    await changed({ row, action: 'report', actor });
    return row;
  }

  /** One step on a case already loaded for `actor`; null is the citizen who reported it, holding its tracking code. */
  async function step(actor: Actor | null, row: store.EventRow, action: EventActionName, expectedVersion: number, input: ActionInput) {
    if (row.version !== expectedVersion) throw new AppError('event.changed', [{ field: 'version', reason: 'stale', value: row.version }]);
    const state = stateOf(row);
    const now = clock();
    let transition: ReturnType<typeof applyAction>;
    try {
      transition = applyAction(state, action, input, { now, actor: actor ? machineActor(actor, row) : CITIZEN_REPORTER, calendar });
    } catch (e) {
      ruleError(e);
    }
    const saved = await db.transaction(async (tx) => {
      await checkTarget(tx, state, action === 'dispatch' ? input : {});
      const next = { ...row, ...transition.next, updatedAt: now };
      if (!(await store.updateEvent(tx, next, expectedVersion)))
        throw new AppError('event.changed', [{ field: 'version', reason: 'stale' }]);
      const history = await store.actionsOf(tx, row.countyCode, row.id);
      await store.insertAction(tx, actionRow(row, history.length + 1, transition.record, actor));
      // Only an owning centre may merge (the action table), so a merge always has a signed-in actor.
      for (const effect of transition.effects) {
        if (effect.type === 'duplicate_merged') await mergeReports(tx, { actor: actor!, duplicate: row, masterId: effect.masterId, now });
      }
      return { ...next, version: expectedVersion + 1 };
    });
    await changed({ row: saved, action, actor });
    return saved;
  }

  return {
    onChange(listener: EventChangeListener) {
      listeners.push(listener);
    },

    /**
     * A new case from the field, the hotline or a department. The point — the reporter's, or else the linked
     * record's — must be in a grid the caller may see.
     */
    async report(actor: Actor, staffInput: StaffReportInput) {
      const place = await placeOfReport(records, actor, staffInput);
      const input = { ...staffInput, lng: place.lng, lat: place.lat, subject: place.subject };
      // A point in another area's grid is still a report: it goes to the centre that owns that grid (0014).
      const hit = await territory.locate(input.lng, input.lat);
      if (!hit) throw new AppError('event.outside_grids', [{ field: place.fromSubject ? 'subject' : 'lng', reason: 'outside_all_grids' }]);
      const county = hit.county.code;
      const row = await createOnce(input.idempotencyKey, {
        find: (key) => store.findByIdempotencyKey(db, county, actor.id, key),
        create: () =>
          input.sameAs
            ? meToo(db, { actor, now: clock(), input: { ...input, sameAs: input.sameAs } })
            : fileCase(actor, hit.grid.code, input),
      });
      return { ...(await view(actor, row)), filedIn: await filedIn(actor, row, [hit.grid, hit.village, hit.township, hit.county]) };
    },

    fileCase,

    async get(actor: Actor, id: string) {
      // A reporter follows their own report, also one filed outside their area.
      const row = (await store.getEvent(db, actor.scope, id)) ?? (await store.getOwnReport(db, actor.id, id));
      if (!row) throw new AppError('event.not_found');
      return view(actor, row);
    },

    /** A page of the filtered list and how many match; event-list.ts says how light and warning filters page. */
    list: (actor: Actor, filter: EventFilter, page: Page) =>
      filteredPage(db, { filter, scope: actor.scope, now: clock(), page }, (row) => summary(actor, row)),

    exportList: (actor: Actor, filter: EventFilter) => exportEvents(db, { actor, filter, now: clock() }, (row) => summary(actor, row)),

    step,

    /** One step of the loop: checked by the state machine, written with its action row in one transaction. */
    async act(actor: Actor, id: string, action: EventActionName, expectedVersion: number, input: ActionInput) {
      const row = await store.getEvent(db, actor.scope, id);
      if (!row) throw new AppError('event.not_found');
      return view(actor, await step(actor, row, action, expectedVersion, input));
    },
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
