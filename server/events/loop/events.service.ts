import { randomUUID } from 'node:crypto';
import { chinaDate } from '../../../shared/china-time.ts';
import { countyOf, isAreaCode, levelOfCode, subtreePrefix } from '../../../shared/codes.ts';
import { MAP_POINTS_MAX } from '../../../shared/limits.ts';
import { bareMobile } from '../../../shared/phones.ts';
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
import type { CatalogueMemory } from '../catalogue/catalogue.memory.ts';
import type { CatalogueRule } from '../catalogue/catalogue.seed.ts';
import { type AcceptingOwner, createAcceptingOwner } from '../intake/accepting-owner.ts';
import { authorOf, CITIZEN_REPORTER, intakeFacts } from '../intake/intake.core.ts';
import { mergeReports, meToo, possibleRepeatsAmong, possibleRepeatsOf, repeatCandidates, repeatGap } from '../intake/repeats.ts';
import { actionFact, type CaseHooks, type CaseLog, type CaseRef, createCaseHooks } from './case-log.ts';
import { createCaseSerials } from './case-serials.ts';
import { DEFAULT_WARNING_RULES, type WarningRule } from './deadlines.core.ts';
import {
  type ActionInput,
  type EventActionName,
  EventRuleError,
  type EventState,
  type Actor as MachineActor,
  type Urgency,
} from './event-actions.core.ts';
import type { EventFilter } from './event-filter.ts';
import { actionForm } from './event-forms.core.ts';
import { allowedActions, superiorOf } from './event-guards.core.ts';
import { exportEvents, filteredPage, type Page } from './event-list.ts';
import { type ActionRecord, applyAction, reportEvent } from './event-machine.core.ts';
import { type KnownNames, namedEvent, namedPage } from './event-names.ts';
import { placeOfReport, type SubjectRef, subjectSummary } from './event-subject.ts';
import * as store from './events.store.ts';
import { partsView, signals } from './signals.ts';
import { callerWhere, todoCounts, unitsOf } from './todo.ts';

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
  /** 一般 / 紧急 / 特急; normal when not given. */
  urgency?: Urgency;
  /** A citizen's device as its keyed hash (`device:…`), counted once per case (intake/repeats.ts). */
  deviceKey?: string;
  /** The open interface a citizen's report came in through (`open311`); none for the console and the public page. */
  channel?: string;
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

const dateOrNull = (v: unknown): Date | null => (v ? new Date(v as string) : null);

/** The case as the state machine sees it, from its current row (JSON columns carry their times as ISO strings). */
export const stateOf = (row: store.EventRow): EventState => ({
  status: row.status as EventState['status'],
  ownerCode: row.ownerCode,
  gridCode: row.gridCode,
  leadUnit: row.leadUnit,
  coUnits: row.coUnits,
  coParts: (row.coParts as { unit: string; signedAt: string | null; dueAt: string; repliedAt: string | null }[]).map((p) => ({
    unit: p.unit,
    signedAt: dateOrNull(p.signedAt),
    dueAt: new Date(p.dueAt),
    repliedAt: dateOrNull(p.repliedAt),
  })),
  stage: row.stage as EventState['stage'],
  stageDueAt: row.stageDueAt,
  stageUnit: row.stageUnit,
  dueAt: row.dueAt,
  suspendedAt: row.suspendedAt,
  urgency: row.urgency as EventState['urgency'],
  returnedFrom: row.returnedFrom,
  returns: row.returns,
  returnBar: row.returnBar as EventState['returnBar'],
  extension: row.extension
    ? {
        ...(row.extension as { workingDays: number; reason: string }),
        requestedAt: new Date((row.extension as { requestedAt: string }).requestedAt),
      }
    : null,
  extensionDays: row.extensionDays,
  specialClose: row.specialClose
    ? {
        ...(row.specialClose as { reason: string; approver: string }),
        requestedAt: new Date((row.specialClose as { requestedAt: string }).requestedAt),
      }
    : null,
  escalations: row.escalations,
  reworks: row.reworks,
  extensions: row.extensions,
  reopens: row.reopens,
  handledLate: row.handledLate,
  closingType: row.closingType as EventState['closingType'],
  rating: row.rating as EventState['rating'],
  mergedInto: row.mergedInto,
  closedAt: row.closedAt,
  rule: row.rule as EventState['rule'],
});

