import { index, integer, jsonb, pgTable, primaryKey, text, timestamptz, uniqueIndex, uuid } from '../platform/columns.ts';
import type { BriefingContent } from './briefing.core.ts';

/**
 * 通报: what a briefing of one area and period said when it was generated, frozen. Generating again makes a new
 * version beside the old ones, which stay as they were. A reference table: a few rows per area a month, and a
 * city's briefing has no county to lead a key with.
 */
export const briefing = pgTable(
  'briefing',
  {
    id: uuid('id').notNull().defaultRandom(),
    /** The area briefed: a city, county or township. */
    areaCode: text('area_code').notNull(),
    /** YYYY-MM or YYYY-Qn (China time). */
    period: text('period').notNull(),
    /** 1, 2, … per area and period, in the order generated. */
    version: integer('version').notNull(),
    /** on_demand (a user pressed 生成通报) | scheduled (after the period ended). */
    trigger: text('trigger').notNull(),
    /** Who generated it; null for the schedule. */
    generatedBy: text('generated_by'),
    generatedAt: timestamptz('generated_at').notNull(),
    content: jsonb('content').$type<BriefingContent>().notNull(),
  },
  (t) => [
    primaryKey({ name: 'briefing_pkey', columns: [t.id] }),
    uniqueIndex('briefing_area_code_period_version_key').on(t.areaCode, t.period, t.version),
    index('briefing_area_code_generated_at_idx').on(t.areaCode, t.generatedAt),
  ],
);
