import {
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  sealedColumns,
  text,
  uniqueIndex,
  uuid,
  versionedColumns,
} from '../../platform/columns.ts';

/**
 * 标准地址 (the "一标" of 一标三实): one place a building or door stands, coded by the server as the village
 * code (12) and a serial (6). The parts follow the address lines of GB/T 31000 (门(楼)详址) and table 9
 * (小区 · 楼栋): road, door number, estate, building, unit, room — each optional, the full text required.
 */
export const standardAddress = pgTable(
  'standard_address',
  {
    countyCode: text('county_code').notNull(),
    code: text('code').notNull(),
    fullText: text('full_text').notNull(),
    road: text('road'),
    doorNumber: text('door_number'),
    estate: text('estate'),
    building: text('building'),
    unit: text('unit'),
    room: text('room'),
    gridCode: text('grid_code').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    ...versionedColumns(),
  },
  (t) => [
    primaryKey({ name: 'standard_address_pkey', columns: [t.countyCode, t.code] }),
    index('standard_address_code_idx').on(t.code),
    index('standard_address_grid_code_idx').on(t.gridCode),
    index('standard_address_full_text_idx').on(t.fullText),
  ],
);

/**
 * 楼栋 with its 楼栋长 (GB/T 31000 table 9). Natural key: the building code, unique per county. The leader's
 * phone is sealed with SM4 like every phone; `leader_person_id` links the leader to a person on record.
 */
export const building = pgTable(
  'building',
  {
    countyCode: text('county_code').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    estate: text('estate'),
    addressCode: text('address_code'),
    address: text('address').notNull(),
    gridCode: text('grid_code').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    floors: integer('floors'),
    units: integer('units'),
    /** 户数 as declared on the form or sheet; the houses on record are counted, not stored. */
    households: integer('households'),
    leaderName: text('leader_name'),
    ...sealedColumns('leaderPhone'),
    leaderPersonId: uuid('leader_person_id'),
    ...versionedColumns(),
  },
  (t) => [
    primaryKey({ name: 'building_pkey', columns: [t.countyCode, t.code] }),
    // Imports and the search box come with the code but not the county.
    index('building_code_idx').on(t.code),
    index('building_grid_code_idx').on(t.gridCode),
    index('building_address_code_idx').on(t.addressCode),
    index('building_address_idx').on(t.address),
    // Records near a point (the report form's nearby list): a latitude band, then the longitude.
    index('building_lat_lng_idx').on(t.lat, t.lng),
  ],
);

/** 十户联防: about ten neighbouring households of one grid, one of them the lead household (联防户长). */
export const householdGroup = pgTable(
  'household_group',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    gridCode: text('grid_code').notNull(),
    leadHouseCode: text('lead_house_code'),
    ...versionedColumns(),
  },
  (t) => [
    primaryKey({ name: 'household_group_pkey', columns: [t.countyCode, t.id] }),
    index('household_group_id_idx').on(t.id),
    index('household_group_grid_code_idx').on(t.gridCode),
  ],
);

/** The houses of a group. A household watches with one group only: a house belongs to at most one. */
export const householdGroupMember = pgTable(
  'household_group_member',
  {
    countyCode: text('county_code').notNull(),
    groupId: uuid('group_id').notNull(),
    houseCode: text('house_code').notNull(),
  },
  (t) => [
    primaryKey({ name: 'household_group_member_pkey', columns: [t.countyCode, t.groupId, t.houseCode] }),
    uniqueIndex('household_group_member_county_code_house_code_key').on(t.countyCode, t.houseCode),
    index('household_group_member_group_id_idx').on(t.groupId),
  ],
);
