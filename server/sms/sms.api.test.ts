import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.ts';
import { queryRows } from '../platform/db.ts';
import { openFieldCrypto } from '../platform/field-keys.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, TEST_FIELD_KEYS, type TestApp } from '../testing/harness.ts';
import { multipartFile } from '../testing/multipart.ts';
import { createSmsService } from './sms.service.ts';
import { aliyunGateway, aliyunSignature } from './sms-gateway.ts';

/**
 * SMS end to end: the deadline sweep's overdue notice reaches the owing unit's phone through the local gateway (the
 * sms_message row is what it "sent"), sealed and masked, audited; the limits per phone and per account refuse and
 * audit; the administrator's log; and the Aliyun gateway against a local stand-in that checks its signature.
 */

type Request = Awaited<ReturnType<TestApp['signIn']>>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const HOUR = 3_600_000;
const SMS = { ...loadConfig({}).sms, rateLimit: { perPhone: { max: 3, windowMinutes: 60 }, perAccount: { max: 4, windowMinutes: 1440 } } };

let t: TestApp;
let worker: Request;
let admin: Request;
let otherAdmin: Request;
let townshipUser: string;
beforeAll(async () => {
  t = await createTestApp({ sms: SMS });
  worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
  admin = (await t.as(['system_admin'], [FIXTURE.city])).request;
  otherAdmin = (await t.as(['system_admin'], [FIXTURE.otherCounty])).request;
  const township = await t.buildUser({ roles: ['township_center'], areaCodes: [FIXTURE.townships[0]], phone: '+86 138 1234 5678' });
  townshipUser = township.id;
  // A second account of the same centre, without a phone: it is told in the inbox only.
  await t.buildUser({ roles: ['township_center'], areaCodes: [FIXTURE.townships[0]] });
});
afterAll(() => t.close());

const messages = () =>
  queryRows<{
    id: string;
    user_id: string | null;
    phone_enc: string;
    phone_masked: string;
    template: string;
    template_code: string;
    sign_name: string;
    params: Record<string, string>;
    purpose: string;
    status: string;
    refused_by: string | null;
    provider_message_id: string | null;
  }>(t.db, sql`select * from sms_message order by created_at, id`);
const audits = (action: string) =>
  queryRows<{ target: string; detail: Record<string, unknown> }>(
    t.db,
    sql`select target, detail from audit_log where action = ${action} order by id`,
  );

async function reportCase() {
  const photo = (await worker({ method: 'POST', url: '/api/files/photos', ...multipartFile(PNG, 'p.png', 'image/png') })).json().key;
  const res = await worker({
    method: 'POST',
    url: '/api/events',
    payload: { itemCode: 'CG06001', lng: 113.01, lat: 31.01, description: '违章搭建', photos: [photo] },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ caseNo: string }>();
}

describe('an overdue case reaches the owing centre by SMS', () => {
  it('sends one message per account with a phone, sealed and masked, with the template params, and audits it', async () => {
    // 私搭乱建 must be accepted within 0.5 working hours: two cases left an hour are overdue in one sweep.
    const first = await reportCase();
    await reportCase();
    t.advance(HOUR);
    expect(await t.services.sweep()).toMatchObject({ status: 'done', notified: 4 });

    const sent = await messages();
    expect(sent).toHaveLength(1);
    const [m] = sent;
    expect(m).toMatchObject({
      user_id: townshipUser,
      phone_masked: '138****5678',
      template: 'case_overdue',
      template_code: 'case_overdue',
      sign_name: '格治',
      params: { count: '2', caseNo: first.caseNo },
      purpose: 'overdue',
      status: 'sent',
      refused_by: null,
    });
    expect(m.provider_message_id).toMatch(/^local-/);
    expect(m.phone_enc).not.toContain('1381234');
    expect(openFieldCrypto(loadConfig({}, { fieldKeys: TEST_FIELD_KEYS })).decrypt(m.phone_enc)).toBe('13812345678');

    const [audit] = await audits('sms.sent');
    expect(audit).toMatchObject({
      target: m.id,
      detail: { template: 'case_overdue', phone: '138****5678', purpose: 'overdue', provider: 'local', user: townshipUser },
    });
    expect(JSON.stringify(audit.detail)).not.toContain('13812345678');

    // The same overdue stages in the next sweep are nothing new: no second message.
    await t.services.sweep();
    expect(await messages()).toHaveLength(1);
  });
});

describe('limits per phone and per account', () => {
  const send = (phone: string, userId: string | null = null) =>
    t.services.sendSms({
      countyCode: FIXTURE.county,
      userId,
      phone,
      template: 'household_alert',
      params: { group: '槐荫路 8 号' },
      purpose: 'household_alert',
    });

  it('refuses the message past the phone’s limit in its window, audits the refusal, and sends again once the window passes', async () => {
    for (let i = 0; i < 3; i++) expect((await send('13900000001')).status).toBe('sent');
    const refused = await send('13900000001');
    expect(refused).toMatchObject({ status: 'refused', refusedBy: 'phone_limit', providerMessageId: null });
    expect((await audits('sms.refused')).at(-1)).toMatchObject({
      target: refused.id,
      detail: { rule: 'phone_limit', phone: '139****0001' },
    });
    // Another phone is not held back by this one.
    expect((await send('13900000002')).status).toBe('sent');
    t.advance(61 * 60_000);
    expect((await send('13900000001')).status).toBe('sent');
  });

  it('refuses the message past the account’s limit, whatever phone it goes to', async () => {
    // The overdue message above counts: three more make four in the day.
    for (const phone of ['13700000001', '13700000002', '13700000003']) expect((await send(phone, townshipUser)).status).toBe('sent');
    expect(await send('13700000004', townshipUser)).toMatchObject({ status: 'refused', refusedBy: 'account_limit' });
    expect((await send('13700000004')).status).toBe('sent');
  });

  it('refuses a phone that is no mobile number with a 400 naming it, and records nothing', async () => {
    const before = (await messages()).length;
    await expect(send('010-1234567')).rejects.toMatchObject({ code: 'sms.phone_invalid' });
    expect(await messages()).toHaveLength(before);
  });
});

describe('the SMS log', () => {
  it('is not for the signed-out, nor for roles other than the system administrator', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/sms/messages' })).statusCode).toBe(401);
    expect((await worker({ method: 'GET', url: '/api/sms/messages' })).statusCode).toBe(403);
  });

  it('shows another jurisdiction nothing', async () => {
    expect((await otherAdmin({ method: 'GET', url: '/api/sms/messages' })).json()).toEqual({ total: 0, items: [] });
  });

  it('lists the messages masked, with the text the phone shows, filtered by phone and status', async () => {
    const res = await admin({ method: 'GET', url: '/api/sms/messages?phone=13812345678' });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      phone: '138****5678',
      template: 'case_overdue',
      status: 'sent',
      user: { id: townshipUser },
    });
    expect(page.items[0].text).toMatch(/^【格治】您单位有2件案件已超期，含\d{12}，请登录格治尽快处理。$/);
    expect(res.body).not.toContain('13812345678');

    const refused = (await admin({ method: 'GET', url: '/api/sms/messages?status=refused' })).json();
    expect(refused.items.map((m: { refusedBy: string }) => m.refusedBy).sort()).toEqual(['account_limit', 'phone_limit']);
  });

  it('answers a malformed phone with a 400 naming the field', async () => {
    const res = await admin({ method: 'GET', url: '/api/sms/messages?phone=abc' });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().details)).toContain('phone');
  });
});

