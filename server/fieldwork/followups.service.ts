import type { TagKind } from '../../shared/followups.ts';
import type { Lang } from '../../shared/i18n/errors.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { PageAsked } from '../platform/paging.ts';
import { codeInScope } from '../platform/scope.ts';
import { createFollowUpAssignments, type FollowerMoved } from './follow-up-assignment.service.ts';
import { checkPlan, effectivePlans, type Plan, tagKey } from './followups.core.ts';
import { byUrgency, itemViews, planView, type Scheduled, scheduled, TEAM_ROLES, tagsOf } from './followups.schedule.ts';
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
  /**
   * Who visits: a named follower from another grid visits the person's house under that grid too, for this follow-up
   * only (the assignment is the village's or township's decision, audited).
   */
  const visitorOf = (actor: Actor, one: Scheduled): Actor =>
    one.named?.followerId === actor.id && !codeInScope(one.person.gridCode, actor.scope)
      ? { ...actor, scope: { ...actor.scope, prefixes: [...actor.scope.prefixes, one.person.gridCode] } }
      : actor;

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
    ...createFollowUpAssignments({ db, clock, followerMoved }),

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
     * only those they follow up (跟进). `missed` keeps the missed ones (the village's and township's view). Each
     * person's state comes from their plans and last follow-up, so the list is ordered and paged here, not in SQL;
     * only the page's people are named and audited.
     */
    async find(actor: Actor, filter: { missed?: boolean; area?: string }, page: PageAsked) {
      const now = clock();
      const teamOnly = actor.roles.every((r) => TEAM_ROLES.includes(r));
      return db.transaction(async (tx) => {
        const all = (await scheduled(tx, actor.scope, { areaPrefix: filter.area }, now))
          .filter((s) => !teamOnly || s.responsible.some((r) => r.id === actor.id))
          .sort(byUrgency);
        const missed = all.filter((s) => s.schedule.state === 'missed').length;
        const listed = filter.missed ? all.filter((s) => s.schedule.state === 'missed') : all;
        const shown = listed.slice(page.offset, page.offset + page.limit);
        const items = await itemViews(tx, actor, shown);
        if (items.length)
          await recordAudit(tx, {
            at: now,
            actorId: actor.id,
            action: 'followup.listed',
            target: filter.area ?? null,
            detail: { personIds: items.map((i) => i.personId), missedOnly: filter.missed === true },
          });
        return { people: all.length, missed, total: listed.length, items };
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