/** The log of a case just filed, from what was written: its row and its one action (case-log.ts). */
const filedLog = (
  row: Pick<store.EventRow, 'countyCode' | 'id' | 'caseNo' | 'gridCode' | 'itemCode' | 'source' | 'reportedAt'>,
  first: { action: string; at: Date; toStatus: string; data?: unknown },
): CaseLog => ({
  countyCode: row.countyCode,
  id: row.id,
  caseNo: row.caseNo,
  gridCode: row.gridCode,
  itemCode: row.itemCode,
  source: row.source,
  reportedAt: row.reportedAt,
  // As a read would give it back: the data column is JSON.
  actions: [
    { action: first.action, at: first.at, toStatus: first.toStatus, data: first.data ? JSON.parse(JSON.stringify(first.data)) : null },
  ],
  warnings: [],
});

/** How the state machine sees a signed-in user in relation to one case. */
export function machineActor(
  actor: Actor,
  row: Pick<store.EventRow, 'gridCode' | 'ownerCode' | 'leadUnit' | 'reporterId' | 'coUnits'>,
): MachineActor {
  const holding = actor.areas
    .filter((a) => row.gridCode.startsWith(subtreePrefix(a.code)))
    .sort((a, b) => b.code.length - a.code.length)[0];
  const isHandler = actor.roles.includes('department_handler') && actor.departmentCode !== null;
  const units = unitsOf(actor);
  const superior = superiorOf(row.ownerCode);
  return {
    roles: actor.roles,
    level: isHandler ? 'department' : holding ? levelOfCode(holding.code) : null,
    isOwner: actor.areas.some((a) => a.code === row.ownerCode),
    isLead: row.leadUnit !== null && units.includes(row.leadUnit),
    coUnit: row.coUnits.find((u) => units.includes(u)) ?? null,
    // Strictly above the owner; a city's own case is the city's to decide.
    isSuperior: actor.areas.some(
      (a) => a.code === superior || (a.code !== row.ownerCode && row.ownerCode.startsWith(subtreePrefix(a.code))),
    ),
    isReporter: row.reporterId === actor.id,
  };
}

/** Actions whose target and co-handlers are units to look up (assign_down's area is checked by the machine). */
const NAMES_UNITS: readonly EventActionName[] = ['dispatch', 'redispatch', 'arbitrate'];

function ruleError(e: unknown): never {
  if (e instanceof EventRuleError) throw new AppError(e.code, e.details);
  throw e;
}

