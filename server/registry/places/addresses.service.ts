import { countyOf, subtreePrefix } from '../../../shared/codes.ts';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { importMessage } from '../../../shared/i18n/import.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { firstRows, type PageAsked } from '../../platform/paging.ts';
import { codeInScope } from '../../platform/scope.ts';
import type { TerritoryService } from '../../territory/index.ts';
import { gridsInScope } from '../../territory/index.ts';
import { locatePoints, placeRecord } from '../organisations/org-apply.ts';
import { forHistory, same } from '../records/record-apply.ts';
import { stampOf } from '../records/record-lifecycle.core.ts';
import { createRecordLifecycle } from '../records/record-lifecycle.ts';
import { insertChanges } from '../records/records.store.ts';
import * as store from './places.store.ts';

export interface AddressInput {
  /** Left out: the parts joined in order. */
  fullText?: string | null;
  road?: string | null;
  doorNumber?: string | null;
  estate?: string | null;
  building?: string | null;
  unit?: string | null;
  room?: string | null;
  gridCode?: string | null;
  lng?: number | null;
  lat?: number | null;
}

const PARTS = ['road', 'doorNumber', 'estate', 'building', 'unit', 'room'] as const;
/** Serial digits after the village code (12): 18 characters in all. */
const SERIAL_DIGITS = 6;
const clean = (v: string | null | undefined) => v?.trim() || null;

type Facts = Pick<
  store.AddressRow,
  'fullText' | 'road' | 'doorNumber' | 'estate' | 'building' | 'unit' | 'room' | 'gridCode' | 'lng' | 'lat'
>;
const addressView = (a: Facts): Facts => ({
  fullText: a.fullText,
  road: a.road,
  doorNumber: a.doorNumber,
  estate: a.estate,
  building: a.building,
  unit: a.unit,
  room: a.room,
  gridCode: a.gridCode,
  lng: a.lng,
  lat: a.lat,
});

export function createAddressesService({ db, clock, territory }: { db: Db; clock: Clock; territory: TerritoryService }) {
  const records = createRecordLifecycle<store.AddressRow>(
    {
      type: 'address',
      notFound: 'registry.address_not_found',
      find: store.getAddress,
      keyOf: (a) => a.code,
      restamp: (tx, a, stamp) => store.updateAddress(tx, a.countyCode, a.code, stamp),
    },
    { db, clock },
  );
  const view = (a: store.AddressRow) => ({
    code: a.code,
    ...addressView(a),
    verifiedAt: a.verifiedAt?.toISOString() ?? null,
    version: a.version,
    updatedAt: a.updatedAt.toISOString(),
  });
  const refuse = (lang: Lang, field: string, reason: string, value?: string) =>
    new AppError('registry.record_invalid', [
      { field, reason, message: importMessage(reason, lang, { value }), ...(value ? { value } : {}) },
    ]);

  /** The facts of the form, placed in a grid of the caller's; the point is looked up before any transaction. */
  async function check(actor: Actor, input: AddressInput, lang: Lang): Promise<Facts> {
    const parts = Object.fromEntries(PARTS.map((k) => [k, clean(input[k])])) as Record<(typeof PARTS)[number], string | null>;
    const fullText = clean(input.fullText) ?? (PARTS.map((k) => parts[k] ?? '').join('') || null);
    if (!fullText) throw refuse(lang, 'fullText', 'field.required');
    const lng = input.lng ?? null;
    const lat = input.lat ?? null;
    if ((lng === null) !== (lat === null)) throw refuse(lang, lng === null ? 'lng' : 'lat', 'coordinate.incomplete');
    const gridCode = clean(input.gridCode);
    if (!gridCode && lng === null) throw refuse(lang, 'gridCode', 'org.grid_or_point_required');
    const record = { gridCode, lng, lat };
    const grids = gridCode ? await gridsInScope(db, actor.scope, [gridCode]) : new Set<string>();
    const placed = placeRecord(record, {
      located: await locatePoints([record], async (x, y) => (await territory.locate(x, y))?.grid.code ?? null),
      gridInScope: (g) => grids.has(g),
      scopeAllows: (g) => codeInScope(g, actor.scope),
    });
    if ('reason' in placed) throw refuse(lang, placed.field, placed.reason, placed.value);
    return { fullText, ...parts, gridCode: placed.gridCode, lng, lat };
  }

  return {
    async find(actor: Actor, filter: { q?: string; area?: string }, page: PageAsked) {
      const text = filter.q?.trim() ?? '';
      const terms = {
        ...(/^\d{18}$/.test(text) ? { code: text } : text ? { text } : {}),
        areaPrefix: filter.area ? subtreePrefix(filter.area) : undefined,
      };
      const [rows, total] = await Promise.all([
        store.searchAddresses(db, actor.scope, terms, page),
        store.countAddresses(db, actor.scope, terms),
      ]);
      return { items: rows.map(view), total };
    },

    async get(actor: Actor, code: string) {
      const a = await records.get(db, actor, code);
      const buildings = (await store.searchBuildings(db, actor.scope, { code: a.code }, firstRows(100)))
        .filter((r) => r.b.addressCode === a.code)
        .map((r) => ({ code: r.b.code, name: r.b.name }));
      return { ...view(a), buildings, ...(await records.history(a)) };
    },

    /** Records an address; its code is the village of its grid and the next serial there. */
    async create(actor: Actor, input: AddressInput, lang: Lang) {
      const facts = await check(actor, input, lang);
      const now = clock();
      const code = await db.transaction(async (tx) => {
        const countyCode = countyOf(facts.gridCode);
        const village = facts.gridCode.slice(0, 12);
        const code = village + String(await store.nextAddressSerial(tx, countyCode, village)).padStart(SERIAL_DIGITS, '0');
        const row = { countyCode, code, ...facts, ...stampOf({ actorId: actor.id, now, version: 1 }) };
        await store.insertAddresses(tx, [row]);
        await insertChanges(tx, [records.change(row, actor.id, now, null, forHistory(addressView(facts)))]);
        return code;
      });
      return this.get(actor, code);
    },

    /** The code keeps the village it was recorded in; the address may move to another grid of its county. */
    async update(actor: Actor, code: string, input: AddressInput & { version: number }, lang: Lang) {
      const facts = await check(actor, input, lang);
      const now = clock();
      await db.transaction(async (tx) => {
        const before = await records.get(tx, actor, code);
        records.assertVersion(before, input.version);
        if (countyOf(facts.gridCode) !== before.countyCode) throw refuse(lang, 'gridCode', 'address.outside_county');
        if (same(addressView(before), addressView(facts))) return;
        await store.updateAddress(tx, before.countyCode, before.code, {
          ...facts,
          ...stampOf({ actorId: actor.id, now, version: before.version + 1 }),
        });
        await insertChanges(tx, [records.change(before, actor.id, now, forHistory(addressView(before)), forHistory(addressView(facts)))]);
      });
      return this.get(actor, code);
    },

    async verify(actor: Actor, code: string, version: number) {
      await records.verify(actor, code, version);
      return this.get(actor, code);
    },
  };
}

export type AddressesService = ReturnType<typeof createAddressesService>;
