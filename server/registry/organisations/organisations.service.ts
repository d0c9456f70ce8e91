import { chinaDate } from '../../../shared/china-time.ts';
import { subtreePrefix } from '../../../shared/codes.ts';
import type { ErrorDetail } from '../../../shared/errors.ts';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { importMessage } from '../../../shared/i18n/import.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { firstRows, type PageAsked } from '../../platform/paging.ts';
import { codeInScope } from '../../platform/scope.ts';
import type { TerritoryService } from '../../territory/index.ts';
import { gridsInScope } from '../../territory/index.ts';
import { auditedExport, MAX_EXPORT_ROWS, type Unmask } from '../io/list-export.ts';
import { type ImportRecord, ORGANISATION_TEMPLATE, validateRow } from '../io/templates.ts';
import { withAreaName, withAreaNames } from '../records/area-names.ts';
import { normalizeCreditCode } from '../records/identifiers.core.ts';
import { same } from '../records/record-apply.ts';
import { createRecordLifecycle } from '../records/record-lifecycle.ts';
import { buildOrgRow, locatePoints, orgView, placeRecord, type Refusal, writeOrganisations } from './org-apply.ts';
import * as store from './organisations.store.ts';

/** The fields of the create and edit forms, as JSON; checked by the import template's own rules. */
export interface OrganisationInput {
  name: string;
  orgType: string;
  address: string;
  gridCode?: string | null;
  lng?: number | null;
  lat?: number | null;
  legalRep?: string | null;
  safetyContact?: string | null;
  safetyContactPhone?: string | null;
  hazards?: string[];
}

export interface OrganisationFilter {
  q?: string;
  area?: string;
  orgType?: string;
  hazard?: string;
}

/** A whole credit code is matched exactly; anything else as part of a name. */
function searchTerms(f: OrganisationFilter): store.OrganisationFilter {
  const text = f.q?.trim() ?? '';
  const code = normalizeCreditCode(text);
  return {
    ...(/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) ? { creditCode: code } : text ? { name: text } : {}),
    areaPrefix: f.area ? subtreePrefix(f.area) : undefined,
    orgType: f.orgType,
    hazard: f.hazard,
  };
}

const asText = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join('、') : String(v));

