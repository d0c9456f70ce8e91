import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REGISTRY_VILLAGES } from '../../server/demo/index.ts';
import { queryRows } from '../../server/platform/db.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import {
  type ApiAs,
  apiAs,
  desktopPage,
  drawerTitled,
  openMenu,
  screenshotsOnFailure,
  shooter,
  workerGridPoint,
} from './journey-helpers.ts';

let demo: Demo;
let worker: ApiAs;
let resident: { id: string; name: string };
let caseNo = '';
const shot = shooter('disputes');

beforeAll(async () => {
  demo = await startDemo({ registryVillage: DEMO_REGISTRY_VILLAGES[0] });
  const { grid, point } = await workerGridPoint(demo);
  [resident] = await queryRows<{ id: string; name: string }>(
    demo.database.db,
    sql`select id, name from person where grid_code = ${grid.code} order by id limit 1`,
  );
  worker = await apiAs(demo, 'worker');
  // A grid worker's report of a dispute item (宅基地使用纠纷) of the catalogue, as the phone files it.
  const reported = await worker.post<{ caseNo: string }>('/api/events', {
    itemCode: 'MD0902',
    lng: point.longitude,
    lat: point.latitude,
    description: '两户因宅基地界址争吵，需调解',
    photos: [],
  });
  caseNo = reported.caseNo;
}, 600_000);
afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'disputes');

describe('矛盾纠纷: from a case to an agreement followed up', () => {
  it('the worker turns a case into a dispute from its drawer (filled from the case), sees its time limit, resolves it, and owes the follow-up', async () => {
    const page = await desktopPage(demo);
    await demo.signIn(page, 'worker');
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await openMenu(page, '事件');
    const row = page.getByTestId('events-table').locator('.ant-table-row', { hasText: caseNo });
    await row.waitFor();
    await row.click();
    const caseDrawer = page.locator('.event-drawer .ant-drawer-content');
    await caseDrawer.getByText('尚未关联纠纷').waitFor();
    await caseDrawer.getByTestId('event-turn-dispute').click();
    const dialog = page.locator('.ant-modal-content').filter({ has: page.getByTestId('dispute-from-case') });
    await dialog.getByTestId('dispute-from-case').getByText(caseNo, { exact: false }).waitFor();
    // Collect once: title, type, date, place and matter come from the case.
    expect(await dialog.getByTestId('dispute-summary').inputValue()).toBe('两户因宅基地界址争吵，需调解');
    expect(await dialog.getByTestId('dispute-title').inputValue()).toBe('宅基地使用纠纷');
    await dialog.getByTestId('dispute-type').getByText('宅基地使用').waitFor();
    const picker = dialog.getByTestId('party-person-picker');
    await picker.click();
    await picker.locator('input').fill(resident.name);
    await page.locator('.ant-select-item-option').filter({ hasText: resident.name }).first().click();
    await dialog.getByTestId('party-claim-0').fill('要求确认界址');
    await shot(page, 'turn-from-case');
    await page.getByTestId('dispute-save').click();
    await expect.poll(() => caseDrawer.getByTestId('event-disputes').getByText('宅基地使用纠纷').count()).toBe(1);
    await expect.poll(() => caseDrawer.getByTestId('event-turn-dispute').count()).toBe(0);
    await shot(page, 'case-drawer-linked');

    // The dispute's list shows its time limit; its drawer names the case it came from.
    await page.goto(`${demo.base}/disputes`);
    const list = page.getByTestId('disputes-table');
    const disputeRow = list.locator('.ant-table-row', { hasText: '宅基地使用纠纷' });
    await disputeRow
      .getByTestId('mediation-light')
      .getByText(/期限内/)
      .waitFor();
    await shot(page, 'list-light');
    await disputeRow.click();
    const drawer = drawerTitled(page, '宅基地使用纠纷');
    await drawer.getByTestId('dispute-facts').getByText('矛盾纠纷类事件').waitFor();
    await drawer.getByTestId('dispute-facts').getByText(caseNo).waitFor();
    await drawer.getByTestId('step-resolve').click();
    await page.getByTestId('step-agreement').fill('以原界桩为界，王家围墙后移 0.3 米');
    await page.getByTestId('step-ok').click();
    await drawer.getByTestId('step-follow_up').waitFor();
    await drawer
      .getByTestId('dispute-facts')
      .getByText(/回访日期/)
      .waitFor();
    await shot(page, 'resolved');
  });

  it('the follow-up records how it was performed; not performed, it goes up to the village with the reason', async () => {
    const [d] = (await worker.get<{ items: { id: string; title: string }[] }>('/api/disputes?status=resolved')).items;
    const page = await desktopPage(demo);
    await demo.signIn(page, 'worker');
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await page.goto(`${demo.base}/disputes?open=${d.id}`);
    const drawer = drawerTitled(page, d.title);
    await drawer.getByTestId('step-follow_up').click();
    await page.getByTestId('step-performance').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '未履行' }).click();
    await page.getByTestId('step-outcome').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '上交上一级' }).click();
    // Escalating needs the reason: the dialog asks for it as the server does.
    await page.getByTestId('step-ok').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await page.getByTestId('step-follow-up-note').fill('对方拒不后移围墙');
    await shot(page, 'follow-up-dialog');
    await page.getByTestId('step-ok').click();
    await drawer
      .getByTestId('dispute-follow-ups')
      .getByText(/未履行 → 上交上一级：对方拒不后移围墙/)
      .waitFor();
    await drawer.getByTestId('dispute-facts').getByText('待受理').waitFor();
    await shot(page, 'followed-up');
  });

  it('the county sets the time limits; the figures count overdue mediations and agreements’ performance', async () => {
    const page = await desktopPage(demo);
    await demo.signIn(page, 'county');
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await page.goto(`${demo.base}/disputes`);
    await page.getByTestId('dispute-settings').click();
    await page.getByTestId('mediation-days-village').fill('20');
    await page.getByTestId('follow-up-days').fill('10');
    await shot(page, 'settings');
    await page.getByTestId('dispute-settings-ok').click();
    const county = await apiAs(demo, 'county');
    await expect
      .poll(
        async () => (await county.get<{ mediationDays: { village: number }; followUpDays: number }>('/api/disputes/settings')).followUpDays,
      )
      .toBe(10);
    await openMenu(page, '矛盾纠纷统计');
    const figures = page.getByTestId('dispute-mediation-figures');
    await figures.getByText('协议履行率').waitFor();
    await figures.getByText(/未履行 1/).waitFor();
    await shot(page, 'figures');
  });
});
