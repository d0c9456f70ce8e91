import { chinaDate } from '../../shared/china-time.ts';
import { countyOf, subtreePrefix } from '../../shared/codes.ts';
import {
  DEFAULT_FOLLOW_UP_DAYS,
  DEFAULT_MEDIATION_DAYS,
  DISPUTE_TIERS,
  DISPUTE_TYPE_CODES,
  type DisputeSource,
  type DisputeTier,
  FOLLOW_UP_DAYS_MAX,
  MEDIATION_DAYS_MAX,
  type MediationMethod,
  type PartyKind,
  type RiskLevel,
  type RoundKind,
} from '../../shared/disputes.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { WorkingCalendar } from '../platform/calendar/calendar.core.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { isUniqueViolation } from '../platform/idempotency.ts';
import type { PageAsked } from '../platform/paging.ts';
import { createRecordLifecycle, partiesOnRecord, partyKey } from '../registry/index.ts';
import { gridsInScope, gridsUnder, nodeNames } from '../territory/index.ts';
import { figureKeyOf, sameKey, workingDaysOf } from './dispute-figures.core.ts';
import type { DisputeFiguresService } from './dispute-figures.service.ts';
import { moveFigure } from './dispute-figures.store.ts';
import type { DisputeWarnings } from './dispute-warnings.service.ts';
import {
  applyStep,
  mediationClock,
  mediationDue,
  ownedTiers,
  ownerAt,
  ownsTier,
  plusDays,
  type Step,
  sourceKindOf,
  startingTier,
  stepsAllowed,
  typeOfItem,
} from './disputes.core.ts';
import * as store from './disputes.store.ts';

export interface PartyInput {
  kind: PartyKind;
  /** A person's record id or an organisation's credit code. */
  key: string;
  claim: string;
}

export interface DisputeInput {
  title: string;
  typeCode: string;
  occurredOn: string;
  place: string;
  /** Taken from the source case when there is one (collect once); required otherwise. */
  gridCode?: string;
  lng?: number | null;
  lat?: number | null;
  peopleInvolved: number;
  amountInvolved?: number | null;
  riskLevel: RiskLevel;
  summary: string;
  parties: PartyInput[];
  roundId?: string | null;
  /** The loop case (a field report, a dispute item, a 12345 order) it is turned from: its grid and point are the dispute's. */
  sourceEventId?: string | null;
}

export interface DisputeSettings {
  mediationDays: Record<DisputeTier, number>;
  followUpDays: number;
}

/** A loop case as the events area shows it to the caller (events.service.get, handed in by app.ts). */
export interface SourceCase {
  id: string;
  caseNo: string | null;
  status: string;
  source: string;
  itemCode: string;
  itemName?: string | null;
  description: string;
  gridCode: string;
  lng: number;
  lat: number;
  reportedAt: Date | string;
  reporterName: string | null;
  reporterPhone: string | null;
  externalNo: string | null;
  subject: { type: string; key: string; name: string | null; address: string | null } | null;
}
export type SourceCaseOf = (actor: Actor, id: string) => Promise<SourceCase>;

/** Follow-ups due within this many days count as owed in the to-do (as the key persons' follow-ups do). */
export const FOLLOW_UP_SOON_DAYS = 3;

export interface RoundInput {
  kind: RoundKind;
  subject: string;
  /** Townships, villages or grids covered; each must be inside the caller's jurisdiction. */
  areaCodes: string[];
  closesOn: string;
}

/** What raising an event needs of the events area (handed in by app.ts). */
export type ReportEvent = (
  actor: Actor,
  input: { itemCode: string; description: string; lng: number; lat: number },
) => Promise<{ id: string; caseNo: string | null }>;

export const DISPUTES_SHOWN = 200;

export interface DisputesDeps {
  db: Db;
  clock: Clock;
  calendar: WorkingCalendar;
  reportEvent: ReportEvent;
  /** The warning rules, run over the changed dispute inside its transaction. */
  warnings: Pick<DisputeWarnings, 'evaluate'>;
  figures: Pick<DisputeFiguresService, 'drillDown'>;
  /** Reads a loop case the caller may see (a 404 of the loop is a refusal naming sourceEventId here). */
  sourceCase: SourceCaseOf;
}

