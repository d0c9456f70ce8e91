import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/platform/db.ts';
import { makeIdNumber } from '../../server/registry/records/identifiers.core.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import {
  apiAs,
  desktopPage,
  drawerTitled,
  fieldValue,
  openHouse,
  phoneWidthPage,
  screenshotsOnFailure,
  shooter,
} from './journey-helpers.ts';

/** 登记人员: the demo grid worker, on a phone, registers a newcomer into a house of their grid, edits the phone, moves them out. */
const VILLAGE = '420923100001';
/** A woman born 1993-07-15: the demo base data numbers its people from other serials. */
const ID_NUMBER = makeIdNumber('420923', '1993-07-15', 480, 'female');
const NAME = '温新来';
const PASSPORT = 'M70315426';
const FOREIGN_NAME = 'PARK JIWOO';

let demo: Demo;
let house: { code: string; address: string; building_code: string; building_name: string };
const shot = shooter('person-form');
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(demo.database.db, query);

beforeAll(async () => {
  demo = await startDemo({ registryVillage: VILLAGE });
  const worker = await apiAs(demo, 'worker');
  const me = await worker.get<{ user: { areas: { code: string }[] } }>('/api/auth/me');
  [house] = await rows<typeof house>(sql`
    select h.code, h.address, b.code as building_code, coalesce(b.estate, '') || b.name as building_name
    from house h join building b on b.county_code = h.county_code and b.code = h.building_code
    where h.grid_code = ${me.user.areas[0].code} order by h.code limit 1`);
  expect(house).toBeDefined();
  expect(await rows(sql`select 1 from person where name in (${NAME}, ${FOREIGN_NAME})`)).toHaveLength(0);
}, 600_000);
afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'person-form');

const drawer = drawerTitled;

