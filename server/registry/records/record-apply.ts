import crypto from 'node:crypto';
import { countyOf } from '../../../shared/codes.ts';
import { idCheckDigitHolds, normalizeIdNumber, parseIdNumber } from '../../../shared/id-number.ts';
import { maskIdNumber, maskPhone } from '../../../shared/masking.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { gridsInScope } from '../../territory/index.ts';
import type { ImportRecord } from '../io/templates.ts';
import { RESIDENT_ID_CARD } from './code-tables.ts';
import { changeRow, stampOf } from './record-lifecycle.core.ts';
import * as store from './records.store.ts';

export interface Batch {
  rows: { rowNumber: number; record: ImportRecord }[];
  actor: Actor;
  now: Date;
  today: string;
  crypto: FieldCrypto;
  scopeAllows(code: string): boolean;
  /** The day people move in (and out of where they lived): `today` unless given (a form records a move made earlier). */
  movedIn?: string;
}

export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  refused: { rowNumber: number; field: string; reason: string; value?: string }[];
}

const WHOLE_TERRITORY = { prefixes: [''], ancestors: [] };
export const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
export const list = (v: unknown) => (Array.isArray(v) ? [...v].sort() : []);
/** History keeps what a person may read: masked values, never the sealed ones or the search hashes. */
export const forHistory = (view: Record<string, unknown>) => Object.fromEntries(Object.entries(view).filter(([k]) => !k.endsWith('Hash')));
export const same = (a: Record<string, unknown>, b: Record<string, unknown>) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The history entries of written versions of one kind of record: the kind's view before (none for a new record)
 * and after, as a person may read it. Every writer of a kind leaves the same entries.
 */
export const historyOf =
  <Before, Row extends { countyCode: string }>(
    recordType: string,
    keyOf: (row: Row) => string,
    view: (r: Before | Row) => Record<string, unknown>,
  ) =>
  (writes: readonly { before?: Before; row: Row }[], actorId: string, at: Date) =>
    writes.map(({ before, row }) =>
      changeRow(recordType, keyOf(row), row, actorId, at, before ? forHistory(view(before)) : null, forHistory(view(row))),
    );

/** Counts a built row against the record it would replace: false (counted unchanged) when it changes nothing, else created or updated. */
export function counted<T>(out: BatchOutcome, before: T | undefined, unchanged: (before: T) => boolean) {
  if (before !== undefined && unchanged(before)) {
    out.unchanged++;
    return false;
  }
  if (before !== undefined) out.updated++;
  else out.created++;
  return true;
}

type HouseFacts = Omit<
  store.HouseRow,
  'countyCode' | 'code' | 'ownerIdEnc' | 'ownerPhoneEnc' | 'verifiedBy' | 'verifiedAt' | 'version' | 'updatedAt'
>;

/** What history keeps and what "unchanged" compares: the facts, owner ID and phone by hash and masked form. */
export function houseView(h: HouseFacts) {
  return {
    gridCode: h.gridCode,
    buildingCode: h.buildingCode,
    address: h.address,
    unit: h.unit,
    floor: h.floor,
    room: h.room,
    use: h.use,
    areaM2: h.areaM2,
    ownerName: h.ownerName,
    ownerIdHash: h.ownerIdHash,
    ownerIdMasked: h.ownerIdMasked,
    ownerPhoneHash: h.ownerPhoneHash,
    ownerPhoneMasked: h.ownerPhoneMasked,
    rented: h.rented,
    rentalUse: h.rentalUse,
    rentalCategory: h.rentalCategory,
    rentalLevel: h.rentalLevel,
    hazards: list(h.hazards),
  };
}

/** A house row from a record the house template accepted: one path for the import and the house form. */
export function buildHouseRow(r: ImportRecord, c: FieldCrypto, by: { actorId: string; now: Date; version: number }) {
  const gridCode = String(r.gridCode);
  const ownerId = seal(c, r.ownerIdNumber ? normalizeIdNumber(String(r.ownerIdNumber)) : null, maskIdNumber);
  const ownerPhone = seal(c, str(r.ownerPhone), maskPhone);
  return {
    countyCode: countyOf(gridCode),
    code: String(r.houseCode),
    gridCode,
    buildingCode: str(r.buildingCode),
    address: String(r.address),
    unit: str(r.unit),
    floor: r.floor === null ? null : Number(r.floor),
    room: str(r.room),
    use: String(r.use),
    areaM2: r.areaM2 === null ? null : Number(r.areaM2),
    ownerName: str(r.ownerName),
    ownerIdEnc: ownerId.enc,
    ownerIdHash: ownerId.hash,
    ownerIdMasked: ownerId.masked,
    ownerPhoneEnc: ownerPhone.enc,
    ownerPhoneHash: ownerPhone.hash,
    ownerPhoneMasked: ownerPhone.masked,
    rented: r.rented === true,
    rentalUse: str(r.rentalUse),
    rentalCategory: str(r.rentalCategory),
    rentalLevel: str(r.rentalLevel),
    hazards: list(r.hazards) as string[],
    ...stampOf(by),
  };
}

