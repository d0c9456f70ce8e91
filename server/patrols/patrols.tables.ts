import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, pgTable, primaryKey, text, timestamptz, uniqueIndex, uuid } from '../platform/columns.ts';

/**
 * 巡查: one patrol of a grid worker over their grids, or of department staff over the grids their department claimed.
 * What is kept is a summary — when, how long, which grids were passed; the cases filed during it are read from the
 * loop by reporter and time, not copied. `tracked` says whether its GPS track was kept (the county's choice when it
 * started, off by default).
 */
export const patrol = pgTable(
  'patrol',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    userName: text('user_name').notNull(),
    /** A department's patrol: the department whose claimed grids it covers; null for a grid worker's. */
    departmentCode: text('department_code'),
    /** The area node the patroller is bound to (their grid, village or county): who sees the patrol before it passes a grid. */
    homeCode: text('home_code').notNull(),
    startedAt: timestamptz('started_at').notNull(),
    endedAt: timestamptz('ended_at'),
    /** Grids passed: those the worker ticked at the end, those of the points kept, those of the cases filed. */
    gridCodes: text('grid_codes').array().notNull().default(sql`'{}'::text[]`),
    tracked: boolean('tracked').notNull(),
    note: text('note'),
    /** The phone's key for starting it: a resent start is the same patrol. */
    startKey: text('start_key').notNull(),
  },
  (t) => [
    primaryKey({ name: 'patrol_pkey', columns: [t.countyCode, t.id] }),
    uniqueIndex('patrol_county_code_user_id_start_key_key').on(t.countyCode, t.userId, t.startKey),
    // One patrol under way per worker.
    uniqueIndex('patrol_county_code_user_id_open_key').on(t.countyCode, t.userId).where(sql`ended_at is null`),
    index('patrol_county_code_started_at_idx').on(t.countyCode, t.startedAt),
    index('patrol_user_id_started_at_idx').on(t.userId, t.startedAt),
  ],
);

/** A point of a kept track, deleted by the sweep after the county's days; only where the county turned tracks on. */
export const patrolPoint = pgTable(
  'patrol_point',
  {
    countyCode: text('county_code').notNull(),
    patrolId: uuid('patrol_id').notNull(),
    at: timestamptz('at').notNull(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    gridCode: text('grid_code'),
  },
  (t) => [
    primaryKey({ name: 'patrol_point_pkey', columns: [t.countyCode, t.patrolId, t.at] }),
    index('patrol_point_county_code_at_idx').on(t.countyCode, t.at),
  ],
);

/** 零报告: a village workstation's "patrolled, nothing found" for one China day, once per village and day. */
export const zeroReport = pgTable(
  'zero_report',
  {
    countyCode: text('county_code').notNull(),
    villageCode: text('village_code').notNull(),
    day: text('day').notNull(),
    userId: uuid('user_id').notNull(),
    userName: text('user_name').notNull(),
    at: timestamptz('at').notNull(),
  },
  (t) => [primaryKey({ name: 'zero_report_pkey', columns: [t.countyCode, t.villageCode, t.day] })],
);
