import { chinaDate } from '../../../shared/china-time.ts';
import { countyOf } from '../../../shared/codes.ts';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { importMessage } from '../../../shared/i18n/import.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import type { PageAsked } from '../../platform/paging.ts';
import { gridsInScope } from '../../territory/index.ts';
import { auditedExport, MAX_EXPORT_ROWS, type Unmask } from '../io/list-export.ts';
import { cellText } from '../io/template-fields.ts';
import { HOUSE_TEMPLATE, type ImportRecord, validateRow } from '../io/templates.ts';
import { withAreaName, withAreaNames } from '../records/area-names.ts';
import { buildHouseRow, houseView, writeHouses } from '../records/record-apply.ts';
import { createRecordLifecycle } from '../records/record-lifecycle.ts';
import { type HouseRow, housesByCode } from '../records/records.store.ts';
import * as store from './places.store.ts';

/** The fields of the house form; checked by the house template's own rules, so a form and a sheet row agree. */
export interface HouseInput {
  /** Left out: the building's address with the unit and room (collect once). */
  address?: string | null;
  /** Left out: the building's grid. */
  gridCode?: string | null;
  buildingCode?: string | null;
  unit?: string | null;
  floor?: number | null;
  room?: string | null;
  use: string;
  areaM2?: number | null;
  ownerName?: string | null;
  /** Left out on an edit: the number on record stays (the form only ever sees it masked); null clears it. */
  ownerIdNumber?: string | null;
  /** Same as the owner's ID number. */
  ownerPhone?: string | null;
  rented: boolean;
  rentalUse?: string | null;
  rentalCategory?: string | null;
  rentalLevel?: string | null;
  hazards?: string[];
}

const WHOLE_TERRITORY = { prefixes: [''], ancestors: [] };

