/**
 * 通报 as an Excel workbook: one sheet per section of the notice (总体情况, 各地情况, 处置单位, 考核排名, 五色预警,
 * 重复件, 典型案例), each headed by the notice's title, drawn from the frozen content alone.
 */
import ExcelJS from 'exceljs';
import { type BriefingContent, type CaseLine, changeText } from './briefing.core.ts';

type Cell = string | number | null;
const PERCENT = '0.00%';

function sheet(wb: ExcelJS.Workbook, name: string, c: BriefingContent, header: string[], rows: Cell[][], percentColumns: number[] = []) {
  const ws = wb.addWorksheet(name);
  ws.addRow([c.title]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, Math.max(header.length, 1));
  ws.addRow([`${c.issuer}　${c.period.text}（${c.period.from} 至 ${c.period.to}）`]);
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  for (const col of percentColumns) ws.getColumn(col).numFmt = PERCENT;
  header.forEach((h, i) => {
    ws.getColumn(i + 1).width = Math.max(10, Math.min(40, h.length * 2 + 6));
  });
  return ws;
}

const caseRows = (cases: CaseLine[]) =>
  cases.map((x) => [x.caseNo, x.itemName, x.gridName, x.unitName ?? '', x.reportedOn, x.statusName, x.reason ?? '']);
const caseHeader = ['案件编号', '事项', '网格', '主办单位', '上报日期', '状态', '问题'];

export async function briefingWorkbook(c: BriefingContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '格治 Gezhi';
  wb.title = c.title;
  const overview = sheet(
    wb,
    '总体情况',
    c,
    ['指标', c.period.text, c.previous.text, '变化'],
    c.totals.map((l) => [l.name, l.value, l.previous, changeText(l)]),
  );
  c.totals.forEach((l, i) => {
    if (l.kind !== 'rate') return;
    for (const col of [2, 3]) overview.getCell(4 + i, col).numFmt = PERCENT;
  });
  overview.addRow([]);
  overview.addRow([c.summary]);
  sheet(
    wb,
    '各地情况',
    c,
    ['地区', '区划代码', '上报', '结案', '结案率', '按期处置率', '满意率', '超期'],
    c.areas.map((a) => [a.name, a.code, a.reported, a.closed, a.closingRate, a.onTimeRate, a.satisfactionRate, a.overdue]),
    [5, 6, 7],
  );
  sheet(
    wb,
    '处置单位',
    c,
    ['序号', '单位', '单位代码', '派遣数', '按期处置数', '按期处置率', `${c.previous.text}按期处置率`],
    c.units.map((u, i) => [i + 1, u.name, u.code, u.dispatched, u.handledOnTime, u.onTimeRate, u.previousRate]),
    [6, 7],
  );
  sheet(
    wb,
    '考核排名',
    c,
    ['类别', '名次', '名称', '代码', '得分', '等次', '名次变化'],
    c.rankings.flatMap((r) => r.rows.map((x) => [r.kindName, x.rank, x.name, x.code, x.score, x.band, x.rankChange])),
  );
  sheet(
    wb,
    '五色预警',
    c,
    ['单位', '单位代码', '最高等级', '问责措施', '案件编号', '预警颜色'],
    c.sanctions.flatMap((s) => s.cases.map((x) => [s.unitName, s.unitCode, s.worstName, s.measure, x.caseNo, x.colours.join('、')])),
  );
  sheet(wb, '重复件', c, caseHeader, caseRows(c.repeats));
  sheet(wb, '典型案例', c, caseHeader, caseRows(c.typical));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
