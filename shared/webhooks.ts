/**
 * Signed webhooks (docs/integrations/webhooks.md): the kinds of event a subscriber may ask for, the signature
 * algorithms, and the limits the console's form and the server's schemas share.
 */

/** What a subscriber may be told of, named as facts. Each is a key of the web's i18n (`webhooks.kinds.*`). */
export const WEBHOOK_EVENT_KINDS = [
  'case.reported',
  'case.accepted',
  'case.dispatched',
  'case.signed',
  'case.returned',
  'case.extended',
  'case.handled',
  'case.closed',
  'case.visited',
  'case.reopened',
  'case.voided',
  'case.overdue',
  'case.warning_raised',
  'supervision.order_issued',
] as const;
export type WebhookEventKind = (typeof WEBHOOK_EVENT_KINDS)[number];

/** How deliveries are signed: HMAC over SHA-256 (what most receivers have) or over SM3 (GB/T 32905, for 密评). */
export const WEBHOOK_ALGORITHMS = ['hmac-sha256', 'hmac-sm3'] as const;
export type WebhookAlgorithm = (typeof WEBHOOK_ALGORITHMS)[number];

/** active: delivered as recorded · paused: recorded and kept, delivered once resumed (by an administrator, or after failing). */
export const WEBHOOK_STATUSES = ['active', 'paused'] as const;
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

/** pending: waiting for its turn or its next try · delivered: acknowledged with a 2xx · failed: gave up, subscription paused. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * webhook: any outside system, told of what it asked for, given up on after 10 tries · hotline: the 12345 platform,
 * told only of the cases it sent (source hotline), tried until it acknowledges.
 */
export const WEBHOOK_PURPOSES = ['webhook', 'hotline'] as const;
export type WebhookPurpose = (typeof WEBHOOK_PURPOSES)[number];

/** A subscriber's URL, in characters. */
export const WEBHOOK_URL_MAX = 500;
/** Seconds a receiver should accept a signature's timestamp either side of its own clock; older ones are replays. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;
