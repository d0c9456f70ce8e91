/**
 * How an organisation record is placed, built, compared and written: one path for the import and for the
 * create and edit forms, so a row and a form are held to the same rules and leave the same history.
 */

import { countyOf } from '../../../shared/codes.ts';
import { maskPhone } from '../../../shared/masking.ts';
import type { Tx } from '../../platform/db.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { gridsInScope } from '../../territory/index.ts';
import type { ImportRecord } from '../io/templates.ts';
import { type Batch, type BatchOutcome, counted, historyOf, list, same, seal, str } from '../records/record-apply.ts';
import { stampOf } from '../records/record-lifecycle.core.ts';
import { insertChanges } from '../records/records.store.ts';
import * as store from './organisations.store.ts';

/** The grid a point lies in, or null outside every grid (territory's in-process index). */
export type Locate = (lng: number, lat: number) => Promise<string | null>;
/** Grids of points looked up beforehand, by pointKey. */
export type Located = ReadonlyMap<string, string | null>;

const pointKey = (lng: unknown, lat: unknown) => `${lng},${lat}`;

/**
 * Looks up the grids of the records' points. Done before the write transaction opens: the lookup reads the
 * grid table outside it, which on PGlite's single connection would wait for the transaction forever.
 */
export async function locatePoints(records: ImportRecord[], locate: Locate): Promise<Located> {
  const located = new Map<string, string | null>();
  for (const r of records) {
    if (r.lng === null || r.lat === null || r.lng === undefined) continue;
    const key = pointKey(r.lng, r.lat);
    if (!located.has(key)) located.set(key, await locate(Number(r.lng), Number(r.lat)));
  }
  return located;
}

export interface Refusal {
  field: string;
  reason: string;
  value?: string;
}

export interface Placing {
  located: Located;
  /** The grid exists and lies in the caller's jurisdiction. */
  gridInScope(code: string): boolean;
  scopeAllows(code: string): boolean;
}

/** A record's grid: the one its point lies in (which must agree with a grid also given), else the grid given. */
export function placeRecord(r: ImportRecord, p: Placing): { gridCode: string } | Refusal {
  if (r.lng !== null && r.lat !== null) {
    const hit = p.located.get(pointKey(r.lng, r.lat)) ?? null;
    if (!hit) return { field: 'lng', reason: 'point.outside_grids', value: `${r.lng},${r.lat}` };
    if (!p.scopeAllows(hit)) return { field: 'lng', reason: 'point.outside_jurisdiction', value: `${r.lng},${r.lat}` };
    if (r.gridCode !== null && r.gridCode !== hit) return { field: 'gridCode', reason: 'grid.point_mismatch', value: String(r.gridCode) };
    return { gridCode: hit };
  }
  const gridCode = String(r.gridCode);
  return p.gridInScope(gridCode) ? { gridCode } : { field: 'gridCode', reason: 'grid.not_found', value: gridCode };
}

/** What history keeps and what "unchanged" compares: the facts, the phone by hash and masked form. */
export function orgView(
  o: Omit<store.OrganisationRow, 'countyCode' | 'creditCode' | 'safetyPhoneEnc' | 'verifiedBy' | 'verifiedAt' | 'version' | 'updatedAt'>,
) {
  return {
    name: o.name,
    orgType: o.orgType,
    address: o.address,
    gridCode: o.gridCode,
    lng: o.lng,
    lat: o.lat,
    legalRep: o.legalRep,
    safetyContact: o.safetyContact,
    safetyPhoneHash: o.safetyPhoneHash,
    safetyPhoneMasked: o.safetyPhoneMasked,
    hazards: list(o.hazards) as string[],
  };
}

export function buildOrgRow(r: ImportRecord, gridCode: string, c: FieldCrypto, by: { actorId: string; now: Date; version: number }) {
  const phone = seal(c, str(r.safetyContactPhone), maskPhone);
  return {
    countyCode: countyOf(gridCode),
    creditCode: String(r.creditCode),
    name: String(r.name),
    orgType: String(r.orgType),
    address: String(r.address),
    gridCode,
    lng: r.lng === null ? null : Number(r.lng),
    lat: r.lat === null ? null : Number(r.lat),
    legalRep: str(r.legalRep),
    safetyContact: str(r.safetyContact),
    safetyPhoneEnc: phone.enc,
    safetyPhoneHash: phone.hash,
    safetyPhoneMasked: phone.masked,
    hazards: list(r.hazards) as string[],
    ...stampOf(by),
  };
}

export type OrgRowInput = ReturnType<typeof buildOrgRow>;

const orgHistory = historyOf<store.OrganisationRow, OrgRowInput>('organisation', (o) => o.creditCode, orgView);

/** Writes new versions of records and their history; a record moved to another county leaves its old row. */
export async function writeOrganisations(
  tx: Tx,
  writes: { before?: store.OrganisationRow; row: OrgRowInput }[],
  actorId: string,
  at: Date,
) {
  await store.deleteOrganisations(
    tx,
    writes.filter((w) => w.before && w.before.countyCode !== w.row.countyCode).map((w) => w.before!),
  );
  await store.upsertOrganisations(
    tx,
    writes.map((w) => w.row),
  );
  await insertChanges(tx, orgHistory(writes, actorId, at));
}

/** The import's applier: matched on the credit code, so the same file imported twice changes nothing. */
export async function applyOrganisations(tx: Tx, b: Batch & { located: Located }): Promise<BatchOutcome> {
  const out: BatchOutcome = { created: 0, updated: 0, unchanged: 0, refused: [] };
  const grids = await gridsInScope(tx, b.actor.scope, [...new Set(b.rows.map((r) => str(r.record.gridCode)).filter((g) => g !== null))]);
  const existing = new Map(
    (
      await store.organisationsByCode(
        tx,
        b.rows.map((r) => String(r.record.creditCode)),
      )
    ).map((o) => [o.creditCode, o]),
  );
  const placing: Placing = { located: b.located, gridInScope: (g) => grids.has(g), scopeAllows: b.scopeAllows };
  const writes = new Map<string, { before?: store.OrganisationRow; row: OrgRowInput }>();
  for (const { rowNumber, record: r } of b.rows) {
    const code = String(r.creditCode);
    const before = existing.get(code);
    if (before && !b.scopeAllows(before.gridCode)) {
      out.refused.push({ rowNumber, field: 'creditCode', reason: 'org.out_of_jurisdiction', value: code });
      continue;
    }
    if (writes.has(code)) {
      out.refused.push({ rowNumber, field: 'creditCode', reason: 'record.duplicate_in_file', value: code });
      continue;
    }
    const place = placeRecord(r, placing);
    if ('reason' in place) {
      out.refused.push({ rowNumber, ...place });
      continue;
    }
    const row = buildOrgRow(r, place.gridCode, b.crypto, { actorId: b.actor.id, now: b.now, version: (before?.version ?? 0) + 1 });
    if (!counted(out, before, (was) => same(orgView(was), orgView(row)))) continue;
    writes.set(code, { before, row });
  }
  await writeOrganisations(tx, [...writes.values()], b.actor.id, b.now);
  return out;
}
