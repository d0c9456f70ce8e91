import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { type HotlineUsers, hotlineTestApp } from '../testing/hotline-app.ts';
import { MAX_TRIES, retryDelayMs } from '../webhooks/index.ts';

/**
 * The 12345 hotline both ways: it pushes work orders with an API key issued for the hotline interface, each order
 * number one case however often or however concurrently it comes; every change it needs goes back to its simulator
 * (the tests' signed receiver) through the webhooks' outbox, in order, retried past any webhook's budget until it
 * acknowledges, with a delivery log per order.
 */

type Request = HotlineUsers[keyof HotlineUsers];
// biome-ignore lint/suspicious/noExplicitAny: replies are read field by field, as a client reads JSON
type Json = Record<string, any>;

const h = hotlineTestApp();
let open311Key: string;

beforeAll(async () => {
  expect(h.hotlineInterfaces).toEqual(['hotline']);
  open311Key = (await h.issueKey()).apiKey;
});

const ORDER = {
  orderNo: 'RX2026110200017',
  callerName: '张女士',
  phone: '13800138000',
  nature: 'complaint',
  urgency: 'urgent',
  itemCode: 'CG06010',
  description: '小区门口垃圾三天没人清运',
  address: '城关镇解放路 12 号',
  lng: 113.01,
  lat: 31.01,
  deadlineAsked: '2026-11-09T18:00:00+08:00',
};
const push = (body: Json, key: string | null = h.hotlineKey) =>
  h.t.app.inject({ method: 'POST', url: '/api/hotline/orders', headers: key ? { 'x-api-key': key } : {}, payload: body });
const cases = async () => (await queryRows<{ n: number }>(h.t.db, sql`select count(*)::int as n from event`))[0].n;

describe('work orders pushed by the hotline', () => {
  it('a key that is missing, unknown, revoked or not for the hotline: 401, nothing created; a hotline key does not open Open311', async () => {
    const before = await cases();
    const revoked = (
      await h.u.security({
        method: 'POST',
        url: '/api/open311/clients',
        payload: { name: '旧热线', countyCode: FIXTURE.county, interfaces: ['hotline'] },
      })
    ).json();
    await h.u.security({ method: 'POST', url: `/api/open311/clients/${revoked.id}/revoke` });
    for (const key of [null, 'gz311_nonsense', open311Key, revoked.apiKey]) {
      const res = await push({ ...ORDER, orderNo: 'RX-BADKEY' }, key);
      expect(res.statusCode, String(key)).toBe(401);
      expect(res.json()).toMatchObject({ code: 'hotline.key_invalid', details: [{ field: 'headers.x-api-key' }] });
    }
    const open311 = await h.t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        api_key: h.hotlineKey,
        jurisdiction_id: FIXTURE.county,
        service_code: 'CG06010',
        lat: '31.01',
        long: '113.01',
        description: '垃圾',
      }).toString(),
    });
    expect(open311.statusCode).toBeGreaterThanOrEqual(400);
    expect(await cases()).toBe(before);
  });

  it('becomes a hotline case with the order number, its urgency, the phone sealed; the same number again is the same case', async () => {
    const res = await push(ORDER);
    expect(res.statusCode, res.body).toBe(200);
    const receipt = res.json();
    expect(receipt).toMatchObject({ orderNo: ORDER.orderNo, caseNo: expect.stringMatching(/^\d{12}$/) });
    const [row] = await queryRows<Json>(
      h.t.db,
      sql`select source, external_no, urgency, reporter_name, reporter_phone, description from event where id = ${receipt.eventId}`,
    );
    expect(row).toMatchObject({ source: 'hotline', external_no: ORDER.orderNo, urgency: 'urgent', reporter_name: '张女士' });
    expect(row.reporter_phone).not.toContain('13800138000');
    expect(row.description).toBe('【12345·投诉】小区门口垃圾三天没人清运；地址：城关镇解放路 12 号；要求办结：2026-11-09 18:00');
    const seen = (await h.u.township({ method: 'GET', url: `/api/events/${receipt.eventId}` })).json();
    expect(seen.reporterPhone).not.toBe('13800138000');

    const again = await push({ ...ORDER, description: '又打来催' });
    expect(again.statusCode).toBe(200);
    expect(again.json().eventId).toBe(receipt.eventId);
    const audited = await queryRows<{ n: number }>(
      h.t.db,
      sql`select count(*)::int as n from audit_log where action = 'hotline.order_received' and target = ${receipt.eventId}`,
    );
    expect(audited[0].n).toBe(2);
  });

  it('concurrent duplicates of one order number make one case, and every call gets it', async () => {
    const before = await cases();
    const replies = await Promise.all(Array.from({ length: 6 }, () => push({ ...ORDER, orderNo: 'RX-CONCURRENT-1' })));
    expect(replies.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(replies.map((r) => r.json().eventId)).size).toBe(1);
    expect(await cases()).toBe(before + 1);
  });

  it('bad input names its field and creates nothing', async () => {
    const before = await cases();
    const refused: [Json, number, string][] = [
      [{ nature: undefined }, 400, 'nature'],
      [{ nature: 'gossip' }, 400, 'nature'],
      [{ phone: '12345' }, 400, 'phone'],
      [{ lng: 'east' }, 400, 'lng'],
      [{ orderNo: '' }, 400, 'orderNo'],
      [{ extra: 1 }, 400, ''],
      [{ lng: 100.0, lat: 20.0 }, 422, 'long'],
      [{ lng: 113.6, lat: 31.1 }, 422, 'long'],
    ];
    for (const [change, status, field] of refused) {
      const res = await push({ ...ORDER, orderNo: `RX-BAD-${status}-${field}`, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(status);
      expect(
        res
          .json()
          .details.map((d: Json) => d.field)
          .join(' '),
      ).toContain(field);
    }
    expect(await cases()).toBe(before);
  });
});

