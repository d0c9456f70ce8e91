/**
 * 重复工单: the same place and matter reported three times or more within a period (seed 004: "每两周上报
 * 重复3次以上工单情况"), as a page and as an Excel workbook. A case's reports are its own, every "me too" and
 * what merged duplicates brought, counted when they were made or merged.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { chinaDate, chinaMinute, startOfChinaDay } from '../../../shared/china-time.ts';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { EVENT_EXPORT_LABELS, REPEAT_ORDER_HEADERS } from '../../../shared/i18n/export.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { nodeNames } from '../../territory/index.ts';
import { listNodes } from '../catalogue/catalogue.store.ts';
import { REPEAT_REPORTS } from './intake.core.ts';
import { repeatCounts } from './intake.store.ts';

/** A period is two weeks by default; up to a month so a late report can cover a missed one. */
export const REPEAT_PERIOD_DAYS = 14;
export const REPEAT_PERIOD_MAX_DAYS = 31;

const DAY_MS = 86_400_000;

/** The period's China days, checked: `to` defaults to `from` + 13 days, `from` to two weeks before today. */
export function repeatPeriod(q: { from?: string; to?: string }, now: Date): { from: string; to: string; since: Date; until: Date } {
  const today = chinaDate(now);
  const plus = (day: string, n: number) => chinaDate(new Date(startOfChinaDay(day).getTime() + n * DAY_MS));
  const from = q.from ?? (q.to ? plus(q.to, 1 - REPEAT_PERIOD_DAYS) : plus(today, 1 - REPEAT_PERIOD_DAYS));
  const to = q.to ?? plus(from, REPEAT_PERIOD_DAYS - 1);
  const since = startOfChinaDay(from);
  const until = new Date(startOfChinaDay(to).getTime() + DAY_MS);
  const days = Math.round((until.getTime() - since.getTime()) / DAY_MS);
  if (days < 1) throw new AppError('request.invalid', [{ field: 'to', reason: 'before_from', value: to }]);
  if (days > REPEAT_PERIOD_MAX_DAYS)
    throw new AppError('request.invalid', [{ field: 'to', reason: `period_over_${REPEAT_PERIOD_MAX_DAYS}_days`, value: to }]);
  return { from, to, since, until };
}

export async function findRepeatOrders(db: Db, actor: Actor, q: { from?: string; to?: string }, now: Date) {
  const period = repeatPeriod(q, now);
  const rows = await repeatCounts(db, actor.scope, { since: period.since, until: period.until, min: REPEAT_REPORTS });
  const events = rows.map((r) => r.event);
  // The grids and their townships, named by territory in one read.
  const places = [...new Set(events.flatMap((e) => [e.gridCode, e.gridCode.slice(0, 9)]))];
  const [items, nodes] = await Promise.all([listNodes(db), nodeNames(db, places)]);
  const names = new Map([...items.map((n) => [n.code, n.name] as const), ...[...nodes].map(([code, n]) => [code, n.name] as const)]);
  const name = (code: string) => names.get(code) ?? code;
  return {
    from: period.from,
    to: period.to,
    items: rows.map(({ event: e, inPeriod, lastAt }) => ({
      id: e.id,
      caseNo: e.caseNo,
      status: e.status,
      itemCode: e.itemCode,
      itemName: name(e.itemCode),
      gridCode: e.gridCode,
      gridName: name(e.gridCode),
      townshipName: name(e.gridCode.slice(0, 9)),
      description: e.description,
      lng: e.lng,
      lat: e.lat,
      reportsInPeriod: inPeriod,
      reports: e.reports,
      reportedAt: e.reportedAt,
      lastReportedAt: lastAt,
      closedAt: e.closedAt,
    })),
  };
}

export type RepeatOrders = Awaited<ReturnType<typeof findRepeatOrders>>;

export async function exportRepeatOrders(db: Db, actor: Actor, q: { from?: string; to?: string }, now: Date) {
  const list = await findRepeatOrders(db, actor, q, now);
  await recordAudit(db, {
    at: now,
    actorId: actor.id,
    action: 'events.repeat_orders_exported',
    target: 'event',
    detail: { from: list.from, to: list.to, rows: list.items.length },
  });
  return list;
}

const WIDTHS = [16, 22, 18, 22, 10, 10, 40, 18, 18, 10, 18];

/** The workbook: one row per case, names not codes, China time to the minute. */
export async function writeRepeatOrdersSheet(list: RepeatOrders, stream: Writable, lang: Lang): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const title = lang === 'en' ? `Repeat orders ${list.from} to ${list.to}` : `重复工单 ${list.from} 至 ${list.to}`;
  const sheet = workbook.addWorksheet(lang === 'en' ? 'Repeat orders' : '重复工单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = REPEAT_ORDER_HEADERS[lang].map((header, i) => ({ header, width: WIDTHS[i] }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const status = (s: string) => EVENT_EXPORT_LABELS[lang].status[s] ?? s;
  for (const r of list.items) {
    sheet
      .addRow([
        r.caseNo,
        r.itemName,
        r.townshipName,
        r.gridName,
        r.reportsInPeriod,
        r.reports,
        r.description,
        chinaMinute(r.reportedAt),
        chinaMinute(r.lastReportedAt),
        status(r.status),
        r.closedAt ? chinaMinute(r.closedAt) : '',
      ])
      .commit();
  }
  sheet.addRow([]).commit();
  sheet.addRow([title]).commit();
  sheet.commit();
  await workbook.commit();
}