export type HouseRowInput = ReturnType<typeof buildHouseRow>;

const houseHistory = historyOf<store.HouseRow, HouseRowInput>('house', (h) => h.code, houseView);

/** Writes new versions of houses and their history. */
export async function writeHouses(tx: Tx, writes: { before?: store.HouseRow; row: HouseRowInput }[], actorId: string, at: Date) {
  await store.upsertHouses(
    tx,
    writes.map((w) => w.row),
  );
  await store.insertChanges(tx, houseHistory(writes, actorId, at));
}

type PersonFactsRow = Pick<
  store.PersonRow,
  | 'idType'
  | 'idNumberHash'
  | 'idNumberMasked'
  | 'name'
  | 'sex'
  | 'birthDate'
  | 'ethnicity'
  | 'phoneHash'
  | 'phoneMasked'
  | 'residentType'
  | 'hukouRegion'
  | 'hukouAddress'
  | 'inflowReason'
  | 'permitType'
  | 'permitExpiry'
  | 'leftBehindType'
  | 'nationality'
  | 'foreignName'
  | 'visitPurpose'
  | 'arrivalDate'
  | 'departureDate'
  | 'specialGroups'
  | 'keyPersonTags'
  | 'gridCode'
>;

/** What history keeps and what "unchanged" compares of a person: the facts, the document number and phone by hash and masked form. */
export function personView(p: PersonFactsRow) {
  return {
    idType: p.idType,
    idNumberHash: p.idNumberHash,
    idNumberMasked: p.idNumberMasked,
    name: p.name,
    sex: p.sex,
    birthDate: p.birthDate,
    ethnicity: p.ethnicity,
    phoneHash: p.phoneHash,
    phoneMasked: p.phoneMasked,
    residentType: p.residentType,
    hukouRegion: p.hukouRegion,
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
    specialGroups: list(p.specialGroups),
    keyPersonTags: list(p.keyPersonTags),
    gridCode: p.gridCode,
  };
}

/**
 * A person's own facts from a record the person template accepted, the sex and birth date read from a resident ID
 * number when the record leaves them out (another document's row gives them: validateRow made sure): one path for
 * the import and the person form. A record without a document type holds an ID number (the template's default).
 */
export function personFacts(r: ImportRecord, today: string) {
  const idType = str(r.idType) ?? RESIDENT_ID_CARD;
  const inNumber = idType === RESIDENT_ID_CARD ? parseIdNumber(normalizeIdNumber(String(r.idNumber)), today) : null;
  if (inNumber && !inNumber.ok) throw new Error('validated ID number failed to parse');
  const sex = str(r.sex) ?? (inNumber ? (inNumber.sex === 'male' ? '1' : '2') : null);
  const birthDate = str(r.birthDate) ?? inNumber?.birthDate ?? null;
  if (sex === null || birthDate === null) throw new Error('validated person lacks a sex or birth date');
  return {
    idType,
    name: String(r.name),
    sex,
    birthDate,
    // GB/T 3304 codes the nationalities of China: a person from abroad has none.
    ethnicity: str(r.ethnicity) ?? '',
    residentType: String(r.residentType),
    hukouRegion: str(r.hukouRegion),
    hukouAddress: str(r.hukouAddress),
    inflowReason: str(r.inflowReason),
    permitType: str(r.permitType),
    permitExpiry: str(r.permitExpiry),
    leftBehindType: str(r.leftBehindType),
    nationality: str(r.nationality),
    foreignName: str(r.foreignName),
    visitPurpose: str(r.visitPurpose),
    arrivalDate: str(r.arrivalDate),
    departureDate: str(r.departureDate),
    specialGroups: list(r.specialGroups) as string[],
    keyPersonTags: list(r.keyPersonTags) as string[],
  };
}

/** Seals a sensitive value: ciphertext, keyed search hash and masked form, or all null. */
export function seal(c: FieldCrypto, value: string | null, mask: (v: string) => string | null) {
  return value ? { enc: c.encrypt(value), hash: c.searchHash(value), masked: mask(value) } : { enc: null, hash: null, masked: null };
}

