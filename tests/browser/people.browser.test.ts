import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleActor } from '../../server/access/console-actor.ts';
import type { Actor } from '../../server/access/index.ts';
import { DEMO_PASSWORD } from '../../server/demo/demo-users.ts';
import { queryRows } from '../../server/platform/db.ts';
import { type Demo, shots, startDemo } from './browser-harness.ts';
import { openMenu } from './journey-helpers.ts';

const VILLAGE = '420923100001';

let demo: Demo;
/** A surname that exists in the grid of the demo `worker` (so both users find people by it). */
let surname: string;

beforeAll(async () => {
  demo = await startDemo({ registryVillage: VILLAGE });
  const login = await demo.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'worker', password: DEMO_PASSWORD } });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const me = (await demo.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json<{
    user: { areas: { code: string }[] };
  }>();
  const grid = me.user.areas[0].code;
  const [first] = await queryRows<{ name: string }>(
    demo.database.db,
    sql`select name from person where grid_code = ${grid} order by name limit 1`,
  );
  surname = first.name.slice(0, 1);
  const found = (
    await demo.app.inject({ method: 'GET', url: `/api/registry/people?q=${encodeURIComponent(surname)}`, headers: { cookie } })
  ).json<{ items: unknown[] }>();
  expect(found.items.length).toBeGreaterThan(0);
}, 600_000);

afterAll(() => demo?.close());

const signIn = (page: Page, username: string) => demo.signIn(page, username);

async function searchPeople(page: Page, q: string) {
  await openMenu(page, '实有人口');
  const box = page.getByPlaceholder('姓名 / 公民身份号码 / 手机号');
  await box.fill(q);
  await box.press('Enter');
  await page.locator('.ant-table-row').first().waitFor();
}

/** Opens the first result; returns its name, once the drawer shows the record. */
async function openFirst(page: Page): Promise<string> {
  const name = (await page.locator('.ant-table-row').first().locator('td').first().innerText()).trim();
  await page.locator('.ant-table-row').first().click();
  const drawer = page.locator('.ant-drawer-content');
  await drawer.locator('.ant-drawer-title', { hasText: name }).waitFor();
  await drawer.getByText('变更记录', { exact: false }).waitFor();
  return name;
}

