import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/platform/db.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import { apiAs, drawerTitled, openHouse, phoneWidthPage, screenshotsOnFailure, shooter } from './journey-helpers.ts';

/** 走访: the demo grid worker visits a house of their grid on a phone and records that one resident moved out. */
const VILLAGE = '420923100001';

let demo: Demo;
let house: { code: string; address: string; building_code: string; building_name: string };
let residents: { id: string; name: string }[];
const shot = shooter('visits');
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(demo.database.db, query);

beforeAll(async () => {
  demo = await startDemo({ registryVillage: VILLAGE });
  const worker = await apiAs(demo, 'worker');
  const me = await worker.get<{ user: { areas: { code: string }[] } }>('/api/auth/me');
  // A house of the worker's grid, in a building, where several people live.
  [house] = await rows<typeof house>(sql`
    select h.code, h.address, b.code as building_code, coalesce(b.estate, '') || b.name as building_name
    from house h join building b on b.county_code = h.county_code and b.code = h.building_code
    where h.grid_code = ${me.user.areas[0].code}
      and (select count(*) from residence r where r.house_code = h.code and r.moved_out is null) >= 2
    order by h.code limit 1`);
  expect(house).toBeDefined();
  residents = await rows<{ id: string; name: string }>(sql`
    select p.id, p.name from residence r join person p on p.county_code = r.county_code and p.id = r.person_id
    where r.house_code = ${house.code} and r.moved_out is null`);
}, 600_000);
afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'visits');

const drawer = drawerTitled;

describe('house visits (走访)', () => {
  it('a grid worker on a phone opens a house, marks one resident moved out, saves, and sees the visit listed and the resident gone', async () => {
    const page = await phoneWidthPage(demo);
    await demo.signIn(page, 'worker');
    await page.waitForURL((url) => url.pathname !== '/');
    const houseDrawer = await openHouse(page, demo, house);
    const table = houseDrawer.getByTestId('house-residents');
    await table.locator('.ant-table-row').first().waitFor();
    expect(await table.locator('.ant-table-row').count()).toBe(residents.length);
    await houseDrawer.getByText('还没有走访记录').waitFor();

    // The form is filled from the record: every resident listed as living here, the house as recorded.
    await houseDrawer.getByTestId('house-visit').click();
    const form = drawer(page, `走访：${house.address}`);
    const cards = form.getByTestId('visit-resident');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(residents.length);
    expect(await form.locator('.ant-segmented-item-selected', { hasText: '在住' }).count()).toBe(residents.length);
    expect(await form.getByLabel('房屋用途').count()).toBe(1);
    const leaving = (await cards.last().locator('.visit-resident-name').innerText()).trim();
    await cards.last().getByText('已搬离').click();
    await form.getByPlaceholder('走访中发现的其他情况').fill('已搬往外地务工');
    await shot(page, 'form');
    await form.getByTestId('visit-save').click();

    // Saved: the house lists the visit, who made it, and the one who left; the resident is gone from the house.
    await page.getByText('走访已记录').waitFor();
    const record = houseDrawer.getByTestId('visit-record');
    await record.first().waitFor();
    expect(await record.count()).toBe(1);
    const text = await record.first().innerText();
    expect(text).toContain('网格员 李娜');
    expect(text).toContain(`确认在住 ${residents.length - 1} 人，搬离 1 人`);
    expect(text).toContain(`${leaving} 搬离`);
    expect(text).toContain('已搬往外地务工');
    await expect.poll(() => table.locator('.ant-table-row').count()).toBe(residents.length - 1);
    expect(await table.innerText()).not.toContain(leaving);
    await houseDrawer.getByText('核实人 网格员 李娜', { exact: false }).waitFor();
    await houseDrawer.getByText('走访记录（1）').scrollIntoViewIfNeeded();
    await shot(page, 'recorded');

    const [ended] = await rows<{ moved_out: string | null }>(sql`
      select r.moved_out::text as moved_out from residence r join person p on p.id = r.person_id where r.house_code = ${house.code} and p.name = ${leaving}`);
    expect(ended.moved_out).not.toBeNull();
    await page.context().close();
  }, 180_000);
});
