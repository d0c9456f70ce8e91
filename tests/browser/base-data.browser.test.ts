import { sql } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/platform/db.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import { type ApiAs, apiAs, fieldValue, label, openMenu, screenshotsOnFailure, settled, shooter } from './journey-helpers.ts';

/** Base data as a township centre keeps it: data quality, houses from their building, a building's leader, groups. */
const VILLAGE = '420923100001';
/** The edit button of a drawer (its icon's name comes first). */
const EDIT = /编\s*辑$/;

let demo: Demo;
let township: ApiAs;
const shot = shooter('base-data');
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(demo.database.db, query);

beforeAll(async () => {
  demo = await startDemo({ registryVillage: VILLAGE });
  township = await apiAs(demo, 'township');
}, 600_000);
afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'base-data');

async function open(path: string) {
  const page = await demo.newPage({ viewport: { width: 1440, height: 900 } });
  await demo.signIn(page, 'township');
  await openMenu(page, path);
  return page;
}

/** The drawer whose title holds `title` (drawers stack: a house opened from its building lies on top). */
const drawer = (page: Page, title: string | RegExp) =>
  page.locator('.ant-drawer-content').filter({ has: page.locator('.ant-drawer-title', { hasText: title }) });

/** Finds a building by its code on the 楼栋 page and opens its drawer. */
async function openBuilding(page: Page, b: { code: string; name: string }): Promise<Locator> {
  const search = page.getByPlaceholder('地址、楼栋名称或编号');
  await search.fill(b.code);
  await search.press('Enter');
  await page.getByTestId('building-table').locator('.ant-table-row', { hasText: b.code }).click();
  const d = drawer(page, b.name);
  await d.getByText(b.code, { exact: true }).waitFor();
  return d;
}

async function buildingOf(offset: number) {
  const [b] = await rows<{ code: string; name: string; address: string; leader_person_id: string | null }>(sql`
    select code, estate || name as name, address, leader_person_id from building where grid_code like ${`${VILLAGE}%`} order by code offset ${offset} limit 1`);
  return b;
}

