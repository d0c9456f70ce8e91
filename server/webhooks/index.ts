import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { openFieldCrypto } from '../platform/field-keys.ts';
import type { Http } from '../platform/http.ts';
import { createWebhookSender, httpTransport, type WebhookTransport } from './webhook-sender.ts';
import { type Resolve, systemResolve } from './webhooks.address.ts';
import { webhooksRoutes } from './webhooks.routes.ts';
import { createWebhooksService } from './webhooks.service.ts';

export type { WebhookSender, WebhookTransport } from './webhook-sender.ts';
/** What a receiver checks, and the retry rule it can count on (the hotline's simulator and its tests). */
export { checkSignature, DELIVERY_HEADER, EVENT_HEADER, MAX_TRIES, retryDelayMs, SIGNATURE_HEADER } from './webhooks.core.ts';

/**
 * Signed webhooks (docs/integrations/webhooks.md): the loop's facts written to an outbox in their own transaction
 * (app.ts registers `record` and `filedWrites` on the loop), and a sender that delivers them, signed, in order, with retries.
 */
export function createWebhooks({
  app,
  db,
  clock,
  config,
  guard,
  resolve = systemResolve,
  transport = httpTransport({ allowPrivate: config.webhookAllowPrivate, resolve }),
}: {
  app: Http;
  db: Db;
  clock: Clock;
  config: Config;
  guard: Guard;
  /** How receivers' names resolve (the system resolver; a test hands in its own). */
  resolve?: Resolve;
  transport?: WebhookTransport;
}) {
  const fieldCrypto = openFieldCrypto(config);
  const webhooks = createWebhooksService({ db, clock, fieldCrypto, receivers: { allowPrivate: config.webhookAllowPrivate, resolve } });
  webhooksRoutes(app, { webhooks, guard });
  const sender = createWebhookSender({ db, clock, fieldCrypto, transport });
  return { record: webhooks.record, filedWrites: webhooks.filedWrites, sender };
}
