import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/platform/db.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import {
  apiAs,
  desktopPage,
  drawerTitled,
  phoneContext,
  phoneWidthPage,
  screenshotsOnFailure,
  settled,
  shooter,
  workerGridPoint,
} from './journey-helpers.ts';

/**
 * 重点人员随访 and 十户联防: the county sets a plan, the grid worker follows a tagged person up on a phone through the
 * visit form of their house, the village sees the missed ones; the worker raises a ten-household alert for a
 * household, the grid leader is told, and the alert becomes a case.
 */
const VILLAGE = '420923100001';

let demo: Demo;
let tagged: { id: string; name: string };
let group: { id: string; name: string };
const shot = shooter('followups');
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(demo.database.db, query);

beforeAll(async () => {
  demo = await startDemo({ registryVillage: VILLAGE });
  const worker = await apiAs(demo, 'worker');
  const me = await worker.get<{ user: { areas: { code: string }[] } }>('/api/auth/me');
  const grid = me.user.areas[0].code;
  [tagged] = await rows<typeof tagged>(sql`
    select p.id, p.name from person p
    where p.grid_code = ${grid} and cardinality(p.special_groups) > 0
      and exists (select 1 from residence r where r.person_id = p.id and r.moved_out is null)
    order by p.name limit 1`);
  expect(tagged).toBeDefined();
  [group] = await rows<typeof group>(sql`select id, name from household_group where grid_code = ${grid} order by name limit 1`);
  expect(group).toBeDefined();
}, 600_000);
afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'followups');

describe('key persons followed up (重点人员随访)', () => {
  it('the county changes a tag’s plan from its default', async () => {
    const page = await desktopPage(demo);
    await demo.signIn(page, 'county');
    await page.goto(`${demo.base}/follow-up-plans`);
    const table = page.getByTestId('plans-table');
    const row = table.locator('.ant-table-row', { hasText: '刑满释放人员' });
    await row.getByText('每月 · 网格员').waitFor();
    await row.getByText('默认').waitFor();
    await page.getByTestId('plan-edit-special_group-01').click();
    await page.getByTestId('plan-cadence').click();
    await page.locator('.ant-select-item-option', { hasText: '每 N 天' }).click();
    await page.locator('.ant-modal').getByRole('spinbutton').fill('10');
    await shot(page, 'plan-edit');
    await page.getByTestId('plan-save').click();
    await page.getByText('随访计划已保存').waitFor();
    await row.getByText('每 10 天 · 网格员').waitFor();
    await row.getByText('本县设定').waitFor();
    await shot(page, 'plans');
    await page.close();
  }, 120_000);

  it('the grid worker on a phone follows a tagged person up from the home, through the visit form of their house', async () => {
    const page = await phoneWidthPage(demo);
    await demo.signIn(page, 'worker');
    await page.waitForURL((url) => url.pathname.startsWith('/m'));
    // The follow-ups owed are work in the to-do, counted there; they open the list.
    const owed = page.getByTestId('field-todo-follow-ups');
    await owed.waitFor();
    const before = Number(await owed.locator('.field-count').innerText());
    expect(before).toBeGreaterThan(0);
    await page.getByTestId('field-follow-ups').waitFor();
    await shot(page, 'home');
    await owed.click();
    const item = page.getByTestId('field-follow-up').filter({ hasText: tagged.name });
    await item.waitFor();
    await item.getByText('漏访').waitFor();
    await shot(page, 'due');
    await item.getByTestId('follow-up-visit').click();
    const form = drawerTitled(page, `随访：${tagged.name}`);
    await form.getByTestId('follow-up-facts').waitFor();
    await form.getByTestId('visit-resident').first().waitFor();
    expect(await form.getByTestId('follow-up-facts').innerText()).toContain(tagged.name);
    await form.getByPlaceholder('走访中发现的其他情况').fill('情况稳定');
    await shot(page, 'form');
    await form.getByTestId('visit-save').click();
    await page.getByText('随访已记录').waitFor();
    await item.getByText('按时').waitFor();
    await shot(page, 'recorded');
    // Recorded, it is no longer owed: the to-do counts one less.
    await page.goto(`${demo.base}/m`);
    await expect.poll(async () => Number(await owed.locator('.field-count').innerText())).toBe(before - 1);
    const [visit] = await rows<{ n: number }>(sql`select count(*)::int as n from house_visit where person_id = ${tagged.id}`);
    expect(visit.n).toBe(1);
    const [audit] = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'followup.read' and target = ${tagged.id}`,
    );
    expect(audit.n).toBeGreaterThan(0);
    await page.context().close();
  }, 180_000);

  it('the village sees the missed follow-ups of its grids', async () => {
    const page = await desktopPage(demo);
    await demo.signIn(page, 'village');
    await page.goto(`${demo.base}/follow-ups`);
    const table = page.getByTestId('follow-ups-table');
    await table.locator('.ant-table-row').first().waitFor();
    await settled(table);
    // The one followed up is on time: not among the missed the village opens on.
    expect(await table.innerText()).not.toContain(tagged.name);
    const [total, missed] = (await page.getByTestId('follow-ups-count').innerText()).match(/\d+/g)!.map(Number);
    expect(missed).toBe(total - 1);
    await shot(page, 'village-missed');
    await page.close();
  }, 120_000);

  it('the village names the grid leader as a missed person’s follower, with a reason; the leader sees them on a phone', async () => {
    const worker = await apiAs(demo, 'worker');
    const owedBefore = (await worker.get<{ followUps: { missed: number; dueSoon: number } }>('/api/inbox/counts')).followUps;
    const village = await apiAs(demo, 'village');
    const missed = await village.get<{ items: { personId: string; name: string; responsible: { name: string }[] }[] }>(
      '/api/fieldwork/follow-ups?missed=true&limit=50',
    );
    const person = missed.items.find((i) => i.name !== tagged.name && i.responsible.some((r) => r.name === '网格员 李娜'))!;
    expect(person).toBeDefined();

    const page = await desktopPage(demo);
    await demo.signIn(page, 'village');
    await page.goto(`${demo.base}/follow-ups`);
    const table = page.getByTestId('follow-ups-table');
    await settled(table);
    await table.locator('.ant-table-row', { hasText: person.name }).first().getByTestId('follow-up-open').click();
    const drawer = drawerTitled(page, person.name);
    const follower = drawer.getByTestId('follow-up-follower');
    await follower.getByText('按随访计划由所在网格的网格员随访').waitFor();
    await drawer.getByTestId('follow-up-assign').click();
    const dialog = page.locator('.ant-modal-content', { hasText: '指定随访人' });
    await dialog.getByTestId('assign-reason').waitFor();
    // Both are required, as the server requires them: OK with neither marks both.
    await dialog.getByTestId('assign-ok').click();
    await expect.poll(() => dialog.locator('.ant-form-item-explain-error').count()).toBe(2);
    await dialog.getByTestId('assign-follower').click();
    await page.locator('.ant-select-item-option', { hasText: '网格长 周强' }).click();
    await dialog.getByTestId('assign-reason').fill('网格员李娜外出培训，由网格长代为随访');
    await shot(page, 'assign-dialog');
    await dialog.getByTestId('assign-ok').click();
    await page.getByText('已指定随访人').waitFor();
    await follower.getByText('网格员李娜外出培训，由网格长代为随访').waitFor();
    expect(await follower.innerText()).toContain('网格长 周强');
    await shot(page, 'assigned');
    await page.close();

    const owedAfter = (await worker.get<{ followUps: { missed: number; dueSoon: number } }>('/api/inbox/counts')).followUps;
    expect(owedAfter.missed).toBe(owedBefore.missed - 1);
    const [audit] = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'followup.assigned' and target = ${person.personId}`,
    );
    expect(audit.n).toBe(1);

    const phone = await phoneWidthPage(demo);
    await demo.signIn(phone, 'gridleader');
    await phone.waitForURL((url) => url.pathname.startsWith('/m'));
    const owed = phone.getByTestId('field-todo-follow-ups');
    await owed.waitFor();
    expect(Number(await owed.locator('.field-count').innerText())).toBe(1);
    await shot(phone, 'leader-home');
    await owed.click();
    const item = phone.getByTestId('field-follow-up').filter({ hasText: person.name });
    await item
      .getByTestId('follow-up-named')
      .getByText(/网格员李娜外出培训/)
      .waitFor();
    await item.getByTestId('follow-up-visit').waitFor();
    await shot(phone, 'leader-list');
    await phone.context().close();
  }, 180_000);
});

