import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';

let t: TestApp;
let request: Awaited<ReturnType<TestApp['signIn']>>;
beforeAll(async () => {
  t = await createTestApp();
  request = (await t.as(['security_admin'], [FIXTURE.city])).request;
});
afterAll(() => t.close());

const shape = { code: expect.any(String), message: expect.any(String), details: expect.any(Array) };

describe('bad input gets one error shape and changes nothing', () => {
  it('malformed JSON', async () => {
    const res = await request({
      method: 'POST',
      url: '/api/access/users',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ ...shape, code: 'request.malformed_json' });
  });

  it('wrong types are not coerced, and each field is named', async () => {
    const res = await request({
      method: 'POST',
      url: '/api/access/users',
      payload: { username: 12, displayName: 'x', password: 'Abcdefg123', roles: 'grid_worker', areaCodes: [] },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['body.roles', 'body.username']);
  });

  it('missing fields, in Chinese by default and in English on request', async () => {
    const zh = await request({ method: 'POST', url: '/api/access/users', payload: { displayName: 'x' } });
    expect(zh.json().message).toBe('请求内容有误，请检查标出的字段');
    expect(zh.json().details).toContainEqual({ field: 'body.username', reason: 'required', message: '必填' });
    const en = await request({ method: 'POST', url: '/api/access/users', payload: { displayName: 'x' }, cookies: { gezhi_lang: 'en' } });
    expect(en.json().message).toBe('The request is invalid; check the fields listed');
  });

  it('unknown codes answer 404, unknown routes too', async () => {
    const { request: county } = await t.as(['county_center'], [FIXTURE.county]);
    expect((await county({ method: 'GET', url: '/api/territory/grids/420923999999999' })).json()).toMatchObject({
      ...shape,
      code: 'territory.grid_not_found',
    });
    expect((await county({ method: 'GET', url: '/api/territory/areas/abc' })).statusCode).toBe(400);
    expect((await county({ method: 'GET', url: '/api/nothing' })).json()).toMatchObject({ ...shape, code: 'route.not_found' });
  });

  it('serves the OpenAPI description generated from the route schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/territory/locate', '/api/auth/login', '/api/territory/grids/import', '/api/org/departments']),
    );
    expect(spec.paths['/api/territory/locate'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['lng', 'lat']);
    expect((await t.app.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
  });
});

describe('nullable fields', () => {
  it('a bad value in a nullable field gives one detail, not the schema’s internals', async () => {
    const res = await request({
      method: 'POST',
      url: '/api/access/users',
      payload: { username: 'p1', displayName: 'x', password: 'Abcdefg123', roles: [], areaCodes: [], phone: 'call me' },
    });
    expect(res.json().details).toEqual([{ field: 'body.phone', reason: 'pattern', message: '格式不正确' }]);
  });
});
