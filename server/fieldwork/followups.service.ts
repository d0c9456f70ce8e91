import { FOLLOWERS, type TagKind } from '../../shared/followups.ts';
import type { Lang } from '../../shared/i18n/errors.ts';
import { REASON } from '../../shared/limits.ts';
import { teamAccounts, teamsOfGrids } from '../access/index.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { codeInScope, type Scope } from '../platform/scope.ts';
import { nodeNames } from '../territory/index.ts';
import { checkPlan, effectivePlans, type Plan, plansFor, type Schedule, scheduleOf, tagKey } from './followups.core.ts';
import * as store from './followups.store.ts';
import type { VisitInput, VisitsService } from './visits.service.ts';

/** A county's plan for one tag as sent, checked by checkPlan. */
export interface PlanInput {
  county?: string;
  tagKind: TagKind;
  tagCode: string;
  cadence: string;
  intervalDays?: number | null;
  follower: string;
  version: number;
}

/** The roles that follow up only the people they are responsible for; any other role sees its whole jurisdiction. */
const TEAM_ROLES: readonly string[] = FOLLOWERS;

interface Scheduled {
  person: store.TaggedPersonRow;
  schedule: Schedule;
  responsible: { id: string; name: string }[];
  /** The named follower in force (an enabled account of a follower role), with their name; null: the grid team. */
  named: (store.AssignmentRow & { followerName: string }) | null;
  /** The grid the follow-up is made from: the named follower's, else the person's own. */
  followedFrom: string;
}

/**
 * Told when a person's follow-up moves to another grid (a follower named or taken back), inside that transaction:
 * the missed_visits warnings still open on them move to the units of that grid (disputes, handed in by app.ts).
 */
export type FollowerMoved = (
  tx: Tx,
  move: { countyCode: string; personId: string; gridCode: string },
) => Promise<{ warningId: string; from: string; to: string }[]>;

/** Each tagged person in scope with their schedule on `asOf` and the accounts responsible for following them up. */
async function scheduled(tx: Tx, scope: Scope, filter: { areaPrefix?: string; personId?: string }, asOf: Date): Promise<Scheduled[]> {
  const people = await store.taggedPeople(tx, scope, filter);
  if (people.length === 0) return [];
  const own = await store.plansOfCounties(
    tx,
    people.map((p) => p.countyCode),
  );
  const plans = new Map<string, Plan[]>();
  const plansOfCounty = (county: string) => {
    if (!plans.has(county)) plans.set(county, effectivePlans(own.filter((r) => r.countyCode === county).map(store.planOf)));
    return plans.get(county)!;
  };
  const teams = await teamsOfGrids(
    tx,
    people.map((p) => p.gridCode),
    FOLLOWERS,
  );
  const followers = new Map(
    (await teamAccounts(tx, { ids: people.flatMap((p) => (p.assignment ? [p.assignment.followerId] : [])) }, FOLLOWERS)).map((a) => [
      a.id,
      a,
    ]),
  );
  return people.map((person) => {
    const schedule = scheduleOf(plansFor(person, plansOfCounty(person.countyCode)), person.lastAt, asOf);
    // A named follower whose account was disabled or lost its role gives the person back to the grid team.
    const follower = person.assignment ? followers.get(person.assignment.followerId) : undefined;
    if (person.assignment && follower)
      return {
        person,
        schedule,
        responsible: [{ id: follower.id, name: follower.name }],
        named: { ...person.assignment, followerName: follower.name },
        followedFrom: person.assignment.gridCode,
      };
    const responsible = teams
      .filter((m) => m.gridCode === person.gridCode && m.roles.includes(schedule.plan.follower))
      .map((m) => ({ id: m.id, name: m.name }));
    return { person, schedule, responsible, named: null, followedFrom: person.gridCode };
  });
}

/**
 * The tagged people in scope whose follow-up is missed on `asOf` (past due, or never followed up), for a warnings
 * rule. A system read: whoever shows the result to a user writes the audit row of that read. `gridCode` is the grid
 * the follow-up is made from (a named follower's, else the person's), whose village and township must act.
 */
