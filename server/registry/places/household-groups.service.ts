import crypto from 'node:crypto';
import { countyOf, subtreePrefix } from '../../../shared/codes.ts';
import type { ErrorDetail } from '../../../shared/errors.ts';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { importMessage } from '../../../shared/i18n/import.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { PageAsked } from '../../platform/paging.ts';
import { gridsInScope } from '../../territory/index.ts';
import { withAreaName, withAreaNames } from '../records/area-names.ts';
import { same } from '../records/record-apply.ts';
import { stampOf } from '../records/record-lifecycle.core.ts';
import { createRecordLifecycle } from '../records/record-lifecycle.ts';
import { housesByCode, insertChanges } from '../records/records.store.ts';
import * as store from './places.store.ts';

/** 十户联防 is "about ten" households: a group of one is no group, and past this it is two groups. */
export const GROUP_MIN_HOUSES = 2;
export const GROUP_MAX_HOUSES = 15;

export interface GroupInput {
  name: string;
  houseCodes: string[];
  /** The lead household (联防户长); one of the member houses. */
  leadHouseCode?: string | null;
}

interface GroupFacts {
  name: string;
  gridCode: string;
  leadHouseCode: string | null;
  houseCodes: string[];
}

export const groupView = (g: GroupFacts) => ({
  name: g.name,
  gridCode: g.gridCode,
  leadHouseCode: g.leadHouseCode,
  houseCodes: [...g.houseCodes].sort(),
});

