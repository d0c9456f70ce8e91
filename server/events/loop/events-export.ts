/**
 * The events list as an .xlsx workbook, in the caller's language, streamed by exceljs's writer. Phones are
 * masked here whatever the rows carry (DESIGN invariant 3: masked in every export).
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { chinaMinute } from '../../../shared/china-time.ts';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { EVENT_EXPORT_HEADERS, EVENT_EXPORT_LABELS, EVENT_EXPORT_NOTE, type EventLabelKind } from '../../../shared/i18n/export.ts';
import { maskPhone } from '../../../shared/masking.ts';
import { villageOf } from './event-names.ts';

export interface ExportedEvent {
  caseNo: string;
  status: string;
  itemCode: string;
  source: string;
  gridCode: string;
  ownerCode: string;
  leadUnit: string | null;
  reportedAt: Date;
  dueAt: Date | null;
  stageDueAt: Date | null;
  closedAt: Date | null;
  light: string | null;
  warning: string | null;
  reports: number;
  reporterPhone?: string | null;
}

/** Code → name of the items, grids, villages, owning areas and lead units the rows mention; a code without a name is shown as is. */
export type Names = Map<string, string>;

const WIDTHS = [16, 10, 24, 12, 22, 18, 20, 16, 22, 18, 18, 18, 8, 8, 10, 16];

/** China time, to the minute, as a government form writes it. */
const chinaTime = (at: Date | null) => (at ? chinaMinute(at) : '');
/** Let the zip stream drain now and then: exceljs's writer does not wait for the output on its own. */
const YIELD_EVERY_ROWS = 1000;

/** Writes the rows; when the cap cut the list short (`total` > rows), a last line says so. */
export async function writeEventsSheet(rows: ExportedEvent[], total: number, names: Names, stream: Writable, lang: Lang): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(lang === 'en' ? 'Events' : '事件列表', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EVENT_EXPORT_HEADERS[lang].map((header, i) => ({ header, width: WIDTHS[i] }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const label = (kind: EventLabelKind, key: string | null) => (key === null ? '' : (EVENT_EXPORT_LABELS[lang][kind][key] ?? key));
  const name = (code: string | null) => (code === null ? '' : (names.get(code) ?? code));
  let n = 0;
  for (const e of rows) {
    sheet
      .addRow([
        e.caseNo,
        label('status', e.status),
        name(e.itemCode),
        label('source', e.source),
        name(e.gridCode),
        e.gridCode,
        name(villageOf(e.gridCode)),
        name(e.ownerCode),
        name(e.leadUnit),
        chinaTime(e.reportedAt),
        chinaTime(e.dueAt ?? e.stageDueAt),
        chinaTime(e.closedAt),
        label('light', e.light),
        label('warning', e.warning),
        e.reports,
        maskPhone(e.reporterPhone ?? null) ?? '',
      ])
      .commit();
    if (++n % YIELD_EVERY_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  if (total > rows.length) sheet.addRow([EVENT_EXPORT_NOTE[lang](rows.length, total)]).commit();
  sheet.commit();
  await workbook.commit();
}
