import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, uuid } from '../platform/columns.ts';

/**
 * The roll-up (decision 0016): how many cases count for each fact, per report day, grid, lead unit, catalogue
 * item and source. Moved in the transaction that writes a case's action (or the sweep's warning), by the
 * difference between what the case counted for before and after; a figure of any area (a grid-code prefix), unit,
 * item class and period is a sum over these rows, never a scan of the cases.
 */
export const figureCount = pgTable(
  'figure_count',
  {
    countyCode: text('county_code').notNull(),
    /** China date of the report, YYYY-MM-DD. */
    day: text('day').notNull(),
    gridCode: text('grid_code').notNull(),
    /** The lead unit the case was last dispatched to; '' when never dispatched. */
    unitCode: text('unit_code').notNull(),
    itemCode: text('item_code').notNull(),
    source: text('source').notNull(),
    fact: text('fact').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({ name: 'figure_count_pkey', columns: [t.countyCode, t.day, t.gridCode, t.unitCode, t.itemCode, t.source, t.fact] }),
    // A city-wide figure has no county to lead with.
    index('figure_count_day_idx').on(t.day),
    // Every read names its facts: a few facts of a period are read from this index alone (every column, n last),
    // without the rows of all the other facts (the open cases by stage over all time, a year's intake), decision 0031.
    index('figure_count_county_code_fact_day_idx').on(t.countyCode, t.fact, t.day, t.gridCode, t.unitCode, t.itemCode, t.source, t.n),
  ],
);

/**
 * The month grain (decision 0040): the same counters per (county, report month, fact) and ONE of grid, lead unit,
 * item, source or report day at a time, moved with the daily ones by the same differences in the same statement.
 * A month or a year of a county then reads hundreds of rows, not millions; a figure that narrows by two of them at
 * once (a township's intake by source) or a period that does not cover whole months reads the daily counters.
 */
export const figureMonth = pgTable(
  'figure_month',
  {
    countyCode: text('county_code').notNull(),
    /** China month of the report, YYYY-MM. */
    month: text('month').notNull(),
    /** Which one of the daily key's columns `key` holds: grid, unit, item, source or day. */
    dim: text('dim').notNull(),
    /** The grid code, lead unit ('' when never dispatched), item code, source, or report day (YYYY-MM-DD). */
    key: text('key').notNull(),
    fact: text('fact').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({ name: 'figure_month_pkey', columns: [t.countyCode, t.dim, t.fact, t.month, t.key] }),
    // A city-wide figure has no county to lead with.
    index('figure_month_dim_fact_month_idx').on(t.dim, t.fact, t.month),
  ],
);

/**
 * What each case counts for now, and where: the roll-up's other half. The next change of the case is applied
 * to the counters as the difference from this row, and a figure's drill-down lists exactly the cases whose
 * row holds its fact.
 */
export const figureCase = pgTable(
  'figure_case',
  {
    countyCode: text('county_code').notNull(),
    eventId: uuid('event_id').notNull(),
    caseNo: text('case_no').notNull(),
    day: text('day').notNull(),
    gridCode: text('grid_code').notNull(),
    unitCode: text('unit_code').notNull(),
    itemCode: text('item_code').notNull(),
    source: text('source').notNull(),
    status: text('status').notNull(),
    facts: text('facts').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    primaryKey({ name: 'figure_case_pkey', columns: [t.countyCode, t.eventId] }),
    index('figure_case_county_code_day_idx').on(t.countyCode, t.day),
    index('figure_case_day_idx').on(t.day),
  ],
);
