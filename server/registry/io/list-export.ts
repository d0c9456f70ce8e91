/**
 * What the base-data list exports (people, organisations, components, buildings, houses) share, in one place:
 * the route (the list's own filter, plus `unmask` with a reason where the list holds sealed values), the rule
 * (full values only for a role that may unmask and asks to, with a reason, for at most GEZHI_UNMASKED_EXPORT_MAX rows)
 * with the audit row it writes (the list, the filter, the row count, unmasked or not, and for full values how many of
 * each field were revealed and in which records), and the sheet (columns with Chinese and English headers).
 * Each list brings its filter, its rows and its columns; nothing else is its own.
 */
import { PassThrough, type Writable } from 'node:stream';
import { type Static, type TObject, type TProperties, Type } from '@sinclair/typebox';
import { chinaDate } from '../../../shared/china-time.ts';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { ONE_FILTER_NEEDED } from '../../../shared/i18n/export.ts';
import { REASON } from '../../../shared/limits.ts';
import { can } from '../../../shared/roles.ts';
import type { Actor, Guard } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { Http } from '../../platform/http.ts';
import { errorReplies } from '../../platform/schemas.ts';
import { type CodeTable, codeName } from '../records/code-tables.ts';
import { writeSheet } from './spreadsheet-export.ts';

/** One export holds at most this many rows; a larger area is exported part by part. */
export const MAX_EXPORT_ROWS = 100_000;

/** Asked for full values, and why. */
export interface Unmask {
  reason: string;
}

/** What an export needs besides its rows: where to audit, the time, and how many rows may carry full values. */
export interface ExportContext {
  db: Db;
  clock: Clock;
  unmaskedExportMax: number;
}

/** The record a row is, and the sealed fields it holds a value of (what unmasking reveals in it). */
export interface Reveals {
  id: string;
  fields: string[];
}

// ── the rule and the audit ────────────────────────────────────────────────────────────────────────────

/** Per field, how many values the rows reveal, and the records that reveal any. */
export function revealedIn<T>(rows: readonly T[], reveals: (row: T) => Reveals) {
  const counts: Record<string, number> = {};
  const recordIds: string[] = [];
  for (const row of rows) {
    const { id, fields } = reveals(row);
    for (const f of fields) counts[f] = (counts[f] ?? 0) + 1;
    if (fields.length) recordIds.push(id);
  }
  return { revealed: counts, recordIds };
}

/**
 * Loads the rows of one export and audits it with its filter and row count. Unmasking needs registry.unmask (a
 * caller without it is refused before anything is read) and is refused over `unmaskedExportMax` rows, before
 * anything is unsealed; the audit row of an unmasked export counts the values revealed per field and names the
 * records (`reveals` says what a row holds).
 */
export async function auditedExport<T>(
  { db, clock, unmaskedExportMax }: ExportContext,
  actor: Actor,
  request: { target: string; filter: Record<string, string | undefined>; unmask?: Unmask; reveals?: (row: T) => Reveals },
  load: () => Promise<T[]>,
): Promise<T[]> {
  if (request.unmask && !can(actor.roles, 'registry.unmask'))
    throw new AppError('access.forbidden', [{ field: 'unmask', reason: 'registry.unmask' }]);
  const rows = await load();
  if (request.unmask && rows.length > unmaskedExportMax)
    throw new AppError('registry.unmasked_export_cap', [
      {
        field: 'querystring.unmask',
        reason: 'registry.unmasked_export_cap',
        value: `${rows.length} > ${unmaskedExportMax}`,
        rows: rows.length,
        cap: unmaskedExportMax,
      },
    ]);
  const revealed = request.unmask && request.reveals ? revealedIn(rows, request.reveals) : {};
  const filter = Object.fromEntries(Object.entries(request.filter).map(([key, value]) => [key, value ?? null]));
  await db.transaction((tx) =>
    recordAudit(tx, {
      at: clock(),
      actorId: actor.id,
      action: 'registry.exported',
      target: request.target,
      detail: { ...filter, rows: rows.length, unmasked: !!request.unmask, reason: request.unmask?.reason ?? null, ...revealed },
    }),
  );
  return rows;
}

// ── the sheet ─────────────────────────────────────────────────────────────────────────────────────────

export interface ExportColumn<T> {
  zh: string;
  en: string;
  width?: number;
  value(row: T, lang: Lang): string | number | null;
}

