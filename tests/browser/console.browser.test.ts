import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, shots, startDemo } from './browser-harness.ts';
import { openMenu } from './journey-helpers.ts';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(() => demo?.close());

const signIn = (page: Page, username: string) => demo.signIn(page, username);
const drawnGrids = (page: Page) =>
  page.evaluate(() => (window as unknown as { __gezhiMap?: { gridFeatureCount: number } }).__gezhiMap?.gridFeatureCount ?? 0);

describe('territory console', () => {
  it('a county centre signs in, opens its county, sees its grids on the map, and opens one grid', async () => {
    const page = await demo.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, 'county');
    await page.locator('.ant-tree').getByText('云梦县', { exact: true }).click();
    await expect.poll(() => drawnGrids(page), { timeout: 20_000 }).toBe(472);
    await page.screenshot({ path: path.join(shots, 'county-grids.png') });

    // Clicking a node selects it, draws its grids and expands it.
    const node = (name: string) => page.locator('.ant-tree .ant-tree-treenode').filter({ has: page.getByText(name, { exact: true }) });
    await node('城关镇').locator('.ant-tree-title').click();
    await expect.poll(() => drawnGrids(page), { timeout: 20_000 }).toBe(61);
    await node('朝阳社区居委会').locator('.ant-tree-title').click();
    await expect.poll(() => drawnGrids(page), { timeout: 20_000 }).toBe(6);
    await node('朝阳社区第1网格').locator('.ant-tree-title').click();
    await page.getByText('420923100001001', { exact: true }).first().waitFor();
    await page.getByText('网格员').first().waitFor();
    await page.screenshot({ path: path.join(shots, 'grid-detail.png') });
    await page.close();
  });

  it('a township user sees only their township; English is one click away', async () => {
    const page = await demo.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, 'township');
    const tree = page.locator('.ant-tree');
    await tree.getByText('城关镇', { exact: true }).waitFor();
    expect(await tree.getByText('云梦县', { exact: true }).count()).toBe(0);
    await page.getByText('English', { exact: true }).first().click();
    await page.getByText('Areas & grids', { exact: true }).first().waitFor();
    await page.close();
  });

  it('the audit admin reads who signed in, and sees nothing of the territory', async () => {
    const page = await demo.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, 'auditor');
    await page.getByText('审计日志').first().waitFor();
    const login = page.locator('.ant-table-row', { hasText: 'auth.login' }).first();
    await login.waitFor();
    // The action by name, its code as secondary text.
    expect(await login.getByTestId('audit-action').innerText()).toMatch(/^登录\s*auth\.login$/);
    expect(await page.getByText('区域网格').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'audit-log.png') });
    await page.close();
  });

  it('a county centre defines a professional network through its dialog, and a duplicate code is refused', async () => {
    const page = await demo.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, 'county');
    await openMenu(page, '专业网格');
    for (const attempt of ['first', 'again']) {
      await page.getByRole('button', { name: '新建专业网格' }).click();
      const dialog = page.locator('.ant-modal');
      await dialog.getByLabel('编码').fill('road');
      await dialog.getByLabel('名称').fill('道路路段');
      await dialog.getByRole('button', { name: /新\s*建/ }).click();
      if (attempt === 'first') await page.locator('.ant-table-row', { hasText: '道路路段' }).waitFor();
    }
    await page.getByText('专业网格编码已存在').first().waitFor();
    await page.close();
  });

  it('dialogs zoom in, except for a user who asked their system for less motion', async () => {
    const zoomsIn = async (reducedMotion: 'reduce' | 'no-preference') => {
      const page = await demo.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion });
      await signIn(page, 'county');
      await openMenu(page, '专业网格');
      await page.getByRole('button', { name: '新建专业网格' }).click();
      await page.locator('.ant-modal').waitFor();
      const moving = await page.locator('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter').count();
      await page.close();
      return moving > 0;
    };
    expect(await zoomsIn('no-preference')).toBe(true);
    expect(await zoomsIn('reduce')).toBe(false);
  });
});
