import { chinaDate } from '../../../shared/china-time.ts';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { importMessage } from '../../../shared/i18n/import.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { codeInScope } from '../../platform/scope.ts';
import { applyFacilities } from '../facilities/facility-apply.ts';
import { applyOrganisations, type Locate, type Located, locatePoints } from '../organisations/org-apply.ts';
import { applyBuildings } from '../places/building-apply.ts';
import { applyHouses, applyPeople, type Batch, type BatchOutcome } from '../records/record-apply.ts';
import { analyzeTables } from '../records/records.store.ts';
import type { ReportedError } from './spreadsheet-export.ts';
import type { ImportRow } from './spreadsheet-import.ts';
import { type ImportRecord, TEMPLATES, type TemplateId, validateRow } from './templates.ts';

/** Rows written per transaction: a killed import loses at most the batch in flight, and a re-run skips what is there. */
export const IMPORT_BATCH_ROWS = 1000;
/** Refused rows kept for the report; beyond this they are counted only. */
const MAX_REPORTED_ERRORS = 100_000;

export interface ImportProgress {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** Each importable template's writer of one batch; a template is importable once it is here. */
const APPLIERS = {
  house: applyHouses,
  person: applyPeople,
  organisation: applyOrganisations,
  facility: applyFacilities,
  building: applyBuildings,
} satisfies Partial<Record<TemplateId, (tx: Tx, batch: Batch & { located: Located }) => Promise<BatchOutcome>>>;

export type ImportableTemplate = keyof typeof APPLIERS;

/** The tables each template writes: analysed after a large import (below). */
const WRITTEN: Record<ImportableTemplate, string[]> = {
  house: ['house', 'record_change'],
  person: ['person', 'residence', 'record_change'],
  organisation: ['organisation', 'record_change'],
  facility: ['facility', 'record_change'],
  building: ['building', 'record_change'],
};
/**
 * An import that wrote this many rows has the tables analysed when it ends: the planner must not wait for
 * autovacuum to learn of a fresh million rows (until it did, an ID-number search over them took seconds).
 */
export const ANALYZE_AFTER_ROWS = 10_000;
export const IMPORTABLE_TEMPLATES = Object.keys(APPLIERS) as ImportableTemplate[];

/** Without the territory (the import benchmark) no point lies in a grid, so rows must name their grid. */
const NOWHERE: Locate = async () => null;

export function createRegistryImport({
  db,
  clock,
  fieldCrypto,
  locate = NOWHERE,
}: {
  db: Db;
  clock: Clock;
  fieldCrypto: FieldCrypto;
  locate?: Locate;
}) {
  return {
    /**
     * Validates every row, writes the good ones in batches (matched on their natural keys, so re-importing
     * the same file changes nothing), and returns the bad ones by row, column and reason.
     */
    async importRows(
      actor: Actor,
      templateId: ImportableTemplate,
      rows: AsyncIterable<ImportRow>,
      opts: { lang: Lang; onProgress?: (p: ImportProgress) => void },
    ) {
      const template = TEMPLATES[templateId];
      const now = clock();
      const today = chinaDate(now);
      const progress: ImportProgress = { read: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
      const errors: ReportedError[] = [];
      const reject = (rowNumber: number, list: Omit<ReportedError, 'rowNumber'>[]) => {
        progress.rejected++;
        for (const e of list) if (errors.length < MAX_REPORTED_ERRORS) errors.push({ rowNumber, ...e });
      };
      let pending: { rowNumber: number; record: ImportRecord }[] = [];

      const flush = async () => {
        if (pending.length === 0) return;
        const located = await locatePoints(
          pending.map((r) => r.record),
          locate,
        );
        const batch = {
          rows: pending,
          actor,
          now,
          today,
          crypto: fieldCrypto,
          scopeAllows: (code: string) => codeInScope(code, actor.scope),
          located,
        };
        pending = [];
        const outcome = await db.transaction((tx) => APPLIERS[templateId](tx, batch));
        for (const r of outcome.refused) {
          const f = template.fields.find((x) => x.key === r.field)!;
          reject(r.rowNumber, [{ column: f.header, reason: r.reason, message: importMessage(r.reason, opts.lang, { value: r.value }) }]);
        }
        progress.created += outcome.created;
        progress.updated += outcome.updated;
        progress.unchanged += outcome.unchanged;
        opts.onProgress?.({ ...progress });
      };

      for await (const row of rows) {
        progress.read++;
        const result = validateRow(template, row.values, { today, lang: opts.lang });
        if (!result.ok)
          reject(
            row.rowNumber,
            result.errors.map(({ column, reason, message }) => ({ column, reason, message })),
          );
        else pending.push({ rowNumber: row.rowNumber, record: result.record });
        if (pending.length >= IMPORT_BATCH_ROWS) await flush();
      }
      await flush();
      if (progress.created + progress.updated >= ANALYZE_AFTER_ROWS) await analyzeTables(db, WRITTEN[templateId]);
      await db.transaction((tx) =>
        recordAudit(tx, { at: now, actorId: actor.id, action: 'registry.imported', target: templateId, detail: { ...progress } }),
      );
      return { ...progress, errors };
    },
  };
}

export type RegistryImport = ReturnType<typeof createRegistryImport>;
