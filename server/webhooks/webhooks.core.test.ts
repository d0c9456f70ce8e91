import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LoopFact } from '../events/index.ts';
import { checkSignature, givesUp, kindOf, MAX_TRIES, retryDelayMs, signatureHeader, wants } from './webhooks.core.ts';

const SECRET = 'whsec_test-secret';
const BODY = '{"kind":"case.closed","case":{"caseNo":"202611020001"}}';
const AT = new Date('2026-11-02T01:00:00Z');

const fact = (over: Partial<LoopFact>): LoopFact => ({
  key: 'action:x:1',
  type: 'action',
  name: 'report',
  at: AT,
  countyCode: '420923',
  case: null,
  unitCode: null,
  seq: 1,
  note: null,
  data: {},
  ...over,
});

describe('signatures', () => {
  it('HMAC-SHA256 is what any receiver computes from the guide: t.deliveryId.body under the secret', () => {
    const header = signatureHeader('hmac-sha256', SECRET, AT, '42', BODY);
    const t = AT.getTime() / 1000;
    const expected = createHmac('sha256', SECRET).update(`${t}.42.${BODY}`).digest('hex');
    expect(header).toBe(`t=${t},alg=hmac-sha256,v1=${expected}`);
  });

  it('HMAC-SM3 signs the same text with SM3', () => {
    const header = signatureHeader('hmac-sm3', SECRET, AT, '42', BODY);
    const expected = createHmac('sm3', SECRET)
      .update(`${AT.getTime() / 1000}.42.${BODY}`)
      .digest('hex');
    expect(header.endsWith(`v1=${expected}`)).toBe(true);
    expect(header).not.toBe(signatureHeader('hmac-sha256', SECRET, AT, '42', BODY));
  });

  it('a receiver accepts it within the tolerance and refuses a replay later, a changed body, id or algorithm', () => {
    const header = signatureHeader('hmac-sm3', SECRET, AT, '42', BODY);
    const check = (over: Partial<Parameters<typeof checkSignature>[0]>) =>
      checkSignature({ header, algorithm: 'hmac-sm3', secret: SECRET, deliveryId: '42', body: BODY, now: AT, ...over });
    expect(check({ now: new Date(AT.getTime() + 299_000) })).toEqual({ ok: true, t: AT.getTime() / 1000 });
    expect(check({ now: new Date(AT.getTime() + 301_000) })).toEqual({ ok: false, reason: 'stale' });
    expect(check({ body: BODY.replace('closed', 'opened') })).toEqual({ ok: false, reason: 'mismatch' });
    expect(check({ deliveryId: '43' })).toEqual({ ok: false, reason: 'mismatch' });
    expect(check({ secret: 'whsec_other' })).toEqual({ ok: false, reason: 'mismatch' });
    expect(check({ algorithm: 'hmac-sha256' })).toEqual({ ok: false, reason: 'algorithm' });
    expect(check({ header: undefined })).toEqual({ ok: false, reason: 'malformed' });
    expect(check({ header: 't=abc,alg=hmac-sm3,v1=00' })).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('what a fact is and who wants it', () => {
  it('names the loop’s steps as kinds; steps nobody outside needs make none', () => {
    expect(kindOf(fact({ name: 'dispatch' }))).toBe('case.dispatched');
    expect(kindOf(fact({ name: 'arbitrate' }))).toBe('case.dispatched');
    expect(kindOf(fact({ name: 'fix_on_spot' }))).toBe('case.closed');
    expect(kindOf(fact({ name: 'co_sign' }))).toBeNull();
    expect(kindOf(fact({ type: 'overdue', name: 'handle' }))).toBe('case.overdue');
    expect(kindOf(fact({ type: 'warning', name: 'red' }))).toBe('case.warning_raised');
    expect(kindOf(fact({ type: 'supervision', name: 'urge' }))).toBe('supervision.order_issued');
  });

  it('a subscription hears the kinds it asked for inside its area only; the hotline’s only its own orders', () => {
    const sub = { kinds: ['case.closed'], areaCode: '420923100', purpose: 'webhook' };
    const inGrid = (gridCode: string, source = 'grid_worker', externalNo: string | null = null) =>
      fact({ case: { id: 'x', caseNo: '1', gridCode, itemCode: 'CG06010', source, status: 'closed', externalNo } });
    expect(wants(sub, 'case.closed', inGrid('420923100001001'))).toBe(true);
    expect(wants(sub, 'case.closed', inGrid('420923101201001'))).toBe(false);
    expect(wants(sub, 'case.reported', inGrid('420923100001001'))).toBe(false);
    expect(wants({ ...sub, areaCode: '420900' }, 'case.closed', inGrid('420923101201001'))).toBe(true);
    const hotline = { ...sub, purpose: 'hotline' };
    expect(wants(hotline, 'case.closed', inGrid('420923100001001'))).toBe(false);
    expect(wants(hotline, 'case.closed', inGrid('420923100001001', 'hotline', 'RX1'))).toBe(true);
  });
});

describe('retries', () => {
  it('back off from 10 s, doubling, never past an hour; a webhook gives up after the last try, the hotline never', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryDelayMs(MAX_TRIES + 5)).toBe(3_600_000);
    expect([givesUp('webhook', MAX_TRIES - 1), givesUp('webhook', MAX_TRIES), givesUp('hotline', 1000)]).toEqual([false, true, false]);
  });
});
