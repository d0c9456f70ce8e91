import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  sealedColumns,
  text,
  timestamptz,
  uniqueIndex,
  uuid,
} from '../../platform/columns.ts';
import type { EntryValue } from '../tasks.core.ts';

/**
 * 扫码申报: where a screening task's QR code hangs — a building of the base data or a checkpoint (卡口) the task's
 * owner placed on the map — in one grid of the task, whose worker confirms what is declared there. The QR code
 * carries only the token: a resident learns nothing from it but the task's title and the point's name.
 */
export const declarationPoint = pgTable(
  'declaration_point',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    taskId: uuid('task_id').notNull(),
    /** building | checkpoint. */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** The building's code when the point is a building. */
    buildingCode: text('building_code'),
    gridCode: text('grid_code').notNull(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    /** What the QR code's address carries: random, unguessable, unique. */
    token: text('token').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'declaration_point_pkey', columns: [t.countyCode, t.id] }),
    uniqueIndex('declaration_point_token_key').on(t.token),
    index('declaration_point_county_code_task_id_idx').on(t.countyCode, t.taskId),
  ],
);

/**
 * One resident's declaration at a point: name, ID number and phone (sealed, hashed, masked), where they came from and
 * the task's own questions; pending until the point's grid worker confirms it into the people records or rejects it.
 */
export const declaration = pgTable(
  'declaration',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    taskId: uuid('task_id').notNull(),
    pointId: uuid('point_id').notNull(),
    gridCode: text('grid_code').notNull(),
    /** The resident's device's idempotency key: a second declaration with it answers the first. */
    idempotencyKey: text('idempotency_key').notNull(),
    name: text('name').notNull(),
    ...sealedColumns('idNumber', { notNull: true }),
    ...sealedColumns('phone', { notNull: true }),
    cameFrom: text('came_from').notNull(),
    answers: jsonb('answers').$type<Record<string, EntryValue>>().notNull(),
    /** Keyed hashes of the device id and the network address, by which the hourly limits count; never the values. */
    deviceHash: text('device_hash').notNull(),
    addressHash: text('address_hash').notNull(),
    declaredAt: timestamptz('declared_at').notNull(),
    /** pending | confirmed | rejected. */
    status: text('status').notNull(),
    decidedById: uuid('decided_by_id'),
    decidedBy: text('decided_by'),
    decidedAt: timestamptz('decided_at'),
    rejection: text('rejection'),
    /** The person on record it was confirmed into, and whether that person was already there (matched on the ID number). */
    personId: uuid('person_id'),
    matched: boolean('matched'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'declaration_pkey', columns: [t.countyCode, t.id] }),
    uniqueIndex('declaration_county_code_idempotency_key_key').on(t.countyCode, t.idempotencyKey),
    index('declaration_county_code_point_id_status_idx').on(t.countyCode, t.pointId, t.status),
    index('declaration_device_hash_declared_at_idx').on(t.deviceHash, t.declaredAt),
    index('declaration_address_hash_declared_at_idx').on(t.addressHash, t.declaredAt),
  ],
);
