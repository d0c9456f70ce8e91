import { sql } from 'drizzle-orm';
import { doublePrecision, index, pgTable, primaryKey, sealedColumns, text, versionedColumns } from '../../platform/columns.ts';

/**
 * 实有单位 (legal persons and other organisations). Natural key: the unified social credit code (GB 32100),
 * unique per county. The safety contact's phone is sealed with SM4 and searchable by keyed hash, like people's.
 */
export const organisation = pgTable(
  'organisation',
  {
    countyCode: text('county_code').notNull(),
    creditCode: text('credit_code').notNull(),
    name: text('name').notNull(),
    orgType: text('org_type').notNull(),
    address: text('address').notNull(),
    gridCode: text('grid_code').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    legalRep: text('legal_rep'),
    safetyContact: text('safety_contact'),
    ...sealedColumns('safetyPhone'),
    hazards: text('hazards').array().notNull().default(sql`'{}'::text[]`),
    ...versionedColumns(),
  },
  (t) => [
    primaryKey({ name: 'organisation_pkey', columns: [t.countyCode, t.creditCode] }),
    // Imports and the search box come with the code but not the county.
    index('organisation_credit_code_idx').on(t.creditCode),
    index('organisation_grid_code_idx').on(t.gridCode),
    index('organisation_lat_lng_idx').on(t.lat, t.lng),
    index('organisation_name_idx').on(t.name),
  ],
);

/**
 * 部件 (urban-management components). Natural key: the 17-digit component code of GB/T 47678.5 — county (6) +
 * class (2 major + 3 minor) + serial (6) — given by the server when the component is recorded.
 */
export const facility = pgTable(
  'facility',
  {
    countyCode: text('county_code').notNull(),
    code: text('code').notNull(),
    classCode: text('class_code').notNull(),
    name: text('name').notNull(),
    gridCode: text('grid_code').notNull(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    /** department.code of the owner (权属单位) and of the maintainer (养护单位). */
    ownerDept: text('owner_dept').notNull(),
    maintainerDept: text('maintainer_dept'),
    state: text('state').notNull(),
    note: text('note'),
    ...versionedColumns(),
  },
  (t) => [
    primaryKey({ name: 'facility_pkey', columns: [t.countyCode, t.code] }),
    index('facility_code_idx').on(t.code),
    index('facility_grid_code_idx').on(t.gridCode),
    index('facility_lat_lng_idx').on(t.lat, t.lng),
    index('facility_class_code_idx').on(t.classCode),
  ],
);