describe('person form (登记人员)', () => {
  it('a grid worker on a phone registers a newcomer from the house drawer, finds, edits and moves them out', async () => {
    const page = await phoneWidthPage(demo);
    await demo.signIn(page, 'worker');
    await page.waitForURL((url) => url.pathname !== '/');
    const houseDrawer = await openHouse(page, demo, house);
    await houseDrawer.getByTestId('house-residents').waitFor();

    // The form opens with the house filled in; the ID number shows the sex and birth date once it is whole.
    await houseDrawer.getByTestId('house-register-resident').click();
    const form = drawer(page, '登记人员');
    await form.getByTestId('house-picker').getByText(house.address).waitFor();
    const id = form.getByTestId('person-id-number');
    await id.fill(ID_NUMBER.slice(0, 17));
    expect(await form.getByTestId('id-facts').count()).toBe(0);
    await id.pressSequentially(ID_NUMBER.slice(17));
    const facts = form.getByTestId('id-facts');
    await facts.waitFor();
    expect(await fieldValue(facts, '性别').innerText()).toBe('女');
    expect(await fieldValue(facts, '出生日期').innerText()).toBe('1993-07-15');
    await form.getByTestId('person-name').fill(NAME);
    await form.getByTestId('person-phone').fill('13912345678');
    await form.getByTestId('person-residentType').click();
    await page.locator('.ant-select-item-option[title="流动人口"]').click();
    await form.getByTestId('person-inflowReason').click();
    await page.locator('.ant-select-item-option[title="务工"]').click();
    await shot(page, 'register');
    await form.getByTestId('person-save').click();
    await page.getByText(`已登记 ${NAME}`).waitFor();
    await houseDrawer.getByTestId('house-residents').getByText(NAME).waitFor();

    const [stored] = await rows<{ sex: string; birth_date: string; grid_code: string }>(
      sql`select sex, birth_date::text, grid_code from person where name = ${NAME}`,
    );
    expect(stored).toMatchObject({ sex: '2', birth_date: '1993-07-15' });

    // Found in the people search by the ID number; the phone edited; the change in the history.
    await page.goto(`${demo.base}/people`);
    const box = page.getByPlaceholder('姓名 / 公民身份号码 / 手机号');
    await box.fill(ID_NUMBER);
    await box.press('Enter');
    await page.locator('.ant-table-row', { hasText: NAME }).click();
    const person = drawer(page, NAME);
    await person.getByText('变更记录（1）').waitFor();
    await person.getByTestId('person-edit').click();
    const edit = drawer(page, `编辑：${NAME}`);
    await edit.getByText('留空则保持原号码 139****5678').waitFor();
    await edit.getByTestId('person-phone').fill('13800138000');
    await edit.getByTestId('person-save').click();
    await person.getByText('变更记录（2）').waitFor();
    const change = person.getByTestId('history-entry').first();
    expect(await change.innerText()).toContain('138****8000');
    expect(await change.innerText()).toContain('139****5678');
    await shot(page, 'edited');

    // Moved out: no house now, the person stays on record.
    await person.getByTestId('person-move-out').click();
    await page.locator('.ant-modal-content').getByText('迁出后此人仍在册').waitFor();
    await page.getByTestId('person-move-save').click();
    await page.getByText('已迁出').waitFor();
    await person.getByText('变更记录（3）').waitFor();
    expect(await person.getByTestId('person-residences').getByText('现住').count()).toBe(0);
    expect(await person.getByTestId('person-move-out').isDisabled()).toBe(true);
    await shot(page, 'moved-out');
    const residences = await rows<{ house_code: string; moved_out: string | null }>(sql`
      select r.house_code, r.moved_out::text from residence r join person p on p.id = r.person_id where p.name = ${NAME}`);
    expect(residences).toEqual([{ house_code: house.code, moved_out: expect.any(String) }]);
    await page.context().close();
  }, 240_000);

  it('registers a person from abroad by passport from the people page and finds them by the passport number', async () => {
    const page = await desktopPage(demo);
    await demo.signIn(page, 'worker');
    // Signed in before navigating: going to /people while the sign-in is still in flight lands on the login page.
    await page.waitForURL((url) => url.pathname !== '/');
    await page.goto(`${demo.base}/people`);
    await page.getByTestId('person-register').click();
    const form = drawer(page, '登记人员');
    // Typed first: a long list (the countries) renders only the options in view.
    const choose = async (field: string, option: string) => {
      await form.getByTestId(`person-${field}`).click();
      await page.keyboard.type(option);
      await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
    };
    await choose('idType', '普通护照');
    await form.getByTestId('person-id-number').fill(PASSPORT);
    expect(await form.getByTestId('id-facts').count()).toBe(0);
    await choose('sex', '女');
    await form.getByTestId('person-birthDate').fill('1996-10-08');
    await choose('residentType', '境外人员');
    expect(await form.getByTestId('person-ethnicity').count()).toBe(0);
    await choose('nationality', '韩国');
    await form.getByTestId('person-foreignName').fill(FOREIGN_NAME);
    await choose('visitPurpose', '就业');
    await form.getByTestId('person-arrivalDate').fill('2026-01-05');
    const picker = form.getByTestId('house-picker');
    await picker.click();
    await picker.locator('input').fill(house.code);
    await page.locator('.ant-select-item-option').filter({ hasText: house.address }).click();
    await shot(page, 'register-foreigner');
    await form.getByTestId('person-save').click();
    await page.getByText(`已登记 ${FOREIGN_NAME}`).waitFor();

    const box = page.getByPlaceholder('姓名 / 公民身份号码 / 手机号');
    await box.fill(PASSPORT);
    await box.press('Enter');
    const row = page.locator('.ant-table-row', { hasText: FOREIGN_NAME });
    await row.waitFor();
    expect(await row.innerText()).toContain('M*****426');
    const [stored] = await rows<{ id_type: string; sex: string; birth_date: string; nationality: string; resident_type: string }>(
      sql`select id_type, sex, birth_date::text, nationality, resident_type from person where foreign_name = ${FOREIGN_NAME}`,
    );
    expect(stored).toEqual({ id_type: '414', sex: '2', birth_date: '1996-10-08', nationality: 'KOR', resident_type: '03' });
    await page.context().close();
  }, 240_000);
});
