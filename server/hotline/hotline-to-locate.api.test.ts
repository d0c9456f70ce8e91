import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { type HotlineUsers, hotlineTestApp } from '../testing/hotline-app.ts';

/**
 * A 12345 order with an address and no point is not refused: it waits to be placed (待定位) with the county's centre,
 * or with the area the platform routed it to and that area's grid team; placed, it is the hotline's case and goes
 * round the loop, its changes back to the hotline; the same order number again answers the call, then the case.
 */

type Request = HotlineUsers[keyof HotlineUsers];
// biome-ignore lint/suspicious/noExplicitAny: replies are read field by field, as a client reads JSON
type Json = Record<string, any>;

const h = hotlineTestApp();

const ORDER = {
  callerName: '张女士',
  phone: '13800138000',
  nature: 'complaint',
  urgency: 'normal',
  itemCode: 'CG06010',
  description: '菜市场后门垃圾三天没人清运',
  address: '城关镇菜市场后门',
};
const push = (body: Json) =>
  h.t.app.inject({ method: 'POST', url: '/api/hotline/orders', headers: { 'x-api-key': h.hotlineKey }, payload: { ...ORDER, ...body } });
const count = async (table: 'event' | 'call_to_locate') =>
  (await queryRows<{ n: number }>(h.t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;
const waiting = async (r: Request) => (await r({ method: 'GET', url: '/api/events/calls-to-locate' })).json().items as Json[];
const toLocate = async (r: Request) => (await r({ method: 'GET', url: '/api/inbox/counts' })).json().toLocate as number;
const act = async (r: Request, e: Json, body: Json) => {
  const res = await r({ method: 'POST', url: `/api/events/${e.id}/actions`, payload: { version: e.version, ...body } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('an order with an address and no point', () => {
  it('waits with the county’s centre to be placed (202), the phone sealed and shown masked; the same order again is the same call', async () => {
    const res = await push({ orderNo: 'RX-LOC-1' });
    expect(res.statusCode, res.body).toBe(202);
    const receipt = res.json();
    expect(receipt).toMatchObject({ orderNo: 'RX-LOC-1', status: 'to_locate', eventId: null, caseNo: null });
    expect(await count('event')).toBe(0);

    const again = await push({ orderNo: 'RX-LOC-1' });
    expect(again.statusCode).toBe(202);
    expect(again.json().callId).toBe(receipt.callId);
    expect(await count('call_to_locate')).toBe(1);

    expect(await waiting(h.u.county)).toMatchObject([
      { id: receipt.callId, address: '城关镇菜市场后门', areaCode: FIXTURE.county, source: 'hotline', reporterPhone: '138****8000' },
    ]);
    expect(await toLocate(h.u.county)).toBe(1);
    // A township centre is not the one to place a call the platform routed to nobody in particular.
    expect(await waiting(h.u.township)).toEqual([]);
    const [stored] = await queryRows<{ phone_sealed: string }>(h.t.db, sql`select phone_sealed from call_to_locate`);
    expect(stored.phone_sealed).not.toContain('13800138000');
    const [audit] = await queryRows<Json>(h.t.db, sql`select target, detail from audit_log where action = 'hotline.order_received'`);
    expect(audit).toMatchObject({ target: receipt.callId, detail: { orderNo: 'RX-LOC-1', toLocate: receipt.callId } });
  });

  it('refuses half a point, neither point nor address, and an area outside the key’s county, naming the field, creating nothing', async () => {
    const refused: [Json, string][] = [
      [{ orderNo: 'RX-LOC-BAD1', lng: 113.01 }, 'body.lat'],
      [{ orderNo: 'RX-LOC-BAD2', address: undefined }, 'body.address'],
      [{ orderNo: 'RX-LOC-BAD3', areaCode: '420902001' }, 'body.areaCode'],
      [{ orderNo: 'RX-LOC-BAD4', areaCode: '42092310000' }, 'areaCode'],
    ];
    for (const [body, field] of refused) {
      const res = await push(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().details), JSON.stringify(body)).toContain(field);
    }
    expect(await count('call_to_locate')).toBe(1);
  });

  it('routed to a village, waits for its grid team; placed, it is the hotline’s case and goes round the loop and back to the hotline', async () => {
    await h.subscribe(['case.reported', 'case.signed', 'case.handled']);

    const receipt = (await push({ orderNo: 'RX-LOC-2', areaCode: FIXTURE.villages[0] })).json();
    expect(receipt.status).toBe('to_locate');
    expect((await waiting(h.u.worker)).map((c) => c.id)).toEqual([receipt.callId]);
    expect(await toLocate(h.u.worker)).toBe(1);
    expect(await waiting(h.u.otherTownship)).toEqual([]);

    // The grid worker finds the place and puts it on the map.
    const placed = await h.u.worker({
      method: 'POST',
      url: `/api/events/calls-to-locate/${receipt.callId}/place`,
      payload: { lng: 113.01, lat: 31.01 },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    let e = placed.json();
    expect(e).toMatchObject({ source: 'hotline', externalNo: 'RX-LOC-2', gridCode: FIXTURE.grids[0] });
    expect(await toLocate(h.u.worker)).toBe(0);

    // The platform resending the order now hears of the case.
    const resent = await push({ orderNo: 'RX-LOC-2', areaCode: FIXTURE.villages[0] });
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({ eventId: e.id, caseNo: e.caseNo, callId: receipt.callId });
    expect(await count('event')).toBe(1);

    e = (await h.u.township({ method: 'GET', url: `/api/events/${e.id}` })).json();
    if (e.status === 'verifying') e = await act(h.u.worker, e, { action: 'verify', note: '现场核实属实' });
    e = await act(h.u.township, e, { action: 'accept' });
    e = await act(h.u.township, e, { action: 'dispatch', targetUnit: 'YM-CG' });
    e = await act(h.u.dept, e, { action: 'sign' });
    await act(h.u.dept, e, { action: 'handle', note: '已清运完毕', photos: [h.photo] });

    for (let i = 0; i < 3 && h.sim.processed.length < 3; i++) await h.t.services.deliverWebhooks();
    expect(h.sim.processed.map((r) => r.kind)).toEqual(['case.reported', 'case.signed', 'case.handled']);
    expect(h.sim.processed.every((r) => (r.body.case as Json).externalNo === 'RX-LOC-2')).toBe(true);
  });
});
