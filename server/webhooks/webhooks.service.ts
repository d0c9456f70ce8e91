/**
 * Subscriptions as the system administrator keeps them — created with a secret shown once, paused, resumed,
 * replayed, their delivery log read — and the outbox every fact of the loop is written to, inside the transaction
 * that recorded it. Every change is audited in its transaction.
 */

import type { WebhookAlgorithm, WebhookDeliveryStatus, WebhookEventKind, WebhookPurpose } from '../../shared/webhooks.ts';
import { userNames } from '../access/index.ts';
import type { LoopFact } from '../events/index.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { FieldCrypto } from '../platform/field-crypto.ts';
import type { ShapedPart } from '../platform/prepared.ts';
import { codeInScope } from '../platform/scope.ts';
import { areaNames } from '../territory/index.ts';
import { checkedAddresses, hostOf, PrivateAddressError, type Resolve } from './webhooks.address.ts';
import { areasHearing, hotlineHears, kindOf, newSecret, payloadOf } from './webhooks.core.ts';
import * as store from './webhooks.store.ts';

export interface SubscribeInput {
  name: string;
  url: string;
  areaCode: string;
  kinds: WebhookEventKind[];
  algorithm: WebhookAlgorithm;
  purpose?: WebhookPurpose;
}

/** The facts a subscriber may be told of, with what the outbox matches subscriptions on. */
function heardFacts(facts: LoopFact[]): store.HeardFact[] {
  return facts.flatMap((fact) => {
    const kind = kindOf(fact);
    return kind
      ? [
          {
            countyCode: fact.countyCode,
            key: fact.key,
            kind,
            payload: payloadOf(fact, kind),
            areas: areasHearing(fact),
            hotline: hotlineHears(fact),
          },
        ]
      : [];
  });
}