describe('base data (一标三实) in the console', () => {
  it('a township centre reads each village’s counts and verified share, and opens an anomaly list to its rows', async () => {
    // A flat recorded twice under two codes: the kind of slip the quality page is for.
    const [twin] = await rows<{ code: string; address: string; grid_code: string }>(
      sql`select code, address, grid_code from house where grid_code like ${`${VILLAGE}%`} order by code limit 1`,
    );
    await township.post('/api/registry/houses', {
      code: `${twin.code}-DUP`,
      address: twin.address,
      gridCode: twin.grid_code,
      use: '01',
      rented: false,
    });
    const [counts] = await rows<{ people: number; houses: number; buildings: number }>(sql`
      select (select count(*)::int from person where grid_code like ${`${VILLAGE}%`}) as people,
             (select count(*)::int from house where grid_code like ${`${VILLAGE}%`}) as houses,
             (select count(*)::int from building where grid_code like ${`${VILLAGE}%`}) as buildings`);

    const page = await open('数据质量');
    const children = page.getByTestId('quality-children');
    const village = children.locator('.ant-table-row', { hasText: VILLAGE });
    await village.waitFor();
    await settled(children);
    const header = await children.locator('.ant-table-thead th').allInnerTexts();
    const cell = async (name: string) =>
      (
        await village
          .locator('td')
          .nth(header.findIndex((h) => h.trim() === name))
          .innerText()
      ).trim();
    // Everything the demo loaded was verified on loading; the new house was verified by the one who recorded it.
    expect(await cell('人口')).toBe(`${counts.people} · 100%`);
    expect(await cell('房屋')).toBe(`${counts.houses} · 100%`);
    expect(await cell('楼栋')).toBe(`${counts.buildings} · 100%`);
    // A village with no base data shows zeros, not a missing row.
    expect(await children.locator('.ant-table-row').filter({ hasNotText: VILLAGE }).first().locator('td').nth(1).innerText()).toBe('0');
    await shot(page, 'quality');

    await page.getByRole('tab', { name: '同址不同编号' }).click();
    const list = page.getByTestId('anomalies-sameAddressDifferentCodes');
    const row = list.locator('.ant-table-row', { hasText: twin.address });
    await row.waitFor();
    expect(await row.innerText()).toContain(`${twin.code}-DUP`);
    expect(await row.innerText()).toContain(twin.code);
    // The only one: the demo's own houses have an address each.
    expect(await list.locator('.ant-table-row').count()).toBe(1);
    await row.scrollIntoViewIfNeeded();
    await shot(page, 'quality-anomalies');
    // A house of the row opens its drawer.
    await row.locator('.ant-tag', { hasText: `${twin.code}-DUP` }).click();
    await drawer(page, twin.address).getByText(`${twin.code}-DUP`, { exact: true }).waitFor();
    await page.close();
  }, 120_000);

  it('records a house from its building’s drawer with the house form, edits it, and the edit shows in its history', async () => {
    const b = await buildingOf(0);
    const code = `${b.code}-0701`;
    const [{ houses }] = await rows<{ houses: number }>(sql`select count(*)::int as houses from house where building_code = ${b.code}`);
    const page = await open('楼栋');
    const building = await openBuilding(page, b);
    await building.getByTestId('house-create').click();
    const form = page.locator('.ant-modal', { has: page.getByTestId('house-form') });
    // The form knows its building; the address comes from the building with the unit and room.
    expect(await form.getByLabel('楼栋编号').inputValue()).toBe(b.code);
    await form.getByLabel('房屋编号').fill(code);
    await form.getByLabel('单元').fill('1单元');
    await form.getByLabel('楼层').fill('7');
    await form.getByLabel('室号').fill('701');
    await form.getByLabel('建筑面积（平方米）').fill('86');
    await shot(page, 'house-form');
    await form.getByRole('button', { name: label('保存') }).click();

    // The new house opens on top of its building, which lists it.
    const house = drawer(page, '701');
    await house.getByText(code, { exact: true }).waitFor();
    expect(await fieldValue(house, '所在楼栋').innerText()).toContain(b.code);
    await building.getByText(`房屋（${houses + 1}）`).waitFor();
    await house.getByText('变更记录（1）').waitFor();

    await house.getByTestId('house-edit').click();
    const edit = page.locator('.ant-modal', { has: page.getByTestId('house-form') });
    expect(await edit.getByLabel('建筑面积（平方米）').inputValue()).toBe('86');
    await edit.getByLabel('建筑面积（平方米）').fill('92.5');
    await edit.getByRole('button', { name: label('保存') }).click();
    await house.getByText('变更记录（2）').waitFor();
    const newest = house.getByTestId('history-entry').first();
    expect(await newest.locator('.history-change').count()).toBe(1);
    expect(await newest.locator('.history-field').innerText()).toBe('建筑面积（平方米）');
    expect(await newest.locator('.history-before').innerText()).toBe('86');
    expect(await newest.locator('.history-after').innerText()).toBe('92.5');
    await shot(page, 'house-history');
    const [stored] = await rows<{ area_m2: number; building_code: string; version: number }>(
      sql`select area_m2, building_code, version from house where code = ${code}`,
    );
    expect(stored).toEqual({ area_m2: 92.5, building_code: b.code, version: 2 });
    await page.close();
  }, 120_000);

  it('picks a building’s leader from the people on record: name and masked phone filled, the person one click away; or types one not on record', async () => {
    const b = await buildingOf(1);
    const [person] = await rows<{ id: string; name: string; phone_masked: string; id_number_masked: string }>(sql`
      select id, name, phone_masked, id_number_masked from person
      where grid_code like ${`${VILLAGE}%`} and phone_hash is not null and id is distinct from ${b.leader_person_id}::uuid order by name, id limit 1`);
    const page = await open('楼栋');
    const building = await openBuilding(page, b);
    await building.getByRole('button', { name: EDIT }).click();
    const form = page.locator('.ant-modal', { has: page.getByTestId('building-form') });
    await form.getByLabel('从人员库选择').check();
    const picker = form.getByTestId('leader-picker');
    await picker.click();
    await picker.locator('input').fill(person.name);
    await page.locator('.ant-select-item-option').filter({ hasText: person.id_number_masked }).click();
    expect(await form.getByTestId('leader-name').inputValue()).toBe(person.name);
    expect(await form.getByTestId('leader-phone').inputValue()).toBe(person.phone_masked);
    await shot(page, 'leader-picker');
    await form.getByRole('button', { name: label('保存') }).click();

    const leader = building.getByTestId('building-leader');
    await leader.filter({ hasText: person.name }).waitFor();
    expect(await fieldValue(building, '楼栋长电话').innerText()).toContain(person.phone_masked);
    const [stored] = await rows<{ leader_person_id: string; leader_name: string }>(
      sql`select leader_person_id, leader_name from building where code = ${b.code}`,
    );
    expect(stored).toEqual({ leader_person_id: person.id, leader_name: person.name });
    await shot(page, 'leader-shown');
    await leader.click();
    await drawer(page, person.name).getByText(person.id_number_masked).waitFor();
    await drawer(page, person.name).locator('.ant-drawer-close').click();

    // Someone not on record: typed, sealed, and linked to nobody.
    await building.getByRole('button', { name: EDIT }).click();
    await form.getByLabel('不在人员库，手动填写').check();
    await form.getByLabel('楼栋长姓名').fill('孙师傅');
    await form.getByLabel('楼栋长电话').fill('13800001111');
    await form.getByRole('button', { name: label('保存') }).click();
    await fieldValue(building, '楼栋长').getByText('孙师傅').waitFor();
    expect(await building.getByTestId('building-leader').count()).toBe(0);
    expect(await fieldValue(building, '楼栋长电话').innerText()).toContain('138****1111');
    await page.close();
  }, 120_000);

  it('verifies an organisation from its drawer: who and when on the verify line, the change named in its history', async () => {
    const [org] = await rows<{ credit_code: string; name: string; version: number }>(sql`
      select credit_code, name, version from organisation where grid_code like ${`${VILLAGE}%`} order by credit_code limit 1`);
    const page = await open('实有单位');
    const search = page.getByTestId('org-search');
    await search.fill(org.credit_code);
    await search.press('Enter');
    await page.getByTestId('org-table').locator('.ant-table-row', { hasText: org.credit_code }).click();
    const d = drawer(page, org.name);
    await d.getByText(org.credit_code, { exact: true }).waitFor();
    await d.getByTestId('record-verify').click();
    await page.locator('.ant-message').getByText('已记录核实').waitFor();
    await fieldValue(d, '最近核实').getByText('核实人 城关镇网格化中心 赵磊', { exact: false }).waitFor();
    const entry = d.getByTestId('history-entry').first();
    await entry.getByText('最近核实').waitFor();
    await shot(page, 'org-verified');
    const [after] = await rows<{ version: number; verified_by: string | null }>(
      sql`select version, verified_by from organisation where credit_code = ${org.credit_code}`,
    );
    expect(after.version).toBe(org.version + 1);
    expect(after.verified_by).not.toBeNull();
    await page.close();
  }, 120_000);

  it('disbands a ten-household group after confirming; its houses are free and the history keeps it', async () => {
    const [g] = await rows<{ id: string; name: string; grid_code: string; members: number }>(sql`
      select g.id, g.name, g.grid_code, (select count(*)::int from household_group_member m where m.group_id = g.id) as members
      from household_group g where g.grid_code like ${`${VILLAGE}%`} order by g.grid_code, g.name limit 1`);
    const page = await open('十户联防');
    const grid = page.getByPlaceholder('网格编码（15 位）');
    await grid.fill(g.grid_code);
    await grid.press('Enter');
    const table = page.getByTestId('group-table');
    await table.locator('.ant-table-row', { hasText: g.name }).click();
    const d = drawer(page, g.name);
    await d.getByTestId('group-members').locator('.ant-table-row').first().waitFor();
    await d.getByTestId('group-remove').click();
    await page.locator('.ant-popover').getByText(`${g.members} 户将不再属于任何联防组`).waitFor();
    await shot(page, 'group-remove');
    await page.getByTestId('group-remove-confirm').click();
    await page.locator('.ant-message').getByText('已解散联防组').waitFor();
    await d.waitFor({ state: 'detached' });
    await expect.poll(() => table.locator('.ant-table-row', { hasText: g.name }).count()).toBe(0);
    await settled(table);
    expect(await table.locator('.ant-table-row').count()).toBeGreaterThan(0);
    const [left] = await rows<{ groups: number; members: number }>(sql`
      select (select count(*)::int from household_group where id = ${g.id}) as groups, (select count(*)::int from household_group_member where group_id = ${g.id}) as members`);
    expect(left).toEqual({ groups: 0, members: 0 });
    const [last] = await rows<{ before: { name: string }; after: unknown }>(
      sql`select before, after from record_change where record_key = ${g.id} order by at desc, id desc limit 1`,
    );
    expect(last).toMatchObject({ before: { name: g.name }, after: null });
    await page.close();
  }, 120_000);
});