export interface ListSheet<T> {
  zh: string;
  en: string;
  columns: readonly ExportColumn<T>[];
}

/** The rows under the sheet's headers, in the caller's language. */
export function writeListSheet<T>(sheet: ListSheet<T>, rows: readonly T[], stream: Writable, lang: Lang): Promise<void> {
  const en = lang === 'en';
  function* lines() {
    for (const row of rows) yield sheet.columns.map((c) => c.value(row, lang) ?? '');
  }
  return writeSheet(
    {
      name: en ? sheet.en : sheet.zh,
      headers: sheet.columns.map((c) => (en ? c.en : c.zh)),
      widths: sheet.columns.map((c) => c.width ?? 18),
    },
    lines(),
    stream,
  );
}

/** The names of several codes of one table in one cell, as the import templates take them. */
export const codeNames = (table: CodeTable, codes: readonly string[], lang: Lang) =>
  codes.map((c) => codeName(table, c, lang)).join(lang === 'en' ? ', ' : '、');
/** When a record was last verified, as the day in China. */
export const verifiedDay = (verifiedAt: string | null) => (verifiedAt ? chinaDate(new Date(verifiedAt)) : null);
export const yesNo = (value: boolean, lang: Lang) => (lang === 'en' ? (value ? 'Yes' : 'No') : value ? '是' : '否');

// ── the route ─────────────────────────────────────────────────────────────────────────────────────────

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UNMASK_QUERY = {
  unmask: Type.Optional(Type.Boolean({ description: 'Full ID numbers and phones (needs registry.unmask and a reason)' })),
  reason: Type.Optional(
    Type.String({ minLength: REASON.min, maxLength: REASON.max, description: 'Why the full values are needed', example: '低保复核' }),
  ),
};

export interface ExportRoute<F extends TProperties, T> {
  url: string;
  /** 导出… Chinese first, then English, like every route's summary. */
  summary: string;
  /** The querystring properties of the list route, without its limit. */
  filter: F;
  /** A list holding sealed values (ID numbers, phones) takes `unmask` and `reason`; one without takes neither. */
  unmaskable: boolean;
  /** At least one of these filters must be given, not blank (a whole jurisdiction of them is no list). */
  needsOneOf?: readonly (keyof F & string)[];
  fileName: string;
  rows(actor: Actor, filter: Static<TObject<F>>, unmask: Unmask | undefined): Promise<T[]>;
  write(rows: T[], stream: Writable, lang: Lang): Promise<void>;
}

/** Registers GET `url`: the filtered list as .xlsx, for registry.read, streamed as it is written. */
export function exportRoute<F extends TProperties, T>(app: Http, guard: Guard, spec: ExportRoute<F, T>) {
  const querystring = Type.Object({ ...spec.filter, ...(spec.unmaskable ? UNMASK_QUERY : {}) }, { additionalProperties: false });
  app.get(
    spec.url,
    {
      schema: {
        tags: ['registry'],
        summary: spec.summary,
        querystring,
        response: { 200: Type.Unknown({ description: '.xlsx' }), ...errorReplies },
      },
      onRequest: guard('registry.read'),
    },
    async (request, reply) => {
      const { unmask, reason, ...query } = request.query as Record<string, unknown> & { unmask?: boolean; reason?: string };
      // Every filter of the list, given or not, so the audit row shows the whole filter.
      const filter = Object.fromEntries(Object.keys(spec.filter).map((key) => [key, query[key]]));
      if (unmask && !reason) throw new AppError('request.invalid', [{ field: 'querystring.reason', reason: 'required' }]);
      if (spec.needsOneOf && !spec.needsOneOf.some((key) => String(filter[key] ?? '').trim() !== '')) {
        const names = spec.needsOneOf.join(request.lang === 'en' ? ', ' : '、');
        throw new AppError('request.invalid', [
          { field: 'querystring', reason: 'filter.required', message: ONE_FILTER_NEEDED[request.lang](names) },
        ]);
      }
      const rows = await spec.rows(request.actor, filter as Static<TObject<F>>, unmask ? { reason: reason! } : undefined);
      const out = new PassThrough();
      spec.write(rows, out, request.lang).catch((err: Error) => out.destroy(err));
      return reply.type(XLSX).header('content-disposition', `attachment; filename="${spec.fileName}"`).send(out);
    },
  );
}