export function createDisputesService({ db, clock, calendar, reportEvent, warnings, figures, sourceCase }: DisputesDeps) {
  const records = createRecordLifecycle<store.DisputeRow>(
    { type: 'dispute', notFound: 'dispute.not_found', keyOf: (d) => d.id, find: (tx, scope, id) => store.getDispute(tx, scope, id) },
    { db, clock },
  );

  async function getRound(tx: Tx, actor: Actor, id: string) {
    const round = await store.getRound(tx, actor.scope, id);
    if (!round) throw new AppError('dispute.round_not_found', [{ field: 'roundId', reason: 'not_found', value: id }]);
    return round;
  }

  async function settingsOf(tx: Tx, countyCode: string): Promise<DisputeSettings> {
    const row = await store.getSetting(tx, countyCode);
    return {
      mediationDays: { ...DEFAULT_MEDIATION_DAYS, ...(row?.mediationDays ?? {}) },
      followUpDays: row?.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS,
    };
  }

  /** A tier's mediation starts its clock when the tier takes it: the county's limit for that tier, on the calendar. */
  const startClock = (settings: DisputeSettings, tier: DisputeTier, now: Date) => ({
    mediationStartedAt: now,
    mediationDays: settings.mediationDays[tier],
    mediationDueAt: mediationDue(now, settings.mediationDays[tier], calendar),
  });
  const stopClock = { mediationStartedAt: null, mediationDays: null, mediationDueAt: null };

  /** A loop case the caller sees, as a source: refused (naming sourceEventId) when not found or not a dispute's kind. */
  async function readSource(actor: Actor, eventId: string) {
    const c = await sourceCase(actor, eventId).catch((err) => {
      if (err instanceof AppError && err.code === 'event.not_found')
        throw new AppError('dispute.source_not_found', [{ field: 'sourceEventId', reason: 'not_found', value: eventId }]);
      throw err;
    });
    const kind = sourceKindOf(c);
    if (!kind)
      throw new AppError('dispute.source_not_eligible', [{ field: 'sourceEventId', reason: `source_${c.source}`, value: c.itemCode }]);
    return { case: c, kind };
  }

  async function refuseTaken(tx: Tx, countyCode: string, eventId: string) {
    const taken = await store.disputeOfSource(tx, countyCode, eventId);
    if (taken) throw new AppError('dispute.source_taken', [{ field: 'sourceEventId', reason: 'already_a_dispute', value: taken.id }]);
  }

  const summaryOf = (d: store.DisputeRow) => ({
    id: d.id,
    title: d.title,
    typeCode: d.typeCode,
    occurredOn: d.occurredOn,
    place: d.place,
    gridCode: d.gridCode,
    peopleInvolved: d.peopleInvolved,
    amountInvolved: d.amountInvolved,
    riskLevel: d.riskLevel,
    tier: d.tier as DisputeTier,
    ownerCode: d.ownerCode,
    status: d.status,
    roundId: d.roundId,
    reportedAt: d.reportedAt.toISOString(),
    version: d.version,
    mediationDueAt: d.mediationDueAt?.toISOString() ?? null,
    ...mediationClock(d, clock(), calendar),
    followUpOn: d.followUpOn,
    followedUpAt: d.followedUpAt?.toISOString() ?? null,
    performance: d.performance,
    sourceKind: d.sourceKind as DisputeSource | null,
    sourceCaseNo: d.sourceCaseNo,
  });

  async function named<T extends { gridCode: string; ownerCode: string }>(rows: T[]) {
    const names = await nodeNames(db, [...new Set(rows.flatMap((r) => [r.gridCode, r.ownerCode]))]);
    return rows.map((r) => ({
      ...r,
      gridName: names.get(r.gridCode)?.name ?? r.gridCode,
      ownerName: names.get(r.ownerCode)?.name ?? r.ownerCode,
    }));
  }

  async function detail(actor: Actor, d: store.DisputeRow) {
    const parties = await store.partiesOf(db, d);
    // Names, ID numbers and phones come from the records as they are now, masked; the caller's scope bounds what is read.
    const onRecord = await partiesOnRecord(db, actor.scope, {
      personIds: parties.flatMap((p) => (p.personId ? [p.personId] : [])),
      creditCodes: parties.flatMap((p) => (p.creditCode ? [p.creditCode] : [])),
    });
    const [sessions, followUps] = await Promise.all([store.sessionsOf(db, d), store.followUpsOf(db, d)]);
    const [base] = await named([summaryOf(d)]);
    const { history } = await records.history(d);
    return {
      ...base,
      summary: d.summary,
      lng: d.lng,
      lat: d.lat,
      agreement: d.agreement,
      referredTo: d.referredTo,
      eventId: d.eventId,
      sourceEventId: d.sourceEventId,
      mediationDays: d.mediationDays,
      mediationStartedAt: d.mediationStartedAt?.toISOString() ?? null,
      followUps: followUps.map((f) => ({
        tier: f.tier as DisputeTier,
        dueOn: f.dueOn,
        performance: f.performance,
        outcome: f.outcome,
        note: f.note,
        at: f.at.toISOString(),
        actorName: history.find((h) => h.at === f.at.toISOString())?.actorName ?? null,
      })),
      parties: parties.map((p) => {
        const kind = p.kind as PartyKind;
        const key = (kind === 'person' ? p.personId : p.creditCode) ?? '';
        const rec = onRecord.get(partyKey(kind, key));
        return {
          seq: p.seq,
          kind,
          key,
          claim: p.claim,
          name: rec?.name ?? null,
          identifier: rec?.identifier ?? null,
          phone: rec?.phone ?? null,
        };
      }),
      sessions: sessions.map((s) => ({
        tier: s.tier as DisputeTier,
        heldOn: s.heldOn,
        place: s.place,
        method: s.method as MediationMethod,
        mediator: s.mediator,
        present: s.present,
        result: s.result,
        note: s.note,
      })),
      history,
      abilities: [...stepsAllowed(stateOf(d, parties.length), actor), ...(raisable(actor, d) ? ['event' as const] : [])],
    };
  }

  /** Every party must be a person or organisation on record in the caller's jurisdiction; all refusals at once. */
  async function checkParties(tx: Tx, actor: Actor, parties: PartyInput[]) {
    if (parties.length === 0) throw new AppError('dispute.invalid', [{ field: 'parties', reason: 'required' }]);
    const found = await partiesOnRecord(tx, actor.scope, {
      personIds: parties.filter((p) => p.kind === 'person').map((p) => p.key),
      creditCodes: parties.filter((p) => p.kind === 'organisation').map((p) => p.key),
    });
    const problems = parties.flatMap((p, i) => [
      ...(found.has(partyKey(p.kind, p.key)) ? [] : [{ field: `parties.${i}.key`, reason: 'not_on_record_in_scope', value: p.key }]),
      ...(p.claim.trim() ? [] : [{ field: `parties.${i}.claim`, reason: 'required' }]),
    ]);
    const keys = parties.map((p) => partyKey(p.kind, p.key));
    const twice = keys.findIndex((k, i) => keys.indexOf(k) !== i);
    if (twice >= 0) problems.push({ field: `parties.${twice}.key`, reason: 'duplicate', value: parties[twice].key });
    if (problems.length) throw new AppError('dispute.party_not_found', problems);
  }

  const stateOf = (d: store.DisputeRow, parties: number) => ({
    ...d,
    tier: d.tier as DisputeTier,
    status: d.status as never,
    parties,
    followedUp: d.followedUpAt !== null,
  });

  /** Whether the caller may raise a loop event for the dispute now (the tier's owner, while it is open, once). */
  const raisable = (actor: Actor, d: store.DisputeRow) =>
    actor.permissions.includes('events.report') &&
    ownsTier(actor, d.tier as DisputeTier, d.ownerCode) &&
    (d.status === 'pending' || d.status === 'mediating') &&
    !d.eventId &&
    d.lng !== null;

  function checkFields(input: DisputeInput) {
    const problems = [
      ...(DISPUTE_TYPE_CODES.includes(input.typeCode) ? [] : [{ field: 'typeCode', reason: 'unknown', value: input.typeCode }]),
      ...(['title', 'place', 'summary'] as const).flatMap((f) => (input[f].trim() ? [] : [{ field: f, reason: 'required' }])),
      ...(input.gridCode || input.sourceEventId ? [] : [{ field: 'gridCode', reason: 'required' }]),
    ];
    if (problems.length) throw new AppError('dispute.invalid', problems);
  }

  return {
    async create(actor: Actor, given: DisputeInput) {
      checkFields(given);
      // Collect once: a dispute turned from a loop case stands where the case does.
      const source = given.sourceEventId ? await readSource(actor, given.sourceEventId) : null;
      if (source && given.gridCode && given.gridCode !== source.case.gridCode)
        throw new AppError('dispute.invalid', [{ field: 'gridCode', reason: 'differs_from_source', value: given.gridCode }]);
      const input = source
        ? { ...given, gridCode: source.case.gridCode, lng: source.case.lng, lat: source.case.lat }
        : { ...given, gridCode: given.gridCode as string };
      const now = clock();
      return db
        .transaction(async (tx) => {
          if (source) await refuseTaken(tx, countyOf(input.gridCode), source.case.id);
          if (!(await gridsInScope(tx, actor.scope, [input.gridCode])).has(input.gridCode))
            throw new AppError('dispute.grid_not_found', [{ field: 'gridCode', reason: 'not_found', value: input.gridCode }]);
          await checkParties(tx, actor, input.parties);
          if (input.roundId) {
            const round = await getRound(tx, actor, input.roundId);
            const grid = await store.roundGrid(tx, round, input.gridCode);
            if (!grid)
              throw new AppError('dispute.grid_not_in_round', [{ field: 'gridCode', reason: 'not_in_round', value: input.gridCode }]);
            if (chinaDate(now) > round.closesOn) throw new AppError('dispute.round_closed', [{ field: 'roundId', reason: 'closed' }]);
            // A grid declared clear and then found a dispute: the dispute stands, the declaration no longer does.
            await store.markGrid(tx, round, input.gridCode, { declaredNone: false, reportedBy: actor.id, reportedAt: now });
          }
          const tier = startingTier(actor);
          const settings = await settingsOf(tx, countyOf(input.gridCode));
          const row = await store.insertDispute(
            tx,
            {
              countyCode: countyOf(input.gridCode),
              title: input.title.trim(),
              typeCode: input.typeCode,
              occurredOn: input.occurredOn,
              place: input.place.trim(),
              gridCode: input.gridCode,
              lng: input.lng ?? null,
              lat: input.lat ?? null,
              peopleInvolved: input.peopleInvolved,
              amountInvolved: input.amountInvolved ?? null,
              riskLevel: input.riskLevel,
              summary: input.summary.trim(),
              roundId: input.roundId ?? null,
              tier,
              ownerCode: ownerAt(input.gridCode, tier),
              // The reporter's own tier takes it at once: a grid worker who finds a dispute starts mediating it.
              status: 'mediating',
              ...startClock(settings, tier, now),
              sourceEventId: source?.case.id ?? null,
              sourceKind: source?.kind ?? null,
              sourceCaseNo: source?.case.caseNo ?? null,
              reportedBy: actor.id,
              reportedAt: now,
              verifiedBy: actor.id,
              verifiedAt: now,
              updatedAt: now,
            },
            input.parties.map((p, i) => ({
              countyCode: countyOf(input.gridCode),
              disputeId: '',
              seq: i + 1,
              kind: p.kind,
              personId: p.kind === 'person' ? p.key : null,
              creditCode: p.kind === 'organisation' ? p.key : null,
              claim: p.claim.trim(),
            })),
          );
          await records.writeChange(tx, row, actor.id, now, null, {
            step: 'recorded',
            tier,
            typeCode: row.typeCode,
            riskLevel: row.riskLevel,
            ...(source ? { sourceEventId: source.case.id, sourceKind: source.kind, caseNo: source.case.caseNo } : {}),
          });
          await moveFigure(tx, figureKeyOf(row), 1, null);
          await warnings.evaluate(tx, now, row.countyCode, { disputeId: row.id, gridCode: row.gridCode });
          return row;
        })
        .catch((err) => {
          // Two turning the same case at once: the second meets the unique index, and is told as the check tells it.
          if (source && isUniqueViolation(err))
            throw new AppError('dispute.source_taken', [{ field: 'sourceEventId', reason: 'already_a_dispute', value: source.case.id }]);
          throw err;
        })
        .then((row) => detail(actor, row));
    },

    async get(actor: Actor, id: string) {
      return detail(actor, await records.get(db, actor, id));
    },

    async find(actor: Actor, filter: store.DisputeFilter, page: PageAsked) {
      const now = clock();
      const context = { now, owedBy: plusDays(chinaDate(now), FOLLOW_UP_SOON_DAYS), owned: ownedTiers(actor) };
      const { rows, total } = await store.findDisputes(db, actor.scope, filter, page, context);
      return { items: await named(rows.map((d) => summaryOf(d))), total };
    },

    /** The disputes one number of the figures counts, newest first, and how many there are in all. */
    async counted(actor: Actor, query: Parameters<DisputeFiguresService['drillDown']>[1]) {
      const { rows, total } = await figures.drillDown(actor, query);
      return { items: await named(rows.map((d) => summaryOf(d))), total };
    },

    /** One step of mediation at the current tier, on the version the caller saw; the step is kept in the history. */
    async act(actor: Actor, id: string, version: number, step: Step) {
      const now = clock();
      const row = await db.transaction(async (tx) => {
        const d = await records.get(tx, actor, id);
        records.assertVersion(d, version);
        const parties = (await store.partiesOf(tx, d)).length;
        const next = applyStep(stateOf(d, parties), step, actor);
        const settings = await settingsOf(tx, d.countyCode);
        const today = chinaDate(now);
        if (step.step === 'resolve' && step.followUpOn !== undefined && step.followUpOn < today)
          throw new AppError('dispute.invalid', [{ field: 'followUpOn', reason: 'before_today', value: step.followUpOn }]);
        const closes = step.step === 'resolve' || step.step === 'refer';
        // A follow-up that finds the agreement not performed takes the dispute back into mediation (here or a tier up).
        const reopens = step.step === 'follow_up' && step.outcome !== 'close';
        const outcome = {
          ...(step.step === 'resolve'
            ? {
                agreement: step.agreement.trim(),
                followUpOn: step.followUpOn ?? plusDays(today, settings.followUpDays),
                followedUpAt: null,
                performance: null,
              }
            : {}),
          ...(step.step === 'follow_up' ? { followedUpAt: now, performance: step.performance } : {}),
          ...(step.step === 'refer' ? { referredTo: step.to } : {}),
          ...(next.tier !== d.tier ? { escalations: d.escalations + 1 } : {}),
          ...(closes
            ? { closedAt: now, workingDays: workingDaysOf(calendar.workingMillisBetween(d.reportedAt, now), calendar.officeDayMillis) }
            : {}),
          ...(reopens ? { closedAt: null, workingDays: null } : {}),
          // The clock runs while a tier mediates: from its acceptance (or its reopening) to its end.
          ...(next.status === 'mediating' && d.status !== 'mediating' ? startClock(settings, next.tier, now) : {}),
          ...(next.status !== 'mediating' ? stopClock : {}),
        };
        const [saved] = await store.updateDispute(tx, d, version, { ...next, ...outcome, updatedAt: now });
        if (!saved) records.assertVersion({ version: -1 }, version);
        const [before, after] = [figureKeyOf(d), figureKeyOf(saved)];
        if (!sameKey(before, after)) {
          await moveFigure(tx, before, -1, d.workingDays);
          await moveFigure(tx, after, 1, saved.workingDays);
        }
        if (step.step === 'session')
          await store.insertSession(tx, {
            countyCode: d.countyCode,
            disputeId: d.id,
            tier: d.tier,
            heldOn: step.heldOn,
            place: step.place?.trim() || null,
            method: step.method ?? 'people',
            mediator: step.mediator.trim(),
            present: step.present,
            result: step.result,
            note: step.note?.trim() || null,
            actorId: actor.id,
            at: now,
          });
        if (step.step === 'follow_up')
          await store.insertFollowUp(tx, {
            countyCode: d.countyCode,
            disputeId: d.id,
            tier: d.tier,
            ownerCode: d.ownerCode,
            dueOn: d.followUpOn ?? today,
            performance: step.performance,
            outcome: step.outcome,
            note: step.note?.trim() || null,
            actorId: actor.id,
            at: now,
          });
        await records.writeChange(
          tx,
          d,
          actor.id,
          now,
          { tier: d.tier, status: d.status },
          {
            ...step,
            ...(step.step === 'follow_up' && step.outcome === 'escalate' ? { reason: step.note } : {}),
            tier: next.tier,
            status: next.status,
          },
        );
        await warnings.evaluate(tx, now, d.countyCode, { disputeId: d.id, gridCode: d.gridCode });
        return saved;
      });
      return detail(actor, row);
    },

    /** A department must act (a road to repair, wages to pay): the dispute raises a loop event at its place. */
    async raiseEvent(actor: Actor, id: string, version: number, input: { itemCode: string; description: string }) {
      const d = await records.get(db, actor, id);
      records.assertVersion(d, version);
      if (!ownsTier(actor, d.tier as DisputeTier, d.ownerCode))
        throw new AppError('dispute.not_tier_owner', [{ field: 'tier', reason: 'not_owner', value: d.tier }]);
      if (d.status === 'resolved' || d.status === 'referred')
        throw new AppError('dispute.step_not_allowed', [{ field: 'step', reason: `not_when_${d.status}`, value: 'event' }]);
      if (d.eventId) throw new AppError('dispute.event_raised', [{ field: 'eventId', reason: 'exists', value: d.eventId }]);
      if (d.lng === null || d.lat === null) throw new AppError('dispute.no_point', [{ field: 'lng', reason: 'required' }]);
      const event = await reportEvent(actor, {
        itemCode: input.itemCode,
        description: input.description,
        lng: d.lng,
        lat: d.lat,
      });
      const now = clock();
      const row = await db.transaction(async (tx) => {
        const [saved] = await store.updateDispute(tx, d, version, { eventId: event.id, updatedAt: now });
        if (!saved) records.assertVersion({ version: -1 }, version);
        await records.writeChange(
          tx,
          d,
          actor.id,
          now,
          { eventId: null },
          { step: 'event_raised', eventId: event.id, caseNo: event.caseNo },
        );
        return saved;
      });
      return detail(actor, row);
    },

    /** What a loop case gives a dispute turned from it (collect once): the form is filled from it, the user confirms. */
    async sourceOf(actor: Actor, eventId: string) {
      const { case: c, kind } = await readSource(actor, eventId);
      const taken = await store.disputeOfSource(db, countyOf(c.gridCode), c.id);
      const names = await nodeNames(db, [c.gridCode]);
      const reported = new Date(c.reportedAt);
      const organisation = c.subject?.type === 'organisation' && c.subject.name ? c.subject : null;
      return {
        eventId: c.id,
        caseNo: c.caseNo,
        sourceKind: kind,
        externalNo: c.externalNo,
        disputeId: taken?.id ?? null,
        title: (c.itemName ?? c.description).slice(0, 100),
        typeCode: typeOfItem(c.itemCode),
        occurredOn: chinaDate(reported),
        place: c.subject?.address ?? names.get(c.gridCode)?.name ?? c.gridCode,
        gridCode: c.gridCode,
        gridName: names.get(c.gridCode)?.name ?? c.gridCode,
        lng: c.lng,
        lat: c.lat,
        summary: c.description,
        reporterName: c.reporterName,
        reporterPhone: c.reporterPhone,
        parties: organisation ? [{ kind: 'organisation' as const, key: organisation.key, name: organisation.name }] : [],
      };
    },

    /** A county's mediation time limits per tier and follow-up delay (the defaults where it set none). */
    async settings(actor: Actor, countyCode: string | undefined) {
      const county = countyFor(actor, countyCode, false);
      const row = await store.getSetting(db, county);
      return { countyCode: county, ...(await settingsOf(db, county)), updatedAt: row?.updatedAt.toISOString() ?? null };
    },

    /** Changing them: open mediations keep the limit they started with; those accepted from now on take the new one. */
    async updateSettings(actor: Actor, input: DisputeSettings & { countyCode?: string }) {
      const county = countyFor(actor, input.countyCode, true);
      const problems = [
        ...DISPUTE_TIERS.flatMap((tier) => {
          const v = input.mediationDays[tier];
          return Number.isInteger(v) && v >= 1 && v <= MEDIATION_DAYS_MAX
            ? []
            : [{ field: `mediationDays.${tier}`, reason: `between_1_and_${MEDIATION_DAYS_MAX}`, value: String(v) }];
        }),
        ...(Number.isInteger(input.followUpDays) && input.followUpDays >= 1 && input.followUpDays <= FOLLOW_UP_DAYS_MAX
          ? []
          : [{ field: 'followUpDays', reason: `between_1_and_${FOLLOW_UP_DAYS_MAX}`, value: String(input.followUpDays) }]),
      ];
      if (problems.length) throw new AppError('dispute.invalid', problems);
      const now = clock();
      await db.transaction(async (tx) => {
        const before = await settingsOf(tx, county);
        const mediationDays = Object.fromEntries(DISPUTE_TIERS.map((t) => [t, input.mediationDays[t]]));
        await store.putSetting(tx, {
          countyCode: county,
          mediationDays,
          followUpDays: input.followUpDays,
          updatedBy: actor.id,
          updatedAt: now,
        });
        await recordAudit(tx, {
          at: now,
          actorId: actor.id,
          action: 'dispute.settings_changed',
          target: `county:${county}`,
          detail: { before, after: { mediationDays, followUpDays: input.followUpDays } },
        });
      });
      return this.settings(actor, county);
    },

    // ── screening rounds ─────────────────────────────────────────────────────────────────────────────

    async openRound(actor: Actor, input: RoundInput) {
      const now = clock();
      const opensOn = chinaDate(now);
      if (!input.subject.trim()) throw new AppError('dispute.invalid', [{ field: 'subject', reason: 'required' }]);
      if (input.closesOn < opensOn)
        throw new AppError('dispute.invalid', [{ field: 'closesOn', reason: 'before_today', value: input.closesOn }]);
      if (input.areaCodes.length === 0) throw new AppError('dispute.invalid', [{ field: 'areaCodes', reason: 'required' }]);
      const opener = actor.areas.find((a) => a.level === 'township' || a.level === 'county');
      if (!opener) throw new AppError('access.forbidden', [{ field: 'areaCodes', reason: 'township_or_county_only' }]);
      const grids = new Set<string>();
      for (const [i, code] of input.areaCodes.entries()) {
        const under = await gridsUnder(db, actor.scope, code);
        if (under.length === 0)
          throw new AppError('dispute.grid_not_found', [{ field: `areaCodes.${i}`, reason: 'no_grids_in_scope', value: code }]);
        for (const g of under) grids.add(g.code);
      }
      const counties = new Set([...grids].map(countyOf));
      if (counties.size > 1) throw new AppError('dispute.invalid', [{ field: 'areaCodes', reason: 'one_county' }]);
      const round = await db.transaction((tx) =>
        store.insertRound(
          tx,
          {
            countyCode: [...counties][0],
            kind: input.kind,
            subject: input.subject.trim(),
            areaCode: opener.code,
            opensOn,
            closesOn: input.closesOn,
            openedBy: actor.id,
            openedAt: now,
          },
          [...grids],
        ),
      );
      return this.progress(actor, round.id);
    },

    async rounds(actor: Actor) {
      return (await store.findRounds(db, actor.scope, DISPUTES_SHOWN)).map(roundView);
    },

    /** Each covered grid in the caller's jurisdiction, grouped by village, with who has not reported yet. */
    async progress(actor: Actor, id: string) {
      const round = await getRound(db, actor, id);
      const rows = await store.roundProgress(db, actor.scope, round);
      const names = await nodeNames(db, [...new Set(rows.flatMap((r) => [r.gridCode, r.gridCode.slice(0, 12)]))]);
      const grids = rows.map((r) => ({
        gridCode: r.gridCode,
        gridName: names.get(r.gridCode)?.name ?? r.gridCode,
        villageCode: r.gridCode.slice(0, 12),
        state: r.disputes > 0 ? ('found' as const) : r.declaredNone ? ('none' as const) : ('pending' as const),
        disputes: r.disputes,
        reportedAt: r.reportedAt?.toISOString() ?? null,
      }));
      const villages = [...new Set(grids.map((g) => g.villageCode))].map((code) => {
        const of = grids.filter((g) => g.villageCode === code);
        return {
          villageCode: code,
          villageName: names.get(code)?.name ?? code,
          grids: of.length,
          reported: of.filter((g) => g.state !== 'pending').length,
          disputes: of.reduce((n, g) => n + g.disputes, 0),
        };
      });
      return { ...roundView(round), villages, grids };
    },

    /** 零报告: the grid was screened and nothing found. Refused once a dispute of the grid is recorded in the round. */
    async declareNone(actor: Actor, id: string, gridCode: string) {
      const now = clock();
      await db.transaction(async (tx) => {
        const round = await getRound(tx, actor, id);
        if (!(await gridsInScope(tx, actor.scope, [gridCode])).has(gridCode))
          throw new AppError('dispute.grid_not_found', [{ field: 'gridCode', reason: 'not_found', value: gridCode }]);
        if (!(await store.roundGrid(tx, round, gridCode)))
          throw new AppError('dispute.grid_not_in_round', [{ field: 'gridCode', reason: 'not_in_round', value: gridCode }]);
        if (chinaDate(now) > round.closesOn) throw new AppError('dispute.round_closed', [{ field: 'roundId', reason: 'closed' }]);
        const found = await store.disputesInRoundGrid(tx, round, gridCode);
        if (found > 0)
          throw new AppError('dispute.round_has_disputes', [{ field: 'gridCode', reason: 'disputes_recorded', value: String(found) }]);
        await store.markGrid(tx, round, gridCode, { declaredNone: true, reportedBy: actor.id, reportedAt: now });
      });
      return this.progress(actor, id);
    },
  };
}

