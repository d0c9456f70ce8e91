/**
 * The rules of signed webhooks, pure: which kind a loop fact is, what its body says, who asks for it, how a delivery
 * is signed and checked, and when a failed one is tried again (docs/integrations/webhooks.md).
 */

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ancestorCodes } from '../../shared/codes.ts';
import { WEBHOOK_TOLERANCE_SECONDS, type WebhookAlgorithm, type WebhookEventKind } from '../../shared/webhooks.ts';
import type { LoopFact } from '../events/index.ts';

/** The loop's actions a subscriber is told of, by the kind they make; other steps (assign down, co-handling) are not. */
const ACTION_KINDS: Record<string, WebhookEventKind> = {
  report: 'case.reported',
  accept: 'case.accepted',
  dispatch: 'case.dispatched',
  redispatch: 'case.dispatched',
  arbitrate: 'case.dispatched',
  sign: 'case.signed',
  return: 'case.returned',
  extension_approve: 'case.extended',
  handle: 'case.handled',
  close: 'case.closed',
  fix_on_spot: 'case.closed',
  special_close_approve: 'case.closed',
  visit: 'case.visited',
  reopen: 'case.reopened',
  void: 'case.voided',
  unfounded: 'case.voided',
  merge: 'case.voided',
};

export function kindOf(fact: LoopFact): WebhookEventKind | null {
  if (fact.type === 'action') return ACTION_KINDS[fact.name] ?? null;
  if (fact.type === 'overdue') return 'case.overdue';
  if (fact.type === 'warning') return 'case.warning_raised';
  return 'supervision.order_issued';
}

/** Where a fact happened, for a subscriber's area: the case's grid, else the county. */
export const placeOf = (fact: LoopFact) => fact.case?.gridCode ?? fact.countyCode;

/**
 * The subscription asks for this kind, the fact lies in its area, and — for the hotline's — the case came from the
 * hotline with its order number.
 */
export const wants = (sub: { kinds: readonly string[]; areaCode: string; purpose: string }, kind: WebhookEventKind, fact: LoopFact) =>
  sub.kinds.includes(kind) && areasHearing(fact).includes(sub.areaCode) && (sub.purpose !== 'hotline' || hotlineHears(fact));

/** The areas whose subscriptions hear of a fact: its place and every node above it (the outbox asks this in SQL). */
export const areasHearing = (fact: LoopFact) => [placeOf(fact), ...ancestorCodes(placeOf(fact))];

/** The hotline's subscription hears only of cases that came from the hotline with its order number. */
export const hotlineHears = (fact: LoopFact) => fact.case?.source === 'hotline' && fact.case.externalNo !== null;

/** The hotline's subscription is tried until it acknowledges; any other gives up after MAX_TRIES. */
export const givesUp = (purpose: string, failures: number) => purpose !== 'hotline' && failures >= MAX_TRIES;

/** The body a subscriber receives, fixed when the fact is recorded. */
export function payloadOf(fact: LoopFact, kind: WebhookEventKind): Record<string, unknown> {
  return {
    kind,
    key: fact.key,
    occurredAt: fact.at.toISOString(),
    countyCode: fact.countyCode,
    case: fact.case,
    /** The action, the stage overdue, the colour or the order's kind. */
    name: fact.name,
    seq: fact.seq,
    unitCode: fact.unitCode,
    note: fact.note,
    data: fact.data,
  };
}

// ── signature ────────────────────────────────────────────────────────────────────────────────────────

export const SIGNATURE_HEADER = 'gezhi-signature';
export const DELIVERY_HEADER = 'gezhi-delivery';
export const EVENT_HEADER = 'gezhi-event';

/** A new signing secret: 32 random bytes, shown to the administrator once. */
export const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

const HASH: Record<WebhookAlgorithm, string> = { 'hmac-sha256': 'sha256', 'hmac-sm3': 'sm3' };

/** HMAC of `${t}.${deliveryId}.${body}` under the secret's UTF-8 bytes, hex. */
export function signatureOf(algorithm: WebhookAlgorithm, secret: string, t: number, deliveryId: string, body: string): string {
  return createHmac(HASH[algorithm], Buffer.from(secret, 'utf8')).update(`${t}.${deliveryId}.${body}`, 'utf8').digest('hex');
}

/** The signature header: `t=<unix seconds>,alg=<algorithm>,v1=<hex>`. */
export function signatureHeader(algorithm: WebhookAlgorithm, secret: string, at: Date, deliveryId: string, body: string): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},alg=${algorithm},v1=${signatureOf(algorithm, secret, t, deliveryId, body)}`;
}

export type SignatureCheck = { ok: true; t: number } | { ok: false; reason: 'malformed' | 'algorithm' | 'stale' | 'mismatch' };

/**
 * What a receiver does with a delivery (the test receivers and the hotline simulator run this; the guide gives the
 * same steps): the header well formed, the algorithm the one agreed, the timestamp within the tolerance of its own
 * clock (an old request sent again is refused), the HMAC equal in constant time. A receiver also remembers the
 * delivery ids it has processed for the tolerance window, so a copy within it changes nothing.
 */
export function checkSignature(q: {
  header: string | undefined;
  algorithm: WebhookAlgorithm;
  secret: string;
  deliveryId: string;
  body: string;
  now: Date;
  toleranceSeconds?: number;
}): SignatureCheck {
  const parts = new Map(
    (q.header ?? '').split(',').map((p) => {
      const at = p.indexOf('=');
      return [p.slice(0, at).trim(), p.slice(at + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return { ok: false, reason: 'malformed' };
  if (parts.get('alg') !== q.algorithm) return { ok: false, reason: 'algorithm' };
  if (Math.abs(q.now.getTime() / 1000 - t) > (q.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS)) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signatureOf(q.algorithm, q.secret, t, q.deliveryId, q.body), 'hex');
  return timingSafeEqual(expected, Buffer.from(v1, 'hex')) ? { ok: true, t } : { ok: false, reason: 'mismatch' };
}

// ── retries ──────────────────────────────────────────────────────────────────────────────────────────

/** Tries of one delivery before the sender gives up on it and pauses its subscription (order is kept: nothing skips it). */
export const MAX_TRIES = 10;
const FIRST_RETRY_MS = 10_000;
const LONGEST_RETRY_MS = 3_600_000;

/** After the n-th failed try in a row: 10 s, 20 s, 40 s … doubling up to an hour (about 3 h 40 min over all tries). */
export const retryDelayMs = (failures: number) => Math.min(FIRST_RETRY_MS * 2 ** (failures - 1), LONGEST_RETRY_MS);

/** A reply's body is kept to this many characters in the log. */
export const REPLY_KEPT = 2000;

/** Acknowledged: any 2xx. */
export const acknowledged = (status: number | null) => status !== null && status >= 200 && status < 300;
