/**
 * How imported component (部件) rows are matched, checked and written. The rules are the form's
 * (facilities.service.ts): a known class and state, owner and maintainer departments that exist, a point in a
 * grid of the caller's jurisdiction, the code given by the server and never moved to another county.
 */

import { countyOf } from '../../../shared/codes.ts';
import { departmentsByCode } from '../../org/index.ts';
import type { Tx } from '../../platform/db.ts';
import { gridsInScope } from '../../territory/index.ts';
import type { ImportRecord } from '../io/templates.ts';
import { type Located, type Placing, placeRecord, type Refusal } from '../organisations/org-apply.ts';
import * as store from '../organisations/organisations.store.ts';
import { FACILITY_CLASS } from '../records/code-tables.ts';
import { type Batch, type BatchOutcome, counted, historyOf, same, str } from '../records/record-apply.ts';
import { stampOf } from '../records/record-lifecycle.core.ts';
import { insertChanges } from '../records/records.store.ts';

/** Serial digits at the end of a component code (GB/T 47678.5: 6). */
export const SERIAL_DIGITS = 6;

/** What history keeps and what "unchanged" compares. */
export const facilityView = (
  f: Pick<store.FacilityRow, 'classCode' | 'name' | 'gridCode' | 'lng' | 'lat' | 'ownerDept' | 'maintainerDept' | 'state' | 'note'>,
) => ({
  classCode: f.classCode,
  name: f.name,
  gridCode: f.gridCode,
  lng: f.lng,
  lat: f.lat,
  ownerDept: f.ownerDept,
  maintainerDept: f.maintainerDept,
  state: f.state,
  note: f.note,
});

const facilityHistory = historyOf<store.FacilityRow, store.FacilityRow>('facility', (f) => f.code, facilityView);

const className = (code: string) => FACILITY_CLASS.entries.find((e) => e.code === code)!.zh;
const placeKey = (classCode: unknown, lng: unknown, lat: unknown) => `${classCode}@${lng},${lat}`;

/** The import's applier: matched on the code when given, else on class and exact point (templates.ts). */
export async function applyFacilities(tx: Tx, b: Batch & { located: Located }): Promise<BatchOutcome> {
  const out: BatchOutcome = { created: 0, updated: 0, unchanged: 0, refused: [] };
  const records = b.rows.map((r) => r.record);
  const byCode = new Map(
    (
      await store.facilitiesByCode(
        tx,
        records.flatMap((r) => (r.code === null ? [] : [String(r.code)])),
      )
    ).map((f) => [f.code, f]),
  );
  const uncoded = records
    .filter((r) => r.code === null)
    .map((r) => ({ classCode: String(r.classCode), lng: Number(r.lng), lat: Number(r.lat) }));
  const byPlace = new Map((await store.facilitiesAt(tx, uncoded)).map((f) => [placeKey(f.classCode, f.lng, f.lat), f]));
  const depts = new Set(
    (
      await departmentsByCode(tx, [...new Set(records.flatMap((r) => [str(r.ownerDept), str(r.maintainerDept)]).filter((d) => d !== null))])
    ).keys(),
  );
  const grids = await gridsInScope(tx, b.actor.scope, [
    ...new Set(records.flatMap((r) => (r.gridCode === null ? [] : [String(r.gridCode)]))),
  ]);
  const placing: Placing = { located: b.located, gridInScope: (g) => grids.has(g), scopeAllows: b.scopeAllows };
  const seen = new Set<string>();
  const serials = new Map<string, number>();
  const writes: { before?: store.FacilityRow; row: store.FacilityRow }[] = [];

  for (const { rowNumber, record: r } of b.rows) {
    const code = str(r.code);
    const before = code ? byCode.get(code) : byPlace.get(placeKey(r.classCode, r.lng, r.lat));
    const problem = ((): Refusal | { gridCode: string } => {
      if (code && (!before || !b.scopeAllows(before.gridCode))) return { field: 'code', reason: 'facility.not_found', value: code };
      const keys = [code ?? placeKey(r.classCode, r.lng, r.lat), ...(before ? [before.code] : [])];
      if (keys.some((k) => seen.has(k)))
        return { field: code ? 'code' : 'lng', reason: 'record.duplicate_in_file', value: code ?? `${r.lng},${r.lat}` };
      for (const k of keys) seen.add(k);
      if (!depts.has(String(r.ownerDept))) return { field: 'ownerDept', reason: 'department.unknown', value: String(r.ownerDept) };
      if (r.maintainerDept !== null && !depts.has(String(r.maintainerDept)))
        return { field: 'maintainerDept', reason: 'department.unknown', value: String(r.maintainerDept) };
      const place = placeRecord(r, placing);
      // The code carries the county: a component moved into another county is a new component there.
      if (!('reason' in place) && before && countyOf(place.gridCode) !== before.countyCode)
        return { field: 'lng', reason: 'point.outside_county' };
      return place;
    })();
    if ('reason' in problem) {
      out.refused.push({ rowNumber, ...problem });
      continue;
    }

    const facts = factsOf(r, problem.gridCode);
    if (!counted(out, before, (was) => same(facilityView(was), facilityView(facts)))) continue;
    const countyCode = countyOf(facts.gridCode);
    const stamp = stampOf({ actorId: b.actor.id, now: b.now, version: (before?.version ?? 0) + 1 });
    writes.push({
      before,
      row: { countyCode, code: before?.code ?? (await nextCode(tx, serials, countyCode + facts.classCode)), ...facts, ...stamp },
    });
  }

  await store.upsertFacilities(
    tx,
    writes.map((w) => w.row),
  );
  await insertChanges(tx, facilityHistory(writes, b.actor.id, b.now));
  return out;
}

function factsOf(r: ImportRecord, gridCode: string) {
  const classCode = String(r.classCode);
  return {
    classCode,
    name: str(r.name) ?? className(classCode),
    gridCode,
    lng: Number(r.lng),
    lat: Number(r.lat),
    ownerDept: String(r.ownerDept),
    maintainerDept: str(r.maintainerDept),
    state: String(r.state),
    note: str(r.note),
  };
}

/** County + class + the next serial of that class there; the store's lock is taken once per prefix and batch. */
async function nextCode(tx: Tx, serials: Map<string, number>, prefix: string) {
  const serial = serials.get(prefix) ?? (await store.nextFacilitySerial(tx, prefix));
  serials.set(prefix, serial + 1);
  return prefix + String(serial).padStart(SERIAL_DIGITS, '0');
}
