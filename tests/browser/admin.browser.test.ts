import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/demo-users.ts';
import { chinaDate } from '../../shared/china-time.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import { type ApiAs, apiAs, desktopPage, label, openMenu, screenshotsOnFailure, shooter } from './journey-helpers.ts';

let demo: Demo;
let admin: ApiAs;
let page: Page;
const shot = shooter('admin');

beforeAll(async () => {
  demo = await startDemo();
  admin = await apiAs(demo, 'admin');
  page = await desktopPage(demo);
  await demo.signIn(page, 'admin');
  await page.locator('.app-menu').waitFor();
}, 600_000);

screenshotsOnFailure(() => demo, 'admin');

afterAll(async () => {
  await page?.close();
  await demo?.close();
});

interface Rule {
  colour: string;
  anyOf: Record<string, unknown>[];
  sanction: string;
}

/** The first Wednesday of December this year: an ordinary working day with no official holiday near it. */
function aWednesdayInDecember(): string {
  const year = Number(chinaDate(new Date()).slice(0, 4));
  const first = new Date(Date.UTC(year, 11, 1));
  first.setUTCDate(1 + ((3 - first.getUTCDay() + 7) % 7));
  return first.toISOString().slice(0, 10);
}

describe('administration (派单目录, 预警管理)', () => {
  it('the administrator changes a catalogue item’s handling limit and reads it in the version history', async () => {
    await openMenu(page, '派单目录');
    await page.getByPlaceholder('按名称或编码查找').fill('暴露垃圾');
    await page.locator('[data-testid=catalogue-node][data-code=CG06010]').click();
    const editor = page.locator('[data-testid=catalogue-editor][data-code=CG06010]');
    await editor.getByText('CG06010 · 第 1 版').waitFor();
    const handle = editor.locator('[data-testid=stage-limit][data-stage=handle]');
    expect(await handle.getByText('工作小时').count()).toBe(1);
    const hours = handle.getByLabel('时限');
    expect(Number(await hours.inputValue())).toBe(4); // shown as 4.0: hours go in halves
    await hours.fill('6');
    await shot(page, 'catalogue-edit');
    await editor.getByRole('button', { name: label('保存') }).click();
    await page.getByText('已保存', { exact: true }).waitFor();
    await editor.getByText('CG06010 · 第 2 版').waitFor();
    expect(Number(await handle.getByLabel('时限').inputValue())).toBe(6);

    // The history: version 2 now, version 1 with the old limit, who replaced it and what changed.
    await editor.getByRole('button', { name: '版本历史' }).click();
    const drawer = page.locator('.ant-drawer-content', { hasText: '版本历史' });
    await drawer.getByText('当前版本').waitFor();
    const now = await drawer.locator('.ant-timeline-item').first().innerText();
    expect(now).toContain('第 2 版');
    // The limits in the order of the loop.
    expect(now).toContain('核实 0.5 工作小时、受理 0.5 工作小时、派遣 0.5 工作小时、签收 2 工作日、处置 6 工作小时、核查 0.5 工作小时');
    const v1 = drawer.locator('[data-testid=catalogue-version][data-version="1"]');
    const old = await v1.innerText();
    expect(old).toContain('处置 4 工作小时');
    expect(old).toMatch(/系统管理员 于 .+ 改为第 2 版/);
    expect(old).toContain('改动：各环节时限');
    expect(await drawer.locator('[data-testid=catalogue-version]').count()).toBe(1);
    await drawer.getByText('版本历史').click({ trial: true }); // waits until the drawer has slid in
    await shot(page, 'catalogue-history');
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'detached' });

    // New reports are timed by the new rule.
    const { items } = await admin.get<{ items: { code: string; version: number; rule: { limits: Record<string, unknown> } }[] }>(
      '/api/catalogue',
    );
    expect(items.find((n) => n.code === 'CG06010')).toMatchObject({ version: 2, rule: { limits: { handle: { hours: 6 } } } });
  });

  it('the administrator edits the warning rule table, sees it kept, and restores the defaults', async () => {
    await openMenu(page, '预警管理');
    await page.getByRole('tab', { name: '月度统计', selected: true }).waitFor();
    await page.getByText('该月没有单位被预警').waitFor();
    await shot(page, 'warnings-tally');
    await page.getByRole('tab', { name: '预警规则' }).click();
    await page.getByText('当前使用系统默认规则').waitFor();
    const row = (colour: string) => page.locator('.ant-table-row', { hasText: colour });
    const count = (colour: string, condition: number, name: string) =>
      row(colour)
        .locator('.warning-condition')
        .nth(condition)
        .locator('.ant-input-number-group-wrapper', { hasText: name })
        .locator('input');

    // Blue: overdue by two working days instead of one, and a third condition: escalated once.
    const blueOverdue = count('蓝色预警', 0, '超期工作日 ≥');
    expect(await blueOverdue.inputValue()).toBe('1');
    await blueOverdue.fill('2');
    await row('蓝色预警').getByRole('button', { name: '添加条件' }).click();
    await count('蓝色预警', 2, '上报上级次数 ≥').fill('1');
    // Purple is switched off; red earns a quarterly notice rather than the year-end account.
    await row('紫色预警').getByRole('switch', { name: '启用' }).click();
    expect(await count('紫色预警', 0, '超期工作日 ≥').isDisabled()).toBe(true);
    await row('红色预警').locator('.ant-select').last().click();
    await page.locator('.ant-select-item-option[title="季度通报"]').click();
    await row('蓝色预警').click({ position: { x: 5, y: 5 } }); // tab out of the last number so it commits
    await shot(page, 'warnings-edit');
    await page.getByRole('button', { name: '保存规则' }).click();
    await page.getByText('预警规则已保存').waitFor();
    await page.getByText(/当前规则由 系统管理员 于 .+ 修改/).waitFor();

    const saved = await admin.get<{ rules: Rule[]; isDefault: boolean }>('/api/warnings/rules');
    expect(saved.isDefault).toBe(false);
    expect(saved.rules.map((r) => r.colour)).toEqual(['blue', 'yellow', 'light_red', 'red']);
    expect(saved.rules[0].anyOf).toEqual([
      { minOverdueWorkingDays: 2 },
      { minRepeats: 2 },
      { minOverdueWorkingDays: 1, minEscalations: 1 },
    ]);
    expect(saved.rules[3].sanction).toBe('warning.quarterly_notice');

    // What was saved is what the page shows after a reload.
    await page.reload();
    await page.getByRole('tab', { name: '预警规则' }).click();
    await page.getByText(/当前规则由 系统管理员/).waitFor();
    expect(await count('蓝色预警', 0, '超期工作日 ≥').inputValue()).toBe('2');
    expect(await row('蓝色预警').locator('.warning-condition').count()).toBe(3);
    expect(await row('紫色预警').getByRole('switch', { name: '启用' }).getAttribute('aria-checked')).toBe('false');
    await shot(page, 'warnings-saved');

    await page.getByRole('button', { name: '恢复默认规则' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: label('确定') })
      .click();
    await page.getByText('已恢复默认规则').waitFor();
    await page.getByText('当前使用系统默认规则').waitFor();
    await expect.poll(() => count('蓝色预警', 0, '超期工作日 ≥').inputValue()).toBe('1'); // the form takes the defaults after the notice
    expect((await admin.get<{ isDefault: boolean }>('/api/warnings/rules')).isDefault).toBe(true);
  });

  it('the administrator makes a working day a day off on the calendar, and takes it back', async () => {
    const day = aWednesdayInDecember();
    await openMenu(page, '预警管理');
    await page.getByRole('tab', { name: '工作日调整' }).click();
    await page.getByText('本年没有调整').waitFor();
    await page.getByRole('button', { name: '添加调整' }).click();
    await page.getByText('请选择日期').waitFor();
    await page.getByLabel('日期').fill(day);
    await page.getByLabel('休息').check();
    await page.getByLabel('说明').fill('防汛抢险调休');
    await page.getByRole('button', { name: '添加调整' }).click();
    await page.getByText(`已保存 ${day}`).waitFor();
    const row = page.locator('.ant-table-row', { hasText: day });
    await row.waitFor();
    const cells = (await row.locator('td').allInnerTexts()).map((s) => s.trim());
    expect(cells.slice(0, 5)).toEqual([day, '上班', '休息', '防汛抢险调休', '系统管理员']);
    await shot(page, 'calendar-added');
    expect((await admin.get<{ items: { day: string; kind: string }[] }>(`/api/calendar/days?year=${day.slice(0, 4)}`)).items).toEqual([
      expect.objectContaining({ day, kind: 'holiday', official: 'workday' }),
    ]);

    await row.getByText('恢复法定安排').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: label('确定') })
      .click();
    await page.getByText(`已恢复 ${day} 的法定安排`).waitFor();
    await row.waitFor({ state: 'detached' });
    await page.getByText('本年没有调整').waitFor();
  });

  it('the administrator reads a year’s holidays from an .ics file, is shown the bad line of a broken one, and saves the year', async () => {
    // The first year the calendar does not cover, whatever year the machine's clock says it is.
    const coverage = await admin.get<{ years: { year: number }[] }>('/api/calendar/coverage');
    const year = coverage.years[coverage.years.length - 1].year + 1;
    const ics = (dtstart: string) =>
      Buffer.from(
        [
          'BEGIN:VCALENDAR',
          'VERSION:2.0',
          'PRODID:-//gezhi//test//CN',
          'BEGIN:VEVENT',
          'SUMMARY:元旦',
          dtstart,
          `DTEND;VALUE=DATE:${year}0104`,
          'END:VEVENT',
          'END:VCALENDAR',
        ].join('\r\n'),
      );
    await page.reload();
    await page.getByRole('tab', { name: '工作日调整' }).click();
    const yearInput = page.locator('input[data-testid=calendar-schedule-year], [data-testid=calendar-schedule-year] input').first();
    await yearInput.fill(String(year));
    await yearInput.press('Tab');
    await page.getByText('尚未录入', { exact: true }).waitFor();
    const file = page.locator('input[type=file][accept=".ics,text/calendar"]');

    await file.setInputFiles({ name: 'broken.ics', mimeType: 'text/calendar', buffer: ics(`DTSTART;VALUE=DATE:${year}x0101`) });
    const problems = page.getByTestId('calendar-ics-problems');
    await problems.getByText('日历文件有误，未做任何更改').waitFor();
    await problems.getByText(/第 6 行/).waitFor();
    await shot(page, 'calendar-ics-broken');

    await file.setInputFiles({ name: 'holidays.ics', mimeType: 'text/calendar', buffer: ics(`DTSTART;VALUE=DATE:${year}0101`) });
    await page.getByText(/已读取 3 天/).waitFor();
    await page.getByRole('button', { name: `保存 ${year} 年安排` }).click();
    await page.getByText(new RegExp(`已保存 ${year} 年安排`)).waitFor();
    await shot(page, 'calendar-year-saved');
    const saved = await admin.get<{ source: string; days: { day: string; kind: string; name: string }[] }>(`/api/calendar/years/${year}`);
    expect(saved.source).toBe('ics'); // the previewed file, saved unedited
    expect(saved.days.map((d) => [d.day, d.kind, d.name])).toEqual(['01', '02', '03'].map((d) => [`${year}-01-${d}`, 'holiday', '元旦']));
  });

  it('三员分立: the security admin disables the auditor; nothing changes until the system admin approves it', async () => {
    const security = await desktopPage(demo);
    await demo.signIn(security, 'security');
    await openMenu(security, '用户管理');
    const row = security.locator('.ant-table-row', { hasText: 'auditor' });
    await row.getByText('编辑').click();
    const dialog = security.locator('.ant-modal-content', { hasText: '编辑用户：审计管理员' });
    await dialog.getByText(/三员分立/).waitFor(); // the dialog says before saving that a second administrator decides
    await dialog.getByLabel('停用账号').check();
    await dialog.getByRole('button', { name: label('保存') }).click();
    await security.getByText('已提交，等待另一位管理员审批后生效').waitFor();
    await row.getByText('待审批').waitFor();
    await shot(security, 'admin-change-requested');
    await security.close();
    // Not applied yet: the auditor still signs in.
    await apiAs(demo, 'auditor');

    await page.goto(`${demo.base}/admin-changes`);
    const change = page.getByTestId('admin-changes-table').locator('.ant-table-row', { hasText: '审计管理员' });
    await change.getByText('已停用').waitFor();
    await change.getByText('批准').click();
    await page.getByText('已批准，变更已生效').waitFor();
    await shot(page, 'admin-change-approved');
    const signIn = await demo.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'auditor', password: DEMO_PASSWORD },
    });
    expect(signIn.statusCode).toBe(401);
  });
});
