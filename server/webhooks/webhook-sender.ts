/**
 * The sender: delivers each subscription's outbox in order, signed, one delivery at a time, retrying with backoff.
 * Several servers may run it (DESIGN: stateless servers): subscriptions are claimed under a transaction-scoped
 * advisory lock, each held by a lease the sender extends with every try, so no two servers send for one
 * subscription at once. Every outcome is written before the next delivery goes, so a restart resumes where the last
 * one stopped; a delivery whose reply a crash cut off goes again with the same delivery id, which the receiver
 * recognises (docs/integrations/webhooks.md).
 */

import http from 'node:http';
import https from 'node:https';
import type { WebhookAlgorithm } from '../../shared/webhooks.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { FieldCrypto } from '../platform/field-crypto.ts';
import { checkedAddresses, guardedLookup, hostOf, type Resolve, systemResolve } from './webhooks.address.ts';
import {
  acknowledged,
  DELIVERY_HEADER,
  EVENT_HEADER,
  givesUp,
  REPLY_KEPT,
  retryDelayMs,
  SIGNATURE_HEADER,
  signatureHeader,
} from './webhooks.core.ts';
import * as store from './webhooks.store.ts';

/** Key of the sender's advisory lock ("gezw" in ASCII); nothing else in the product takes it. */
export const SENDER_LOCK_KEY = 0x67657a77;
/** How long a claim holds a subscription without a word from its sender: longer than a try's timeout. */
const LEASE_MS = 60_000;
/** Bytes of a reply read before the rest is dropped (REPLY_KEPT of them are kept). */
const REPLY_READ = 64 * 1024;
/** Deliveries one claim sends at most before it lets the subscription go. */
const BATCH = 100;

/** How a delivery leaves the server: the working default is HTTP (`httpTransport`). */
export interface WebhookTransport {
  /** The reply's status and body; throws when there is none (refused, unreachable, timed out). */
  post(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }>;
}

/**
 * POSTs over node:http(s), without following redirects. Unless private receivers are allowed, the host must be a
 * public address, checked on the addresses the connection uses (webhooks.address.ts); a refused host is a failed try
 * whose error names the address and its range.
 */
export function httpTransport({
  timeoutMs = 10_000,
  allowPrivate = false,
  resolve = systemResolve,
}: {
  timeoutMs?: number;
  allowPrivate?: boolean;
  resolve?: Resolve;
} = {}): WebhookTransport {
  return {
    async post(url, headers, body) {
      const target = new URL(url);
      // A literal address never reaches `lookup`: it is checked here.
      if (!allowPrivate) await checkedAddresses(hostOf(target), resolve);
      const send = target.protocol === 'https:' ? https.request : http.request;
      return new Promise((done, fail) => {
        const req = send(
          target,
          {
            method: 'POST',
            headers: { ...headers, 'content-length': Buffer.byteLength(body) },
            signal: AbortSignal.timeout(timeoutMs),
            ...(allowPrivate ? {} : { lookup: guardedLookup(resolve) as never }),
          },
          (res) => {
            const chunks: Buffer[] = [];
            let kept = 0;
            res.on('data', (c: Buffer) => {
              if (kept < REPLY_READ) chunks.push(c);
              kept += c.length;
            });
            res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', fail);
          },
        );
        req.on('error', fail);
        req.end(body);
      });
    },
  };
}

export type SendResult = { status: 'skipped' } | { status: 'done'; delivered: number; failed: number };

export function createWebhookSender({
  db,
  clock,
  fieldCrypto,
  transport,
}: {
  db: Db;
  clock: Clock;
  fieldCrypto: FieldCrypto;
  transport: WebhookTransport;
}) {
  const leaseFrom = () => new Date(clock().getTime() + LEASE_MS);

  /** One try of one delivery and its outcome written; answers whether to go on with the next. */
  async function tryOne(sub: store.SubscriptionRow, secret: string, d: store.DeliveryRow): Promise<'ok' | 'failed' | 'stop'> {
    const body = JSON.stringify(d.payload);
    const signedAt = clock();
    const deliveryId = String(d.id);
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Gezhi-Webhooks/1',
      [DELIVERY_HEADER]: deliveryId,
      [EVENT_HEADER]: d.kind,
      [SIGNATURE_HEADER]: signatureHeader(sub.algorithm as WebhookAlgorithm, secret, signedAt, deliveryId, body),
    };
    const started = performance.now();
    let reply: { status: number; body: string } | null = null;
    let error: string | null = null;
    try {
      reply = await transport.post(sub.url, headers, body);
    } catch (e) {
      error = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, REPLY_KEPT);
    }
    const ok = acknowledged(reply?.status ?? null);
    const now = clock();
    const failures = ok ? d.failures : d.failures + 1;
    const outcome = ok
      ? { status: 'delivered' as const, failures, nextAttemptAt: d.nextAttemptAt, deliveredAt: now }
      : givesUp(sub.purpose, failures)
        ? { status: 'failed' as const, failures, nextAttemptAt: d.nextAttemptAt, deliveredAt: null }
        : { status: 'pending' as const, failures, nextAttemptAt: new Date(now.getTime() + retryDelayMs(failures)), deliveredAt: null };
    const held = await db.transaction(async (tx) => {
      const stillActive = await store.recordTry(tx, {
        delivery: d,
        attempt: {
          at: now,
          signedAt,
          statusCode: reply?.status ?? null,
          reply: reply ? reply.body.slice(0, REPLY_KEPT) : null,
          error,
          durationMs: Math.round(performance.now() - started),
        },
        outcome,
        leaseUntil: leaseFrom(),
      });
      // Out of tries: the subscription pauses, so nothing recorded after this delivery overtakes it.
      if (outcome.status === 'failed') await store.setStatus(tx, sub.id, { status: 'paused', pausedReason: 'failing', pausedAt: now });
      return stillActive;
    });
    if (!ok) return 'failed';
    return held ? 'ok' : 'stop';
  }

  async function sendFor(sub: store.SubscriptionRow) {
    let delivered = 0;
    let failed = 0;
    try {
      const secret = fieldCrypto.decrypt(sub.secretSealed);
      for (const d of await store.queueHead(db, sub.id, BATCH)) {
        if (d.nextAttemptAt > clock()) break;
        const outcome = await tryOne(sub, secret, d);
        if (outcome === 'ok') delivered++;
        if (outcome === 'failed') failed++;
        if (outcome !== 'ok') break;
      }
    } finally {
      await store.releaseLease(db, sub.id);
    }
    return { delivered, failed };
  }

  return {
    /** One pass: claims the subscriptions with a delivery due and sends for each; "skipped" when another server is claiming. */
    async deliverDue(): Promise<SendResult> {
      const now = clock();
      const claimed = await db.transaction(async (tx) =>
        (await store.tryAdvisoryXactLock(tx, SENDER_LOCK_KEY)) ? store.claimDue(tx, now, leaseFrom()) : null,
      );
      if (!claimed) return { status: 'skipped' };
      const results = await Promise.all(claimed.map(sendFor));
      return {
        status: 'done',
        delivered: results.reduce((n, r) => n + r.delivered, 0),
        failed: results.reduce((n, r) => n + r.failed, 0),
      };
    },
  };
}

export type WebhookSender = ReturnType<typeof createWebhookSender>;
