import { chinaDate } from '../../../shared/china-time.ts';
import { maskPhone } from '../../../shared/masking.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { forHistory, type personFacts, personView, seal } from '../records/record-apply.ts';
import * as store from '../records/records.store.ts';

export interface PersonChange {
  /** The person's own facts as the person template accepted them (the person form's edit). */
  facts?: ReturnType<typeof personFacts>;
  /** A corrected phone, already checked (null clears it); left out, the phone on record stays. */
  phone?: string | null;
  /** The house the person no longer lives in: the residence there ends on `on`. */
  movedOutOf?: string;
  /** A house of the person's county they now live in, from `on`: their grid becomes the house's. */
  movedInto?: { code: string; gridCode: string; relation: string | null };
  /** The day of a move: the China date of `at` unless given. */
  on?: string;
  /** Confirmed on site: verified by the actor, at `at`. */
  verified?: boolean;
}

/** A sealed value is compared by its hash and shown masked: both name the one field. */
const fieldOf = (key: string) => key.replace(/(Hash|Masked)$/, '');

/**
 * People on record changed in place inside a caller's transaction (a field visit's corrections, the person form's
 * edit, move and move-out), written like an import's update: the phone sealed, the residence ended or begun, the
 * version raised, one history entry (with the house lived in, as an import's move keeps it) when a fact changed.
 */
export function createPeopleEdits({ fieldCrypto }: { fieldCrypto: FieldCrypto }) {
  return {
    /** Who lives in a house now, each with their record and residence. */
    residents: (tx: Tx, house: { countyCode: string; code: string }) => store.residentRecords(tx, house.countyCode, house.code),

    /** Answers the fields that changed ('phone', 'houseCode', 'name', …). */
    async update(tx: Tx, actor: Actor, before: store.PersonRow, change: PersonChange, at: Date): Promise<string[]> {
      const phone = change.phone === undefined ? null : seal(fieldCrypto, change.phone, maskPhone);
      const row: store.PersonRow = {
        ...before,
        ...change.facts,
        ...(phone ? { phoneEnc: phone.enc, phoneHash: phone.hash, phoneMasked: phone.masked } : {}),
        ...(change.movedInto ? { gridCode: change.movedInto.gridCode } : {}),
        ...(change.verified ? { verifiedBy: actor.id, verifiedAt: at } : {}),
        version: before.version + 1,
        updatedAt: at,
      };
      const moving = change.movedOutOf !== undefined || change.movedInto !== undefined;
      const was: Record<string, unknown> = { ...personView(before), ...(moving ? { houseCode: change.movedOutOf ?? null } : {}) };
      const is: Record<string, unknown> = { ...personView(row), ...(moving ? { houseCode: change.movedInto?.code ?? null } : {}) };
      const changed = [
        ...new Set(
          Object.keys(is)
            .filter((k) => JSON.stringify(was[k]) !== JSON.stringify(is[k]))
            .map(fieldOf),
        ),
      ];
      if (changed.length === 0 && !change.verified) return [];
      const on = change.on ?? chinaDate(at);
      await store.upsertPeople(tx, [row]);
      if (change.movedOutOf) await store.moveOut(tx, before.id, change.movedOutOf, on);
      if (change.movedInto) {
        await store.insertResidences(tx, [
          {
            countyCode: before.countyCode,
            personId: before.id,
            houseCode: change.movedInto.code,
            relation: change.movedInto.relation,
            movedIn: on,
          },
        ]);
      }
      if (changed.length) {
        await store.insertChanges(tx, [
          {
            countyCode: before.countyCode,
            recordType: 'person',
            recordKey: before.id,
            at,
            actorId: actor.id,
            before: forHistory(was),
            after: forHistory(is),
          },
        ]);
      }
      return changed;
    },
  };
}

export type PeopleEdits = ReturnType<typeof createPeopleEdits>;
