import { countyOf, subtreePrefix } from '../../../shared/codes.ts';
import type { ErrorDetail } from '../../../shared/errors.ts';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { importMessage } from '../../../shared/i18n/import.ts';
import { departmentsByCode, listDepartments } from '../../org/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { firstRows, type PageAsked } from '../../platform/paging.ts';
import { codeInScope } from '../../platform/scope.ts';
import type { TerritoryService } from '../../territory/index.ts';
import { auditedExport, MAX_EXPORT_ROWS } from '../io/list-export.ts';
import * as store from '../organisations/organisations.store.ts';
import { withAreaNames } from '../records/area-names.ts';
import { type CodeTable, FACILITY_CLASS, FACILITY_STATE, resolveCode } from '../records/code-tables.ts';
import { forHistory, same } from '../records/record-apply.ts';
import { stampOf } from '../records/record-lifecycle.core.ts';
import { createRecordLifecycle } from '../records/record-lifecycle.ts';
import { insertChanges } from '../records/records.store.ts';
import { facilityView, SERIAL_DIGITS } from './facility-apply.ts';

export interface FacilityInput {
  name?: string | null;
  lng: number;
  lat: number;
  ownerDept: string;
  maintainerDept?: string | null;
  state: string;
  note?: string | null;
}

export interface FacilityFilter {
  classCode?: string;
  area?: string;
  state?: string;
  q?: string;
}

type Hit = Awaited<ReturnType<TerritoryService['locate']>>;

const storeFilter = (f: FacilityFilter): store.FacilityFilter => ({
  classCode: f.classCode,
  state: f.state,
  name: f.q?.trim() || undefined,
  areaPrefix: f.area ? subtreePrefix(f.area) : undefined,
});

