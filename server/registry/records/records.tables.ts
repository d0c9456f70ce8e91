import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
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
  versionedColumns,
} from '../../platform/columns.ts';

/** 实有房屋. Natural key: the house code. Owner's ID and phone are sealed with SM4, searchable by keyed hash. */
export const house = pgTable(
  'house',
  {
    countyCode: text('county_code').notNull(),
    code: text('code').notNull(),
    gridCode: text('grid_code').notNull(),
    buildingCode: text('building_code'),
    address: text('address').notNull(),
    /** 单元 · 楼层 · 室: where in its building the house is (GB/T 31000 门(楼)详址). */
    unit: text('unit'),
    floor: integer('floor'),
    room: text('room'),
    use: text('use').notNull(),
    areaM2: doublePrecision('area_m2'),
    ownerName: text('owner_name'),
    ...sealedColumns('ownerId'),
    ...sealedColumns('ownerPhone'),
    rented: boolean('rented').notNull(),
    rentalUse: text('rental_use'),
    rentalCategory: text('rental_category'),
    rentalLevel: text('rental_level'),
    hazards: text('hazards').array().notNull().default(sql`'{}'::text[]`),
    ...versionedColumns(),
  },
  (t) => [
    primaryKey({ name: 'house_pkey', columns: [t.countyCode, t.code] }),
    // Natural-key lookups come without the county (an import batch spans counties): each key has its own index.
    index('house_code_idx').on(t.code),
    index('house_grid_code_idx').on(t.gridCode),
    index('house_address_idx').on(t.address),
    // A building's houses are listed by its code.
    index('house_building_code_idx').on(t.buildingCode),
  ],
);

/** 实有人口. Natural key: the ID number, kept only sealed (SM4) with a keyed hash for exact search. */
export const person = pgTable(
  'person',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    ...sealedColumns('idNumber', { notNull: true }),
    name: text('name').notNull(),
    sex: text('sex').notNull(),
    birthDate: date('birth_date').notNull(),
    ethnicity: text('ethnicity').notNull(),
    ...sealedColumns('phone'),
    /**
     * Whether the ID number's check digit holds, decided when the number is written. Null: written before the
     * flag existed (or by a bulk load); the data-quality screen checks those in bounded batches, since the
     * number is sealed and SQL cannot test it.
     */
    idCheckOk: boolean('id_check_ok'),
    /**
     * The document the number above is (GA/T 517): 111 居民身份证 for Chinese citizens; a foreigner (境外人员,
     * GB/T 31000 has no 身份号码 for them) is keyed by a passport or permit number, sealed and hashed the same way.
     */
    idType: text('id_type').notNull().default('111'),
    residentType: text('resident_type').notNull(),
    hukouRegion: text('hukou_region'),
    hukouAddress: text('hukou_address'),
    inflowReason: text('inflow_reason'),
    /** 流动人口: 办证类型 (5.12) and when the permit runs out. */
    permitType: text('permit_type'),
    permitExpiry: date('permit_expiry'),
    /** 留守人员类型 (5.15): a registered resident left behind. */
    leftBehindType: text('left_behind_type'),
    /** 境外人员: 国籍 (GB/T 2659 alpha-3), 外文姓名, 来华目的 (5.16), arrival and expected departure. */
    nationality: text('nationality'),
    foreignName: text('foreign_name'),
    visitPurpose: text('visit_purpose'),
    arrivalDate: date('arrival_date'),
    departureDate: date('departure_date'),
    /** Special-group and key-person tags: shown only to roles allowed to see them. */
    specialGroups: text('special_groups').array().notNull().default(sql`'{}'::text[]`),
    keyPersonTags: text('key_person_tags').array().notNull().default(sql`'{}'::text[]`),
    gridCode: text('grid_code').notNull(),
    ...versionedColumns(),
  },
  (t) => [
    primaryKey({ name: 'person_pkey', columns: [t.countyCode, t.id] }),
    uniqueIndex('person_county_code_id_number_hash_key').on(t.countyCode, t.idNumberHash),
    index('person_id_number_hash_idx').on(t.idNumberHash),
    index('person_id_idx').on(t.id),
    index('person_phone_hash_idx').on(t.phoneHash),
    index('person_name_idx').on(t.name),
    index('person_grid_code_idx').on(t.gridCode),
  ],
);

/** Who lives where, over time (move in, move out). */
export const residence = pgTable(
  'residence',
  {
    countyCode: text('county_code').notNull(),
    personId: uuid('person_id').notNull(),
    houseCode: text('house_code').notNull(),
    relation: text('relation'),
    movedIn: date('moved_in').notNull(),
    movedOut: date('moved_out'),
  },
  (t) => [
    primaryKey({ name: 'residence_pkey', columns: [t.countyCode, t.personId, t.houseCode, t.movedIn] }),
    index('residence_house_code_idx').on(t.houseCode),
    index('residence_person_id_idx').on(t.personId),
  ],
);

/** Every change to a base-data record: who, when, before and after (sensitive values masked). */
export const recordChange = pgTable(
  'record_change',
  {
    countyCode: text('county_code').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    recordType: text('record_type').notNull(),
    recordKey: text('record_key').notNull(),
    at: timestamptz('at').notNull(),
    actorId: uuid('actor_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    /**
     * The writing transaction's id (txid_current(), filled by the default): the province exchange takes whole ranges
     * of finished transactions, so a change that commits late is never skipped (decision 0028).
     */
    txid: bigint('txid', { mode: 'number' }).notNull().default(sql`txid_current()`),
  },
  (t) => [
    primaryKey({ name: 'record_change_pkey', columns: [t.countyCode, t.id] }),
    index('record_change_record_type_record_key_idx').on(t.recordType, t.recordKey),
    index('record_change_county_code_txid_idx').on(t.countyCode, t.txid),
  ],
);
