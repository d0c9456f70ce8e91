import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { multipartFile } from '../testing/multipart.ts';

/** The findings of issue 12 that answered 500, each answered now with a 4xx in the one error shape. */

let t: TestApp;
let county: Awaited<ReturnType<TestApp['signIn']>>;
beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
});
afterAll(() => t.close());

const shape = { code: expect.any(String), message: expect.any(String), details: expect.any(Array) };

describe('NUL bytes', () => {
  it('in a registry search, an id and a query filter: 400 naming the field, never a query with the NUL', async () => {
    const search = await county({ method: 'GET', url: '/api/registry/people?q=a%00b' });
    expect(search.statusCode).toBe(400);
    expect(search.json()).toEqual({
      code: 'request.invalid',
      message: '请求内容有误，请检查标出的字段',
      details: [{ field: 'querystring.q', reason: 'nul', message: '不能包含空字符（NUL）' }],
    });
    const id = await county({ method: 'GET', url: '/api/registry/houses/a%00b', cookies: { gezhi_lang: 'en' } });
    expect(id.statusCode).toBe(400);
    expect(id.json().details).toEqual([{ field: 'params.code', reason: 'nul', message: 'must not contain a NUL character' }]);
    expect((await county({ method: 'GET', url: '/api/registry/organisations?orgType=%00' })).statusCode).toBe(400);
  });

  it('in a JSON body, at any depth, and in sign-in', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a\u0000b', password: 'x' } });
    expect(login.statusCode).toBe(400);
    expect(login.json().details).toEqual([expect.objectContaining({ field: 'body.username', reason: 'nul' })]);
    const { request: admin } = await t.as(['security_admin'], [FIXTURE.city]);
    const nested = await admin({
      method: 'POST',
      url: '/api/access/users',
      payload: { username: 'n1', displayName: 'x', password: 'Abcdefg123', roles: [], areaCodes: ['a\u0000'] },
    });
    expect(nested.json().details).toEqual([expect.objectContaining({ field: 'body.areaCodes.0', reason: 'nul' })]);
  });

  it('not signed in still comes first: 401, not 400', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/registry/people?q=%00' })).statusCode).toBe(401);
  });
});

describe('huge and infinite numbers', () => {
  it.each(['1e308', 'Infinity', '-Infinity', '1e400', '99999999999999999999'])('offset=%s: 400', async (value) => {
    const res = await county({ method: 'GET', url: `/api/events?offset=${value}` });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ ...shape, code: 'request.invalid' });
    expect(res.json().details[0].field).toBe('querystring.offset');
  });

  it('a limit of Infinity, which the validator would coerce past its maximum, is refused as not finite', async () => {
    const res = await county({ method: 'GET', url: '/api/registry/people?q=%E5%BC%A0&limit=Infinity' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ field: 'querystring.limit', reason: 'finite', message: '应为有限的数字' }]);
  });
});

describe('uploads that are not multipart, or broken', () => {
  const uploads = ['/api/public/photos', '/api/files/photos', '/api/registry/imports/person'];
  const bodies = {
    'a JSON body': { payload: '{"file":"x"}', headers: { 'content-type': 'application/json' }, status: 415 },
    'plain text': { payload: 'hello', headers: { 'content-type': 'text/plain' }, status: 415 },
    'multipart without a boundary': { payload: 'x', headers: { 'content-type': 'multipart/form-data' }, status: 400 },
    'multipart cut short': {
      payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc',
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
      status: 400,
    },
    'a boundary longer than the parser takes': {
      payload: 'x',
      headers: { 'content-type': `multipart/form-data; boundary=${'b'.repeat(300)}` },
      status: 400,
    },
  };
  for (const url of uploads) {
    for (const [name, body] of Object.entries(bodies)) {
      it(`${url}: ${name} → ${body.status}`, async () => {
        const res = await county({
          method: 'POST',
          url,
          payload: body.payload,
          headers: body.headers,
          remoteAddress: `10.1.${url.length}.${name.length}`,
        });
        expect(res.statusCode).toBe(body.status);
        expect(res.json()).toMatchObject(shape);
        expect(res.json().code).toMatch(/^request\.(unsupported_media_type|malformed_multipart)$/);
      });
    }
  }

  it('a good photo still uploads', async () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2b5a3b30000000049454e44ae426082',
      'hex',
    );
    const res = await county({ method: 'POST', url: '/api/files/photos', ...multipartFile(png, 'a.png', 'image/png') });
    expect(res.statusCode).toBe(201);
  });
});

describe('the router and the HTTP parser', () => {
  it('a URL that cannot be decoded, and a path segment past its limit: 400 in the one shape', async () => {
    for (const url of ['/api/registry/people/%E0%A4%A', `/api/registry/people/${'x'.repeat(200)}`]) {
      const res = await county({ method: 'GET', url });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ ...shape, code: 'request.bad_url' });
    }
  });

  it('headers past the size limit: 431 in the one shape, over a real socket', async () => {
    const app = t.app;
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as net.AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
      });
      let text = '';
      socket.on('data', (d) => {
        text += d;
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(body)).toEqual({ code: 'request.headers_too_large', message: '请求头过大', details: [] });
  });
});
