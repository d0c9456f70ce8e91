/**
 * The briefing as files: the PDF read back with pdftotext (the notice's words and the charts' words, drawn from
 * ECharts' SVG), its fonts checked with pdffonts (the Chinese font embedded) and its first pages rendered with
 * pdftoppm (artifacts/briefing-page-*.png); the workbook read back with exceljs, sheet by sheet.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMonth, type People } from '../testing/briefing-month.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';

let t: TestApp;
let p: People;
let cases: Record<string, string>;
let id: string;
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-briefing-'));

beforeAll(async () => {
  t = await createTestApp();
  ({ people: p, cases } = await buildMonth(t));
  const res = await p.county({ method: 'POST', url: '/api/briefings', payload: { area: FIXTURE.county, period: '2026-11' } });
  expect(res.statusCode, res.body).toBe(201);
  id = res.json().id;
}, 120_000);
afterAll(() => t.close());

describe('the briefing as a PDF', () => {
  it('reads like the notice, in an embedded Chinese font, with its charts', async () => {
    const res = await p.leader({ method: 'GET', url: `/api/briefings/${id}/briefing.pdf` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="briefing-${FIXTURE.county}-2026-11-v1.pdf"`);
    const file = path.join(out, 'briefing.pdf');
    fs.writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    for (const words of [
      '关于2026年11月网格化服务管理工作情况的通报',
      '各乡镇（街道）网格化服务管理中心',
      '一、总体情况',
      '二、各地工作情况',
      '三、处置单位办理情况',
      '四、考核排名',
      '五、五色预警及问责情况',
      '六、重复件情况',
      '七、典型案例',
      '城关镇',
      '云梦县城市管理执法局',
      '云梦县水务局',
      cases.repeat,
      cases.reopened,
      cases.waiting,
      '结案后重新办理',
      '云梦县网格化服务管理中心',
      '2026年12月2日',
      // Words inside the charts: drawn from ECharts' SVG in the same font.
      '各地上报与结案',
      '处置单位按期处置率',
    ])
      expect(text, words).toContain(words);
    const fonts = execFileSync('pdffonts', [file]).toString();
    expect(fonts).toMatch(/NotoSansCJK.*yes\s+yes/); // embedded, subset
    expect(fonts).not.toMatch(/Roboto|Helvetica/);

    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', file, path.join(out, 'page')]);
    fs.mkdirSync('artifacts', { recursive: true });
    for (const page of ['page-1.png', 'page-2.png']) {
      const png = fs.readFileSync(path.join(out, page));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      fs.copyFileSync(path.join(out, page), `artifacts/briefing-${page}`);
    }
  });
});

describe('the briefing as a workbook', () => {
  it('has a sheet per section, headed by the title, with the figures as numbers and the rates as percentages', async () => {
    const res = await p.county({ method: 'GET', url: `/api/briefings/${id}/briefing.xlsx` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['总体情况', '各地情况', '处置单位', '考核排名', '五色预警', '重复件', '典型案例']);
    const overview = wb.getWorksheet('总体情况')!;
    expect(overview.getCell('A1').value).toBe('关于2026年11月网格化服务管理工作情况的通报');
    const rows = new Map<string, ExcelJS.Row>();
    overview.eachRow((r) => rows.set(String(r.getCell(1).value), r));
    expect(rows.get('上报数')!.getCell(2).value).toBe(5);
    expect(rows.get('上报数')!.getCell(4).value).toBe('增加 5 件');
    expect(rows.get('按期处置率')!.getCell(2).numFmt).toBe('0.00%');

    const areas = wb.getWorksheet('各地情况')!;
    expect(areas.getRow(3).values).toEqual([undefined, '地区', '区划代码', '上报', '结案', '结案率', '按期处置率', '满意率', '超期']);
    expect(areas.getRow(4).getCell(1).value).toBe('城关镇');
    expect(areas.getRow(4).getCell(3).value).toBe(4);
    const units = wb.getWorksheet('处置单位')!;
    expect(units.getRow(4).getCell(2).value).toBe('云梦县城市管理执法局');
    expect(units.getRow(4).getCell(6).value).toBe(0.5);
    const ranked = wb.getWorksheet('考核排名')!;
    const rankedNames: unknown[] = [];
    ranked.eachRow((r, n) => n > 3 && rankedNames.push(r.getCell(3).value));
    expect(rankedNames.sort()).toEqual(['云梦县城市管理执法局', '云梦县水务局']);
    const warned: unknown[] = [];
    wb.getWorksheet('五色预警')!.eachRow((r, n) => n > 3 && warned.push(r.getCell(5).value));
    expect(warned).toContain(cases.waiting);
    expect(wb.getWorksheet('重复件')!.getRow(4).getCell(1).value).toBe(cases.repeat);
    const typical: unknown[] = [];
    wb.getWorksheet('典型案例')!.eachRow((r, n) => n > 3 && typical.push(r.getCell(1).value));
    expect(typical).toContain(cases.reopened);
  });
});
