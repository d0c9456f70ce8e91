import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.ts';
import { queryRows } from '../platform/db.ts';
import { openFieldCrypto } from '../platform/field-keys.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, TEST_FIELD_KEYS, type TestApp } from '../testing/harness.ts';
import { multipartFile } from '../testing/multipart.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver.ts';
import { createWebhookSender, httpTransport, type WebhookTransport } from './webhook-sender.ts';
import { MAX_TRIES, retryDelayMs } from './webhooks.core.ts';

/**
 * Signed webhooks end to end: subscriptions made in the console, the loop's steps written to the outbox in their own
 * transaction, delivered by the sender over HTTP to a receiver (a real server on 127.0.0.1) that checks every
 * signature and fails on purpose, with backoff, pause, resume, replay, a crash in the middle of a delivery and a
 * subscription that runs out of tries.
 */

type Request = Awaited<ReturnType<TestApp['signIn']>>;
// biome-ignore lint/suspicious/noExplicitAny: replies are read field by field, as a client reads JSON
type Json = Record<string, any>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let t: TestApp;
let rx: WebhookReceiver;
let photo: string;
const u = {} as Record<'admin' | 'otherAdmin' | 'worker' | 'township' | 'county' | 'dept' | 'leader', Request>;

async function signInAll() {
  u.admin = (await t.as(['system_admin'], [FIXTURE.city])).request;
  u.otherAdmin = (await t.as(['system_admin'], [FIXTURE.otherCounty])).request;
  u.worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
  u.township = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
  u.county = (await t.as(['county_center'], [FIXTURE.county])).request;
  u.dept = (await t.as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-CG' })).request;
  u.leader = (await t.as(['leader'], [FIXTURE.county])).request;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.db.execute(sql`insert into department (code, name, area_code) values ('YM-CG', '云梦县城市管理执法局', '420923')`);
  await signInAll();
  photo = (await u.worker({ method: 'POST', url: '/api/files/photos', ...multipartFile(PNG, 'p.png', 'image/png') })).json().key;
  rx = await startWebhookReceiver({ now: t.clock });
});
afterAll(async () => {
  await rx.close();
  await t.close();
});