export function createOrganisationsService({
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
  const records = createRecordLifecycle<store.OrganisationRow, 'safetyContactPhone'>(
    {
      type: 'organisation',
      notFound: 'registry.org_not_found',
      keyOf: (o) => o.creditCode,
      restamp: store.markOrganisationVerified,
      find: (tx, scope, creditCode) => store.getOrganisation(tx, scope, normalizeCreditCode(creditCode)),
      sealed: { safetyContactPhone: (o) => o.safetyPhoneEnc },
    },
    { db, clock, fieldCrypto },
  );
  const view = (o: store.OrganisationRow) => ({
    creditCode: o.creditCode,
    name: o.name,
    orgType: o.orgType,
    address: o.address,
    gridCode: o.gridCode,
    lng: o.lng,
    lat: o.lat,
    legalRep: o.legalRep,
    safetyContact: o.safetyContact,
    safetyContactPhone: o.safetyPhoneMasked,
    hazards: o.hazards,
    verifiedAt: o.verifiedAt?.toISOString() ?? null,
    version: o.version,
    updatedAt: o.updatedAt.toISOString(),
  });

  /** The form checked by the template's rules; every problem at once, each naming its field. */
  function check(creditCode: string, input: OrganisationInput, lang: Lang): ImportRecord {
    const values = Object.fromEntries(
      ORGANISATION_TEMPLATE.fields.map((f) => [f.key, asText((input as unknown as Record<string, unknown>)[f.key])]),
    );
    const result = validateRow(ORGANISATION_TEMPLATE, { ...values, creditCode }, { today: chinaDate(clock()), lang });
    const typed = (field: string) => (field === 'creditCode' ? creditCode : values[field]);
    if (!result.ok)
      throw new AppError(
        'registry.record_invalid',
        result.errors.map((e) => ({
          field: e.field,
          reason: e.reason,
          message: e.message,
          ...(typed(e.field) ? { value: typed(e.field) } : {}),
        })),
      );
    return result.record;
  }

  const refused = (r: Refusal, lang: Lang): AppError =>
    new AppError('registry.record_invalid', [
      {
        field: r.field,
        reason: r.reason,
        message: importMessage(r.reason, lang, { value: r.value }),
        ...(r.value ? { value: r.value } : {}),
      } as ErrorDetail,
    ]);

  /** Before any transaction: see locatePoints. */
  async function place(actor: Actor, record: ImportRecord, lang: Lang) {
    const grids = record.gridCode === null ? new Set<string>() : await gridsInScope(db, actor.scope, [String(record.gridCode)]);
    const placed = placeRecord(record, {
      located: await locatePoints([record], async (lng, lat) => (await territory.locate(lng, lat))?.grid.code ?? null),
      gridInScope: (g) => grids.has(g),
      scopeAllows: (g) => codeInScope(g, actor.scope),
    });
    if ('reason' in placed) throw refused(placed, lang);
    return placed.gridCode;
  }

  return {
    async find(actor: Actor, filter: OrganisationFilter, page: PageAsked) {
      const terms = searchTerms(filter);
      const [rows, total] = await Promise.all([
        store.searchOrganisations(db, actor.scope, terms, page),
        store.countOrganisations(db, actor.scope, terms),
      ]);
      return { items: await withAreaNames(db, rows.map(view)), total };
    },

    async get(actor: Actor, creditCode: string) {
      const o = await records.get(db, actor, creditCode);
      return { ...(await withAreaName(db, view(o))), ...(await records.history(o)) };
    },

    async create(actor: Actor, input: OrganisationInput & { creditCode: string }, lang: Lang) {
      const record = check(input.creditCode, input, lang);
      const code = String(record.creditCode);
      const now = clock();
      const gridCode = await place(actor, record, lang);
      await db.transaction(async (tx) => {
        if ((await store.organisationsByCode(tx, [code])).length)
          throw new AppError('registry.org_exists', [{ field: 'creditCode', reason: 'exists', value: code }]);
        await writeOrganisations(
          tx,
          [{ row: buildOrgRow(record, gridCode, fieldCrypto, { actorId: actor.id, now, version: 1 }) }],
          actor.id,
          now,
        );
      });
      return this.get(actor, code);
    },

    /**
     * An edit names the version it was made on: a record changed meanwhile by someone else answers 409. A phone
     * left out stays as it is; null clears it.
     */
    async update(actor: Actor, creditCode: string, input: OrganisationInput & { version: number }, lang: Lang) {
      const now = clock();
      const code = (await records.get(db, actor, creditCode)).creditCode;
      const record = check(code, input, lang);
      const gridCode = await place(actor, record, lang);
      await db.transaction(async (tx) => {
        const before = await records.get(tx, actor, code);
        records.assertVersion(before, input.version);
        const built = buildOrgRow(record, gridCode, fieldCrypto, { actorId: actor.id, now, version: before.version + 1 });
        // The form never holds the full phone (only its masked form): leaving it out keeps the one on record.
        const row =
          input.safetyContactPhone === undefined
            ? {
                ...built,
                safetyPhoneEnc: before.safetyPhoneEnc,
                safetyPhoneHash: before.safetyPhoneHash,
                safetyPhoneMasked: before.safetyPhoneMasked,
              }
            : built;
        if (!same(orgView(before), orgView(row))) await writeOrganisations(tx, [{ before, row }], actor.id, now);
      });
      return this.get(actor, code);
    },

    /** 核实: the record was checked on site and is right as it stands; kept in the history as who and when. */
    async verify(actor: Actor, creditCode: string, version: number) {
      await records.verify(actor, creditCode, version);
      return this.get(actor, creditCode);
    },

    /** A filtered list for a spreadsheet: masked unless the caller may unmask and gives a reason; always audited. */
    async export(actor: Actor, { unmask, ...filter }: OrganisationFilter & { unmask?: Unmask }) {
      const reveals = (o: store.OrganisationRow) => ({ id: o.creditCode, fields: o.safetyPhoneEnc ? ['safetyContactPhone'] : [] });
      const rows = await auditedExport({ db, clock, unmaskedExportMax }, actor, { target: 'organisation', filter, unmask, reveals }, () =>
        store.searchOrganisations(db, actor.scope, searchTerms(filter), firstRows(MAX_EXPORT_ROWS)),
      );
      return withAreaNames(
        db,
        rows.map((o) => ({
          ...view(o),
          ...(unmask && o.safetyPhoneEnc ? { safetyContactPhone: fieldCrypto.decrypt(o.safetyPhoneEnc) } : {}),
        })),
      );
    },

    /** The safety contact's full phone, for a stated reason; audited. */
    reveal: (actor: Actor, creditCode: string, reason: string) => records.reveal(actor, creditCode, 'safetyContactPhone', reason),
  };
}

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