export function createHouseholdGroupsService({ db, clock }: { db: Db; clock: Clock }) {
  const view = (g: store.GroupRow, members: number) => ({
    id: g.id,
    name: g.name,
    gridCode: g.gridCode,
    leadHouseCode: g.leadHouseCode,
    members,
    verifiedAt: g.verifiedAt?.toISOString() ?? null,
    version: g.version,
    updatedAt: g.updatedAt.toISOString(),
  });

  /**
   * Every problem with the member list at once, each naming its field and the house: unknown or out of the
   * caller's jurisdiction, outside the group's grid, already in another group, too few or too many, a lead
   * household that is not a member.
   */
  async function check(tx: Tx, actor: Actor, gridCode: string, input: GroupInput, groupId: string | null, lang: Lang): Promise<GroupFacts> {
    const details: ErrorDetail[] = [];
    const problem = (field: string, reason: string, value?: string, limit?: number) =>
      details.push({ field, reason, message: importMessage(reason, lang, { value, limit }), ...(value ? { value } : {}) });
    const name = input.name.trim();
    if (!name) problem('name', 'field.required');
    const codes = [...new Set(input.houseCodes.map((c) => c.trim()).filter(Boolean))];
    if (codes.length > GROUP_MAX_HOUSES) problem('houseCodes', 'group.too_many', String(codes.length), GROUP_MAX_HOUSES);
    if (codes.length < GROUP_MIN_HOUSES) problem('houseCodes', 'group.too_few', String(codes.length), GROUP_MIN_HOUSES);
    const houses = new Map((await housesByCode(tx, actor.scope, codes)).map((h) => [h.code, h]));
    const taken = await store.groupsOfHouses(tx, countyOf(gridCode), codes);
    for (const code of codes) {
      const h = houses.get(code);
      if (!h) problem('houseCodes', 'house.not_found', code);
      else if (h.gridCode !== gridCode) problem('houseCodes', 'group.house_outside_grid', code);
      else if (taken.has(code) && taken.get(code) !== groupId) problem('houseCodes', 'group.house_taken', code);
    }
    const lead = input.leadHouseCode?.trim() || null;
    if (lead && !codes.includes(lead)) problem('leadHouseCode', 'group.lead_not_member', lead);
    if (details.length) throw new AppError('registry.record_invalid', details);
    return { name, gridCode, leadHouseCode: lead, houseCodes: codes };
  }

  const records = createRecordLifecycle<store.GroupRow>(
    {
      type: 'household_group',
      notFound: 'registry.group_not_found',
      find: store.getGroup,
      keyOf: (g) => g.id,
      restamp: store.updateGroup,
    },
    { db, clock },
  );
  const factsOf = async (tx: Tx, g: store.GroupRow): Promise<GroupFacts> => ({
    name: g.name,
    gridCode: g.gridCode,
    leadHouseCode: g.leadHouseCode,
    houseCodes: (await store.groupMembers(tx, g)).map((m) => m.houseCode),
  });

  return {
    async find(actor: Actor, filter: { gridCode?: string; area?: string }, page: PageAsked) {
      const terms = { gridCode: filter.gridCode, areaPrefix: filter.area ? subtreePrefix(filter.area) : undefined };
      const [rows, total] = await Promise.all([store.listGroups(db, actor.scope, terms, page), store.countGroups(db, actor.scope, terms)]);
      return {
        items: await withAreaNames(
          db,
          rows.map((r) => view(r.g, r.members)),
        ),
        total,
      };
    },

    /** A group with its member houses, the people living in each, who verified it, and its history. */
    async get(actor: Actor, id: string) {
      const g = await records.get(db, actor, id);
      const members = await store.groupMembers(db, g);
      return {
        ...(await withAreaName(db, view(g, members.length))),
        houses: members.map((m) => ({ ...m, lead: m.houseCode === g.leadHouseCode })),
        residents: members.reduce((n, m) => n + m.residents, 0),
        ...(await records.history(g)),
      };
    },

    async create(actor: Actor, input: GroupInput & { gridCode: string }, lang: Lang) {
      const grids = await gridsInScope(db, actor.scope, [input.gridCode]);
      if (!grids.has(input.gridCode)) {
        throw new AppError('registry.record_invalid', [
          {
            field: 'gridCode',
            reason: 'grid.not_found',
            message: importMessage('grid.not_found', lang, { value: input.gridCode }),
            value: input.gridCode,
          },
        ]);
      }
      const now = clock();
      const id = crypto.randomUUID();
      await db.transaction(async (tx) => {
        const facts = await check(tx, actor, input.gridCode, input, null, lang);
        const g = {
          countyCode: countyOf(facts.gridCode),
          id,
          name: facts.name,
          gridCode: facts.gridCode,
          leadHouseCode: facts.leadHouseCode,
          ...stampOf({ actorId: actor.id, now, version: 1 }),
        };
        await store.insertGroups(tx, [g]);
        await store.replaceMembers(tx, g, facts.houseCodes);
        await insertChanges(tx, [records.change(g, actor.id, now, null, groupView(facts))]);
      });
      return this.get(actor, id);
    },

    /** Renames, changes the members or the lead household; the grid stays (a group of another grid is another group). */
    async update(actor: Actor, id: string, input: GroupInput & { version: number }, lang: Lang) {
      const now = clock();
      await db.transaction(async (tx) => {
        const before = await records.get(tx, actor, id);
        records.assertVersion(before, input.version);
        const facts = await check(tx, actor, before.gridCode, input, before.id, lang);
        const old = await factsOf(tx, before);
        if (same(groupView(old), groupView(facts))) return;
        await store.updateGroup(tx, before, {
          name: facts.name,
          leadHouseCode: facts.leadHouseCode,
          ...stampOf({ actorId: actor.id, now, version: before.version + 1 }),
        });
        await store.replaceMembers(tx, before, facts.houseCodes);
        await insertChanges(tx, [records.change(before, actor.id, now, groupView(old), groupView(facts))]);
      });
      return this.get(actor, id);
    },

    /**
     * Disbands a group on the version it was read at; its houses are free to join another. The history keeps
     * who did it, when, and the group as it was (an entry with nothing after).
     */
    async remove(actor: Actor, id: string, version: number) {
      const now = clock();
      await db.transaction(async (tx) => {
        const g = await records.get(tx, actor, id);
        records.assertVersion(g, version);
        const old = await factsOf(tx, g);
        await store.deleteGroup(tx, g);
        await insertChanges(tx, [records.change(g, actor.id, now, groupView(old), null)]);
      });
    },

    async verify(actor: Actor, id: string, version: number) {
      await records.verify(actor, id, version);
      return this.get(actor, id);
    },
  };
}

export type HouseholdGroupsService = ReturnType<typeof createHouseholdGroupsService>;