const get = (r: Request, url: string) => r({ method: 'GET', url });
const post = (r: Request, url: string, payload?: Json) => r({ method: 'POST', url, ...(payload ? { payload } : {}) });
const deliver = () => t.services.deliverWebhooks();
const count = async (table: 'webhook_delivery' | 'webhook_subscription', where = sql`true`) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`))[0].n;
/** Subscriptions are paused between tests, so each test's receiver hears only its own. */
const pauseAll = () => t.db.execute(sql`update webhook_subscription set status = 'paused', paused_reason = 'by_admin'`);

async function subscribe(body: Json = {}) {
  const res = await post(u.admin, '/api/webhooks/subscriptions', {
    name: '区应急管理平台',
    url: rx.url,
    areaCode: FIXTURE.county,
    kinds: ['case.reported', 'case.dispatched', 'case.closed'],
    algorithm: 'hmac-sm3',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  const sub = res.json();
  rx.trust(sub.secret, sub.algorithm);
  return sub;
}

async function act(r: Request, e: Json, body: Json) {
  const res = await post(r, `/api/events/${e.id}/actions`, { version: e.version, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A case in township 0, reported and taken along the loop up to `until`. */
async function caseUpTo(until: 'reported' | 'dispatched' | 'closed', lng = 113.01) {
  let e = (
    await post(u.worker, '/api/events', { itemCode: 'CG06010', lng, lat: 31.01, description: '路口垃圾堆放', photos: [photo] })
  ).json();
  if (until === 'reported') return e;
  e = await act(u.township, e, { action: 'accept' });
  e = await act(u.township, e, { action: 'dispatch', targetUnit: 'YM-CG' });
  if (until === 'dispatched') return e;
  e = await act(u.dept, e, { action: 'sign' });
  e = await act(u.dept, e, { action: 'handle', note: '已清运', photos: [photo] });
  e = await act(u.township, e, { action: 'check', photos: [photo] });
  return act(u.township, e, { action: 'close' });
}

/** Sends until nothing is due, moving the clock over each backoff; stops when `done` holds. */
async function deliverUntil(done: () => boolean, maxRounds = 30) {
  for (let i = 0; i < maxRounds && !done(); i++) {
    await deliver();
    if (!done()) t.advance(retryDelayMs(MAX_TRIES));
  }
}

beforeEach(async () => {
  await pauseAll();
  rx.requests.length = 0;
  rx.processed.length = 0;
  rx.state.failing = false;
  rx.failNext(0);
});

describe('subscriptions in the console', () => {
  it('not signed in: 401; a centre: 403; a subscription of another admin’s area: 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/webhooks/subscriptions' })).statusCode).toBe(401);
    expect((await get(u.county, '/api/webhooks/subscriptions')).statusCode).toBe(403);
    const sub = await subscribe();
    for (const path of ['pause', 'resume'])
      expect((await post(u.otherAdmin, `/api/webhooks/subscriptions/${sub.id}/${path}`)).json().code).toBe('webhook.not_found');
    expect((await get(u.otherAdmin, `/api/webhooks/subscriptions/${sub.id}/deliveries`)).statusCode).toBe(404);
    expect((await get(u.otherAdmin, '/api/webhooks/subscriptions')).json().items).toEqual([]);
    expect((await get(u.admin, '/api/webhooks/subscriptions')).json().items.map((s: Json) => s.id)).toContain(sub.id);
  });

  it('bad input names its field and creates nothing', async () => {
    const before = await count('webhook_subscription');
    const cases: [Json, string, string][] = [
      [{ areaCode: FIXTURE.county }, 'webhook.area_invalid', 'body.areaCode'],
      [{ areaCode: '420902999' }, 'webhook.area_invalid', 'body.areaCode'],
      [{ url: 'http://user:pw@127.0.0.1/x' }, 'webhook.url_invalid', 'body.url'],
      [{ url: 'ftp://127.0.0.1/x' }, 'request.invalid', 'url'],
      [{ kinds: ['case.teleported'] }, 'request.invalid', 'kinds'],
      [{ kinds: [] }, 'request.invalid', 'kinds'],
      [{ algorithm: 'md5' }, 'request.invalid', 'algorithm'],
    ];
    for (const [body, code, field] of cases) {
      const res = await post(u.otherAdmin, '/api/webhooks/subscriptions', {
        name: '孝南区平台',
        url: rx.url,
        areaCode: FIXTURE.otherCounty,
        kinds: ['case.closed'],
        algorithm: 'hmac-sha256',
        ...body,
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe(code);
      expect(
        res
          .json()
          .details.map((d: Json) => d.field)
          .join(' '),
      ).toContain(field);
    }
    expect(await count('webhook_subscription')).toBe(before);
  });

  it('creating, pausing, resuming and replaying are audited; the secret is shown once and stored sealed', async () => {
    const sub = await subscribe();
    expect(sub.secret).toMatch(/^whsec_/);
    const [stored] = await queryRows<{ secret_sealed: string }>(
      t.db,
      sql`select secret_sealed from webhook_subscription where id = ${sub.id}`,
    );
    expect(stored.secret_sealed).not.toContain(sub.secret);
    expect((await get(u.admin, '/api/webhooks/subscriptions')).json().items.find((s: Json) => s.id === sub.id).secret).toBeUndefined();
    await post(u.admin, `/api/webhooks/subscriptions/${sub.id}/pause`);
    expect((await post(u.admin, `/api/webhooks/subscriptions/${sub.id}/pause`)).json().code).toBe('webhook.already_paused');
    await post(u.admin, `/api/webhooks/subscriptions/${sub.id}/resume`);
    expect((await post(u.admin, `/api/webhooks/subscriptions/${sub.id}/resume`)).json().code).toBe('webhook.not_paused');
    await post(u.admin, `/api/webhooks/subscriptions/${sub.id}/replay`, { since: t.clock().toISOString() });
    const actions = await queryRows<{ action: string }>(t.db, sql`select action from audit_log where target = ${sub.id} order by id`);
    expect(actions.map((a) => a.action)).toEqual(['webhook.subscribed', 'webhook.paused', 'webhook.resumed', 'webhook.replayed']);
  });
});

describe('delivery', () => {
  it('signed with HMAC-SM3, in order, retried with backoff after the receiver fails three times, each try in the log', async () => {
    const sub = await subscribe();
    rx.failNext(3);
    const e = await caseUpTo('closed');
    // accept, sign, handle and check are not asked for: three deliveries, written with the steps themselves.
    expect(await count('webhook_delivery', sql`subscription_id = ${sub.id}`)).toBe(3);

    expect(await deliver()).toEqual({ status: 'done', delivered: 0, failed: 1 });
    // Not due again before the backoff has passed: nothing goes, and nothing behind it overtakes it.
    expect(await deliver()).toEqual({ status: 'done', delivered: 0, failed: 0 });
    t.advance(retryDelayMs(1));
    expect(await deliver()).toMatchObject({ failed: 1 });
    t.advance(retryDelayMs(2) - 1000);
    expect(await deliver()).toMatchObject({ delivered: 0, failed: 0 });
    t.advance(1000);
    expect(await deliver()).toMatchObject({ failed: 1 });
    t.advance(retryDelayMs(3));
    expect(await deliver()).toEqual({ status: 'done', delivered: 3, failed: 0 });

    expect(rx.requests.map((r) => r.status)).toEqual([503, 503, 503, 200, 200, 200]);
    expect(rx.processed.map((r) => r.kind)).toEqual(['case.reported', 'case.dispatched', 'case.closed']);
    expect(rx.processed.map((r) => r.body.seq)).toEqual([1, 3, 7]);
    expect(rx.processed[1].body).toMatchObject({
      kind: 'case.dispatched',
      name: 'dispatch',
      unitCode: 'YM-CG',
      case: { id: e.id, caseNo: e.caseNo, gridCode: FIXTURE.grids[0], status: 'dispatched' },
    });
    // The reporter is never in a delivery.
    expect(JSON.stringify(rx.processed)).not.toMatch(/reporter|phone/i);

    const log = (await get(u.admin, `/api/webhooks/subscriptions/${sub.id}/deliveries`)).json();
    expect(log.total).toBe(3);
    expect(log.items.map((d: Json) => [d.kind, d.status])).toEqual([
      ['case.closed', 'delivered'],
      ['case.dispatched', 'delivered'],
      ['case.reported', 'delivered'],
    ]);
    const first = log.items[2];
    expect(first.id).toBe(rx.processed[0].deliveryId);
    expect(first.attempts.map((a: Json) => [a.statusCode, a.reply])).toEqual([
      [503, 'busy, try later'],
      [503, 'busy, try later'],
      [503, 'busy, try later'],
      [200, 'ok'],
    ]);
  });

  it('a refused step records no delivery; a subscription of another township hears nothing', async () => {
    const sub = await subscribe({ kinds: ['case.accepted'] });
    const elsewhere = await subscribe({ kinds: ['case.accepted', 'case.reported'], areaCode: FIXTURE.townships[1] });
    const e = await caseUpTo('reported');
    const stale = await post(u.township, `/api/events/${e.id}/actions`, { action: 'accept', version: e.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(await count('webhook_delivery', sql`subscription_id = ${sub.id}`)).toBe(0);
    await act(u.township, e, { action: 'accept' });
    expect(await count('webhook_delivery', sql`subscription_id = ${sub.id}`)).toBe(1);
    expect(await count('webhook_delivery', sql`subscription_id = ${elsewhere.id}`)).toBe(0);
  });

  it('paused: facts are kept and go out in order once resumed; replay sends them again with the same ids', async () => {
    const sub = await subscribe({ algorithm: 'hmac-sha256' });
    await post(u.admin, `/api/webhooks/subscriptions/${sub.id}/pause`);
    await caseUpTo('dispatched');
    await caseUpTo('reported');
    expect(await deliver()).toEqual({ status: 'done', delivered: 0, failed: 0 });
    expect(rx.requests).toEqual([]);
    const listed = (await get(u.admin, '/api/webhooks/subscriptions')).json().items.find((s: Json) => s.id === sub.id);
    expect(listed).toMatchObject({ status: 'paused', pausedReason: 'by_admin', deliveries: { pending: 3, delivered: 0 } });

    await post(u.admin, `/api/webhooks/subscriptions/${sub.id}/resume`);
    expect(await deliver()).toMatchObject({ delivered: 3 });
    const ids = rx.processed.map((r) => r.deliveryId);
    expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((a, b) => a - b));
    expect(rx.processed.map((r) => r.kind)).toEqual(['case.reported', 'case.dispatched', 'case.reported']);

    const replay = await post(u.admin, `/api/webhooks/subscriptions/${sub.id}/replay`, {
      since: new Date(t.clock().getTime() - 60_000).toISOString(),
    });
    expect(replay.json()).toEqual({ id: sub.id, requeued: 3 });
    expect(await deliver()).toMatchObject({ delivered: 3 });
    // The same three ids again, in the same order: the receiver acknowledged the copies and processed nothing twice.
    expect(rx.requests.slice(3).map((r) => r.deliveryId)).toEqual(ids);
    expect(rx.processed.map((r) => r.deliveryId)).toEqual(ids);
  });

  it('a crash in the middle of a delivery: after a restart it goes again with the same id, nothing lost, nothing processed twice', async () => {
    await subscribe({ kinds: ['case.reported'] });
    await caseUpTo('reported');
    await caseUpTo('reported');
    // This "process" hands the first delivery to the receiver, then dies before it hears the reply.
    // The receiver listens on 127.0.0.1: a transport made here must allow private receivers, as the harness's app does.
    const http = httpTransport({ allowPrivate: true });
    const dying: WebhookTransport = {
      async post(url, headers, body) {
        await http.post(url, headers, body);
        return new Promise(() => {});
      },
    };
    const fieldCrypto = openFieldCrypto(loadConfig({}, { fieldKeys: TEST_FIELD_KEYS }));
    void createWebhookSender({ db: t.db, clock: t.clock, fieldCrypto, transport: dying }).deliverDue();
    await rx.processedCount(1);
    // The dead process's claim holds until its lease ends; then a fresh one (another node, or this one restarted) takes over.
    const restarted = createWebhookSender({ db: t.db, clock: t.clock, fieldCrypto, transport: httpTransport({ allowPrivate: true }) });
    expect(await restarted.deliverDue()).toEqual({ status: 'done', delivered: 0, failed: 0 });
    t.advance(61_000);
    expect(await restarted.deliverDue()).toEqual({ status: 'done', delivered: 2, failed: 0 });
    expect(rx.requests.map((r) => r.deliveryId)).toEqual([rx.processed[0].deliveryId, ...rx.processed.map((r) => r.deliveryId)]);
    expect(rx.processed).toHaveLength(2);
  });

  it('out of tries: the delivery fails, the subscription pauses so nothing overtakes it; resumed, all go in order', async () => {
    const sub = await subscribe({ kinds: ['case.reported'] });
    rx.state.failing = true;
    await caseUpTo('reported');
    await caseUpTo('reported');
    await deliverUntil(() => rx.requests.length >= MAX_TRIES);
    expect(rx.requests).toHaveLength(MAX_TRIES);
    const listed = (await get(u.admin, '/api/webhooks/subscriptions')).json().items.find((s: Json) => s.id === sub.id);
    expect(listed).toMatchObject({ status: 'paused', pausedReason: 'failing', deliveries: { failed: 1, pending: 1 } });
    expect(new Set(rx.requests.map((r) => r.deliveryId)).size).toBe(1);
    t.advance(retryDelayMs(MAX_TRIES));
    expect(await deliver()).toEqual({ status: 'done', delivered: 0, failed: 0 });

    rx.state.failing = false;
    await post(u.admin, `/api/webhooks/subscriptions/${sub.id}/resume`);
    expect(await deliver()).toMatchObject({ delivered: 2 });
    expect(rx.processed[0].deliveryId).toBe(rx.requests[0].deliveryId);
    const failedLog = (await get(u.admin, `/api/webhooks/subscriptions/${sub.id}/deliveries?status=delivered`)).json();
    expect(failedLog.items.at(-1).attempts).toHaveLength(MAX_TRIES + 1);
  });

  it('supervision orders, overdue clocks and warnings: each told once, however often the sweep runs', async () => {
    await subscribe({ kinds: ['supervision.order_issued', 'case.overdue', 'case.warning_raised'], algorithm: 'hmac-sha256' });
    const e = await caseUpTo('dispatched');
    const order = await post(u.leader, '/api/supervision/orders', {
      kind: 'supervise',
      method: 'phone',
      note: '请加快处置',
      workingDays: 3,
      eventId: e.id,
    });
    expect(order.statusCode, order.body).toBe(201);
    t.advance(40 * 86_400_000);
    await signInAll();
    await t.services.sweep();
    await t.services.sweep();
    await deliver();
    const kinds = rx.processed.filter((r) => (r.body.case as Json | null)?.id === e.id).map((r) => r.kind);
    expect(kinds[0]).toBe('supervision.order_issued');
    expect(kinds.filter((k) => k === 'case.overdue')).toHaveLength(1);
    expect(kinds).toContain('case.warning_raised');
    expect(new Set(rx.processed.map((r) => r.body.key)).size).toBe(rx.processed.length);
    expect(rx.processed[0].body).toMatchObject({ note: '请加快处置', unitCode: 'YM-CG', name: 'supervise' });
  });
});
