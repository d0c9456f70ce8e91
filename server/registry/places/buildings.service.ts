import { chinaDate } from '../../../shared/china-time.ts';
import { subtreePrefix } from '../../../shared/codes.ts';
import type { ErrorDetail } from '../../../shared/errors.ts';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { importMessage } from '../../../shared/i18n/import.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { firstRows, type PageAsked } from '../../platform/paging.ts';
import { codeInScope } from '../../platform/scope.ts';
import type { TerritoryService } from '../../territory/index.ts';
import { gridsInScope } from '../../territory/index.ts';
import { auditedExport, MAX_EXPORT_ROWS, type Unmask } from '../io/list-export.ts';
import { BUILDING_TEMPLATE, type ImportRecord, validateRow } from '../io/templates.ts';
import { locatePoints, placeRecord, type Refusal } from '../organisations/org-apply.ts';
import { withAreaName, withAreaNames } from '../records/area-names.ts';
import { same } from '../records/record-apply.ts';
import { createRecordLifecycle } from '../records/record-lifecycle.ts';
import { getPerson } from '../records/records.store.ts';
import { buildBuildingRow, buildingView, type LeaderOnRecord, leaderPeople, ledBy, writeBuildings } from './building-apply.ts';
import * as store from './places.store.ts';

/** The fields of the create and edit forms; checked by the building template's own rules. */
export interface BuildingInput {
  name: string;
  estate?: string | null;
  /** A standard address on record: its text, grid and point fill what the form leaves out (collect once). */
  addressCode?: string | null;
  address?: string | null;
  gridCode?: string | null;
  lng?: number | null;
  lat?: number | null;
  floors?: number | null;
  units?: number | null;
  households?: number | null;
  /**
   * The 楼栋长 picked from the people on record (in the caller's jurisdiction): name and phone come from the person,
   * and any typed here are not used. Null or left out: the leader as typed below.
   */
  leaderPersonId?: string | null;
  leaderName?: string | null;
  /** Left out on an edit: the phone on record stays; null clears it. */
  leaderPhone?: string | null;
}

const asText = (v: unknown) => (v === null || v === undefined ? '' : String(v));
/** A whole building or address code is matched exactly; anything else as part of an address or name. */
const termsOf = (q?: string, area?: string): store.PlaceFilter => {
  const text = q?.trim() ?? '';
  return {
    ...(/^[0-9][0-9A-Za-z-]{11,39}$/.test(text) ? { code: text } : text ? { text } : {}),
    areaPrefix: area ? subtreePrefix(area) : undefined,
  };
};

