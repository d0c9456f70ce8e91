import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.ts';
import { queryRows } from '../platform/db.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';

/**
 * "My reports" end to end: a citizen files reports with a phone on the public page, asks for a code, reads it (the
 * local gateway's log is where it arrives), verifies it and sees the reports made with that phone — matched by the
 * phone's keyed hash. Wrong, expired, used-up and too-early codes and malformed phones are refused naming the field.
 */

const SMS = { ...loadConfig({}).sms, rateLimit: { perPhone: { max: 3, windowMinutes: 60 }, perAccount: { max: 20, windowMinutes: 1440 } } };
const MINUTE = 60_000;
const MINE = '13812345678';
const THEIRS = '13912345678';

let t: TestApp;
let clientNo = 0;
let client = '';
const citizen = (opts: InjectOptions) => t.app.inject({ remoteAddress: client, ...opts });

beforeAll(async () => {
  t = await createTestApp({ sms: SMS });
});
afterAll(() => t.close());
beforeEach(() => {
  client = `10.7.0.${++clientNo}`;
});

const report = async (phone?: string) => {
  const res = await citizen({
    method: 'POST',
    url: '/api/public/reports',
    payload: { itemCode: 'CG06010', lng: 113.01, lat: 31.01, description: '小区门口垃圾没人清', ...(phone && { phone }) },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ trackingCode: string; caseNo: string }>();
};
const askCode = (phone: string) => citizen({ method: 'POST', url: '/api/public/my/code', payload: { phone } });
const verify = (phone: string, code: string) => citizen({ method: 'POST', url: '/api/public/my/session', payload: { phone, code } });
const myReports = (cookie?: string) =>
  citizen({ method: 'GET', url: '/api/public/my/reports', ...(cookie && { cookies: { gezhi_citizen: cookie } }) });
/** The code as the local gateway "delivered" it: the newest code message to the phone, read by the administrator. */
async function codeSentTo(phone: string): Promise<string> {
  const admin = (await t.as(['system_admin'], [FIXTURE.city])).request;
  const log = await admin({ method: 'GET', url: `/api/sms/messages?phone=${phone}&status=sent` });
  const item = log.json().items.find((m: { template: string }) => m.template === 'verification_code');
  expect(item.text).toMatch(/^【格治】您的验证码为\d{6}，5分钟内有效/);
  return item.params.code;
}
const count = async (table: 'sms_message' | 'sms_code' | 'citizen_session') =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n;
const audits = (action: string) =>
  queryRows<{ target: string | null; detail: Record<string, unknown> }>(
    t.db,
    sql`select target, detail from audit_log where action = ${action} order by id`,
  );

describe('my reports, by phone and one-time code', () => {
  let mine: { trackingCode: string; caseNo: string }[];
  let theirs: { trackingCode: string; caseNo: string };
  beforeAll(async () => {
    mine = [await report(MINE), await report(MINE)];
    theirs = await report(THEIRS);
    await report();
  });

  it('not signed in: no session, or a staff session, sees nothing', async () => {
    const none = await myReports();
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ code: 'citizen.session_required', details: [{ field: 'session' }] });
    expect((await myReports('made-up-token')).statusCode).toBe(401);
    const staff = (await t.as(['system_admin'], [FIXTURE.city])).request;
    expect((await staff({ method: 'GET', url: '/api/public/my/reports' })).statusCode).toBe(401);
  });

  it('keeps the reporter’s phone as a keyed hash beside the sealed value, one hash for one number', async () => {
    const rows = await queryRows<{ reporter_phone: string; reporter_phone_hash: string }>(
      t.db,
      sql`select reporter_phone, reporter_phone_hash from event where case_no in (${mine[0].caseNo}, ${mine[1].caseNo})`,
    );
    expect(rows).toHaveLength(2);
    expect(rows[0].reporter_phone_hash).toBe(rows[1].reporter_phone_hash);
    expect(rows[0].reporter_phone_hash).not.toContain('12345678');
    expect(rows[0].reporter_phone).not.toBe(rows[1].reporter_phone); // sealed under fresh IVs
  });

  it('sends a code, keeps only its hash, and opens the reports made with that phone and no other', async () => {
    const sent = await askCode(MINE);
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ phone: '138****5678' });
    const code = await codeSentTo(MINE);
    const [stored] = await queryRows<{ code_hash: string; phone_enc: string; phone_masked: string; attempts: number }>(
      t.db,
      sql`select code_hash, phone_enc, phone_masked, attempts from sms_code order by created_at desc limit 1`,
    );
    expect(stored.code_hash).not.toContain(code);
    expect(stored.phone_enc).toMatch(/^v1\./);
    expect(stored.phone_masked).toBe('138****5678');
    const [issued] = await audits('sms.code_issued');
    expect(issued.detail).toMatchObject({ purpose: 'my_reports', phone: '138****5678' });
    expect(JSON.stringify(issued.detail)).not.toContain(code);

    const opened = await verify(MINE, code);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ phone: '138****5678' });
    const cookie = opened.cookies.find((c) => c.name === 'gezhi_citizen');
    expect(cookie).toMatchObject({ httpOnly: true, path: '/api/public/my', sameSite: 'Strict' });
    const list = await myReports(cookie?.value);
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.total).toBe(2);
    expect(body.items.map((r: { caseNo: string }) => r.caseNo).sort()).toEqual(mine.map((r) => r.caseNo).sort());
    expect(body.items.map((r: { caseNo: string }) => r.caseNo)).not.toContain(theirs.caseNo);
    expect(body.items[0]).toMatchObject({ trackingCode: expect.stringMatching(/^420923-/), status: expect.any(String), canRate: false });
    expect(JSON.stringify(body)).not.toContain(MINE);
    const [verified] = await audits('sms.code_verified');
    expect(verified.detail).toMatchObject({ purpose: 'my_reports', phone: '138****5678' });

    // Spent: the same code opens nothing more.
    const again = await verify(MINE, code);
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'sms.code_expired', details: [{ field: 'code' }] });

    // The session ends after half an hour, and on leaving.
    t.advance(31 * MINUTE);
    expect((await myReports(cookie?.value)).statusCode).toBe(401);
  });

  it('refuses a second code within a minute naming the phone and sending nothing; a new one replaces the old', async () => {
    t.advance(2 * MINUTE);
    expect((await askCode(THEIRS)).statusCode).toBe(200);
    const first = await codeSentTo(THEIRS);
    const before = await count('sms_message');
    const early = await askCode(THEIRS);
    expect(early.statusCode).toBe(429);
    expect(early.json()).toMatchObject({ code: 'sms.code_too_soon', details: [{ field: 'phone', reason: 'resend_wait' }] });
    expect(await count('sms_message')).toBe(before);
    t.advance(61_000);
    expect((await askCode(THEIRS)).statusCode).toBe(200);
    const second = await codeSentTo(THEIRS);
    if (second !== first) {
      // Only the latest code opens: the first one is now a wrong code.
      const old = await verify(THEIRS, first);
      expect(old.json()).toMatchObject({ code: 'sms.code_wrong', details: [{ field: 'code' }] });
    }
    const opened = await verify(THEIRS, second);
    expect(opened.statusCode).toBe(200);
    const cookie = opened.cookies.find((c) => c.name === 'gezhi_citizen')?.value;
    expect((await myReports(cookie)).json().items.map((r: { caseNo: string }) => r.caseNo)).toEqual([theirs.caseNo]);
    const out = await citizen({ method: 'DELETE', url: '/api/public/my/session', cookies: { gezhi_citizen: cookie as string } });
    expect(out.statusCode).toBe(204);
    expect((await myReports(cookie)).statusCode).toBe(401);
  });

  it('counts wrong codes, refuses the right one after five, and audits every try', async () => {
    t.advance(2 * MINUTE);
    await askCode(MINE);
    const code = await codeSentTo(MINE);
    const wrong = code === '000000' ? '111111' : '000000';
    const first = await verify(MINE, wrong);
    expect(first.statusCode).toBe(400);
    expect(first.json()).toMatchObject({ code: 'sms.code_wrong', details: [{ field: 'code', reason: 'wrong', attemptsLeft: 4 }] });
    for (let i = 0; i < 3; i++) await verify(MINE, wrong);
    const fifth = await verify(MINE, wrong);
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json()).toMatchObject({ code: 'sms.code_attempts', details: [{ field: 'code' }] });
    const sessions = await count('citizen_session');
    const right = await verify(MINE, code);
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('sms.code_attempts');
    expect(await count('citizen_session')).toBe(sessions);
    const refused = await audits('sms.code_refused');
    expect(refused.slice(-6).map((a) => a.detail.reason)).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'attempts', 'attempts']);
    expect(refused.every((a) => a.detail.phone === '138****5678' || a.detail.phone === '139****5678')).toBe(true);
  });

  it('lets a code lapse after five minutes', async () => {
    t.advance(2 * MINUTE);
    await askCode(THEIRS);
    const code = await codeSentTo(THEIRS);
    t.advance(5 * MINUTE);
    const late = await verify(THEIRS, code);
    expect(late.statusCode).toBe(400);
    expect(late.json()).toMatchObject({ code: 'sms.code_expired', details: [{ field: 'code', reason: 'expired' }] });
  });

  it('refuses a malformed phone or code naming the field, sending nothing', async () => {
    const before = await count('sms_message');
    const short = await askCode('1381234567');
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'request.invalid', details: [{ field: 'body.phone' }] });
    expect((await askCode('23812345678')).statusCode).toBe(400);
    const letters = await verify(MINE, '12a456');
    expect(letters.statusCode).toBe(400);
    expect(letters.json()).toMatchObject({ code: 'request.invalid', details: [{ field: 'body.code' }] });
    expect(await count('sms_message')).toBe(before);
  });

  it('sends nothing to a phone that made no report, answering alike', async () => {
    const before = await count('sms_message');
    const res = await askCode('13700001111');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phone: '137****1111' });
    expect(await count('sms_message')).toBe(before);
  });

  it('refuses over the gateway’s per-phone limit, recording the refusal and issuing no code', async () => {
    // THEIRS has had three codes this hour (the limit of this test's config): the fourth is refused.
    t.advance(2 * MINUTE);
    const codes = await count('sms_code');
    const res = await askCode(THEIRS);
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ code: 'sms.phone_limit', details: [{ field: 'phone', reason: 'phone_limit' }] });
    expect(await count('sms_code')).toBe(codes);
    const [refused] = (await audits('sms.refused')).slice(-1);
    expect(refused.detail).toMatchObject({ template: 'verification_code', rule: 'phone_limit', phone: '139****5678' });
  });
});
