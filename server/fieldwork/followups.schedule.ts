/**
 * Where each tagged person's follow-up stands, read for a list, a warnings rule or the to-do: the plans of their tags,
 * their last follow-up, and who is responsible (a named follower, else the plan's role of their grid team).
 */
import { FOLLOWERS } from '../../shared/followups.ts';
import { teamAccounts, teamsOfGrids } from '../access/index.ts';
import type { Actor } from '../platform/actor.ts';
import type { Tx } from '../platform/db.ts';
import { codeInScope, type Scope } from '../platform/scope.ts';
import { nodeNames } from '../territory/index.ts';
import { effectivePlans, type Plan, plansFor, type Schedule, scheduleOf, tagKey } from './followups.core.ts';
import * as store from './followups.store.ts';

/** The roles that follow up only the people they are responsible for; any other role sees its whole jurisdiction. */
export const TEAM_ROLES: readonly string[] = FOLLOWERS;

export interface Scheduled {
  person: store.TaggedPersonRow;
  schedule: Schedule;
  responsible: { id: string; name: string }[];
  /** The named follower in force (an enabled account of a follower role), with their name; null: the grid team. */
  named: (store.AssignmentRow & { followerName: string }) | null;
  /** The grid the follow-up is made from: the named follower's, else the person's own. */
  followedFrom: string;
}

/** Each tagged person in scope with their schedule on `asOf` and the accounts responsible for following them up. */
export async function scheduled(
  tx: Tx,
  scope: Scope,
  filter: { areaPrefix?: string; personId?: string },
  asOf: Date,
): Promise<Scheduled[]> {
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

export const tagsOf = (p: { specialGroups: readonly string[]; keyPersonTags: readonly string[] }) => [
  ...p.specialGroups.map((c) => tagKey('special_group', c)),
  ...p.keyPersonTags.map((c) => tagKey('key_person', c)),
];

/** Missed first (never followed up first among them), then by due date, then by name. */
export const byUrgency = (a: Scheduled, b: Scheduled) => {
  const rank = (s: Scheduled) => (s.schedule.state === 'missed' ? (s.schedule.dueOn === null ? 0 : 1) : 2);
  return (
    rank(a) - rank(b) ||
    (a.schedule.dueOn ?? '').localeCompare(b.schedule.dueOn ?? '') ||
    a.person.name.localeCompare(b.person.name, 'zh-CN') ||
    a.person.id.localeCompare(b.person.id)
  );
};

export const planView = (p: Plan) => ({
  tagKind: p.tagKind,
  tagCode: p.tagCode,
  cadence: p.cadence,
  intervalDays: p.intervalDays,
  follower: p.follower,
});

/** The caller may name this person's follower: a village or township centre whose jurisdiction holds the person. */
export const mayAssign = (actor: Actor, p: store.TaggedPersonRow) =>
  actor.permissions.includes('followups.assign') && codeInScope(p.gridCode, actor.scope);

/** The list rows of some people as the caller sees them (masked), with what they may do. */
export async function itemViews(tx: Tx, actor: Actor, rows: Scheduled[]) {
  const names = await nodeNames(tx, [...new Set(rows.flatMap((r) => [r.person.gridCode, r.person.gridCode.slice(0, 12), r.followedFrom]))]);
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
    abilities: { assign: mayAssign(actor, p) },
  }));
}