export function createFacilitiesService({ db, clock, territory }: { db: Db; clock: Clock; territory: TerritoryService }) {
  const records = createRecordLifecycle<store.FacilityRow>(
    {
      type: 'facility',
      notFound: 'registry.facility_not_found',
      find: store.getFacility,
      keyOf: (f) => f.code,
      restamp: (tx, f, stamp) => store.updateFacility(tx, f.countyCode, f.code, stamp),
    },
    { db, clock },
  );
  const view = (f: store.FacilityRow, depts: Map<string, string>) => ({
    code: f.code,
    ...facilityView(f),
    ownerDeptName: depts.get(f.ownerDept) ?? null,
    maintainerDeptName: f.maintainerDept ? (depts.get(f.maintainerDept) ?? null) : null,
    verifiedAt: f.verifiedAt?.toISOString() ?? null,
    version: f.version,
    updatedAt: f.updatedAt.toISOString(),
  });
  const withDepts = async (tx: Tx, rows: store.FacilityRow[]) => {
    const found = await departmentsByCode(tx, [...new Set(rows.flatMap((f) => [f.ownerDept, f.maintainerDept ?? '']).filter(Boolean))]);
    const depts = new Map([...found].map(([code, d]) => [code, d.name]));
    return withAreaNames(
      tx,
      rows.map((f) => view(f, depts)),
    );
  };

  /**
   * Every problem of the form at once, each naming its field; the point decides the grid. The point is looked
   * up before the transaction opens (it reads the grid table outside it: see locatePoints).
   */
  async function check(tx: Tx, actor: Actor, input: FacilityInput & { classCode: string }, hit: Hit, lang: Lang) {
    const details: ErrorDetail[] = [];
    const problem = (field: string, reason: string, value?: string, table?: CodeTable) =>
      details.push({
        field,
        reason,
        message: importMessage(reason, lang, { value, table: table && (lang === 'en' ? table.en : table.zh) }),
        ...(value ? { value } : {}),
      });
    const classCode = resolveCode(FACILITY_CLASS, input.classCode);
    if (!classCode) problem('classCode', 'code.unknown', input.classCode, FACILITY_CLASS);
    const state = resolveCode(FACILITY_STATE, input.state);
    if (!state) problem('state', 'code.unknown', input.state, FACILITY_STATE);
    const wanted = [input.ownerDept, input.maintainerDept].filter((d): d is string => !!d);
    const known = new Set((await departmentsByCode(tx, wanted)).keys());
    if (!known.has(input.ownerDept)) problem('ownerDept', 'department.unknown', input.ownerDept);
    if (input.maintainerDept && !known.has(input.maintainerDept)) problem('maintainerDept', 'department.unknown', input.maintainerDept);
    if (!hit) problem('lng', 'point.outside_grids', `${input.lng},${input.lat}`);
    else if (!codeInScope(hit.grid.code, actor.scope)) problem('lng', 'point.outside_jurisdiction', `${input.lng},${input.lat}`);
    if (details.length) throw new AppError('registry.record_invalid', details);
    const className = FACILITY_CLASS.entries.find((e) => e.code === classCode)!.zh;
    return {
      classCode: classCode!,
      name: input.name?.trim() || className,
      gridCode: hit!.grid.code,
      lng: input.lng,
      lat: input.lat,
      ownerDept: input.ownerDept,
      maintainerDept: input.maintainerDept || null,
      state: state!,
      note: input.note?.trim() || null,
    };
  }

  return {
    /** The departments a component's owner and maintainer are chosen from: those the caller's jurisdiction sees. */
    async departments(actor: Actor) {
      return (await listDepartments(db, actor.scope)).map((d) => ({ code: d.code, name: d.name }));
    },

    async find(actor: Actor, filter: FacilityFilter, page: PageAsked) {
      const terms = storeFilter(filter);
      const [rows, total] = await Promise.all([
        store.listFacilities(db, actor.scope, terms, page),
        store.countFacilities(db, actor.scope, terms),
      ]);
      return { items: await withDepts(db, rows), total };
    },

    /** The filtered list for a spreadsheet, audited with its filter and row count (a component holds nothing sealed). */
    async export(actor: Actor, filter: FacilityFilter) {
      // Nothing sealed, so no row may carry full values.
      const rows = await auditedExport({ db, clock, unmaskedExportMax: 0 }, actor, { target: 'facility', filter: { ...filter } }, () =>
        store.listFacilities(db, actor.scope, storeFilter(filter), firstRows(MAX_EXPORT_ROWS)),
      );
      return withDepts(db, rows);
    },

    async get(actor: Actor, code: string) {
      const f = await records.get(db, actor, code);
      const [one] = await withDepts(db, [f]);
      return { ...one, ...(await records.history(f)) };
    },

    /** Records a component; its code is the county, the class and the next serial of that class there. */
    async create(actor: Actor, input: FacilityInput & { classCode: string }, lang: Lang) {
      const now = clock();
      const hit = await territory.locate(input.lng, input.lat);
      const code = await db.transaction(async (tx) => {
        const facts = await check(tx, actor, input, hit, lang);
        const prefix = countyOf(facts.gridCode) + facts.classCode;
        const code = prefix + String(await store.nextFacilitySerial(tx, prefix)).padStart(SERIAL_DIGITS, '0');
        const row = { countyCode: countyOf(facts.gridCode), code, ...facts, ...stampOf({ actorId: actor.id, now, version: 1 }) };
        await store.insertFacility(tx, row);
        await insertChanges(tx, [records.change(row, actor.id, now, null, forHistory(facilityView(row)))]);
        return code;
      });
      return this.get(actor, code);
    },

    /** The class is part of the code and stays; a component of another class is a new component. */
    async update(actor: Actor, code: string, input: FacilityInput & { version: number }, lang: Lang) {
      const now = clock();
      const hit = await territory.locate(input.lng, input.lat);
      await db.transaction(async (tx) => {
        const before = await records.get(tx, actor, code);
        records.assertVersion(before, input.version);
        const facts = await check(tx, actor, { ...input, classCode: before.classCode }, hit, lang);
        // The code carries the county: a point moved into another county would need a new component.
        if (countyOf(facts.gridCode) !== before.countyCode)
          throw new AppError('registry.record_invalid', [
            { field: 'lng', reason: 'point.outside_county', message: importMessage('point.outside_county', lang) },
          ]);
        if (same(facilityView(before), facilityView(facts))) return;
        await store.updateFacility(tx, before.countyCode, before.code, {
          ...facts,
          ...stampOf({ actorId: actor.id, now, version: before.version + 1 }),
        });
        await insertChanges(tx, [records.change(before, actor.id, now, forHistory(facilityView(before)), forHistory(facilityView(facts)))]);
      });
      return this.get(actor, code);
    },

    async verify(actor: Actor, code: string, version: number) {
      await records.verify(actor, code, version);
      return this.get(actor, code);
    },
  };
}

export type FacilitiesService = ReturnType<typeof createFacilitiesService>;
