/** The audit log as CSV, pure: one line per entry, hashes included so the file can be checked against the chain. */

export interface CsvEntry {
  id: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  detail: unknown;
  prevHash: string | null;
  hash: string | null;
}

export const AUDIT_CSV_HEADERS = {
  'zh-CN': ['序号', '时间', '操作人ID', '操作人', '操作', '对象', '详情', '前一条哈希', '哈希'],
  en: ['No.', 'Time', 'Actor id', 'Actor', 'Action', 'Target', 'Details', 'Previous hash', 'Hash'],
} as const;

/** Quoted when it must be; a cell a spreadsheet would run as a formula (= + - @) is led by an apostrophe. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsv(entries: readonly CsvEntry[], lang: 'zh-CN' | 'en'): string {
  const lines = [AUDIT_CSV_HEADERS[lang].join(',')];
  for (const e of entries) {
    const cells = [
      String(e.id),
      e.at.toISOString(),
      e.actorId ?? '',
      e.actorName ?? '',
      e.action,
      e.target ?? '',
      e.detail === null || e.detail === undefined ? '' : JSON.stringify(e.detail),
      e.prevHash ?? '',
      e.hash ?? '',
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  // A byte-order mark, so Excel reads the Chinese as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
