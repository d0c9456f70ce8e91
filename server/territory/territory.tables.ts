import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamptz, uuid } from '../platform/columns.ts';

/** The bounding box kept beside every outline, so a box query needs no geometry. */
const bboxColumns = () => ({
  minLng: doublePrecision('min_lng'),
  minLat: doublePrecision('min_lat'),
  maxLng: doublePrecision('max_lng'),
  maxLat: doublePrecision('max_lat'),
});
const requiredBbox = () => ({
  minLng: doublePrecision('min_lng').notNull(),
  minLat: doublePrecision('min_lat').notNull(),
  maxLng: doublePrecision('max_lng').notNull(),
  maxLat: doublePrecision('max_lat').notNull(),
});

/** Administrative areas: city, county, township, village. A reference table (a few thousand rows per city). */
export const area = pgTable(
  'area',
  {
    code: text('code').primaryKey(),
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    name: text('name').notNull(),
    geometry: jsonb('geometry'),
    ...bboxColumns(),
  },
  (t) => [
    index('area_parent_code_idx').on(t.parentCode),
    check('area_level_check', sql`${t.level} in ('city','county','township','village')`),
  ],
);

/** Base grids (基础网格) with their 15-digit unit-grid code. */
export const grid = pgTable(
  'grid',
  {
    countyCode: text('county_code').notNull(),
    code: text('code').notNull(),
    villageCode: text('village_code').notNull(),
    name: text('name').notNull(),
    geometry: jsonb('geometry').notNull(),
    ...requiredBbox(),
    areaM2: doublePrecision('area_m2').notNull(),
    households: integer('households'),
    population: integer('population'),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'grid_pkey', columns: [t.countyCode, t.code] }),
    index('grid_code_idx').on(t.code),
    index('grid_village_code_idx').on(t.villageCode),
    check('grid_code_check', sql`${t.code} ~ '^[0-9]{15}$' and left(${t.code}, 6) = ${t.countyCode}`),
  ],
);

/** The "1+1+1+N" team of a grid. A member may or may not have an account. */
export const gridMember = pgTable(
  'grid_member',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    gridCode: text('grid_code').notNull(),
    role: text('role').notNull(),
    employment: text('employment'),
    name: text('name').notNull(),
    phone: text('phone'),
    userId: uuid('user_id'),
  },
  (t) => [
    primaryKey({ name: 'grid_member_pkey', columns: [t.countyCode, t.id] }),
    index('grid_member_grid_code_idx').on(t.gridCode),
    check('grid_member_role_check', sql`${t.role} in ('grid_leader','grid_worker','instructor','assistant','party_helper')`),
  ],
);

/** Professional networks (专业网格): police beats, road sections, … named by an administrator. Reference table. */
export const professionalNetwork = pgTable('professional_network', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

/** The units of a professional network, with their own outlines. Reference table. */
export const professionalUnit = pgTable(
  'professional_unit',
  {
    networkCode: text('network_code').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    geometry: jsonb('geometry').notNull(),
    ...requiredBbox(),
  },
  (t) => [primaryKey({ name: 'professional_unit_pkey', columns: [t.networkCode, t.code] })],
);

/** 多网合一: which professional units each base grid overlaps, and by how much. */
export const gridUnitLink = pgTable(
  'grid_unit_link',
  {
    countyCode: text('county_code').notNull(),
    gridCode: text('grid_code').notNull(),
    networkCode: text('network_code').notNull(),
    unitCode: text('unit_code').notNull(),
    overlapM2: doublePrecision('overlap_m2').notNull(),
  },
  (t) => [
    primaryKey({ name: 'grid_unit_link_pkey', columns: [t.countyCode, t.gridCode, t.networkCode, t.unitCode] }),
    index('grid_unit_link_network_code_unit_code_idx').on(t.networkCode, t.unitCode),
  ],
);
