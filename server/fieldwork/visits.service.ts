import type { Lang } from '../../shared/i18n/errors.ts';
import type { Actor } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { PageAsked } from '../platform/paging.ts';
import type { HousesService, PeopleEdits } from '../registry/index.ts';
import {
  asHouseField,
  changeList,
  correctedHouse,
  correctsHouse,
  type HouseCorrections,
  planVisit,
  type ResidentMark,
  VISIT_ROUND_DAYS,
  visitRoundStart,
} from './visits.core.ts';
import * as store from './visits.store.ts';

export interface VisitInput {
  /** The house version the form was filled from. */
  version: number;
  residents: ResidentMark[];
  house?: HouseCorrections;
  note?: string | null;
}

/** A visit that is also a tagged person's follow-up: who, and the tags followed up (`special_group:03`). */
export interface FollowUpOfVisit {
  personId: string;
  tags: readonly string[];
}

/** A house shows this many of its latest visits. */
export const VISITS_SHOWN = 100;

const visitView = (v: store.VisitRow) => ({
  id: v.id,
  at: v.at.toISOString(),
  actorName: v.actorName,
  confirmed: v.confirmed,
  movedOut: v.movedOut,
  changes: v.changes,
  note: v.note,
});

/**
 * 走访 (collect once): the form filled from the base data; the worker confirms or corrects; the corrections go to the
 * house and people through their own edit paths, and the visit keeps who, when, and what changed.
 */
export function createVisitsService({ db, clock, houses, people }: { db: Db; clock: Clock; houses: HousesService; people: PeopleEdits }) {
  return {
    /** The form: the house facts a worker checks (identifiers masked) and who lives there now. */
    async form(actor: Actor, code: string) {
      const h = await houses.getStored(db, actor, code);
      const residents = await people.residents(db, h);
      return {
        house: {
          code: h.code,
          address: h.address,
          gridCode: h.gridCode,
          use: h.use,
          rented: h.rented,
          rentalUse: h.rentalUse,
          rentalCategory: h.rentalCategory,
          rentalLevel: h.rentalLevel,
          ownerName: h.ownerName,
          ownerIdNumber: h.ownerIdMasked,
          ownerPhone: h.ownerPhoneMasked,
          verifiedAt: h.verifiedAt?.toISOString() ?? null,
          version: h.version,
        },
        residents: residents.map(({ person: p, relation, movedIn }) => ({
          personId: p.id,
          name: p.name,
          idNumber: p.idNumberMasked,
          phone: p.phoneMasked,
          relation,
          residentType: p.residentType,
          movedIn,
        })),
      };
    },

    /**
     * One transaction: the marks checked, the house corrected (or confirmed) on the version seen, each resident
     * confirmed or moved out (phone corrected), and the visit recorded. Any problem refuses the whole visit.
     */
    async record(actor: Actor, code: string, input: VisitInput, lang: Lang) {
      return db.transaction((tx) => this.recordIn(tx, actor, code, input, lang));
    },

    /**
     * The visit inside the caller's transaction; `followUp` makes it also the follow-up of a tagged person living
     * there (followups.service.ts), kept on the same visit row.
     */
    async recordIn(tx: Tx, actor: Actor, code: string, input: VisitInput, lang: Lang, followUp?: FollowUpOfVisit) {
      const at = clock();
      const h = await houses.getStored(tx, actor, code);
      const residents = await people.residents(tx, h);
      const { problems, plan } = planVisit(
        residents.map((r) => ({ id: r.person.id, name: r.person.name })),
        input.residents,
        lang,
      );
      let houseChanged: string[] = [];
      if (input.house && correctsHouse(h, input.house)) {
        try {
          houseChanged = await houses.updateIn(tx, actor, h.code, { ...correctedHouse(h, input.house), version: input.version }, lang);
        } catch (err) {
          if (!(err instanceof AppError && err.code === 'registry.record_invalid')) throw err;
          problems.push(...err.details.map(asHouseField));
        }
      }
      if (problems.length) throw new AppError('registry.record_invalid', problems);
      // An edit verifies the house as it writes it; otherwise the visit confirms it as it stands.
      if (houseChanged.length === 0) await houses.verifyIn(tx, actor, h.code, input.version);
      const changedPeople = [];
      for (const { person } of residents) {
        const mark = plan.get(person.id)!;
        const fields = await people.update(
          tx,
          actor,
          person,
          { phone: mark.phone, movedOutOf: mark.status === 'movedOut' ? h.code : undefined, verified: mark.status === 'present' },
          at,
        );
        changedPeople.push({ name: person.name, fields });
      }
      const marks = [...plan.values()];
      const visit = await store.insertVisit(tx, {
        countyCode: h.countyCode,
        houseCode: h.code,
        at,
        actorId: actor.id,
        actorName: actor.displayName,
        confirmed: marks.filter((m) => m.status === 'present').length,
        movedOut: marks.filter((m) => m.status === 'movedOut').length,
        changes: changeList(houseChanged, changedPeople),
        note: input.note?.trim() || null,
        personId: followUp?.personId ?? null,
        followedTags: followUp ? [...followUp.tags] : null,
      });
      return visitView(visit);
    },

    /** The houses in the caller's jurisdiction not visited this round, never visited first. */
    async due(actor: Actor, page: PageAsked) {
      const { rows, total } = await store.dueHouses(db, actor.scope, visitRoundStart(clock()), page);
      return {
        roundDays: VISIT_ROUND_DAYS,
        total,
        items: rows.map((r) => ({ ...r, lastVisitAt: r.lastVisitAt?.toISOString() ?? null })),
      };
    },

    /** A house's visits, newest first; a house outside the caller's jurisdiction is not found. */
    async find(actor: Actor, code: string) {
      const h = await houses.getStored(db, actor, code);
      return (await store.visitsOfHouse(db, h.countyCode, h.code, VISITS_SHOWN)).map(visitView);
    },
  };
}

export type VisitsService = ReturnType<typeof createVisitsService>;
