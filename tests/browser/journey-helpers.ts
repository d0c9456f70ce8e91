import path from 'node:path';
import zlib from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import { beforeEach, expect, onTestFailed } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/demo-users.ts';
import { multipartFile } from '../../server/testing/multipart.ts';
import { type Demo, shots } from './browser-harness.ts';

/** A solid-colour PNG, so thumbnails show something. */
export function png(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => [r, g, b][i % 3])]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const photoFile = (name: string, colour: [number, number, number]) => ({ name, mimeType: 'image/png', buffer: png(96, 72, colour) });

/** antd spaces out two-character Chinese button labels ("受 理"): match with or without the space. */
export const label = (text: string) => new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);

/** Screenshots of one file, prefixed with its name. */
export const shooter = (prefix: string) => (page: Page, name: string) =>
  page.screenshot({ path: path.join(shots, `${prefix}-${name}.png`) });

/** The API as a demo account, for the steps a journey does not walk through the screens. */
export async function apiAs(demo: Demo, username: string) {
  const login = await demo.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  expect(login.statusCode, `sign-in of ${username}`).toBe(200);
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const call = async <T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object): Promise<T> => {
    const res = await demo.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url} as ${username}: ${res.body}`).toBeLessThan(300);
    return res.json<T>();
  };
  return {
    get: <T = unknown>(url: string) => call<T>('GET', url),
    post: <T = unknown>(url: string, payload?: object) => call<T>('POST', url, payload ?? {}),
    put: <T = unknown>(url: string, payload: object) => call<T>('PUT', url, payload),
    async photo(colour: [number, number, number]): Promise<string> {
      const body = multipartFile(png(64, 48, colour), 'p.png', 'image/png');
      const res = await demo.app.inject({
        method: 'POST',
        url: '/api/files/photos',
        payload: body.payload,
        headers: { ...body.headers, cookie },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ key: string }>().key;
    },
  };
}
export type ApiAs = Awaited<ReturnType<typeof apiAs>>;

interface EventState {
  id: string;
  version: number;
  status: string;
}

/** One step of the loop through the API, on the version the case has now. */
export async function step(as: ApiAs, id: string, action: string, extra: object = {}): Promise<EventState> {
  const { version } = await as.get<EventState>(`/api/events/${id}`);
  return as.post<EventState>(`/api/events/${id}/actions`, { action, version, ...extra });
}

/** The demo worker's grid and a point inside it (its bbox centre, checked with locate). */
export async function workerGridPoint(demo: Demo) {
  const worker = await apiAs(demo, 'worker');
  const me = await worker.get<{ user: { areas: { code: string }[] } }>('/api/auth/me');
  const code = me.user.areas[0].code;
  const detail = await worker.get<{ name: string; bbox: number[] }>(`/api/territory/grids/${code}`);
  const [minLng, minLat, maxLng, maxLat] = detail.bbox;
  const point = { longitude: (minLng + maxLng) / 2, latitude: (minLat + maxLat) / 2 };
  const located = await worker.get<{ found: boolean; grid?: { code: string } }>(
    `/api/territory/locate?lng=${point.longitude}&lat=${point.latitude}`,
  );
  expect(located).toMatchObject({ found: true, grid: { code } });
  return { grid: { code, name: detail.name }, point };
}

/** A desktop browser page for centre and department staff. */
export const desktopPage = (demo: Demo) => demo.newPage({ viewport: { width: 1440, height: 900 } });

/** A phone: small screen, touch, and the position it reports. */
export const phoneContext = (demo: Demo, geolocation: { longitude: number; latitude: number }) =>
  demo.newContext({
    geolocation,
    permissions: ['geolocation'],
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });

/** Opens a console page from the side menu by its label. */
export async function openMenu(page: Page, name: string) {
  await page
    .locator('.app-menu .ant-menu-item')
    .filter({ hasText: new RegExp(`^${name}$`) })
    .click();
}

/** Waits until a table has settled: no spinner over it. */
export async function settled(table: Locator) {
  await table.locator('.ant-spin-blur').waitFor({ state: 'detached' });
}

/** The value cell beside a label in an antd Descriptions (bordered: th label, td value). */
export const fieldValue = (scope: Locator, name: string) =>
  scope
    .locator('.ant-descriptions-item-label')
    .filter({ hasText: new RegExp(`^${name}$`) })
    .locator('xpath=following-sibling::*[1]');

/** When a test fails, every page still open is saved as `<prefix>-FAILED-<n>.png`, to see what the user saw. */
export function screenshotsOnFailure(demo: () => Demo | undefined, prefix: string) {
  beforeEach(() =>
    onTestFailed(async () => {
      const pages =
        demo()
          ?.browser.contexts()
          .flatMap((c) => c.pages()) ?? [];
      await Promise.all(pages.map((p, i) => p.screenshot({ path: path.join(shots, `${prefix}-FAILED-${i}.png`) }).catch(() => {})));
    }),
  );
}

/** The drawer whose title holds `title` (a house opened from its building lies on top of it). */
export const drawerTitled = (page: Page, title: string | RegExp) =>
  page.locator('.ant-drawer-content').filter({ has: page.locator('.ant-drawer-title', { hasText: title }) });

/** A grid worker's phone: its width, not emulated as a mobile browser (the console pages, wider, would zoom out). */
export const phoneWidthPage = async (demo: Demo) =>
  (await demo.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })).newPage();

/** Opens a house from its building, found on the buildings page by its code; answers the house's drawer. */
export async function openHouse(
  page: Page,
  demo: Demo,
  house: { code: string; address: string; building_code: string; building_name: string },
) {
  await page.goto(`${demo.base}/buildings`);
  const search = page.getByPlaceholder('地址、楼栋名称或编号');
  await search.fill(house.building_code);
  await search.press('Enter');
  await page.getByTestId('building-table').locator('.ant-table-row', { hasText: house.building_code }).click();
  await drawerTitled(page, house.building_name).getByTestId('building-houses').locator('.ant-table-row', { hasText: house.code }).click();
  return drawerTitled(page, house.address);
}