describe('changes going back to the hotline', () => {
  it('in order, retried past any webhook’s budget until acknowledged, only its own orders, with a log per order', async () => {
    const sub = await h.subscribe(['case.signed', 'case.returned', 'case.extended', 'case.handled', 'case.closed', 'case.visited']);
    expect(sub.purpose).toBe('hotline');
    const act = async (r: Request, e: Json, body: Json) => {
      const res = await r({ method: 'POST', url: `/api/events/${e.id}/actions`, payload: { version: e.version, ...body } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const order = (await push({ ...ORDER, orderNo: 'RX-LOOP-1' })).json();
    let e = (await h.u.township({ method: 'GET', url: `/api/events/${order.eventId}` })).json();
    if (e.status === 'verifying') e = await act(h.u.township, e, { action: 'verify', note: '电话核实属实' });
    e = await act(h.u.township, e, { action: 'accept' });
    e = await act(h.u.township, e, { action: 'dispatch', targetUnit: 'YM-CG' });
    e = await act(h.u.dept, e, { action: 'sign' });
    e = await act(h.u.dept, e, { action: 'handle', note: '已清运完毕', photos: [h.photo] });
    e = await act(h.u.township, e, { action: 'check', photos: [h.photo] });
    e = await act(h.u.township, e, { action: 'close' });
    await act(h.u.township, e, { action: 'visit', rating: 'satisfied', note: '来电人表示满意' });
    // A case the hotline did not send is none of its business.
    await h.u.worker({
      method: 'POST',
      url: '/api/events',
      payload: { itemCode: 'CG06010', lng: 113.01, lat: 31.01, description: '巡查发现', photos: [h.photo] },
    });

    h.sim.failNext(MAX_TRIES + 2);
    for (let i = 0; i < MAX_TRIES + 3 && h.sim.processed.length === 0; i++) {
      await h.t.services.deliverWebhooks();
      h.t.advance(retryDelayMs(MAX_TRIES));
    }
    await h.t.services.deliverWebhooks();
    expect(h.sim.requests.filter((r) => r.status === 503)).toHaveLength(MAX_TRIES + 2);
    expect(h.sim.processed.map((r) => r.kind)).toEqual(['case.signed', 'case.handled', 'case.closed', 'case.visited']);
    expect(h.sim.processed.every((r) => (r.body.case as Json).externalNo === 'RX-LOOP-1')).toBe(true);
    expect(h.sim.processed[1].body.note).toBe('已清运完毕');
    expect(h.sim.processed[3].body.data).toMatchObject({ rating: 'satisfied' });

    // Thirteen hours of retries outlast the session: the administrator signs in again.
    h.u.admin = (await h.t.as(['system_admin'], [FIXTURE.city])).request;
    const logRes = await h.u.admin({ method: 'GET', url: `/api/webhooks/subscriptions/${sub.id}/deliveries?orderNo=RX-LOOP-1` });
    expect(logRes.statusCode, logRes.body).toBe(200);
    const log = logRes.json();
    expect(log.total).toBe(4);
    expect(log.items.at(-1).attempts).toHaveLength(MAX_TRIES + 3);
    expect(log.items.every((d: Json) => d.status === 'delivered')).toBe(true);
    const other = (
      await h.u.admin({ method: 'GET', url: `/api/webhooks/subscriptions/${sub.id}/deliveries?orderNo=${ORDER.orderNo}` })
    ).json();
    expect(other.total).toBe(0);
  });
});