export async function applyHouses(tx: Tx, b: Batch): Promise<BatchOutcome> {
  const out: BatchOutcome = { created: 0, updated: 0, unchanged: 0, refused: [] };
  const grids = await gridsInScope(tx, b.actor.scope, [...new Set(b.rows.map((r) => String(r.record.gridCode)))]);
  const existing = new Map(
    (
      await store.housesByCode(
        tx,
        WHOLE_TERRITORY,
        b.rows.map((r) => String(r.record.houseCode)),
      )
    ).map((h) => [h.code, h]),
  );
  const writes = new Map<string, { before?: store.HouseRow; row: HouseRowInput }>();
  for (const { rowNumber, record: r } of b.rows) {
    const code = String(r.houseCode);
    const gridCode = String(r.gridCode);
    const before = existing.get(code);
    if (!grids.has(gridCode)) {
      out.refused.push({ rowNumber, field: 'gridCode', reason: 'grid.not_found', value: gridCode });
      continue;
    }
    if (before && !b.scopeAllows(before.gridCode)) {
      out.refused.push({ rowNumber, field: 'houseCode', reason: 'house.out_of_jurisdiction', value: code });
      continue;
    }
    if (writes.has(code)) {
      out.refused.push({ rowNumber, field: 'houseCode', reason: 'record.duplicate_in_file', value: code });
      continue;
    }
    const row = buildHouseRow(r, b.crypto, { actorId: b.actor.id, now: b.now, version: (before?.version ?? 0) + 1 });
    if (!counted(out, before, (was) => same(houseView(was), houseView(row)))) continue;
    writes.set(code, { before, row });
  }
  await writeHouses(tx, [...writes.values()], b.actor.id, b.now);
  return out;
}

export async function applyPeople(tx: Tx, b: Batch): Promise<BatchOutcome> {
  const out: BatchOutcome = { created: 0, updated: 0, unchanged: 0, refused: [] };
  const houses = new Map(
    (await store.housesByCode(tx, b.actor.scope, [...new Set(b.rows.map((r) => String(r.record.houseCode)))])).map((h) => [h.code, h]),
  );
  const hashOf = (r: ImportRecord) => b.crypto.searchHash(normalizeIdNumber(String(r.idNumber)));
  const existing = new Map(
    (
      await store.peopleByIdHash(
        tx,
        b.rows.map((r) => hashOf(r.record)),
      )
    ).map((p) => [p.idNumberHash, p]),
  );
  const living = new Map(
    (
      await store.currentResidences(
        tx,
        [...existing.values()].map((p) => p.id),
      )
    ).map((r) => [r.personId, r]),
  );
  const writes = new Map<string, Parameters<typeof store.upsertPeople>[1][number]>();
  const moves: { id: string; countyCode: string; houseCode: string; relation: string | null; from: string | null }[] = [];
  const changes = [];
  for (const { rowNumber, record: r } of b.rows) {
    const house = houses.get(String(r.houseCode));
    if (!house) {
      out.refused.push({ rowNumber, field: 'houseCode', reason: 'house.not_found', value: String(r.houseCode) });
      continue;
    }
    const idNumber = normalizeIdNumber(String(r.idNumber));
    const hash = b.crypto.searchHash(idNumber);
    const before = existing.get(hash);
    if (before && !b.scopeAllows(before.gridCode)) {
      out.refused.push({ rowNumber, field: 'idNumber', reason: 'person.out_of_jurisdiction' });
      continue;
    }
    if (writes.has(hash)) {
      out.refused.push({ rowNumber, field: 'idNumber', reason: 'record.duplicate_in_file' });
      continue;
    }
    const phone = seal(b.crypto, str(r.phone), maskPhone);
    const facts = personFacts(r, b.today);
    const row = {
      countyCode: countyOf(house.gridCode),
      id: before?.id ?? crypto.randomUUID(),
      idNumberEnc: b.crypto.encrypt(idNumber),
      idNumberHash: hash,
      idNumberMasked: maskIdNumber(idNumber, facts.idType)!,
      // Only a resident ID number has a check digit: a passport is never checked by its algorithm.
      idCheckOk: facts.idType === RESIDENT_ID_CARD ? idCheckDigitHolds(idNumber) : null,
      ...facts,
      phoneEnc: phone.enc,
      phoneHash: phone.hash,
      phoneMasked: phone.masked,
      gridCode: house.gridCode,
      ...stampOf({ actorId: b.actor.id, now: b.now, version: (before?.version ?? 0) + 1 }),
    };
    const home = before ? living.get(before.id) : undefined;
    const moved = home?.houseCode !== house.code;
    if (!counted(out, before, (was) => !moved && same(personView(was), personView(row)))) continue;
    writes.set(hash, row);
    if (moved)
      moves.push({
        id: row.id,
        countyCode: row.countyCode,
        houseCode: house.code,
        relation: str(r.relation),
        from: home?.houseCode ?? null,
      });
    changes.push(
      changeRow(
        'person',
        row.id,
        row,
        b.actor.id,
        b.now,
        before ? forHistory({ ...personView(before), houseCode: home?.houseCode ?? null }) : null,
        forHistory({ ...personView(row), houseCode: house.code }),
      ),
    );
  }
  const on = b.movedIn ?? b.today;
  await store.upsertPeople(tx, [...writes.values()]);
  for (const m of moves) if (m.from) await store.moveOut(tx, m.id, m.from, on);
  await store.insertResidences(
    tx,
    moves.map((m) => ({ countyCode: m.countyCode, personId: m.id, houseCode: m.houseCode, relation: m.relation, movedIn: on })),
  );
  await store.insertChanges(tx, changes);
  return out;
}