export async function missedFollowUps(tx: Tx, scope: Scope, asOf: Date) {
  return (await scheduled(tx, scope, {}, asOf))
    .filter((s) => s.schedule.state === 'missed')
    .map(({ person: p, schedule: s, responsible, followedFrom }) => ({
      personId: p.id,
      countyCode: p.countyCode,
      gridCode: followedFrom,
      tags: tagsOf(p),
      lastOn: s.lastOn,
      dueOn: s.dueOn,
      daysOverdue: s.daysOverdue,
      responsible: responsible.map((r) => r.id),
    }));
}

/**
 * How many of the people `actor` follows up are missed or due soon on `asOf`: work in their to-do, gone once the
 * follow-up is recorded. Numbers only, no person shown, so no audit row; null for an account that follows up no one.
 */
export async function followUpsDueOf(tx: Tx, actor: Actor, asOf: Date): Promise<{ missed: number; dueSoon: number } | null> {
  if (!actor.permissions.includes('followups.visit')) return null;
  const mine = (await scheduled(tx, actor.scope, {}, asOf)).filter((s) => s.responsible.some((r) => r.id === actor.id));
  return {
    missed: mine.filter((s) => s.schedule.state === 'missed').length,
    dueSoon: mine.filter((s) => s.schedule.state === 'due_soon').length,
  };
}

const tagsOf = (p: { specialGroups: readonly string[]; keyPersonTags: readonly string[] }) => [
  ...p.specialGroups.map((c) => tagKey('special_group', c)),
  ...p.keyPersonTags.map((c) => tagKey('key_person', c)),
];

/** Missed first (never followed up first among them), then by due date, then by name. */
const byUrgency = (a: Scheduled, b: Scheduled) => {
  const rank = (s: Scheduled) => (s.schedule.state === 'missed' ? (s.schedule.dueOn === null ? 0 : 1) : 2);
  return (
    rank(a) - rank(b) ||
    (a.schedule.dueOn ?? '').localeCompare(b.schedule.dueOn ?? '') ||
    a.person.name.localeCompare(b.person.name, 'zh-CN') ||
    a.person.id.localeCompare(b.person.id)
  );
};

const planView = (p: Plan) => ({
  tagKind: p.tagKind,
  tagCode: p.tagCode,
  cadence: p.cadence,
  intervalDays: p.intervalDays,
  follower: p.follower,
});

/**
 * 随访: key persons and special groups followed up by the grid team, on the county's plan per tag; a follow-up is a
 * house visit of the person's house (visits.service.ts) that also names the person. Every read of a tagged person's
 * schedule writes an audit row; only the person's responsible follower may record one.
 */
