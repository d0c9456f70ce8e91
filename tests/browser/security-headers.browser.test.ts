import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, startDemo } from './browser-harness.ts';

/**
 * The Content-Security-Policy allows what the pages need and nothing else: the console with its OpenLayers map,
 * the field and citizen report pages with their point maps, and the Swagger UI at /docs all work under it, and
 * none of them has anything refused.
 */

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(() => demo?.close());

/** A page that records every CSP violation, from the event the browser fires and from its console. */
async function watched(): Promise<{ page: Page; violations: string[] }> {
  const page = await demo.newPage({ viewport: { width: 1280, height: 800 } });
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return { page, violations };
}

const drawnGrids = (page: Page) =>
  page.evaluate(() => (window as unknown as { __gezhiMap?: { gridFeatureCount: number } }).__gezhiMap?.gridFeatureCount ?? 0);

describe('pages under the Content-Security-Policy', () => {
  it('the console signs in and draws the county on the map; the report pages show their maps; nothing is refused', async () => {
    const { page, violations } = await watched();
    const res = await page.goto(demo.base);
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await demo.signIn(page, 'county');
    await page.locator('.ant-tree').getByText('云梦县', { exact: true }).click();
    await expect.poll(() => drawnGrids(page), { timeout: 20_000 }).toBe(472);
    await page.goto(`${demo.base}/m/report`);
    await page.locator('canvas').first().waitFor({ timeout: 20_000 });
    await page.goto(`${demo.base}/public/report`);
    await page.locator('canvas').first().waitFor({ timeout: 20_000 });
    expect(violations).toEqual([]);
    await page.close();
  });

  it('the API docs render their operations', async () => {
    const { page, violations } = await watched();
    await page.goto(`${demo.base}/docs`);
    await page.locator('.opblock').first().waitFor({ timeout: 20_000 });
    const doc = (await (await page.request.get(`${demo.base}/docs/json`)).json()) as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    expect(Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0)).toBeGreaterThan(50);
    // Swagger UI draws only the tags near the viewport, in the order they first appear: scrolled to the end, it
    // draws the last of them.
    const tags = new Set(Object.values(doc.paths).flatMap((ops) => Object.values(ops).flatMap((op) => op.tags ?? [])));
    const lastTag = [...tags].at(-1);
    await expect
      .poll(
        async () => {
          await page.mouse.wheel(0, 50_000);
          return page.locator('.opblock-tag').allTextContents();
        },
        { timeout: 20_000 },
      )
      .toContain(lastTag);
    expect(violations).toEqual([]);
    await page.close();
  });
});
