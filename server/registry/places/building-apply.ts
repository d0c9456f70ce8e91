/**
 * How a building record is placed, built, compared and written: one path for the import and for the create
 * and edit forms, so a row and a form are held to the same rules and leave the same history.
 */

import { countyOf } from '../../../shared/codes.ts';
import { maskPhone } from '../../../shared/masking.ts';
import type { Tx } from '../../platform/db.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { gridsInScope } from '../../territory/index.ts';
import type { ImportRecord } from '../io/templates.ts';
import { type Located, type Placing, placeRecord } from '../organisations/org-apply.ts';
import { type Batch, type BatchOutcome, counted, historyOf, same, seal, str } from '../records/record-apply.ts';
import { stampOf } from '../records/record-lifecycle.core.ts';
import { insertChanges } from '../records/records.store.ts';
import * as store from './places.store.ts';

type RowFacts = Omit<store.BuildingRow, 'countyCode' | 'code' | 'leaderPhoneEnc' | 'verifiedBy' | 'verifiedAt' | 'version' | 'updatedAt'>;

/** What history keeps and what "unchanged" compares: the facts, the phone by hash and masked form. */
export function buildingView(b: RowFacts) {
  return {
    name: b.name,
    estate: b.estate,
    addressCode: b.addressCode,
    address: b.address,
    gridCode: b.gridCode,
    lng: b.lng,
    lat: b.lat,
    floors: b.floors,
    units: b.units,
    households: b.households,
    leaderName: b.leaderName,
    leaderPhoneHash: b.leaderPhoneHash,
    leaderPhoneMasked: b.leaderPhoneMasked,
    leaderPersonId: b.leaderPersonId,
  };
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export function buildBuildingRow(
  r: ImportRecord,
  gridCode: string,
  c: FieldCrypto,
  link: { addressCode: string | null; leaderPersonId: string | null },
  by: { actorId: string; now: Date; version: number },
) {
  const phone = seal(c, str(r.leaderPhone), maskPhone);
  return {
    countyCode: countyOf(gridCode),
    code: String(r.buildingCode),
    name: String(r.name),
    estate: str(r.estate),
    addressCode: link.addressCode,
    address: String(r.address),
    gridCode,
    lng: num(r.lng),
    lat: num(r.lat),
    floors: num(r.floors),
    units: num(r.units),
    households: num(r.households),
    leaderName: str(r.leaderName),
    leaderPhoneEnc: phone.enc,
    leaderPhoneHash: phone.hash,
    leaderPhoneMasked: phone.masked,
    leaderPersonId: link.leaderPersonId,
    ...stampOf(by),
  };
}

export type BuildingRowInput = ReturnType<typeof buildBuildingRow>;

const buildingHistory = historyOf<store.BuildingRow, BuildingRowInput>('building', (b) => b.code, buildingView);

/** A person on record, as much of them as a building keeps for its 楼栋长. */
export type LeaderOnRecord = { id: string; name: string; phoneEnc: string | null; phoneHash: string | null; phoneMasked: string | null };

/**
 * The 楼栋长 picked from the people on record: name and phone are the person's (collect once). The sealed phone,
 * its search hash and masked form are copied as they are: the same keys sealed them.
 */
export function ledBy(row: BuildingRowInput, p: LeaderOnRecord): BuildingRowInput {
  return {
    ...row,
    leaderName: p.name,
    leaderPhoneEnc: p.phoneEnc,
    leaderPhoneHash: p.phoneHash,
    leaderPhoneMasked: p.phoneMasked,
    leaderPersonId: p.id,
  };
}

/**
 * The 楼栋长 as a person on record: someone of the building's county with the leader's phone and name.
 * Matching on both avoids linking a namesake or a shared family phone to the wrong person.
 */
export async function leaderPeople(tx: Tx, rows: { countyCode: string; phoneHash: string | null; name: string | null }[]) {
  const found = new Map<string, string>();
  const byCounty = new Map<string, string[]>();
  for (const r of rows) if (r.phoneHash && r.name) byCounty.set(r.countyCode, [...(byCounty.get(r.countyCode) ?? []), r.phoneHash]);
  for (const [county, hashes] of byCounty) {
    for (const p of await store.peopleByPhone(tx, county, hashes)) found.set(`${county}|${p.phoneHash}|${p.name}`, p.id);
  }
  return (r: { countyCode: string; phoneHash: string | null; name: string | null }) =>
    found.get(`${r.countyCode}|${r.phoneHash}|${r.name}`) ?? null;
}

/** Writes new versions of records and their history; a record moved to another county leaves its old row. */
export async function writeBuildings(tx: Tx, writes: { before?: store.BuildingRow; row: BuildingRowInput }[], actorId: string, at: Date) {
  await store.deleteBuildings(
    tx,
    writes.filter((w) => w.before && w.before.countyCode !== w.row.countyCode).map((w) => w.before!),
  );
  await store.upsertBuildings(
    tx,
    writes.map((w) => w.row),
  );
  await insertChanges(tx, buildingHistory(writes, actorId, at));
}

/**
 * The import's applier: matched on the building code, so the same file imported twice changes nothing. A row
 * is linked to the standard address of its grid whose full text is the row's address, when there is one.
 */
export async function applyBuildings(tx: Tx, b: Batch & { located: Located }): Promise<BatchOutcome> {
  const out: BatchOutcome = { created: 0, updated: 0, unchanged: 0, refused: [] };
  const gridCodes = [...new Set(b.rows.map((r) => str(r.record.gridCode)).filter((g) => g !== null))];
  const grids = await gridsInScope(tx, b.actor.scope, gridCodes);
  const existing = new Map(
    (
      await store.buildingsByCode(
        tx,
        b.rows.map((r) => String(r.record.buildingCode)),
      )
    ).map((x) => [x.code, x]),
  );
  const addresses = new Map(
    (await store.addressesByText(tx, [...new Set(b.rows.map((r) => String(r.record.address)))], [...grids])).map((a) => [
      `${a.gridCode}|${a.fullText}`,
      a.code,
    ]),
  );
  const placing: Placing = { located: b.located, gridInScope: (g) => grids.has(g), scopeAllows: b.scopeAllows };
  const pending: { before?: store.BuildingRow; row: BuildingRowInput }[] = [];
  const seen = new Set<string>();
  for (const { rowNumber, record: r } of b.rows) {
    const code = String(r.buildingCode);
    const before = existing.get(code);
    if (before && !b.scopeAllows(before.gridCode)) {
      out.refused.push({ rowNumber, field: 'buildingCode', reason: 'building.out_of_jurisdiction', value: code });
      continue;
    }
    if (seen.has(code)) {
      out.refused.push({ rowNumber, field: 'buildingCode', reason: 'record.duplicate_in_file', value: code });
      continue;
    }
    const place = placeRecord(r, placing);
    if ('reason' in place) {
      out.refused.push({ rowNumber, ...place });
      continue;
    }
    const addressCode = addresses.get(`${place.gridCode}|${String(r.address)}`) ?? null;
    const row = buildBuildingRow(
      r,
      place.gridCode,
      b.crypto,
      { addressCode, leaderPersonId: null },
      { actorId: b.actor.id, now: b.now, version: (before?.version ?? 0) + 1 },
    );
    seen.add(code);
    pending.push({ before, row });
  }
  const leaderOf = await leaderPeople(
    tx,
    pending.map((p) => ({ countyCode: p.row.countyCode, phoneHash: p.row.leaderPhoneHash, name: p.row.leaderName })),
  );
  const writes: { before?: store.BuildingRow; row: BuildingRowInput }[] = [];
  for (const { before, row } of pending) {
    row.leaderPersonId = leaderOf({ countyCode: row.countyCode, phoneHash: row.leaderPhoneHash, name: row.leaderName });
    if (!counted(out, before, (was) => same(buildingView(was), buildingView(row)))) continue;
    writes.push({ before, row });
  }
  await writeBuildings(tx, writes, b.actor.id, b.now);
  return out;
}
