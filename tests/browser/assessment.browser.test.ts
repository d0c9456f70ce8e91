import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth } from '../../shared/china-time.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import { desktopPage, label, openMenu, screenshotsOnFailure, settled, shooter } from './journey-helpers.ts';

let demo: Demo;
const shot = shooter('assessment');

/** Last month in China time: the month a centre assesses and publishes (it has ended). */
function lastMonth() {
  const [y, m] = chinaMonth(new Date()).split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

beforeAll(async () => {
  // The base data of the demo worker's village, so a score's base-data item opens real records.
  demo = await startDemo({ registryVillage: '420923100001' });
}, 600_000);
afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'assessment');

describe('assessment (考核)', () => {
  it('a county centre checks its scheme, computes, adjusts with a reason and publishes the month; the score explains itself; a leader reads the ranking', async () => {
    const page = await desktopPage(demo);
    // antd puts a test id on an InputNumber's input or on its wrapper, depending on the version: either will do.
    const num = (id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();
    await demo.signIn(page, 'county');
    await openMenu(page, '考核方案');
    await page
      .getByTestId('no-quota-note')
      .getByText(/不考核打卡签到、在线时长、拍照数量或上报条数/)
      .waitFor();
    await shot(page, 'scheme-note');
    const sum = page.getByTestId('weight-sum');
    await expect.poll(() => sum.innerText()).toBe('分值合计 100 / 100');
    const first = num('weight-0');
    await first.fill('10');
    await expect.poll(() => sum.innerText()).toBe('分值合计 90 / 100');
    await page
      .getByTestId('scheme-problems')
      .getByText(/各考核项的分值之和须为 100/)
      .waitFor();
    expect(await page.getByTestId('save-scheme').isDisabled()).toBe(true);
    await num('band-max-1').fill('85');
    await num('band-max-1').blur();
    await page
      .getByTestId('scheme-problems')
      .getByText(/这里有空缺/)
      .waitFor();
    await shot(page, 'scheme-refused');
    await num('band-max-1').fill('90');
    await first.fill('20');
    await first.blur();
    await expect.poll(() => sum.innerText()).toBe('分值合计 100 / 100');
    await page.getByTestId('scheme-problems').waitFor({ state: 'detached' });
    await shot(page, 'scheme');

    await openMenu(page, '月度考核');
    await page.getByTestId('results-month').fill(lastMonth());
    await page.getByTestId('compute').click();
    const table = page.getByTestId('results-table');
    await table.waitFor();
    await settled(table);
    await expect.poll(() => table.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await page.getByTestId('run-status').getByText('已计算').waitFor();
    await shot(page, 'computed');

    // An adjustment without a reason is refused by the form, as the server would.
    await page.locator('[data-testid^="adjust-"]').first().click();
    await num('adjust-points').fill('-2');
    await page.getByTestId('adjust-save').click();
    await page.getByText('调整分数必须填写理由').waitFor();
    await page.getByTestId('adjust-reason').fill('暗访发现未按约上门');
    await page.getByTestId('adjust-save').click();
    await page.getByText('已调整').waitFor();
    await table.getByText('-2').waitFor();

    await page.getByTestId('review').click();
    await page.getByTestId('run-status').getByText('已审核').waitFor();
    await page.getByTestId('publish').click();
    await page.getByTestId('frozen').waitFor();
    expect(await page.locator('[data-testid^="adjust-"]').count()).toBe(0);
    await shot(page, 'published');

    await page.locator('[data-testid^="explain-"]').first().click();
    const items = page.getByTestId('explain-items');
    await items.waitFor();
    await page
      .getByTestId('explain-total')
      .getByText(/调整 -2/)
      .waitFor();
    await page.getByText(/调整理由：暗访发现未按约上门/).waitFor();
    await shot(page, 'explanation');
    await page.getByTestId('denominator-base_data').click();
    const list = page.getByTestId('evidence-list');
    await settled(list);
    await expect.poll(() => list.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await shot(page, 'evidence');

    const leader = await desktopPage(demo);
    await demo.signIn(leader, 'leader');
    await openMenu(leader, '通报排名');
    await leader.getByTestId('rankings-period').fill(lastMonth());
    const ranking = leader.getByTestId('rankings-table');
    await settled(ranking);
    await expect.poll(() => ranking.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await leader.getByTestId('rankings-months').getByText(lastMonth()).waitFor();
    await ranking.getByText(label('新上榜')).first().waitFor();
    await shot(leader, 'rankings');
    await ranking.locator('[data-testid^="ranked-"]').first().click();
    await leader.getByTestId('explain-items').waitFor();
    await leader
      .getByTestId('explain-total')
      .getByText(/调整 -2/)
      .waitFor();
  });
});
