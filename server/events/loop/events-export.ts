/**
 * The events list as an .xlsx workbook, in the caller's language, streamed by exceljs's writer. Phones are
 * masked here whatever the rows carry (DESIGN invariant 3: masked in every export).
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { maskPhone } from '../../../shared/masking.ts';

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

/** Code → name of the items, owning areas and lead units the rows mention; a code without a name is shown as is. */
export type Names = Map<string, string>;

const HEADERS: Record<Lang, string[]> = {
  'zh-CN': ['案件编号', '状态', '事项', '来源', '网格', '责任层级', '主办单位', '上报时间', '处置时限', '结案时间', '亮灯', '预警', '上报次数', '举报人电话'],
  en: ['Case no.', 'Status', 'Item', 'Source', 'Grid', 'Owner', 'Lead unit', 'Reported', 'Due', 'Closed', 'Light', 'Warning', 'Reports', 'Reporter phone'],
};
const WIDTHS = [16, 10, 24, 12, 22, 16, 22, 18, 18, 18, 8, 8, 10, 16];

type Kind = 'status' | 'source' | 'light' | 'warning';
const LABELS: Record<Lang, Record<Kind, Record<string, string>>> = {
  'zh-CN': {
    status: { reported: '待受理', accepted: '已受理', voided: '已作废', dispatched: '已派遣', signed: '处置中', handled: '待核查', closed: '已结案', visited: '已回访', merged: '已并单' },
    source: { grid_worker: '网格员上报', hotline: '热线', department: '部门上报', video: '视频发现', leader: '领导交办' },
    light: { green: '绿灯', yellow: '黄灯', red: '红灯' },
    warning: { blue: '蓝色', yellow: '黄色', light_red: '浅红', purple: '紫色', red: '红色' },
  },
  en: {
    status: { reported: 'Reported', accepted: 'Accepted', voided: 'Voided', dispatched: 'Dispatched', signed: 'Being handled', handled: 'To check', closed: 'Closed', visited: 'Visited', merged: 'Merged' },
    source: { grid_worker: 'Grid worker', hotline: 'Hotline', department: 'Department', video: 'Video', leader: 'Leader' },
    light: { green: 'Green', yellow: 'Yellow', red: 'Red' },
    warning: { blue: 'Blue', yellow: 'Yellow', light_red: 'Light red', purple: 'Purple', red: 'Red' },
  },
};

const NOTE: Record<Lang, (rows: number, total: number) => string> = {
  'zh-CN': (rows, total) => `共 ${total} 件符合条件，仅导出最新的 ${rows} 件，请缩小筛选范围后分批导出`,
  en: (rows, total) => `${total} cases match; only the newest ${rows} are exported. Narrow the filter and export in parts`,
};

/** China time, to the minute, as a government form writes it. */
const chinaTime = (at: Date | null) => (at ? new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');
/** Let the zip stream drain now and then: exceljs's writer does not wait for the output on its own. */
const YIELD_EVERY_ROWS = 1000;

/** Writes the rows; when the cap cut the list short (`total` > rows), a last line says so. */
export async function writeEventsSheet(rows: ExportedEvent[], total: number, names: Names, stream: Writable, lang: Lang): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(lang === 'en' ? 'Events' : '事件列表', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADERS[lang].map((header, i) => ({ header, width: WIDTHS[i] }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const label = (kind: Kind, key: string | null) => (key === null ? '' : (LABELS[lang][kind][key] ?? key));
  const name = (code: string | null) => (code === null ? '' : (names.get(code) ?? code));
  let n = 0;
  for (const e of rows) {
    sheet.addRow([
      e.caseNo, label('status', e.status), name(e.itemCode), label('source', e.source), e.gridCode, name(e.ownerCode), name(e.leadUnit),
      chinaTime(e.reportedAt), chinaTime(e.dueAt ?? e.stageDueAt), chinaTime(e.closedAt), label('light', e.light), label('warning', e.warning),
      e.reports, maskPhone(e.reporterPhone ?? null) ?? '',
    ]).commit();
    if (++n % YIELD_EVERY_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  if (total > rows.length) sheet.addRow([NOTE[lang](rows.length, total)]).commit();
  sheet.commit();
  await workbook.commit();
}
