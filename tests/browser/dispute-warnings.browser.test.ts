import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REGISTRY_VILLAGES } from '../../server/demo/index.ts';
import { queryRows } from '../../server/platform/db.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import { apiAs, desktopPage, drawerTitled, openMenu, screenshotsOnFailure, settled, shooter, workerGridPoint } from './journey-helpers.ts';

let demo: Demo;
const shot = shooter('dispute-warnings');
const titles = ['工地拖欠工资', '装修队拖欠工钱', '餐馆拖欠服务员工资'];

beforeAll(async () => {
  // The demo base data of the worker's village: the parties are people on record there.
  demo = await startDemo({ registryVillage: DEMO_REGISTRY_VILLAGES[0] });
  const { grid } = await workerGridPoint(demo);
  const people = await queryRows<{ id: string }>(
    demo.database.db,
    sql`select id from person where grid_code = ${grid.code} order by id limit 3`,
  );
  expect(people).toHaveLength(3);
  const worker = await apiAs(demo, 'worker');
  // Three wage-arrears disputes in one village within the week: the default rule warns the township.
  for (const [i, title] of titles.entries()) {
    await worker.post('/api/disputes', {
      title,
      typeCode: i === 1 ? '0701' : '0703',
      occurredOn: new Date().toISOString().slice(0, 10),
      place: '朝阳路',
      gridCode: grid.code,
      peopleInvolved: 3,
      riskLevel: 'medium',
      summary: '工资两个月未发',
      parties: [{ kind: 'person', key: people[i].id, claim: '要求支付工资' }],
    });
  }
}, 600_000);
afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'dispute-warnings');

describe('矛盾纠纷预警 and 矛盾纠纷统计', () => {
  it('the township sees the warning with its evidence, parties masked, and handles it with a reason', async () => {
    const page = await desktopPage(demo);
    await demo.signIn(page, 'township');
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await openMenu(page, '矛盾纠纷预警');
    const table = page.getByTestId('warnings-table');
    await settled(table);
    const row = table.locator('.ant-table-row', { hasText: '同类纠纷聚集' });
    await row.getByText('城关镇').waitFor();
    await shot(page, 'list');
    await row.click();
    const drawer = drawerTitled(page, '同类纠纷聚集');
    for (const title of titles) await drawer.getByTestId('warning-evidence').getByText(title).waitFor();
    const identifiers = await drawer.getByTestId('warning-parties').locator('td.mono').allInnerTexts();
    expect(identifiers.filter((x) => x.trim()).every((x) => x.includes('*'))).toBe(true);
    await shot(page, 'evidence');

    await drawer.getByTestId('warning-handle').click();
    // The dialog's form must be on screen before OK asks it to check itself (as a user sees the field first).
    await page.getByTestId('warning-reason').waitFor();
    await page.getByTestId('warning-close-ok').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await page.getByTestId('warning-reason').fill('已约谈用工方，三日内结清工资');
    await shot(page, 'handle-dialog');
    await page.getByTestId('warning-close-ok').click();
    await drawer.getByTestId('warning-state').getByText('已处置').waitFor();
    await drawer
      .getByTestId('warning-closed')
      .getByText(/已约谈用工方/)
      .waitFor();
    await shot(page, 'handled');
  });

  it('the county keeps the rules: an impossible window is refused naming the field; the figures drill down to the disputes', async () => {
    const page = await desktopPage(demo);
    await demo.signIn(page, 'county');
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await openMenu(page, '矛盾纠纷预警');
    await page.getByRole('tab', { name: '预警规则' }).click();
    const rules = page.getByTestId('rules-table');
    await settled(rules);
    await rules.locator('.ant-table-row', { hasText: '同类纠纷聚集' }).click();
    await page.getByTestId('rule-days').fill('0');
    await page.getByTestId('rule-count').fill('1');
    await page.getByTestId('rule-ok').click();
    // The server's refusal is put beside the fields it names, in words, not as reason keys.
    const dialog = page.locator('.ant-modal-content');
    const errorOf = (label: string) => dialog.locator('.ant-form-item', { hasText: label }).locator('.ant-form-item-explain-error');
    await errorOf('时间窗口（天）').getByText('须大于 0').waitFor();
    await errorOf('次数').getByText('不能小于 2').waitFor();
    expect(await dialog.innerText()).not.toMatch(/positive|at_least_2|params\./);
    await shot(page, 'rule-refused');
    await page.getByRole('button', { name: '取 消' }).click();
    await page.getByRole('tab', { name: '预警成效' }).click();
    const figures = page.getByTestId('warning-figures');
    await settled(figures);
    await figures.locator('.ant-table-row', { hasText: '同类纠纷聚集' }).waitFor();
    await shot(page, 'rule-figures');

    await openMenu(page, '矛盾纠纷统计');
    await page.getByTestId('dispute-figures-chart').locator('canvas').waitFor();
    const table = page.getByTestId('dispute-figures-table');
    await settled(table);
    await page.getByTestId('figure-total-0703').waitFor();
    expect(await page.getByTestId('figure-total-0703').innerText()).toBe('2');
    await shot(page, 'figures');
    await page.getByTestId('figure-total-0703').click();
    const list = page.getByTestId('figure-disputes');
    await settled(list);
    await expect.poll(() => list.locator('.ant-table-row').count()).toBe(2);
    await shot(page, 'figure-disputes');
  });

  it('recording a dispute, the parties editor adds and removes party rows, one kind at a time', async () => {
    const page = await desktopPage(demo);
    // A grid worker records the disputes of their own grid.
    await demo.signIn(page, 'worker');
    await page.goto(`${demo.base}/disputes`);
    await page.getByTestId('dispute-record').click();
    const dialog = page.locator('.ant-modal-content');
    const rows = dialog.locator('.dispute-party-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    await dialog.getByRole('button', { name: /添加当事人/ }).click();
    await dialog.getByTestId('party-claim-1').waitFor();
    expect(await rows.count()).toBe(2);
    await dialog.getByTestId('party-claim-1').fill('要求赔偿');
    await rows.first().getByRole('button', { name: '移除当事人' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await dialog.getByTestId('party-claim-0').inputValue()).toBe('要求赔偿');
  });

  it('a tagged person never followed up: 立即研判 warns the village; the township sees the person masked with tags, no disputes', async () => {
    const county = await apiAs(demo, 'county');
    const ran = await county.post<{ raised: number }>('/api/disputes/warnings/run');
    expect(ran.raised).toBeGreaterThan(0);
    const page = await desktopPage(demo);
    await demo.signIn(page, 'township');
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await openMenu(page, '矛盾纠纷预警');
    const table = page.getByTestId('warnings-table');
    await settled(table);
    const row = table.locator('.ant-table-row', { hasText: '重点人员漏访' }).first();
    await row.waitFor();
    await shot(page, 'missed-list');
    await row.click();
    const drawer = drawerTitled(page, '重点人员漏访');
    const person = drawer.getByTestId('warning-person');
    await person.waitFor();
    expect(await person.getByTestId('warning-person-identifier').innerText()).toMatch(/\*{4,}/);
    await person.getByText('人员标签').waitFor();
    await drawer.getByTestId('warning-misses').getByText('从未随访').waitFor();
    expect(await drawer.getByTestId('warning-evidence').count()).toBe(0);
    await shot(page, 'missed-drawer');
  });
});
