import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamptz, uniqueIndex, uuid } from '../platform/columns.ts';
import type { Band, ResultItem, SchemeItem } from './assessment.core.ts';

/**
 * 考核方案: what a city or county scores one kind of assessee by — items with weights summing to 100, each with its
 * source and how its value becomes points, and the bands that give stars or grades. One per area and kind; a
 * reference table (a handful of rows, read by every run).
 */
export const assessmentScheme = pgTable(
  'assessment_scheme',
  {
    id: uuid('id').notNull().defaultRandom(),
    /** The city or county that defines it; its runs cover the assessees inside it. */
    areaCode: text('area_code').notNull(),
    /** grid_worker | village | township | department. */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    items: jsonb('items').$type<SchemeItem[]>().notNull(),
    bands: jsonb('bands').$type<Band[]>().notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'assessment_scheme_pkey', columns: [t.id] }),
    uniqueIndex('assessment_scheme_area_code_kind_key').on(t.areaCode, t.kind),
  ],
);

/**
 * One month's assessment of one scheme: computed (again, as often as wanted), reviewed, then published and frozen.
 * It keeps the scheme as it stood when last computed, so a later edit of the scheme changes no result made by it.
 * `county_code` is the scheme's area code (a county's, or a city's for a city-wide scheme).
 */
export const assessmentRun = pgTable(
  'assessment_run',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The scheme saved by the area; null when its default was used. */
    schemeId: uuid('scheme_id'),
    kind: text('kind').notNull(),
    /** YYYY-MM (China time): the cases reported in it, the visits made in it, records verified by its end. */
    period: text('period').notNull(),
    /** computed | reviewed | published. */
    status: text('status').notNull(),
    scheme: jsonb('scheme').$type<{ name: string; items: SchemeItem[]; bands: Band[]; version: number }>().notNull(),
    computedBy: text('computed_by').notNull(),
    computedAt: timestamptz('computed_at').notNull(),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamptz('reviewed_at'),
    publishedBy: text('published_by'),
    publishedAt: timestamptz('published_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'assessment_run_pkey', columns: [t.countyCode, t.id] }),
    uniqueIndex('assessment_run_county_code_kind_period_key').on(t.countyCode, t.kind, t.period),
  ],
);

/**
 * One assessee's result in a run: each item's value, its parts and points (the explanation), the assessor's
 * adjustment with its reason, the score and its band. Frozen with its run once published.
 */
export const assessmentResult = pgTable(
  'assessment_result',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    runId: uuid('run_id').notNull(),
    /** A grid worker's user id, an area code (village, township) or a department code. */
    assesseeCode: text('assessee_code').notNull(),
    assesseeName: text('assessee_name').notNull(),
    /** Where the assessee sits, for the reader's jurisdiction: a worker's first grid, the node itself, a department's area. */
    areaCode: text('area_code').notNull(),
    /** The grids a worker is bound to (their figures are those grids'); empty for units. */
    gridCodes: text('grid_codes').array().notNull().default(sql`'{}'::text[]`),
    items: jsonb('items').$type<ResultItem[]>().notNull(),
    computedScore: doublePrecision('computed_score').notNull(),
    adjustment: doublePrecision('adjustment').notNull().default(0),
    adjustReason: text('adjust_reason'),
    adjustedBy: text('adjusted_by'),
    adjustedAt: timestamptz('adjusted_at'),
    score: doublePrecision('score').notNull(),
    band: text('band').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'assessment_result_pkey', columns: [t.countyCode, t.id] }),
    uniqueIndex('assessment_result_county_code_run_id_assessee_code_key').on(t.countyCode, t.runId, t.assesseeCode),
    index('assessment_result_area_code_idx').on(t.areaCode),
  ],
);
