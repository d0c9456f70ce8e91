/**
 * 奖补发放表: a county's monthly ledger as an Excel workbook — one row per grid worker with the totals by kind and a
 * line to sign, and a detail sheet where every entry says what it pays for and by which rule. Names, not codes; no
 * ID or phone numbers (accounts carry none the payout needs).
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { chinaMinute } from '../../shared/china-time.ts';
import type { Lang } from '../../shared/i18n/errors.ts';
import { REWARD_PAYOUT_LABELS } from '../../shared/i18n/export.ts';
import type { RewardSheet } from './ledger.service.ts';

type Labels = (typeof REWARD_PAYOUT_LABELS)[Lang];

/** What an entry pays by, in words. */
export function ruleText(L: Labels, e: RewardSheet['entries'][number]): string {
  if (e.kind === 'adjustment' || !e.rule) return '';
  if (e.rule.kind === 'case') return L.perCase(e.rule.label ?? e.rule.key, e.rule.key, e.rule.amount);
  if (e.rule.kind === 'task') return L.perTask(e.rule.label ?? e.rule.key, e.rule.amount);
  return L.perStar(Number(e.rule.key), e.rule.amount);
}

export async function writePayoutSheet(sheet: RewardSheet, stream: Writable, lang: Lang): Promise<void> {
  const L = REWARD_PAYOUT_LABELS[lang];
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const at = (d: Date | null) => (d ? chinaMinute(d) : null);
  const status =
    sheet.status === 'final'
      ? L.statusLine(L.status.final, sheet.approvedBy, at(sheet.approvedAt))
      : sheet.status === 'submitted'
        ? L.statusLine(L.status.submitted, sheet.submittedBy, at(sheet.submittedAt))
        : L.statusLine(L.status.computed, sheet.computedBy, at(sheet.computedAt));

  const payout = book.addWorksheet(L.payout, { views: [{ state: 'frozen', ySplit: 3 }] });
  payout.columns = [6, 14, 22, 12, 14, 14, 14, 12, 12, 16].map((width) => ({ width }));
  payout.addRow([L.title(sheet.countyName, sheet.period)]).font = { bold: true, size: 14 };
  payout.addRow([status]);
  payout.addRow(L.payoutHeaders).font = { bold: true };
  sheet.workers.forEach((w, i) => {
    payout.addRow([i + 1, w.workerName, w.gridName ?? '', w.cases, w.case, w.task, w.star, w.adjustment, w.total, '']).commit();
  });
  const sum = (k: 'cases' | 'case' | 'task' | 'star' | 'adjustment' | 'total') => sheet.workers.reduce((n, w) => n + w[k], 0);
  payout.addRow(['', L.total, '', sum('cases'), sum('case'), sum('task'), sum('star'), sum('adjustment'), sum('total'), '']).font = {
    bold: true,
  };
  payout.addRow([]);
  payout.addRow([L.outcomesOnly]);
  payout.commit();

  const detail = book.addWorksheet(L.detail, { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.columns = [14, 22, 12, 18, 22, 40, 18, 30, 12, 12].map((width) => ({ width }));
  detail.addRow(L.detailHeaders).font = { bold: true };
  const grids = new Map(sheet.workers.map((w) => [w.workerId, w.gridName ?? '']));
  for (const e of sheet.entries) {
    const kind = e.kind === 'star' && e.stars ? `${L.kinds.star} ${L.stars(e.stars)}` : L.kinds[e.kind];
    detail
      .addRow([
        e.workerName,
        grids.get(e.workerId) ?? '',
        kind,
        e.caseNo ?? '',
        e.itemName ?? '',
        ruleText(L, e),
        e.reference ?? '',
        e.reason ?? '',
        e.amount,
        e.enteredBy,
      ])
      .commit();
  }
  detail.commit();
  await book.commit();
}
