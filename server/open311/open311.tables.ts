import { sql } from 'drizzle-orm';
import { doublePrecision, index, jsonb, pgTable, primaryKey, text, timestamptz, uniqueIndex, uuid } from '../platform/columns.ts';

/**
 * 接入方: one client of an open interface (Open311, the 12345 hotline) (a FixMyStreet instance, a city's own app) and its API key, bound to one county. The key
 * is never stored: only its keyed hash (HMAC-SM3, platform/field-crypto.ts), and a hint of its first characters so an
 * administrator can tell keys apart. Rotating a key revokes the row and issues a new one that names it. Reference
 * table: a handful of rows, read on every POST.
 */
export const open311Client = pgTable(
  'open311_client',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The jurisdiction_id the key may post to: a county code. */
    countyCode: text('county_code').notNull(),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    /** The key's first characters, e.g. `gz311_K7QM`: enough to recognise it, far too few to use it. */
    keyHint: text('key_hint').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    createdBy: uuid('created_by').notNull(),
    revokedAt: timestamptz('revoked_at'),
    revokedBy: uuid('revoked_by'),
    /** The key this one replaced when it was issued by rotation. */
    rotatedFrom: uuid('rotated_from'),
    lastUsedAt: timestamptz('last_used_at'),
    /** The interfaces the key may be used on (shared/enums.ts KEY_INTERFACES): Open311, the hotline's push, video and sensor alarms. */
    interfaces: text('interfaces').array().notNull().default(sql`'{open311}'::text[]`),
  },
  (t) => [uniqueIndex('open311_client_key_hash_key').on(t.keyHash), index('open311_client_county_code_idx').on(t.countyCode)],
);

/**
 * Every service request a client posted, whatever became of it: filed at once as a citizen report of the loop
 * (`filed`, with its case), or — located only by an address — waiting for the county centre to place it on the map
 * (`pending`, answered with the token) until it is filed or refused. It keeps what the client sent that the case
 * does not: the description as written, the address, the media URL. The phone and device id of a pending one are
 * sealed until it is filed.
 */
export const open311Request = pgTable(
  'open311_request',
  {
    countyCode: text('county_code').notNull(),
    /** The county and 12 random characters, like a tracking code: what GET tokens/{token} takes. */
    token: text('token').notNull(),
    clientId: uuid('client_id').notNull(),
    /** Derived from the client and the request (or its Idempotency-Key header): a retry finds this row. */
    idempotencyKey: text('idempotency_key').notNull(),
    /** pending · filed · refused */
    status: text('status').notNull(),
    eventId: uuid('event_id'),
    caseNo: text('case_no'),
    serviceCode: text('service_code').notNull(),
    description: text('description').notNull(),
    addressString: text('address_string'),
    addressId: text('address_id'),
    mediaUrl: text('media_url'),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    /** The reporter's name as the case will carry it. */
    reporterName: text('reporter_name'),
    /** Sealed (SM4) until filing hands them to the loop, which seals the phone again on its own row. */
    phoneSealed: text('phone_sealed'),
    deviceIdSealed: text('device_id_sealed'),
    /** The component the report is about (attribute facility_code). */
    facilityCode: text('facility_code'),
    /** The attributes as sent, by code. */
    attributes: jsonb('attributes').$type<Record<string, string[]>>().notNull().default(sql`'{}'::jsonb`),
    requestedAt: timestamptz('requested_at').notNull(),
    /** When it was filed or refused, by whom (null when filed at once), and why it was refused. */
    decidedAt: timestamptz('decided_at'),
    decidedBy: uuid('decided_by'),
    refusedReason: text('refused_reason'),
  },
  (t) => [
    primaryKey({ name: 'open311_request_pkey', columns: [t.countyCode, t.token] }),
    uniqueIndex('open311_request_county_code_idempotency_key_key').on(t.countyCode, t.idempotencyKey),
    uniqueIndex('open311_request_county_code_event_id_key').on(t.countyCode, t.eventId).where(sql`event_id is not null`),
    index('open311_request_county_code_status_idx').on(t.countyCode, t.status, t.requestedAt),
  ],
);
