import { subtreePrefix } from '../../../shared/codes.ts';
import { normalizeIdNumber } from '../../../shared/id-number.ts';
import { can } from '../../../shared/roles.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { firstRows, type PageAsked } from '../../platform/paging.ts';
import { auditedExport, MAX_EXPORT_ROWS, type Unmask } from '../io/list-export.ts';
import { withAreaName, withAreaNames } from '../records/area-names.ts';
import { divisionName } from '../records/division-names.ts';
import { createRecordLifecycle, type RecordKind } from '../records/record-lifecycle.ts';
import * as store from '../records/records.store.ts';

export type RevealableField = 'idNumber' | 'phone';

/** A person as a base record: kept by id, never verified on its own (a field visit marks them present). */
export const PERSON_RECORD: RecordKind<store.PersonRow, RevealableField> = {
  type: 'person',
  notFound: 'registry.person_not_found',
  find: store.getPerson,
  keyOf: (p) => p.id,
  sealed: { idNumber: (p) => p.idNumberEnc, phone: (p) => p.phoneEnc },
};

/**
 * How a search text is read: an ID number, a mobile number, or another document's number (5–20 letters and digits,
 * at least one digit: a passport, a permit) is matched exactly by keyed hash; anything else as part of a name.
 */
export function searchTerms(q: string, c: FieldCrypto) {
  const text = q.trim();
  if (/^1\d{10}$/.test(text)) return { phoneHash: c.searchHash(text) };
  const number = normalizeIdNumber(text);
  if (/^\d{17}[\dX]$/.test(number) || /^(?=.*\d)[A-Z0-9]{5,20}$/.test(number)) return { idHash: c.searchHash(number) };
  return { name: text };
}

export function createRegistryService({
  db,
  clock,
  fieldCrypto,
  unmaskedExportMax,
}: {
  db: Db;
  clock: Clock;
  fieldCrypto: FieldCrypto;
  unmaskedExportMax: number;
}) {
  const records = createRecordLifecycle(PERSON_RECORD, { db, clock, fieldCrypto });
  /** What every list and detail shows: masked identifiers, tags only for roles allowed to see them. */
  const view = (actor: Actor, p: store.PersonRow) => ({
    id: p.id,
    name: p.name,
    sex: p.sex,
    birthDate: p.birthDate,
    ethnicity: p.ethnicity,
    idType: p.idType,
    idNumber: p.idNumberMasked,
    phone: p.phoneMasked,
    residentType: p.residentType,
    hukouRegion: p.hukouRegion,
    hukouRegionName: divisionName(p.hukouRegion),
    hukouAddress: p.hukouAddress,
    inflowReason: p.inflowReason,
    permitType: p.permitType,
    permitExpiry: p.permitExpiry,
    leftBehindType: p.leftBehindType,
    nationality: p.nationality,
    foreignName: p.foreignName,
    visitPurpose: p.visitPurpose,
    arrivalDate: p.arrivalDate,
    departureDate: p.departureDate,
    gridCode: p.gridCode,
    tags: can(actor.roles, 'registry.tags') ? { specialGroups: p.specialGroups, keyPersonTags: p.keyPersonTags } : null,
    verifiedAt: p.verifiedAt?.toISOString() ?? null,
    version: p.version,
  });

  return {
    async findPeople(actor: Actor, q: string, page: PageAsked) {
      const terms = searchTerms(q, fieldCrypto);
      const [rows, total] = await Promise.all([
        store.searchPeople(db, actor.scope, terms, page),
        store.countPeople(db, actor.scope, terms),
      ]);
      return {
        items: await withAreaNames(
          db,
          rows.map((p) => view(actor, p)),
        ),
        total,
      };
    },

    async getPerson(actor: Actor, id: string) {
      const p = await records.get(db, actor, id);
      const [residences, { verifiedBy, history }] = await Promise.all([store.residencesOfPerson(db, id), records.history(p)]);
      const hideTags = !can(actor.roles, 'registry.tags');
      return {
        ...(await withAreaName(db, view(actor, p))),
        residences,
        verifiedBy,
        history: hideTags ? history.map((h) => ({ ...h, before: withoutTags(h.before), after: withoutTags(h.after) })) : history,
      };
    },

    /**
     * A filtered list for a spreadsheet. Masked unless the caller may unmask and asks to, with a reason;
     * either way the export is audited with its filter and row count.
     */
    async exportPeople(actor: Actor, { unmask, ...filter }: { q?: string; area?: string; unmask?: Unmask }) {
      const terms = filter.q ? searchTerms(filter.q, fieldCrypto) : {};
      const reveals = (p: store.PersonRow) => ({
        id: p.id,
        fields: [...(p.idNumberEnc ? ['idNumber'] : []), ...(p.phoneEnc ? ['phone'] : [])],
      });
      const rows = await auditedExport({ db, clock, unmaskedExportMax }, actor, { target: 'person', filter, unmask, reveals }, () =>
        store.searchPeople(
          db,
          actor.scope,
          { ...terms, areaPrefix: filter.area ? subtreePrefix(filter.area) : undefined },
          firstRows(MAX_EXPORT_ROWS),
        ),
      );
      return withAreaNames(
        db,
        rows.map((p) => ({
          ...view(actor, p),
          ...(unmask ? { idNumber: fieldCrypto.decrypt(p.idNumberEnc), phone: p.phoneEnc ? fieldCrypto.decrypt(p.phoneEnc) : null } : {}),
        })),
      );
    },

    /** Reveals one sensitive value of one record to a user allowed to, for a stated reason, and audits it. */
    reveal: (actor: Actor, id: string, field: RevealableField, reason: string) => records.reveal(actor, id, field, reason),
  };
}

const withoutTags = (v: unknown) => {
  if (!v || typeof v !== 'object') return v;
  const { specialGroups: _s, keyPersonTags: _k, ...rest } = v as Record<string, unknown>;
  return rest;
};

export type RegistryService = ReturnType<typeof createRegistryService>;