/**
 * The agreements whose follow-up (回访) the caller owes — the tier that resolved them, in the units they act for — due
 * within FOLLOW_UP_SOON_DAYS or past due: the to-do's; null when no tier is theirs.
 */
export async function agreementFollowUpsOwed(db: Db, actor: Actor, now: Date) {
  const owned = ownedTiers(actor);
  if (owned.length === 0) return null;
  const today = chinaDate(now);
  const r = await store.followUpsOwedCount(db, actor.scope, owned, plusDays(today, FOLLOW_UP_SOON_DAYS), today);
  return { owed: r.owed, overdue: r.late };
}

/** Reading a county's settings: bound at, above or inside it. Changing them: bound at or above it. */
function countyFor(actor: Actor, code: string | undefined, write: boolean) {
  const county = code ?? actor.areas[0]?.code.slice(0, 6) ?? '';
  const ok = actor.areas.some(
    (a) => county.startsWith(subtreePrefix(a.code)) || (!write && a.code.length > 6 && a.code.startsWith(county)),
  );
  if (!ok || county.length !== 6) throw new AppError('dispute.invalid', [{ field: 'countyCode', reason: 'not_in_scope', value: county }]);
  return county;
}

const roundView = (r: store.RoundRow) => ({
  id: r.id,
  kind: r.kind as RoundKind,
  subject: r.subject,
  areaCode: r.areaCode,
  opensOn: r.opensOn,
  closesOn: r.closesOn,
  openedAt: r.openedAt.toISOString(),
});

export type DisputesService = ReturnType<typeof createDisputesService>;