/** One committed change of a case, for whoever follows them (the inbox, warnings). */
export interface EventChange {
  row: store.EventRow;
  action: ActionRecord['action'];
  actor: Actor | null;
  /** The units the change concerns: whoever now owes a stage, or is told of a decision. */
  notify: string[];
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
  hooks = createCaseHooks(),
  catalogue,
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
  /** Called inside each transaction that writes an action row (the figures' roll-ups: case-log.ts). */
  hooks?: CaseHooks;
  /** The items reports name, with their rules (catalogue.memory.ts). */
  catalogue: CatalogueMemory;
}) {
  const listeners: EventChangeListener[] = [];
  const nextCaseSerial = createCaseSerials(db);
  const reportStatements = store.createReportStatements();
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
    const now = clock();
    return {
      ...row,
      ...intakeFacts(row, fieldCrypto),
      ...signals(state, now, calendar, row.reports, warningRules()),
      coParts: partsView(state, now, calendar),
      // Counted past the years the holiday data covers: recomputed when the year is entered (deadline-recompute.ts).
      provisional: [row.dueAt, row.stageDueAt].some((due) => due !== null && !calendar.covers(due)),
      abilities: allowedActions(state, machineActor(actor, row), now),
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

  /** `candidates`: the possible repeats' candidates of a case just filed, read beside its statement (repeats.ts). */
  async function view(actor: Actor, row: store.EventRow, known?: KnownNames, candidates?: ReturnType<typeof repeatCandidates>) {
    const filed = justFiled.get(row);
    const [history, subject, possibleRepeats] = await Promise.all([
      filed ?? store.actionsOf(db, row.countyCode, row.id),
      subjectSummary(records, actor, row),
      filed && candidates
        ? candidates.then((rows) => possibleRepeatsAmong(rows, row, repeats))
        : possibleRepeatsOf(db, actor, row, repeats),
    ]);
    const base = summary(actor, row);
    const state = stateOf(row);
    const forms = Object.fromEntries(base.abilities.map((a) => [a, actionForm(state, a)]));
    return namedEvent(db, { ...base, subject, possibleRepeats, history, forms }, known);
  }

  /** The units an action names must exist: an area inside the owner's subtree, or a department. */
  async function checkUnits(tx: Tx, state: EventState, input: ActionInput) {
    const named = [
      ...(input.targetUnit ? [{ field: 'targetUnit', code: input.targetUnit }] : []),
      ...(input.coUnits ?? []).map((code, i) => ({ field: `coUnits.${i}`, code })),
    ];
    for (const { field, code } of named) {
      const known = isAreaCode(code)
        ? (await areaNames(tx, [code])).length > 0 && code.startsWith(subtreePrefix(state.ownerCode))
        : await departmentExists(tx, code);
      if (!known) throw new AppError('event.target_invalid', [{ field, reason: 'unknown', value: code }]);
    }
  }

  /**
   * Opens a case at a grid already found and checked: `actor` null is a citizen on the public page, who has no
   * account; the caller gives them a tracking code.
   */
  async function fileCase(actor: Actor | null, gridCode: string, input: ReportInput & { trackingCode?: string }) {
    const countyCode = countyOf(gridCode);
    const item = await catalogue.itemForReport(input.itemCode);
    const rule = item.rule;
    const now = clock();
    const reporterMobile = bareMobile(input.reporterPhone);
    const owner = await acceptingOwner(ownerOf(gridCode, rule.level)); // nobody to accept there: the level above (intake/accepting-owner.ts)
    const { next, record } = (() => {
      try {
        return reportEvent(
          {
            ownerCode: owner.code,
            gridCode,
            rule,
            source: input.source,
            photos: input.photos.length,
            urgency: input.urgency,
          },
          { now, calendar },
        );
      } catch (e) {
        return ruleError(e);
      }
    })();
    const day = chinaDate(now).replaceAll('-', ''); // the China date: a report at 07:00 belongs to that day, not to UTC's yesterday
    const serial = await nextCaseSerial(countyCode, day); // its own statement, shared by reports asking at once: no lock held to commit (0014, 0032)
    const id = randomUUID();
    const data = owner.widenedFrom ? { ...record.data, ownerWithoutCentre: owner.widenedFrom } : record.data;
    const first = actionRow({ countyCode, id }, 1, { ...record, data, attachments: input.photos, note: input.description }, actor);
    // One statement, no transaction: the case, its first action and what the hooks write for it (0032).
    const caseRow = {
      countyCode,
      id,
      caseNo: `${day}${String(serial).padStart(4, '0')}`,
      source: input.source,
      itemCode: item.code,
      severity: rule.severity,
      description: input.description,
      lng: input.lng,
      lat: input.lat,
      photos: input.photos,
      reporterId: actor?.id ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      reportedAt: now,
      updatedAt: now,
      reporterName: input.reporterName ?? null,
      reporterPhone: input.reporterPhone ? fieldCrypto.encrypt(input.reporterPhone) : null,
      reporterPhoneHash: reporterMobile ? fieldCrypto.searchHash(reporterMobile) : null,
      externalNo: input.externalNo ?? null,
      trackingCode: input.trackingCode ?? null,
      channel: input.channel ?? null,
      subjectType: input.subject?.type ?? null,
      subjectKey: input.subject?.key ?? null,
      ...next,
      extension: null,
    };
    const writes = hooks.filedWrites([filedLog(caseRow, first)], [actionFact({ ...caseRow, stageUnit: caseRow.stageUnit ?? null }, first)]);
    const row = await store.insertReport(db, reportStatements, caseRow, first, input.deviceKey ?? null, writes);
    justFiled.set(row, [{ ...first, actorId: first.actorId ?? null, data: first.data ?? null }]);
    await changed({ row, action: 'report', actor, notify: row.stageUnit ? [row.stageUnit] : [] });
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
      if (NAMES_UNITS.includes(action)) await checkUnits(tx, state, input);
      const next = { ...row, ...transition.next, updatedAt: now };
      if (!(await store.updateEvent(tx, next, expectedVersion)))
        throw new AppError('event.changed', [{ field: 'version', reason: 'stale' }]);
      const history = await store.actionsOf(tx, row.countyCode, row.id);
      const seq = history.length + 1;
      await store.insertAction(tx, actionRow(row, seq, transition.record, actor));
      // Only an owning centre may merge (the action table), so a merge always has a signed-in actor.
      const touched: CaseRef[] = [row];
      for (const effect of transition.effects) {
        if (effect.type === 'duplicate_merged') {
          const reason = transition.record.note;
          await mergeReports(tx, { actor: actor!, duplicate: row, masterId: effect.masterId, now, reason, repeats });
          touched.push({ countyCode: row.countyCode, id: effect.masterId });
        }
      }
      await hooks.run(tx, touched);
      await hooks.record(tx, [actionFact(next, { ...transition.record, seq })]);
      return { ...next, version: expectedVersion + 1 };
    });
    const notify = transition.effects.flatMap((e) => (e.type === 'notify' ? [e.unit] : []));
    await changed({ row: saved, action, actor, notify });
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
      // A new case's possible repeats are read while it is numbered and filed, not after: one round trip less to wait for.
      const candidates = input.sameAs ? undefined : repeatCandidates(db, actor, { ...input, reportedAt: clock() }, repeats);
      candidates?.catch(() => {}); // awaited by the view; a report that fails first leaves it unread
      const row = await createOnce(input.idempotencyKey, {
        find: (key) => store.findByIdempotencyKey(db, county, actor.id, key),
        create: () =>
          input.sameAs
            ? meToo(db, { actor, now: clock(), input: { ...input, sameAs: input.sameAs }, hooks })
            : fileCase(actor, hit.grid.code, input),
      });
      // The point's place was named when it was located, the item comes from the catalogue in memory.
      const located = [hit.grid, hit.village, hit.township, hit.county];
      const items = new Map([...(await catalogue.items([row.itemCode]))].map(([code, item]) => [code, item.name]));
      const known = { units: new Map(located.map((n) => [n.code, n.name])), items };
      return { ...(await view(actor, row, known, candidates)), filedIn: await filedIn(actor, row, located) };
    },

    fileCase,

    async get(actor: Actor, id: string) {
      // A reporter follows their own report, also one filed outside their area.
      const row = (await store.getEvent(db, actor.scope, id)) ?? (await store.getOwnReport(db, actor.id, id));
      if (!row) throw new AppError('event.not_found');
      return view(actor, row);
    },

    /** A page of the filtered list and how many match; event-list.ts says how light and warning filters page. */
    find: (actor: Actor, filter: EventFilter, page: Page) =>
      filteredPage(db, { filter, scope: actor.scope, now: clock(), page, todo: callerWhere(filter, actor) }, (row) =>
        summary(actor, row),
      ).then((p) => namedPage(db, p)),

    exportList: (actor: Actor, filter: EventFilter) =>
      exportEvents(db, { actor, filter, now: clock(), todo: callerWhere(filter, actor) }, (row) => summary(actor, row)),

    /** Where the filtered cases are, newest first, at most MAP_POINTS_MAX of them, each with its light and warning: the command centre's map. */
    async points(actor: Actor, filter: EventFilter) {
      const now = clock();
      const rules = warningRules();
      const page = { offset: 0, limit: MAP_POINTS_MAX };
      return filteredPage(db, { filter, scope: actor.scope, now, page, todo: callerWhere(filter, actor) }, (row) => ({
        id: row.id,
        caseNo: row.caseNo,
        lng: row.lng,
        lat: row.lat,
        status: row.status,
        itemCode: row.itemCode,
        ...signals(stateOf(row), now, calendar, row.reports, rules),
      }));
    },

    /** The to-do counts of the inbox: the same predicates as `todo=` on the list. */
    todoCounts: (actor: Actor) => todoCounts(db, actor),

    /** Why merging `id` into `masterId` needs a reason (the rule `merge` applies), for the dialog to require it first. */
    async mergeGap(actor: Actor, id: string, masterId: string) {
      const [row, master] = await Promise.all([store.getEvent(db, actor.scope, id), store.getEvent(db, actor.scope, masterId)]);
      if (!row) throw new AppError('event.not_found');
      if (!master) throw new AppError('event.master_invalid', [{ field: 'masterId', reason: 'not_found', value: masterId }]);
      return { gap: repeatGap(master, row, repeats) };
    },

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