describe('the Aliyun gateway', () => {
  let server: http.Server;
  let endpoint: string;
  let answer: Record<string, string>;
  const seen: URLSearchParams[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const q = new URL(req.url ?? '/', 'http://x').searchParams;
      seen.push(q);
      const params = Object.fromEntries([...q].filter(([k]) => k !== 'Signature'));
      const good = q.get('Signature') === aliyunSignature(params, 'test-secret');
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(good ? answer : { Code: 'SignatureDoesNotMatch', Message: 'bad signature' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const service = (secret: string) =>
    createSmsService({
      db: t.db,
      clock: t.clock,
      config: { ...SMS, provider: 'aliyun', templateCodes: { household_alert: 'SMS_465890123' } },
      fieldCrypto: openFieldCrypto(loadConfig({}, { fieldKeys: TEST_FIELD_KEYS })),
      gateway: aliyunGateway({ accessKeyId: 'test-id', accessKeySecret: secret, endpoint }, () => new Date()),
    });
  const input = {
    countyCode: FIXTURE.county,
    userId: null,
    phone: '13600000001',
    template: 'household_alert' as const,
    purpose: 'household_alert',
  };

  it('sends SendSms signed, with the provider’s template code and the params as JSON, and keeps its BizId', async () => {
    answer = { Code: 'OK', Message: 'OK', BizId: '900619746936498440^0', RequestId: 'r1' };
    const row = await service('test-secret').send({ ...input, params: { group: '槐荫路 8 号' } });
    expect(row).toMatchObject({
      status: 'sent',
      provider: 'aliyun',
      providerMessageId: '900619746936498440^0',
      templateCode: 'SMS_465890123',
    });
    const q = seen.at(-1)!;
    expect(Object.fromEntries(['Action', 'PhoneNumbers', 'SignName', 'TemplateCode', 'Version'].map((k) => [k, q.get(k)]))).toEqual({
      Action: 'SendSms',
      PhoneNumbers: '13600000001',
      SignName: '格治',
      TemplateCode: 'SMS_465890123',
      Version: '2017-05-25',
    });
    expect(JSON.parse(q.get('TemplateParam')!)).toEqual({ group: '槐荫路 8 号' });
  });

  it('keeps a refusal as failed, with the provider’s reason', async () => {
    const row = await service('wrong-secret').send({ ...input, phone: '13600000002', params: { group: '槐荫路 8 号' } });
    expect(row).toMatchObject({ status: 'failed', providerMessageId: null });
    expect(row.error).toContain('SignatureDoesNotMatch');
  });
});
