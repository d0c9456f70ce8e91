import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createHttp, type Http } from './http.ts';
import { IMMUTABLE, REVALIDATE, serveWeb } from './web-assets.ts';

/** Issue 11, weight: the build's files sent compressed and cached by what they are. */

const script = `console.log(${JSON.stringify('格治'.repeat(800))});`;
let dir: string;
let app: Http;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>格治</title>');
  const asset = path.join(dir, 'assets', 'index-3f2a1b9c.js');
  fs.writeFileSync(asset, script);
  fs.writeFileSync(`${asset}.br`, zlib.brotliCompressSync(script));
  fs.writeFileSync(`${asset}.gz`, zlib.gzipSync(script));
  fs.writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  app = await createHttp({ logLevel: 'silent' });
  await serveWeb(app, dir);
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('web assets: compression', () => {
  it('sends the brotli twin to a browser that takes it, gzip to one that takes only gzip, the file itself otherwise', async () => {
    const br = await get('/assets/index-3f2a1b9c.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.rawPayload.length).toBeLessThan(script.length / 4);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await get('/assets/index-3f2a1b9c.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/index-3f2a1b9c.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['content-type']).toContain('javascript');
  });
});

describe('web assets: caching', () => {
  it('a hashed asset is cached for a year, in every encoding', async () => {
    for (const encoding of ['br', 'gzip', undefined]) {
      expect((await get('/assets/index-3f2a1b9c.js', encoding)).headers['cache-control'], encoding).toBe(IMMUTABLE);
    }
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable');
  });

  it('the page, a client-side route and the service worker are asked for again every time', async () => {
    for (const url of ['/', '/m', '/m/report', '/sw.js']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe(REVALIDATE);
    }
    expect((await get('/m/report')).body).toContain('<title>格治</title>');
  });

  it('an unknown API path is still the one error shape, not the page', async () => {
    const res = await get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('route.not_found');
  });

  it('the CSP lets the page install its service worker and manifest from its own origin', async () => {
    const csp = String((await get('/m')).headers['content-security-policy']);
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
    expect(CONTENT_SECURITY_POLICY['worker-src']).toEqual(["'self'"]);
  });
});