describe('ten-household joint defence at work (十户联防)', () => {
  it('the worker raises an alert for a household on a phone; the grid leader is told; the alert becomes a case', async () => {
    const context = await phoneContext(demo, (await workerGridPoint(demo)).point);
    const page = await context.newPage();
    await demo.signIn(page, 'worker');
    await page.waitForURL((url) => url.pathname.startsWith('/m'));
    await page.goto(`${demo.base}/groups?group=${group.id}`);
    const drawer = drawerTitled(page, group.name);
    await drawer.getByTestId('alert-raise').click();
    await page.locator('.ant-radio-button-wrapper', { hasText: '陌生人员' }).click();
    await page.getByTestId('alert-note').fill('两名陌生男子在楼道徘徊');
    await page.getByRole('button', { name: '使用当前位置' }).click();
    await page.getByText(/已定位/).waitFor();
    await shot(page, 'alert-form');
    await page.getByTestId('alert-save').click();
    await page.getByText('预警已发出，已通知网格员和网格长').waitFor();
    const alert = drawer.getByTestId('group-alert').first();
    await alert.getByText('陌生人员').waitFor();
    await alert.scrollIntoViewIfNeeded();
    await shot(page, 'alert-raised');

    const leader = await apiAs(demo, 'gridleader');
    const inbox = await leader.get<{ items: { kind: string; data: { groupName?: string } }[] }>('/api/inbox');
    expect(inbox.items.find((n) => n.kind === 'household_alert')?.data.groupName).toBe(group.name);

    await alert.getByTestId('alert-to-event').click();
    const dialog = page.locator('.ant-modal-content', { hasText: '事项' });
    await dialog.locator('.ant-select').first().click();
    await page.keyboard.type('可疑人员');
    await page.locator('.ant-select-item-option', { hasText: '可疑人员' }).first().click();
    await page.getByTestId('alert-event-save').click();
    await page.getByText('已转为事件').first().waitFor();
    const converted = async () =>
      (await rows<{ n: number }>(sql`select count(*)::int as n from household_alert where event_id is not null`))[0].n;
    await expect.poll(converted).toBe(1);
    await alert.getByText(/已转为事件/).waitFor();
    await shot(page, 'alert-case');
    await context.close();
  }, 180_000);
});