const csv = (rows: (string | null)[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.map((c) => c ?? '').join(',')).join('\n')}`);

describe('people (实有人口)', () => {
  it('a township centre finds a person, reveals the ID number with a reason, and imports a change', async () => {
    const page = await demo.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, 'township');
    await searchPeople(page, surname);
    expect(await page.locator('.ant-table-thead th', { hasText: '标签' }).count()).toBe(1);
    for (const name of await page.locator('.ant-table-row td:first-child').allInnerTexts()) expect(name).toContain(surname);
    await page.screenshot({ path: path.join(shots, 'people-search.png') });
    const exported = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    expect((await exported).suggestedFilename()).toBe('people.xlsx');

    const name = await openFirst(page);
    const drawer = page.locator('.ant-drawer-content');
    const masked = await drawer.getByTestId('masked-idNumber').innerText();
    expect(masked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);

    // The reveal asks for a reason and says it is audited.
    await drawer
      .locator('.masked-value', { has: page.getByTestId('masked-idNumber') })
      .getByRole('button')
      .click();
    const dialog = page.locator('.ant-modal-content');
    await dialog.getByText('记入审计日志', { exact: false }).waitFor();
    await dialog.locator('.ant-btn-primary').click();
    await dialog.getByText('请填写查看事由，至少 2 个字').waitFor();
    await page.screenshot({ path: path.join(shots, 'people-reveal-dialog.png') });
    await dialog.locator('textarea').fill('核实走访对象身份');
    await dialog.locator('.ant-btn-primary').click();
    const revealed = drawer.getByTestId('revealed-idNumber');
    await revealed.waitFor();
    const idNumber = (await revealed.innerText()).trim();
    expect(idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(idNumber.slice(0, 4) + idNumber.slice(-4)).toBe(masked.slice(0, 4) + masked.slice(-4));
    await page.screenshot({ path: path.join(shots, 'people-revealed.png') });
    const audit = await queryRows<{ detail: { field: string; reason: string } }>(
      demo.database.db,
      sql`select detail from audit_log where action = 'registry.revealed'`,
    );
    expect(audit.map((a) => a.detail)).toContainEqual({ field: 'idNumber', reason: '核实走访对象身份' });

    // Import the same person with a new phone (and one row with a wrong check digit) through the import tab.
    // The console actor may not read tags; the row must carry them unchanged, so read the record as a county centre would.
    const tagReader: Actor = { ...consoleActor, roles: ['county_center'] };
    const {
      items: [person],
    } = await demo.services.registry.findPeople(tagReader, idNumber, { offset: 0, limit: 1 });
    const detail = await demo.services.registry.getPerson(tagReader, person.id);
    const home = detail.residences.find((r) => r.movedOut === null)!;
    const badId = `${idNumber.slice(0, 17)}${idNumber[17] === '0' ? '1' : '0'}`;
    const people = csv([
      [
        '公民身份号码',
        '姓名',
        '性别',
        '出生日期',
        '民族',
        '联系电话',
        '人员类型',
        '房屋编号',
        '与户主关系',
        '户籍地',
        '户籍门（楼）详址',
        '流入原因',
        '特殊人群',
        '重点人员',
        '办证类型',
        '证件到期日期',
        '留守人员类型',
      ],
      [
        idNumber,
        name,
        detail.sex,
        detail.birthDate,
        detail.ethnicity,
        '13900001234',
        detail.residentType,
        home.houseCode,
        home.relation,
        detail.hukouRegion,
        detail.hukouAddress,
        detail.inflowReason,
        person.tags!.specialGroups.join('、'),
        person.tags!.keyPersonTags.join('、'),
        detail.permitType,
        detail.permitExpiry,
        detail.leftBehindType,
      ],
      [badId, '错号', '', '', '汉族', '', '户籍人口', home.houseCode, '', '', '', '', '', '', '', '', ''],
    ]);
    await drawer.locator('.ant-drawer-close').click();
    await page.getByRole('tab', { name: '导入数据' }).click();
    const card = page.locator('.registry-import');
    const upload = (file: { name: string; mimeType: string; buffer: Buffer }) => card.locator('input[type=file]').setInputFiles(file);

    const template = page.waitForEvent('download');
    await card.getByRole('button', { name: '下载人员模板' }).click();
    expect((await template).suggestedFilename()).toBe('template-person.xlsx');

    await upload({ name: 'people.csv', mimeType: 'text/csv', buffer: people });
    const result = card.getByTestId('import-result');
    await result.waitFor();
    expect(await result.getByTestId('count-read').locator('.ant-statistic-content-value').innerText()).toBe('2');
    expect(await result.getByTestId('count-updated').locator('.ant-statistic-content-value').innerText()).toBe('1');
    expect(await result.getByTestId('count-rejected').locator('.ant-statistic-content-value').innerText()).toBe('1');
    await page.screenshot({ path: path.join(shots, 'people-import-result.png') });
    const report = page.waitForEvent('download');
    await result.getByRole('button', { name: '下载问题报告' }).click();
    expect((await report).suggestedFilename()).toBe('import-report.xlsx');

    // A file with the house header is refused naming the missing columns; a text file is refused by type.
    await upload({
      name: 'houses.csv',
      mimeType: 'text/csv',
      buffer: csv([
        ['房屋编号', '房屋地址', '所属网格编码'],
        ['X-1', '某处', detail.gridCode],
      ]),
    });
    const failure = card.getByTestId('import-failure');
    await failure.getByText('缺少必填列', { exact: false }).waitFor();
    expect(await failure.innerText()).toContain('公民身份号码');
    await page.screenshot({ path: path.join(shots, 'people-import-header.png') });
    await upload({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await failure.getByText('只能导入 .xlsx 或 .csv 文件').waitFor();

    // The change is in the person's history, as the one field it changed.
    await page.getByRole('tab', { name: '查找人员' }).click();
    await page.locator('.ant-table-row').filter({ hasText: name }).filter({ hasText: masked }).first().click();
    await drawer.getByText('变更记录（2）').waitFor();
    const newest = drawer.getByTestId('history-entry').first();
    await newest.getByText('联系电话').waitFor();
    expect(await newest.locator('.history-change').count()).toBe(1);
    expect(await newest.locator('.history-after').innerText()).toBe('139****1234');
    // Each entry names who made it (the importer; the demo load by the console), and the facts who verified last.
    expect([
      await newest.locator('.history-actor').innerText(),
      await drawer.getByTestId('history-entry').last().locator('.history-actor').innerText(),
    ]).toEqual(['城关镇网格化中心 赵磊', consoleActor.displayName]);
    await drawer.locator('.person-facts').getByText('核实人 城关镇网格化中心 赵磊', { exact: false }).waitFor();
    await drawer.getByText('变更记录（2）').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'people-history.png') });
    await page.close();
  }, 120_000);

  it('special-group and key-person tags show in red to a role allowed to see them', async () => {
    const [tagged] = await queryRows<{ name: string; id_number_masked: string }>(
      demo.database.db,
      sql`select name, id_number_masked from person where cardinality(special_groups) + cardinality(key_person_tags) > 0 order by name limit 1`,
    );
    expect(tagged).toBeDefined();
    const page = await demo.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, 'township');
    await searchPeople(page, tagged.name);
    const row = page.locator('.ant-table-row').filter({ hasText: tagged.id_number_masked });
    await row.locator('.ant-tag-red').first().waitFor();
    await page.screenshot({ path: path.join(shots, 'people-tags.png') });
    await page.close();
  });

  it('a grid worker sees masked numbers only: no reveal button and no tags column', async () => {
    const page = await demo.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, 'worker');
    await searchPeople(page, surname);
    expect(await page.locator('.ant-table-thead th', { hasText: '标签' }).count()).toBe(0);
    await openFirst(page);
    const drawer = page.locator('.ant-drawer-content');
    expect(await drawer.getByTestId('masked-idNumber').innerText()).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(await drawer.getByText('查看完整号码').count()).toBe(0);
    expect(await drawer.getByText('标签').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'people-worker.png') });

    await drawer.locator('.ant-drawer-close').click();
    await page.getByText('English', { exact: true }).first().click();
    await page.getByRole('tab', { name: 'Find people' }).waitFor();
    await page.locator('.ant-table-thead th', { hasText: 'ID number' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'people-worker-en.png') });
    await page.close();
  });
});