export function createBuildingsService({
  db,
  clock,
  fieldCrypto,
  territory,
  unmaskedExportMax,
}: {
  db: Db;
  clock: Clock;
  fieldCrypto: FieldCrypto;
  territory: TerritoryService;
  unmaskedExportMax: number;
}) {
  const records = createRecordLifecycle<store.BuildingRow, 'leaderPhone'>(
    {
      type: 'building',
      notFound: 'registry.building_not_found',
      find: store.getBuilding,
      keyOf: (b) => b.code,
      restamp: store.markBuildingVerified,
      sealed: { leaderPhone: (b) => b.leaderPhoneEnc },
    },
    { db, clock, fieldCrypto },
  );
  const view = (b: store.BuildingRow, houses: number) => ({
    code: b.code,
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
    houses,
    leaderName: b.leaderName,
    leaderPhone: b.leaderPhoneMasked,
    leaderPersonId: b.leaderPersonId,
    verifiedAt: b.verifiedAt?.toISOString() ?? null,
    version: b.version,
    updatedAt: b.updatedAt.toISOString(),
  });
  const invalid = (lang: Lang, ...refusals: Refusal[]) =>
    new AppError(
      'registry.record_invalid',
      refusals.map(
        (r) =>
          ({
            field: r.field,
            reason: r.reason,
            message: importMessage(r.reason, lang, { value: r.value }),
            ...(r.value ? { value: r.value } : {}),
          }) as ErrorDetail,
      ),
    );

  /**
   * The form filled from its standard address and its leader on record, checked by the template's rules (every
   * problem at once, each naming its field), and placed in a grid of the caller's. The point is looked up before
   * any transaction.
   */
  async function check(
    actor: Actor,
    code: string,
    input: BuildingInput,
    lang: Lang,
  ): Promise<{ record: ImportRecord; gridCode: string; addressCode: string | null; leader: LeaderOnRecord | null }> {
    let filled: BuildingInput = input;
    const [address, leader] = await Promise.all([
      input.addressCode ? store.getAddress(db, actor.scope, input.addressCode) : undefined,
      input.leaderPersonId ? getPerson(db, actor.scope, input.leaderPersonId) : undefined,
    ]);
    const missing: Refusal[] = [
      ...(input.addressCode && !address ? [{ field: 'addressCode', reason: 'address.not_found', value: input.addressCode }] : []),
      ...(input.leaderPersonId && !leader ? [{ field: 'leaderPersonId', reason: 'person.not_found', value: input.leaderPersonId }] : []),
    ];
    if (missing.length) throw invalid(lang, ...missing);
    if (address)
      filled = {
        ...filled,
        address: address.fullText,
        gridCode: input.gridCode || address.gridCode,
        lng: input.lng ?? address.lng,
        lat: input.lat ?? address.lat,
      };
    // The person's phone is copied sealed, never unsealed to be checked again: only the name goes through the template.
    if (leader) filled = { ...filled, leaderName: leader.name, leaderPhone: null };
    const values = Object.fromEntries(
      BUILDING_TEMPLATE.fields.map((f) => [f.key, asText((filled as unknown as Record<string, unknown>)[f.key])]),
    );
    const result = validateRow(BUILDING_TEMPLATE, { ...values, buildingCode: code }, { today: chinaDate(clock()), lang });
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
    const record = result.record;
    const grids = await gridsInScope(db, actor.scope, [String(record.gridCode)]);
    const placed = placeRecord(record, {
      located: await locatePoints([record], async (lng, lat) => (await territory.locate(lng, lat))?.grid.code ?? null),
      gridInScope: (g) => grids.has(g),
      scopeAllows: (g) => codeInScope(g, actor.scope),
    });
    if ('reason' in placed) throw invalid(lang, placed);
    return { record, gridCode: placed.gridCode, addressCode: input.addressCode || null, leader: leader ?? null };
  }

  /**
   * The row to write. A leader picked on record is that person; a typed one is linked to the person of the same
   * name and phone. `keepPhoneOf` keeps that record's phone (an edit that left the phone out), and its link too
   * while the name stays: the person may live in another county, or have changed phone since.
   */
  async function build(tx: Tx, actor: Actor, checked: Awaited<ReturnType<typeof check>>, version: number, keepPhoneOf?: store.BuildingRow) {
    const built = buildBuildingRow(
      checked.record,
      checked.gridCode,
      fieldCrypto,
      { addressCode: checked.addressCode, leaderPersonId: null },
      { actorId: actor.id, now: clock(), version },
    );
    if (checked.leader) return ledBy(built, checked.leader);
    const row = keepPhoneOf
      ? {
          ...built,
          leaderPhoneEnc: keepPhoneOf.leaderPhoneEnc,
          leaderPhoneHash: keepPhoneOf.leaderPhoneHash,
          leaderPhoneMasked: keepPhoneOf.leaderPhoneMasked,
        }
      : built;
    const key = { countyCode: row.countyCode, phoneHash: row.leaderPhoneHash, name: row.leaderName };
    const kept = keepPhoneOf && keepPhoneOf.leaderName === row.leaderName ? keepPhoneOf.leaderPersonId : null;
    return { ...row, leaderPersonId: (await leaderPeople(tx, [key]))(key) ?? kept };
  }

  return {
    async find(actor: Actor, filter: { q?: string; area?: string }, page: PageAsked) {
      const terms = termsOf(filter.q, filter.area);
      const [rows, total] = await Promise.all([
        store.searchBuildings(db, actor.scope, terms, page),
        store.countBuildings(db, actor.scope, terms),
      ]);
      return {
        items: await withAreaNames(
          db,
          rows.map((r) => view(r.b, r.houses)),
        ),
        total,
      };
    },

    /** The filtered list for a spreadsheet: the leader's phone masked unless the caller may unmask and gives a reason; audited. */
    async export(actor: Actor, { unmask, ...filter }: { q?: string; area?: string; unmask?: Unmask }) {
      const reveals = ({ b }: { b: store.BuildingRow }) => ({ id: b.code, fields: b.leaderPhoneEnc ? ['leaderPhone'] : [] });
      const rows = await auditedExport({ db, clock, unmaskedExportMax }, actor, { target: 'building', filter, unmask, reveals }, () =>
        store.searchBuildings(db, actor.scope, termsOf(filter.q, filter.area), firstRows(MAX_EXPORT_ROWS)),
      );
      return withAreaNames(
        db,
        rows.map(({ b, houses }) => ({
          ...view(b, houses),
          ...(unmask && b.leaderPhoneEnc ? { leaderPhone: fieldCrypto.decrypt(b.leaderPhoneEnc) } : {}),
        })),
      );
    },

    /** A building, its houses (with residents counted), who verified it, and its history. */
    async get(actor: Actor, code: string) {
      const b = await records.get(db, actor, code);
      const houses = await store.listHouses(db, actor.scope, { buildingCode: b.code }, firstRows(2000));
      return { ...(await withAreaName(db, view(b, houses.length))), houseList: houses, ...(await records.history(b)) };
    },

    async create(actor: Actor, input: BuildingInput & { code: string }, lang: Lang) {
      const code = input.code.trim();
      const checked = await check(actor, code, input, lang);
      await db.transaction(async (tx) => {
        if ((await store.buildingsByCode(tx, [code])).length)
          throw new AppError('registry.building_exists', [{ field: 'code', reason: 'exists', value: code }]);
        await writeBuildings(tx, [{ row: await build(tx, actor, checked, 1) }], actor.id, clock());
      });
      return this.get(actor, code);
    },

    /** An edit names the version it was made on: a record changed meanwhile by someone else answers 409. */
    async update(actor: Actor, code: string, input: BuildingInput & { version: number }, lang: Lang) {
      const current = await records.get(db, actor, code);
      const checked = await check(actor, current.code, input, lang);
      await db.transaction(async (tx) => {
        const before = await records.get(tx, actor, current.code);
        records.assertVersion(before, input.version);
        // The form never holds the full phone (only its masked form): leaving it out keeps the one on record.
        const row = await build(tx, actor, checked, before.version + 1, input.leaderPhone === undefined ? before : undefined);
        if (!same(buildingView(before), buildingView(row))) await writeBuildings(tx, [{ before, row }], actor.id, clock());
      });
      return this.get(actor, current.code);
    },

    /** 核实: the record was checked on site and is right as it stands; kept in the history as who and when. */
    async verify(actor: Actor, code: string, version: number) {
      await records.verify(actor, code, version);
      return this.get(actor, code);
    },

    /** The 楼栋长's full phone, for a stated reason; audited. */
    reveal: (actor: Actor, code: string, reason: string) => records.reveal(actor, code, 'leaderPhone', reason),
  };
}

export type BuildingsService = ReturnType<typeof createBuildingsService>;
