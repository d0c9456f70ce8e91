import { countyOf } from '../../../shared/codes.ts';
import { idCheckDigitHolds, normalizeIdNumber, parseIdNumber } from '../../../shared/id-number.ts';
import { maskIdNumber, maskPhone } from '../../../shared/masking.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { codeInScope } from '../../platform/scope.ts';
import { RESIDENT } from '../records/code-tables.ts';
import { forHistory, personView, seal } from '../records/record-apply.ts';
import { changeRow, stampOf } from '../records/record-lifecycle.core.ts';
import * as store from '../records/records.store.ts';
import type { PeopleEdits } from './people-edits.ts';

/** What a resident declared and a worker confirmed: the ID number already checked by its check digit. */
export interface DeclaredPerson {
  name: string;
  idNumber: string;
  phone: string;
  /** The grid of the point it was declared at: where a newcomer is put on record. */
  gridCode: string;
}

/**
 * 扫码申报 into the people records, inside the confirming worker's transaction: matched on the ID number's keyed
 * hash in the grid's county, so a person already on record is linked, never copied (a new phone sealed onto them, with
 * a history entry, when they lie in the worker's jurisdiction); anyone else is put on record in the point's grid,
 * sealed, hashed and masked, sex and birth date read from the number, a registered resident when the number was
 * issued in that county and a floating one otherwise. Answers the person's id and whether they were matched.
 */
export function createDeclaredPeople({ fieldCrypto, people }: { fieldCrypto: FieldCrypto; people: PeopleEdits }) {
  return {
    async confirm(tx: Tx, actor: Actor, d: DeclaredPerson, at: Date, today: string): Promise<{ personId: string; matched: boolean }> {
      const idNumber = normalizeIdNumber(d.idNumber);
      const countyCode = countyOf(d.gridCode);
      const hash = fieldCrypto.searchHash(idNumber);
      const existing = (await store.peopleByIdHash(tx, [hash])).find((p) => p.countyCode === countyCode);
      if (existing) {
        if (codeInScope(existing.gridCode, actor.scope) && existing.phoneHash !== fieldCrypto.searchHash(d.phone))
          await people.update(tx, actor, existing, { phone: d.phone }, at);
        return { personId: existing.id, matched: true };
      }
      const facts = parseIdNumber(idNumber, today);
      if (!facts.ok) throw new Error('a declared ID number failed to parse after its check');
      const phone = seal(fieldCrypto, d.phone, maskPhone);
      const row = {
        countyCode,
        id: crypto.randomUUID(),
        idNumberEnc: fieldCrypto.encrypt(idNumber),
        idNumberHash: hash,
        idNumberMasked: maskIdNumber(idNumber) as string,
        idCheckOk: idCheckDigitHolds(idNumber),
        idType: '111',
        name: d.name,
        sex: facts.sex === 'male' ? '1' : '2',
        birthDate: facts.birthDate,
        ethnicity: '',
        residentType: facts.regionCode === countyCode ? RESIDENT.registered : RESIDENT.floating,
        hukouRegion: null,
        hukouAddress: null,
        inflowReason: null,
        permitType: null,
        permitExpiry: null,
        leftBehindType: null,
        nationality: null,
        foreignName: null,
        visitPurpose: null,
        arrivalDate: null,
        departureDate: null,
        specialGroups: [],
        keyPersonTags: [],
        phoneEnc: phone.enc,
        phoneHash: phone.hash,
        phoneMasked: phone.masked,
        gridCode: d.gridCode,
        ...stampOf({ actorId: actor.id, now: at, version: 1 }),
      };
      await store.upsertPeople(tx, [row]);
      await store.insertChanges(tx, [changeRow('person', row.id, row, actor.id, at, null, forHistory(personView(row)))]);
      return { personId: row.id, matched: false };
    },
  };
}

export type DeclaredPeople = ReturnType<typeof createDeclaredPeople>;