export function createFollowUpsService({
  db,
  clock,
  visits,
  followerMoved,
}: {
  db: Db;
  clock: Clock;
  visits: VisitsService;
  followerMoved: FollowerMoved;
}) {
  /** The caller may name this person's follower: a village or township centre whose jurisdiction holds the person. */
  const assigns = (actor: Actor, p: store.TaggedPersonRow) =>
    actor.permissions.includes('followups.assign') && codeInScope(p.gridCode, actor.scope);

  async function itemViews(tx: Tx, actor: Actor, rows: Scheduled[]) {
    const names = await nodeNames(tx, [
      ...new Set(rows.flatMap((r) => [r.person.gridCode, r.person.gridCode.slice(0, 12), r.followedFrom])),
    ]);
    return rows.map(({ person: p, schedule: s, responsible, named }) => ({
      personId: p.id,
      name: p.name,
      idNumber: p.idNumberMasked,
      phone: p.phoneMasked,
      gridCode: p.gridCode,
      gridName: names.get(p.gridCode)?.name ?? null,
      villageName: names.get(p.gridCode.slice(0, 12))?.name ?? null,
      houseCode: p.houseCode,
      address: p.address,
      specialGroups: p.specialGroups,
      keyPersonTags: p.keyPersonTags,
      plan: planView(s.plan),
      lastOn: s.lastOn,
      dueOn: s.dueOn,
      state: s.state,
      daysOverdue: s.daysOverdue,
      responsible,
      mine: responsible.some((r) => r.id === actor.id),
      assignment: named && {
        followerId: named.followerId,
        followerName: named.followerName,
        gridCode: named.gridCode,
        gridName: names.get(named.gridCode)?.name ?? null,
        reason: named.reason,
        assignedByName: named.assignedByName,
        assignedAt: named.assignedAt.toISOString(),
      },
      assignmentVersion: p.assignmentVersion,
      abilities: { assign: assigns(actor, p) },
    }));
  }

  /**
   * Who visits: a named follower from another grid visits the person's house under that grid too, for this follow-up
   * only (the assignment is the village's or township's decision, audited).
   */
  const visitorOf = (actor: Actor, one: Scheduled): Actor =>
    one.named?.followerId === actor.id && !codeInScope(one.person.gridCode, actor.scope)
      ? { ...actor, scope: { ...actor.scope, prefixes: [...actor.scope.prefixes, one.person.gridCode] } }
      : actor;

  /** The person as the caller may name their follower: in scope and the caller a centre of their village or township. */
  async function assignable(tx: Tx, actor: Actor, personId: string) {
    const [one] = await scheduled(tx, actor.scope, { personId }, clock());
    if (!one) throw new AppError('followup.not_found', [{ field: 'personId', reason: 'not_found', value: personId }]);
    if (!assigns(actor, one.person))
      throw new AppError('followup.not_assigner', [{ field: 'personId', reason: 'outside_your_area', value: personId }]);
    return one;
  }

  /** The accounts of a follower role bound to grids of the caller's jurisdiction in the person's county. */
  async function candidates(tx: Tx, actor: Actor, countyCode: string) {
    const prefixes = actor.scope.prefixes.filter((p) => p.startsWith(countyCode));
    return (await teamAccounts(tx, { prefixes }, FOLLOWERS)).map((a) => ({
      ...a,
      areaCodes: a.areaCodes.filter((c) => codeInScope(c, actor.scope)),
    }));
  }

  const checkReason = (reason: string | undefined) => {
    const r = (reason ?? '').trim();
    return r.length < REASON.min || r.length > REASON.max
      ? [{ field: 'reason', reason: r.length === 0 ? 'required' : 'length', value: String(r.length) }]
      : [];
  };

  /** Writes the assignment (or takes it back), audits it and moves the open warnings, in one transaction. */
  async function putAssignment(actor: Actor, personId: string, input: { followerId: string | null; reason: string; version: number }) {
    return db.transaction(async (tx) => {
      const one = await assignable(tx, actor, personId);
      const problems = checkReason(input.reason);
      let gridCode: string | null = null;
      if (input.followerId === null && !one.person.assignment)
        problems.push({ field: 'followerId', reason: 'none_named', value: personId });
      if (input.followerId !== null) {
        const follower = (await candidates(tx, actor, one.person.countyCode)).find((c) => c.id === input.followerId);
        if (!follower) problems.push({ field: 'followerId', reason: 'not_a_follower_here', value: input.followerId });
        else gridCode = follower.areaCodes.includes(one.person.gridCode) ? one.person.gridCode : follower.areaCodes[0];
      }
      if (problems.length) throw new AppError('followup.assignment_invalid', problems);
      if (one.person.assignmentVersion !== input.version)
        throw new AppError('registry.record_changed', [{ field: 'version', reason: 'stale', value: String(one.person.assignmentVersion) }]);
      const now = clock();
      const key = { countyCode: one.person.countyCode, personId };
      const saved = await store.putAssignment(tx, key, input.version, {
        followerId: input.followerId,
        gridCode,
        reason: input.reason.trim(),
        assignedBy: actor.id,
        assignedByName: actor.displayName,
        assignedAt: now,
      });
      if (!saved) throw new AppError('registry.record_changed', [{ field: 'version', reason: 'stale', value: String(input.version) }]);
      const warningsMoved = await followerMoved(tx, { ...key, gridCode: gridCode ?? one.person.gridCode });
      const [after] = await scheduled(tx, actor.scope, { personId }, now);
      const [item] = await itemViews(tx, actor, [after]);
      await recordAudit(tx, {
        at: now,
        actorId: actor.id,
        action: input.followerId ? 'followup.assigned' : 'followup.assignment_removed',
        target: personId,
        detail: {
          followerId: input.followerId,
          before: one.named?.followerId ?? null,
          gridCode,
          reason: input.reason.trim(),
          warningsMoved,
        },
      });
      return item;
    });
  }

  /** The county whose plans the caller reads or sets: the one named, or the one county of their jurisdiction. */
  function countyOfCaller(actor: Actor, county: string | undefined, forEdit: boolean): string {
    const counties = [...new Set(actor.scope.prefixes.filter((p) => p.length >= 6).map((p) => p.slice(0, 6)))];
    const code = county ?? (counties.length === 1 ? counties[0] : undefined);
    if (!code) throw new AppError('followup.county_required', [{ field: 'county', reason: 'required' }]);
    // Reading: a county one's jurisdiction lies in or covers; setting: a county one's jurisdiction covers whole.
    const visible = actor.scope.prefixes.some((p) => code.startsWith(p) || (!forEdit && p.startsWith(code)));
    if (!visible) throw new AppError('followup.not_found', [{ field: 'county', reason: 'not_in_scope', value: code }]);
    return code;
  }

  return {
    /** Whom a village or township centre may name as this person's follower: the grid team accounts under it (audited). */
    async followers(actor: Actor, personId: string) {
      return db.transaction(async (tx) => {
        const one = await assignable(tx, actor, personId);
        const accounts = await candidates(tx, actor, one.person.countyCode);
        const names = await nodeNames(tx, [...new Set(accounts.flatMap((a) => a.areaCodes))]);
        await recordAudit(tx, { at: clock(), actorId: actor.id, action: 'followup.read', target: personId, detail: { followers: true } });
        return {
          items: accounts.map((a) => ({
            id: a.id,
            name: a.name,
            roles: a.roles.filter((r) => (FOLLOWERS as readonly string[]).includes(r)),
            areas: a.areaCodes.map((code) => ({ code, name: names.get(code)?.name ?? null })),
            ofPersonGrid: a.areaCodes.includes(one.person.gridCode),
          })),
        };
      });
    },

    /** Names a person's follower over the grid team, with a reason, on the assignment's version (0: none yet). */
    async assign(actor: Actor, personId: string, input: { followerId: string; reason: string; version: number }) {
      return putAssignment(actor, personId, input);
    },

    /** Gives the person back to the plan's role of their grid team, with a reason. */
    async unassign(actor: Actor, personId: string, input: { reason: string; version: number }) {
      return putAssignment(actor, personId, { followerId: null, ...input });
    },

    /** The county's plan per tag: its own where it set one, the default otherwise. */
    async plans(actor: Actor, county?: string) {
      const countyCode = countyOfCaller(actor, county, false);
      const own = await store.plansOfCounties(db, [countyCode]);
      const rowOf = (p: Plan) => own.find((r) => r.tagKind === p.tagKind && r.tagCode === p.tagCode);
      return {
        countyCode,
        items: effectivePlans(own.map(store.planOf)).map((p) => {
          const row = rowOf(p);
          return { ...planView(p), own: row !== undefined, version: row?.version ?? 0, updatedAt: row?.updatedAt.toISOString() ?? null };
        }),
      };
    },

    /** Sets one tag's plan of a county on the version read (0: the default, no plan of its own yet). */
    async setPlan(actor: Actor, input: PlanInput) {
      const countyCode = countyOfCaller(actor, input.county, true);
      const problems = checkPlan(input);
      if (problems.length) throw new AppError('followup.plan_invalid', problems);
      const now = clock();
      const values = {
        cadence: input.cadence,
        intervalDays: input.cadence === 'days' ? (input.intervalDays ?? null) : null,
        follower: input.follower,
        updatedBy: actor.id,
        updatedAt: now,
      };
      const stale = (version: number) =>
        new AppError('registry.record_changed', [{ field: 'version', reason: 'stale', value: String(version) }]);
      await db.transaction(async (tx) => {
        const before = await store.getPlan(tx, countyCode, input.tagKind, input.tagCode);
        if ((before?.version ?? 0) !== input.version) throw stale(before?.version ?? 0);
        if (before) {
          if (!(await store.updatePlan(tx, before, { ...values, version: before.version + 1 }))) throw stale(before.version);
        } else await store.insertPlan(tx, { countyCode, tagKind: input.tagKind, tagCode: input.tagCode, ...values, version: 1 });
        await recordAudit(tx, {
          at: now,
          actorId: actor.id,
          action: 'followup.plan_changed',
          target: countyCode,
          detail: {
            tag: tagKey(input.tagKind, input.tagCode),
            cadence: values.cadence,
            intervalDays: values.intervalDays,
            follower: values.follower,
          },
        });
      });
      return this.plans(actor, countyCode);
    },

    /**
     * The tagged people of the caller's jurisdiction with their schedules, the most urgent first: for the grid team,
     * only those they follow up (跟进). `missed` keeps the missed ones (the village's and township's view).
     */
    async list(actor: Actor, filter: { missed?: boolean; area?: string }, limit: number) {
      const now = clock();
      const teamOnly = actor.roles.every((r) => TEAM_ROLES.includes(r));
      return db.transaction(async (tx) => {
        const all = (await scheduled(tx, actor.scope, { areaPrefix: filter.area }, now))
          .filter((s) => !teamOnly || s.responsible.some((r) => r.id === actor.id))
          .sort(byUrgency);
        const missed = all.filter((s) => s.schedule.state === 'missed').length;
        const shown = (filter.missed ? all.filter((s) => s.schedule.state === 'missed') : all).slice(0, limit);
        const items = await itemViews(tx, actor, shown);
        if (items.length)
          await recordAudit(tx, {
            at: now,
            actorId: actor.id,
            action: 'followup.listed',
            target: filter.area ?? null,
            detail: { personIds: items.map((i) => i.personId), missedOnly: filter.missed === true },
          });
        return { total: all.length, missed, items };
      });
    },

    /** One tagged person's schedule and the visit form of the house they live in (null when they have none on record). */
    async form(actor: Actor, personId: string) {
      const now = clock();
      const [one] = await scheduled(db, actor.scope, { personId }, now);
      if (!one) throw new AppError('followup.not_found', [{ field: 'personId', reason: 'not_found', value: personId }]);
      const [item] = await itemViews(db, actor, [one]);
      const visit = one.person.houseCode ? await visits.form(visitorOf(actor, one), one.person.houseCode) : null;
      await recordAudit(db, {
        at: now,
        actorId: actor.id,
        action: 'followup.read',
        target: personId,
        detail: { tags: tagsOf(one.person) },
      });
      return { followUp: item, visit };
    },

    /**
     * A follow-up: the house visit of the person's house (the same form, checks and corrections as any visit), kept as
     * their follow-up, in one transaction. Only a responsible follower may record it.
     */
    async record(actor: Actor, personId: string, input: VisitInput, lang: Lang) {
      return db.transaction(async (tx) => {
        const [one] = await scheduled(tx, actor.scope, { personId }, clock());
        if (!one) throw new AppError('followup.not_found', [{ field: 'personId', reason: 'not_found', value: personId }]);
        if (!one.responsible.some((r) => r.id === actor.id))
          throw new AppError('followup.not_responsible', [
            one.named
              ? { field: 'personId', reason: 'responsible_is_named', value: one.named.followerName }
              : { field: 'personId', reason: `responsible_is_${one.schedule.plan.follower}`, value: one.schedule.plan.follower },
          ]);
        if (!one.person.houseCode)
          throw new AppError('followup.no_house', [{ field: 'personId', reason: 'no_current_house', value: personId }]);
        const tags = tagsOf(one.person);
        const visit = await visits.recordIn(tx, visitorOf(actor, one), one.person.houseCode, input, lang, { personId, tags });
        const [after] = await scheduled(tx, actor.scope, { personId }, clock());
        const [item] = await itemViews(tx, actor, [after]);
        await recordAudit(tx, {
          at: clock(),
          actorId: actor.id,
          action: 'followup.recorded',
          target: personId,
          detail: { visitId: visit.id, tags },
        });
        return { visit, followUp: item };
      });
    },
  };
}

export type FollowUpsService = ReturnType<typeof createFollowUpsService>;
