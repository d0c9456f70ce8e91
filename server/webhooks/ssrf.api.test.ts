import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { multipartFile } from '../testing/multipart.ts';
import { httpTransport } from './webhook-sender.ts';

/**
 * Webhooks never reach the server's own network (SSRF) unless GEZHI_WEBHOOK_ALLOW_PRIVATE allows it: a subscription
 * to a private, loopback or link-local host is refused with a 400 naming body.url, and a delivery whose host now
 * resolves inside is refused at the connection, with the address and its range in the delivery log.
 */

type Request = Awaited<ReturnType<TestApp['signIn']>>;
// biome-ignore lint/suspicious/noExplicitAny: replies are read field by field, as a client reads JSON
type Json = Record<string, any>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let t: TestApp;
let admin: Request;
let worker: Request;
let receiver: http.Server;
let port: number;
let heard = 0;
beforeAll(async () => {
  t = await createTestApp({ webhookAllowPrivate: false });
  admin = (await t.as(['system_admin'], [FIXTURE.city])).request;
  worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
  receiver = http.createServer((_req, res) => {
    heard++;
    res.end('ok');
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  port = (receiver.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await t.close();
});

const subscribe = (url: string) =>
  admin({
    method: 'POST',
    url: '/api/webhooks/subscriptions',
    payload: { name: '区应急管理平台', url, areaCode: FIXTURE.county, kinds: ['case.reported'], algorithm: 'hmac-sha256' },
  });
const subscriptions = async () => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from webhook_subscription`))[0].n;

describe('a subscription to the server’s own network', () => {
  it('is refused with a 400 naming body.url and the range, for addresses in every spelling and a name resolving to 127.0.0.1', async () => {
    const cases: [string, string][] = [
      [`http://localhost:${port}/hooks`, 'loopback'],
      [`http://127.0.0.1:${port}/hooks`, 'loopback'],
      ['http://2130706433/hooks', 'loopback'],
      ['http://0x7f.1/hooks', 'loopback'],
      ['http://[::1]/hooks', 'loopback'],
      ['http://[::ffff:127.0.0.1]/hooks', 'ipv4_mapped'],
      ['http://169.254.169.254/latest/meta-data/', 'link_local'],
      ['https://10.0.0.8/hooks', 'private'],
      ['https://192.168.1.20/hooks', 'private'],
      ['https://172.20.0.3/hooks', 'private'],
      ['http://[fe80::1]/hooks', 'link_local'],
      ['http://0.0.0.0/hooks', 'unspecified'],
    ];
    for (const [url, range] of cases) {
      const res = await subscribe(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({ code: 'webhook.url_private', details: [{ field: 'body.url', reason: range }] });
    }
    expect((await subscribe(`http://localhost:${port}/hooks`)).json().details[0].value).toMatch(/^localhost → (127\.0\.0\.1|::1)$/);
    expect(await subscriptions()).toBe(0);
  });

  it('is refused when its name does not resolve, and accepted at a public address', async () => {
    expect((await subscribe('https://nowhere.invalid/hooks')).json()).toMatchObject({
      code: 'webhook.url_invalid',
      details: [{ field: 'body.url', reason: 'host_not_found' }],
    });
    expect((await subscribe('https://203.0.113.10/hooks')).statusCode).toBe(201);
  });
});

describe('a delivery to a host that now points inside', () => {
  it('is refused at the connection after resolution, logged with the address and its range, and never reaches it', async () => {
    // The subscription made at a public address; its name later points at the server itself (as a rebinding name would).
    await t.db.execute(sql`update webhook_subscription set url = ${`http://localhost:${port}/hooks`}`);
    const photo = (await worker({ method: 'POST', url: '/api/files/photos', ...multipartFile(PNG, 'p.png', 'image/png') })).json().key;
    const res = await worker({
      method: 'POST',
      url: '/api/events',
      payload: { itemCode: 'CG06010', lng: 113.01, lat: 31.01, description: '路口垃圾堆放', photos: [photo] },
    });
    expect(res.statusCode).toBe(201);
    expect(await t.services.deliverWebhooks()).toMatchObject({ status: 'done', delivered: 0, failed: 1 });
    const [attempt] = await queryRows<Json>(t.db, sql`select status_code, error from webhook_attempt`);
    expect(attempt.status_code).toBeNull();
    expect(attempt.error).toMatch(/^PrivateAddressError: localhost is at (127\.0\.0\.1|::1), a loopback address/);
    expect(heard).toBe(0);
  });

  it('is refused for a name the resolver answers with 127.0.0.1, and goes through when private receivers are allowed', async () => {
    const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
    const url = `http://hooks.example.test:${port}/hooks`;
    await expect(httpTransport({ resolve }).post(url, {}, '{}')).rejects.toMatchObject({ name: 'PrivateAddressError', range: 'loopback' });
    expect(heard).toBe(0);
    expect(await httpTransport({ allowPrivate: true }).post(`http://127.0.0.1:${port}/hooks`, {}, '{}')).toEqual({
      status: 200,
      body: 'ok',
    });
    expect(heard).toBe(1);
  });
});