/** Houses: the lists of the building and ten-household screens, a house's detail, and the house form. */
export function createHousesService({
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
  const refuse = (lang: Lang, field: string, reason: string, value?: string) =>
    new AppError('registry.record_invalid', [
      { field, reason, message: importMessage(reason, lang, { value }), ...(value ? { value } : {}) },
    ]);

  /**
   * The form filled from its building, checked by the house template (every problem at once, each naming its
   * field), and placed in a grid of the caller's.
   */
  async function check(q: Tx, actor: Actor, code: string, input: HouseInput, lang: Lang): Promise<ImportRecord> {
    let filled = input;
    if (input.buildingCode) {
      const b = await store.getBuilding(q, actor.scope, input.buildingCode);
      if (!b) throw refuse(lang, 'buildingCode', 'building.not_found', input.buildingCode);
      const parts = [input.unit, input.room].filter(Boolean).join(' ');
      filled = { ...input, gridCode: input.gridCode || b.gridCode, address: input.address || [b.address, parts].filter(Boolean).join(' ') };
    }
    const values = Object.fromEntries(
      HOUSE_TEMPLATE.fields.map((f) => [f.key, cellText((filled as unknown as Record<string, unknown>)[f.key])]),
    );
    const result = validateRow(HOUSE_TEMPLATE, { ...values, houseCode: code }, { today: chinaDate(clock()), lang });
    if (!result.ok) {
      throw new AppError(
        'registry.record_invalid',
        result.errors.map((e) => ({
          field: e.field,
          reason: e.reason,
          message: e.message,
          ...(values[e.field] ? { value: values[e.field] } : {}),
        })),
      );
    }
    const gridCode = String(result.record.gridCode);
    if (!(await gridsInScope(q, actor.scope, [gridCode])).has(gridCode)) throw refuse(lang, 'gridCode', 'grid.not_found', gridCode);
    return result.record;
  }

  const records = createRecordLifecycle<HouseRow>(
    {
      type: 'house',
      notFound: 'registry.house_not_found',
      find: store.getHouse,
      keyOf: (h) => h.code,
      restamp: store.markHouseVerified,
    },
    { db, clock },
  );

  /** Owner ID and phone as they were: an edit that left them out keeps them. */
  const keepSealed = (row: ReturnType<typeof buildHouseRow>, before: HouseRow, input: HouseInput) => ({
    ...row,
    ...(input.ownerIdNumber === undefined
      ? { ownerIdEnc: before.ownerIdEnc, ownerIdHash: before.ownerIdHash, ownerIdMasked: before.ownerIdMasked }
      : {}),
    ...(input.ownerPhone === undefined
      ? { ownerPhoneEnc: before.ownerPhoneEnc, ownerPhoneHash: before.ownerPhoneHash, ownerPhoneMasked: before.ownerPhoneMasked }
      : {}),
  });

  return {
    /** Without a building, grid or text nothing is listed: a whole county of houses is no pick list. */
    async find(actor: Actor, filter: { building?: string; grid?: string; q?: string }, page: PageAsked) {
      if (!filter.building && !filter.grid && !filter.q?.trim()) return { items: [], total: 0 };
      const terms = { buildingCode: filter.building, gridCode: filter.grid, text: filter.q?.trim() || undefined };
      const [items, total] = await Promise.all([store.listHouses(db, actor.scope, terms, page), store.countHouses(db, actor.scope, terms)]);
      return { items, total };
    },

    /** The same list for a spreadsheet, whole: owner ID number and phone masked unless the caller may unmask and gives a reason; audited. */
    async export(actor: Actor, { unmask, ...filter }: { building?: string; grid?: string; q?: string; unmask?: Unmask }) {
      const reveals = ({ h }: { h: store.HouseRow }) => ({
        id: h.code,
        fields: [...(h.ownerIdEnc ? ['ownerIdNumber'] : []), ...(h.ownerPhoneEnc ? ['ownerPhone'] : [])],
      });
      const rows = await auditedExport({ db, clock, unmaskedExportMax }, actor, { target: 'house', filter, unmask, reveals }, () =>
        store.housesWithResidents(
          db,
          actor.scope,
          { buildingCode: filter.building, gridCode: filter.grid, text: filter.q?.trim() || undefined },
          MAX_EXPORT_ROWS,
        ),
      );
      const named = await withAreaNames(
        db,
        rows.map(({ h, residents }) => ({ h, residents, gridCode: h.gridCode })),
      );
      return named.map(({ h, residents, gridName, villageName }) => ({
        code: h.code,
        gridName,
        villageName,
        address: h.address,
        gridCode: h.gridCode,
        buildingCode: h.buildingCode,
        unit: h.unit,
        floor: h.floor,
        room: h.room,
        use: h.use,
        areaM2: h.areaM2,
        ownerName: h.ownerName,
        ownerIdNumber: unmask && h.ownerIdEnc ? fieldCrypto.decrypt(h.ownerIdEnc) : h.ownerIdMasked,
        ownerPhone: unmask && h.ownerPhoneEnc ? fieldCrypto.decrypt(h.ownerPhoneEnc) : h.ownerPhoneMasked,
        rented: h.rented,
        rentalUse: h.rentalUse,
        rentalCategory: h.rentalCategory,
        rentalLevel: h.rentalLevel,
        hazards: h.hazards,
        residents,
        verifiedAt: h.verifiedAt?.toISOString() ?? null,
      }));
    },

    async get(actor: Actor, code: string) {
      const h = await records.get(db, actor, code);
      const [b] = h.buildingCode ? (await store.buildingsByCode(db, [h.buildingCode])).filter((x) => x.countyCode === h.countyCode) : [];
      const groupId = (await store.groupsOfHouses(db, h.countyCode, [h.code])).get(h.code);
      const g = groupId ? await store.getGroup(db, actor.scope, groupId) : undefined;
      const { gridName, villageName } = await withAreaName(db, { gridCode: h.gridCode });
      return {
        code: h.code,
        address: h.address,
        gridCode: h.gridCode,
        gridName,
        villageName,
        buildingCode: h.buildingCode,
        unit: h.unit,
        floor: h.floor,
        room: h.room,
        use: h.use,
        areaM2: h.areaM2,
        ownerName: h.ownerName,
        ownerIdNumber: h.ownerIdMasked,
        ownerPhone: h.ownerPhoneMasked,
        rented: h.rented,
        rentalUse: h.rentalUse,
        rentalCategory: h.rentalCategory,
        rentalLevel: h.rentalLevel,
        hazards: h.hazards,
        building: b ? { code: b.code, name: b.name, address: b.address } : null,
        group: g ? { id: g.id, name: g.name, lead: g.leadHouseCode === h.code } : null,
        residents: await store.residentsOfHouse(db, h.countyCode, h.code),
        verifiedAt: h.verifiedAt?.toISOString() ?? null,
        version: h.version,
        updatedAt: h.updatedAt.toISOString(),
        ...(await records.history(h)),
      };
    },

    /** A house code is registered once, wherever it is: one already on record (anywhere) answers 409. */
    async create(actor: Actor, input: HouseInput & { code: string }, lang: Lang) {
      const code = input.code.trim();
      const record = await check(db, actor, code, input, lang);
      await db.transaction(async (tx) => {
        if ((await housesByCode(tx, WHOLE_TERRITORY, [code])).length)
          throw new AppError('registry.house_exists', [{ field: 'code', reason: 'exists', value: code }]);
        await writeHouses(
          tx,
          [{ row: buildHouseRow(record, fieldCrypto, { actorId: actor.id, now: clock(), version: 1 }) }],
          actor.id,
          clock(),
        );
      });
      return this.get(actor, code);
    },

    /** An edit names the version it was made on: a house changed meanwhile by someone else answers 409. */
    async update(actor: Actor, code: string, input: HouseInput & { version: number }, lang: Lang) {
      await db.transaction((tx) => this.updateIn(tx, actor, code, input, lang));
      return this.get(actor, code);
    },

    /** The edit inside a caller's transaction (a field visit's corrections); answers the fields it changed. */
    async updateIn(tx: Tx, actor: Actor, code: string, input: HouseInput & { version: number }, lang: Lang): Promise<string[]> {
      const before = await records.get(tx, actor, code);
      const record = await check(tx, actor, before.code, input, lang);
      // Residences and ten-household groups hang on the house by its county: a house moves within its county only.
      if (countyOf(String(record.gridCode)) !== before.countyCode)
        throw refuse(lang, 'gridCode', 'house.outside_county', String(record.gridCode));
      records.assertVersion(before, input.version);
      const row = keepSealed(
        buildHouseRow(record, fieldCrypto, { actorId: actor.id, now: clock(), version: before.version + 1 }),
        before,
        input,
      );
      const [was, is] = [houseView(before), houseView(row)];
      const changed = (Object.keys(is) as (keyof typeof is)[]).filter((k) => JSON.stringify(was[k]) !== JSON.stringify(is[k]));
      if (changed.length) await writeHouses(tx, [{ before, row }], actor.id, clock());
      return changed;
    },

    /** 核实 inside a caller's transaction: the house was checked on site and is right as it stands. */
    async verifyIn(tx: Tx, actor: Actor, code: string, version: number) {
      await records.stampVerified(tx, actor, code, version);
    },

    /** The house as stored (sealed values included): for another area's use case inside its transaction. */
    getStored: records.get,
  };
}

export type HousesService = ReturnType<typeof createHousesService>;
