import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/platform/db.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import { apiAs, desktopPage, openMenu, screenshotsOnFailure, settled, shooter, workerGridPoint } from './journey-helpers.ts';

let demo: Demo;
/** A lamp recorded through the API in the demo worker's grid (城关镇, the township user's jurisdiction). */
let lamp: { code: string; name: string; lng: number; lat: number };

beforeAll(async () => {
  demo = await startDemo();
  const { point } = await workerGridPoint(demo);
  const township = await apiAs(demo, 'township');
  lamp = await township.post('/api/registry/facilities', {
    classCode: '01037',
    name: '朝阳路导出测试路灯',
    lng: point.longitude,
    lat: point.latitude,
    ownerDept: 'YM-CG',
    state: '02',
  });
}, 600_000);
afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'registry-io');
const shot = shooter('registry-io');

const sheetRows = async (file: string) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rows: string[][] = [];
  book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
};
const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\n')}`);

describe('components (部件): export and import', () => {
  it('a township centre exports the filtered components to Excel, then imports a template file through the card', async () => {
    const page = await desktopPage(demo);
    await demo.signIn(page, 'township');
    await openMenu(page, '部件');
    const table = page.getByTestId('facility-table');
    await settled(table);

    // Filter by name, export what the list shows: the lamp, with the template's headers; audited with the filter.
    const name = page.getByPlaceholder('部件名称');
    await name.fill('导出测试');
    await name.press('Enter');
    await table.locator('.ant-table-row', { hasText: lamp.code }).waitFor();
    expect(await table.locator('.ant-table-row').count()).toBe(1);
    const exported = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    const download = await exported;
    expect(download.suggestedFilename()).toBe('facilities.xlsx');
    const [header, ...rows] = await sheetRows((await download.path())!);
    expect(header.slice(0, 6)).toEqual(['部件标识码', '部件类别', '部件名称', '权属部门编码', '养护部门编码', '部件状态']);
    expect(rows.map((r) => [r[0], r[1], r[2], r[5]])).toEqual([[lamp.code, '路灯', '朝阳路导出测试路灯', '破损']]);
    const [audit] = await queryRows<{ detail: Record<string, unknown> }>(
      demo.database.db,
      sql`select detail from audit_log where action = 'registry.exported' and target = 'facility' order by id desc limit 1`,
    );
    expect(audit.detail).toMatchObject({ q: '导出测试', rows: 1, unmasked: false });
    await shot(page, 'facilities-export');

    // The import card: the template downloads, a small file imports one good row and refuses a bad one.
    await page.getByRole('tab', { name: '导入' }).click();
    const card = page.locator('.registry-import');
    const template = page.waitForEvent('download');
    await card.getByRole('button', { name: '下载部件模板' }).click();
    const templateFile = await template;
    expect(templateFile.suggestedFilename()).toBe('template-facility.xlsx');
    expect((await sheetRows((await templateFile.path())!))[0]).toContain('部件标识码');

    const file = csv([
      ['部件类别', '部件名称', '权属部门编码', '部件状态', '经度', '纬度'],
      ['路灯', '导入测试路灯', 'YM-CG', '完好', String(lamp.lng + 0.0001), String(lamp.lat)],
      ['外星部件', '错类别', 'YM-CG', '完好', String(lamp.lng + 0.0002), String(lamp.lat)],
    ]);
    await card.locator('input[type=file]').setInputFiles({ name: 'facilities.csv', mimeType: 'text/csv', buffer: file });
    const result = card.getByTestId('import-result');
    await result.waitFor();
    const count = (id: string) => result.getByTestId(id).locator('.ant-statistic-content-value').innerText();
    expect([await count('count-read'), await count('count-created'), await count('count-rejected')]).toEqual(['2', '1', '1']);
    await shot(page, 'facilities-import');

    // The imported lamp is in the list, in the grid its point decides.
    await page.getByRole('tab', { name: '查找部件' }).click();
    await name.fill('导入测试');
    await name.press('Enter');
    const imported = table.locator('.ant-table-row', { hasText: '导入测试路灯' });
    await imported.waitFor();
    expect(await imported.innerText()).toContain(rows[0][8]);
    await page.close();
  }, 120_000);
});
