import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../testing/harness.ts';
import { loadConfig } from './config.ts';
import { createHttp, type HttpOptions, TIANDITU_TILE_HOSTS } from './http.ts';

/** Issue 12, item 5: security headers, foreign origins refused, Secure cookies over HTTPS. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (headers: Record<string, string> = {}, username = 'browser1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD }, headers });

describe('security headers', () => {
  it('on API replies, error replies, the API docs and pages: CSP, HSTS, nosniff, no framing, no referrer', async () => {
    for (const url of ['/api/health', '/api/nothing', '/docs', '/api/auth/me']) {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('the CSP names no outside host: the maps draw vectors from our own API', async () => {
    const csp = String((await t.app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy']);
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).not.toMatch(/https?:|\*/);
  });
});

describe('a Tianditu base map', () => {
  it('with a key, images and fetches may come from Tianditu’s tile hosts, and from no other outside host', async () => {
    const config = loadConfig({ GEZHI_TIANDITU_KEY: ' 0123456789abcdef0123456789ABCDEF ' });
    expect(config.tiandituKey).toBe('0123456789abcdef0123456789ABCDEF');
    const app = await createHttp({ logLevel: 'silent', tileHosts: TIANDITU_TILE_HOSTS });
    app.get('/api/x', async () => ({}));
    const csp = String((await app.inject({ method: 'GET', url: '/api/x' })).headers['content-security-policy']);
    await app.close();
    expect(csp).toContain("img-src 'self' data: blob: https://*.tianditu.gov.cn");
    expect(csp).toContain("connect-src 'self' https://*.tianditu.gov.cn");
    expect(csp.replaceAll('https://*.tianditu.gov.cn', '')).not.toMatch(/https?:|\*/);
  });

  it('a key that is not 32 hex digits stops the server; none means no key', () => {
    expect(() => loadConfig({ GEZHI_TIANDITU_KEY: 'tk=abc' })).toThrow(/GEZHI_TIANDITU_KEY/);
    expect(loadConfig({ GEZHI_TIANDITU_KEY: '' }).tiandituKey).toBeNull();
  });
});

describe('state-changing requests from another origin', () => {
  beforeAll(async () => {
    await t.buildUser({ username: 'browser1', roles: ['grid_worker'], areaCodes: [FIXTURE.grids[0]] });
  });

  it('a foreign Origin is refused with 403 in the one shape, before anything runs; its own origin and none are accepted', async () => {
    const foreign = await login({ origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toEqual({
      code: 'request.foreign_origin',
      message: '不接受来自其他网站的修改请求',
      details: [{ field: 'headers.origin', reason: 'foreign_origin', value: 'https://evil.example' }],
    });
    expect(foreign.cookies).toEqual([]);
    expect((await login({ origin: 'null' })).statusCode).toBe(403);
    expect((await login({ origin: 'http://localhost' })).statusCode).toBe(200); // inject's own host, default port
    expect((await login({ origin: 'http://localhost:80' })).statusCode).toBe(200);
    expect((await login({ host: 'gezhi.example.gov.cn', origin: 'http://gezhi.example.gov.cn' })).statusCode).toBe(200);
    expect((await login({ host: 'gezhi.example.gov.cn', origin: 'https://gezhi.example.gov.cn' })).statusCode).toBe(403);
    expect((await login()).statusCode).toBe(200); // no Origin: not a browser's cross-site request
  });

  it('on every state-changing method, signed in or not, while reads from anywhere still work', async () => {
    const { request } = await t.as(['security_admin'], [FIXTURE.city]);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await request({ method, url: '/api/access/users', headers: { origin: 'https://evil.example' }, payload: {} });
      expect(res.statusCode, method).toBe(403);
      expect(res.json().code).toBe('request.foreign_origin');
    }
    expect((await request({ method: 'GET', url: '/api/access/users', headers: { origin: 'https://evil.example' } })).statusCode).toBe(200);
  });

  /** The HTTP shell alone, with one state-changing route that echoes what the request says of itself. */
  async function shell(opts: Omit<HttpOptions, 'logLevel'>) {
    const app = await createHttp({ logLevel: 'silent', ...opts });
    app.post('/api/echo', async (request) => ({ protocol: request.protocol, ip: request.ip }));
    return app;
  }

  it('origins in the configuration are accepted', async () => {
    const config = loadConfig({ GEZHI_ALLOWED_ORIGINS: 'https://gezhi.example.gov.cn/' }, { logLevel: 'silent' });
    expect(config.allowedOrigins).toEqual(['https://gezhi.example.gov.cn']);
    const app = await shell({ allowedOrigins: config.allowedOrigins });
    const post = (origin: string) => app.inject({ method: 'POST', url: '/api/echo', headers: { origin } });
    expect((await post('https://gezhi.example.gov.cn')).statusCode).toBe(200);
    expect((await post('https://other.example.gov.cn')).statusCode).toBe(403);
    await app.close();
  });

  it('behind a trusted proxy the origin is the one the proxy forwards for, and only a trusted proxy is believed', async () => {
    const config = loadConfig({ GEZHI_TRUST_PROXY: '127.0.0.1' }, { logLevel: 'silent' });
    const app = await shell({ trustProxy: config.trustProxy });
    const viaProxy = (from: string) =>
      app.inject({
        method: 'POST',
        url: '/api/echo',
        headers: {
          'x-forwarded-proto': 'https',
          'x-forwarded-host': 'gezhi.example.gov.cn',
          'x-forwarded-for': '203.0.113.7',
          origin: 'https://gezhi.example.gov.cn',
        },
        remoteAddress: from,
      });
    const trusted = await viaProxy('127.0.0.1');
    expect(trusted.json()).toEqual({ protocol: 'https', ip: '203.0.113.7' });
    expect((await viaProxy('10.0.0.9')).statusCode).toBe(403); // not the proxy: its forwarded scheme and host count for nothing
    await app.close();
    expect(loadConfig({ GEZHI_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ GEZHI_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({}).trustProxy).toBe(false);
  });
});

describe('the session cookie', () => {
  it('is not Secure over plain HTTP by default, outside production', async () => {
    const res = await login();
    expect(res.cookies.find((c) => c.name === 'gezhi_sid')?.secure).toBeUndefined();
  });

  it('is Secure on every reply in production unless turned off', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).secureCookies).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', GEZHI_SECURE_COOKIES: '0' }).secureCookies).toBe(false);
    expect(loadConfig({}).secureCookies).toBe(false);
    expect(loadConfig({ GEZHI_SECURE_COOKIES: '1' }).secureCookies).toBe(true);
  });

  it('a configured origin that is not an origin stops the server', () => {
    expect(() => loadConfig({ GEZHI_ALLOWED_ORIGINS: 'gezhi.example.gov.cn' })).toThrow(/GEZHI_ALLOWED_ORIGINS/);
    expect(() => loadConfig({ GEZHI_ALLOWED_ORIGINS: 'https://a.example/path' })).toThrow(/GEZHI_ALLOWED_ORIGINS/);
  });
});
