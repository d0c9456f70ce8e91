/**
 * 委托任务结果: a task's entries as an Excel workbook — a row per house or person filled, a column per field by its
 * label, picked records by their names (people with the ID number masked), and the progress per grid. Names, not codes.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { chinaMinute } from '../../shared/china-time.ts';
import type { Lang } from '../../shared/i18n/errors.ts';
import { TASK_RESULT_LABELS } from '../../shared/i18n/export.ts';
import { type TaskField, valueText } from './tasks.core.ts';
import type { EntryRow, TaskRow } from './tasks.store.ts';

export async function writeTaskResults(
  out: {
    task: TaskRow;
    entries: EntryRow[];
    gridNames: Map<string, string>;
    progress: { gridCode: string; total: number; filled: number; open: number }[];
  },
  stream: Writable,
  lang: Lang,
): Promise<void> {
  const L = TASK_RESULT_LABELS[lang];
  const fields = out.task.fields as TaskField[];
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const sheet = book.addWorksheet(L.sheet, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = [...[16, 28, 24, 12, 18], ...fields.map(() => 18)].map((width) => ({ width }));
  sheet.addRow([L.title(out.task.no, out.task.title)]).font = { bold: true, size: 14 };
  sheet.addRow([...L.fixedHeaders, ...fields.map((f) => f.label)]).font = { bold: true };
  for (const e of out.entries)
    sheet
      .addRow([
        out.gridNames.get(e.gridCode) ?? e.gridCode,
        e.subjectName,
        out.task.subject === 'house' ? e.subjectKey : '',
        e.workerName,
        chinaMinute(e.filledAt),
        ...fields.map((f) => valueText(e.values[f.key])),
      ])
      .commit();
  sheet.commit();
  const grids = book.addWorksheet(L.progress);
  grids.columns = [16, 10, 10, 10].map((width) => ({ width }));
  grids.addRow(L.progressHeaders).font = { bold: true };
  for (const p of out.progress) grids.addRow([out.gridNames.get(p.gridCode) ?? p.gridCode, p.total, p.filled, p.open]).commit();
  grids.commit();
  await book.commit();
}