export function createWebhooksService({
  db,
  clock,
  fieldCrypto,
  receivers,
}: {
  db: Db;
  clock: Clock;
  fieldCrypto: FieldCrypto;
  /** Whether receivers on private networks are allowed (GEZHI_WEBHOOK_ALLOW_PRIVATE), and how names resolve. */
  receivers: { allowPrivate: boolean; resolve: Resolve };
}) {
  async function view(rows: store.SubscriptionRow[]) {
    const [users, areas, counts] = await Promise.all([
      userNames(
        db,
        rows.map((r) => r.createdBy),
      ),
      areaNames(db, [...new Set(rows.map((r) => r.areaCode))]),
      store.countsOf(
        db,
        rows.map((r) => r.id),
      ),
    ]);
    const areaName = new Map(areas.map((a) => [a.code, a.name]));
    const tally = (id: string, status: WebhookDeliveryStatus) => counts.find((c) => c.subscriptionId === id && c.status === status)?.n ?? 0;
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      url: r.url,
      area: { code: r.areaCode, name: areaName.get(r.areaCode) ?? r.areaCode },
      kinds: r.kinds as WebhookEventKind[],
      algorithm: r.algorithm as WebhookAlgorithm,
      purpose: r.purpose as WebhookPurpose,
      status: r.status as 'active' | 'paused',
      pausedReason: r.pausedReason as 'by_admin' | 'failing' | null,
      pausedAt: r.pausedAt,
      createdAt: r.createdAt,
      createdBy: users.get(r.createdBy) ?? null,
      deliveries: { pending: tally(r.id, 'pending'), delivered: tally(r.id, 'delivered'), failed: tally(r.id, 'failed') },
    }));
  }

  async function mustGet(tx: Tx, actor: Actor, id: string, lock = false) {
    const row = await store.getSubscription(tx, actor.scope, id, lock);
    if (!row) throw new AppError('webhook.not_found', [{ field: 'params.id', reason: 'not_found', value: id }]);
    return row;
  }

  const audit = (tx: Tx, actor: Actor, action: string, row: store.SubscriptionRow, detail: Record<string, unknown> = {}) =>
    recordAudit(tx, { at: clock(), actorId: actor.id, action, target: row.id, detail: { name: row.name, url: row.url, ...detail } });

  return {
    /**
     * The outbox: every fact the loop records becomes one delivery per subscription that asks for its kind in its
     * area, in the fact's own transaction. A paused subscription keeps recording, so resuming delivers what it missed.
     */
    async record(tx: Tx, facts: LoopFact[]) {
      const heard = heardFacts(facts);
      if (heard.length) await store.insertDeliveries(tx, heard, clock());
    },

    /** The same outbox rows for cases just filed, as a statement the report makes with its own (events' filed writes). */
    filedWrites(_filed: unknown, facts: LoopFact[]): ShapedPart[] {
      const heard = heardFacts(facts);
      return heard.length ? [store.deliveriesPart(heard, clock())] : [];
    },

    async find(actor: Actor) {
      return view(await store.listSubscriptions(db, actor.scope));
    },

    /** A subscription of an area in the administrator's jurisdiction; the reply carries its secret, shown this once. */
    async create(actor: Actor, input: SubscribeInput) {
      const area = (await areaNames(db, [input.areaCode]))[0];
      if (!area || !codeInScope(area.code, actor.scope))
        throw new AppError('webhook.area_invalid', [{ field: 'body.areaCode', reason: 'not_an_area_in_scope', value: input.areaCode }]);
      const url = parseUrl(input.url);
      if (!receivers.allowPrivate) await checkReceiver(url, receivers.resolve);
      const secret = newSecret();
      const row = await db.transaction(async (tx) => {
        const created = await store.insertSubscription(tx, {
          name: input.name.trim(),
          url,
          areaCode: area.code,
          kinds: [...new Set(input.kinds)],
          algorithm: input.algorithm,
          purpose: input.purpose ?? 'webhook',
          secretSealed: fieldCrypto.encrypt(secret),
          status: 'active',
          createdAt: clock(),
          createdBy: actor.id,
        });
        await audit(tx, actor, 'webhook.subscribed', created, {
          area: area.code,
          kinds: created.kinds,
          algorithm: created.algorithm,
          purpose: created.purpose,
        });
        return created;
      });
      return { ...(await view([row]))[0], secret };
    },

    async pause(actor: Actor, id: string) {
      const row = await db.transaction(async (tx) => {
        const sub = await mustGet(tx, actor, id, true);
        if (sub.status === 'paused') throw new AppError('webhook.already_paused', [{ field: 'params.id', reason: 'paused', value: id }]);
        const paused = await store.setStatus(tx, sub.id, { status: 'paused', pausedReason: 'by_admin', pausedAt: clock() });
        await audit(tx, actor, 'webhook.paused', paused);
        return paused;
      });
      return (await view([row]))[0];
    },

    /** Delivers again from where it stopped: a delivery it gave up on goes first, with a fresh budget of tries. */
    async resume(actor: Actor, id: string) {
      const row = await db.transaction(async (tx) => {
        const sub = await mustGet(tx, actor, id, true);
        if (sub.status !== 'paused') throw new AppError('webhook.not_paused', [{ field: 'params.id', reason: sub.status, value: id }]);
        const requeued = await store.requeueFailed(tx, sub.id, clock());
        const resumed = await store.setStatus(tx, sub.id, { status: 'active', pausedReason: null, pausedAt: null });
        await audit(tx, actor, 'webhook.resumed', resumed, { requeued });
        return resumed;
      });
      return (await view([row]))[0];
    },

    /** Sends again, in order, everything the subscription recorded since `since`, with the same delivery ids. */
    async replay(actor: Actor, id: string, since: Date) {
      return db.transaction(async (tx) => {
        const sub = await mustGet(tx, actor, id, true);
        const requeued = await store.requeueSince(tx, sub.id, since, clock());
        await audit(tx, actor, 'webhook.replayed', sub, { since: since.toISOString(), requeued });
        return { id: sub.id, requeued };
      });
    },

    /** The log: a page of deliveries, newest first, each with its tries and their replies. */
    async deliveries(actor: Actor, id: string, q: { status?: WebhookDeliveryStatus; orderNo?: string; offset: number; limit: number }) {
      const sub = await mustGet(db, actor, id);
      const page = await store.deliveryPage(db, { subscriptionId: sub.id, ...q });
      const attempts = await store.attemptsOf(db, page.items);
      return {
        total: page.total,
        items: page.items.map((d) => ({
          id: String(d.id),
          kind: d.kind as WebhookEventKind,
          caseNo: ((d.payload.case as { caseNo?: string } | null)?.caseNo ?? null) as string | null,
          createdAt: d.createdAt,
          status: d.status as WebhookDeliveryStatus,
          nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
          deliveredAt: d.deliveredAt,
          payload: d.payload,
          attempts: attempts
            .filter((a) => a.countyCode === d.countyCode && a.deliveryId === d.id)
            .map((a) => ({
              attempt: a.attempt,
              at: a.at,
              statusCode: a.statusCode,
              reply: a.reply,
              error: a.error,
              durationMs: a.durationMs,
            })),
        })),
      };
    },
  };
}

/** An http(s) URL without credentials in it (they would show in the console and the log). */
function parseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new AppError('webhook.url_invalid', [{ field: 'body.url', reason: 'not_a_url', value: text }]);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new AppError('webhook.url_invalid', [{ field: 'body.url', reason: 'not_http', value: text }]);
  if (url.username || url.password) throw new AppError('webhook.url_invalid', [{ field: 'body.url', reason: 'credentials_in_url' }]);
  return url.toString();
}

/** A receiver's host must be a public address, and a name must resolve to public addresses only (SSRF). */
async function checkReceiver(url: string, resolve: Resolve): Promise<void> {
  const host = hostOf(new URL(url));
  try {
    await checkedAddresses(host, resolve);
  } catch (e) {
    if (e instanceof PrivateAddressError)
      throw new AppError('webhook.url_private', [
        { field: 'body.url', reason: e.range, value: host === e.address ? host : `${host} → ${e.address}` },
      ]);
    throw new AppError('webhook.url_invalid', [{ field: 'body.url', reason: 'host_not_found', value: host }]);
  }
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
