import type { Tx } from '../platform/db.ts';
import { maskPhone } from '../../shared/masking.ts';
import type { Actor } from '../access/index.ts';
import type { FieldCrypto } from './field-crypto.ts';
import { chinaDate } from './identifiers.core.ts';
import { forHistory, personView, seal } from './registry-apply.ts';
import * as store from './registry.store.ts';

export interface PersonChange {
  /** A corrected phone, already checked (null clears it); left out, the phone on record stays. */
  phone?: string | null;
  /** The house the person no longer lives in: the residence there ends that day. */
  movedOutOf?: string;
  /** Confirmed on site: verified by the actor, at `at`. */
  verified?: boolean;
}

/** A sealed value is compared by its hash and shown masked: both name the one field. */
const fieldOf = (key: string) => key.replace(/(Hash|Masked)$/, '');

/**
 * People on record changed in place inside a caller's transaction (a field visit's corrections), written like an
 * import's update: the phone sealed, the residence ended, one history entry (with the house lived in, as an
 * import's move keeps it) when a fact changed.
 */
export function createPeopleEdits({ fieldCrypto }: { fieldCrypto: FieldCrypto }) {
  return {
    /** Who lives in a house now, each with their record and residence. */
    residents: (tx: Tx, house: { countyCode: string; code: string }) => store.residentRecords(tx, house.countyCode, house.code),

    /** Answers the fields that changed ('phone', 'houseCode'); a residence ends on the China date of `at`. */
    async update(tx: Tx, actor: Actor, before: store.PersonRow, change: PersonChange, at: Date): Promise<string[]> {
      const phone = change.phone === undefined ? null : seal(fieldCrypto, change.phone, maskPhone);
      const row: store.PersonRow = {
        ...before,
        ...(phone ? { phoneEnc: phone.enc, phoneHash: phone.hash, phoneMasked: phone.masked } : {}),
        ...(change.verified ? { verifiedBy: actor.id, verifiedAt: at } : {}),
        updatedAt: at,
      };
      const was: Record<string, unknown> = { ...personView(before), ...(change.movedOutOf ? { houseCode: change.movedOutOf } : {}) };
      const is: Record<string, unknown> = { ...personView(row), ...(change.movedOutOf ? { houseCode: null } : {}) };
      const changed = [...new Set(Object.keys(is).filter((k) => JSON.stringify(was[k]) !== JSON.stringify(is[k])).map(fieldOf))];
      if (changed.length === 0 && !change.verified) return [];
      await store.upsertPeople(tx, [row]);
      if (change.movedOutOf) await store.moveOut(tx, before.id, change.movedOutOf, chinaDate(at));
      if (changed.length) {
        await store.insertChanges(tx, [{ countyCode: before.countyCode, recordType: 'person', recordKey: before.id, at, actorId: actor.id, before: forHistory(was), after: forHistory(is) }]);
      }
      return changed;
    },
  };
}

export type PeopleEdits = ReturnType<typeof createPeopleEdits>;
