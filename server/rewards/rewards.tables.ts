import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamptz, uniqueIndex, uuid } from '../platform/columns.ts';
import type { RuleSnapshot } from './rewards.core.ts';

/**
 * 奖补规则: what a county pays, in whole yuan — per verified case of an item class (key: a catalogue code at any
 * level; the longest one that begins a case's item wins), per worker of a commissioned task (key: the task's name),
 * or per star level of the month's published assessment (key: '1'–'5'). One rule per county, kind and key.
 */
export const rewardRule = pgTable(
  'reward_rule',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** case | task | star. */
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    amount: integer('amount').notNull(),
    note: text('note'),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'reward_rule_pkey', columns: [t.countyCode, t.id] }),
    uniqueIndex('reward_rule_county_code_kind_key_key').on(t.countyCode, t.kind, t.key),
  ],
);

/** 奖补台账: one county's month, computed (again), submitted, then approved by the county and final (frozen). */
export const rewardSheet = pgTable(
  'reward_sheet',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** YYYY-MM (China time): the cases closed in it, the stars of its published assessment. */
    period: text('period').notNull(),
    /** computed | submitted | final. */
    status: text('status').notNull(),
    computedBy: text('computed_by'),
    computedAt: timestamptz('computed_at'),
    submittedById: uuid('submitted_by_id'),
    submittedBy: text('submitted_by'),
    submittedAt: timestamptz('submitted_at'),
    approvedBy: text('approved_by'),
    approvedAt: timestamptz('approved_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'reward_sheet_pkey', columns: [t.countyCode, t.id] }),
    uniqueIndex('reward_sheet_county_code_period_key').on(t.countyCode, t.period),
  ],
);

/**
 * One line of a ledger, explaining itself: the worker, what it pays for (a case with its number and item, a task
 * with its reference, the stars with the result behind them, an adjustment with its reason) and the rule as it stood.
 * A case is paid once: it has one entry across every month.
 */
export const rewardEntry = pgTable(
  'reward_entry',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sheetId: uuid('sheet_id').notNull(),
    workerId: uuid('worker_id').notNull(),
    workerName: text('worker_name').notNull(),
    /** The worker's first grid when the entry was made (the payout sheet names it). */
    gridCode: text('grid_code'),
    /** case | task | star | adjustment. */
    kind: text('kind').notNull(),
    /** Whole yuan; an adjustment may be negative. */
    amount: integer('amount').notNull(),
    /** computed (from the rules, replaced by each computation) | manual (an assessor) | posted (another feature). */
    origin: text('origin').notNull(),
    ruleId: uuid('rule_id'),
    rule: jsonb('rule').$type<RuleSnapshot>(),
    caseId: uuid('case_id'),
    caseNo: text('case_no'),
    itemCode: text('item_code'),
    itemName: text('item_name'),
    stars: integer('stars'),
    resultId: uuid('result_id'),
    /** A task's reference (its number or the department's letter). */
    reference: text('reference'),
    reason: text('reason'),
    enteredBy: text('entered_by').notNull(),
    enteredAt: timestamptz('entered_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'reward_entry_pkey', columns: [t.countyCode, t.id] }),
    index('reward_entry_county_code_sheet_id_idx').on(t.countyCode, t.sheetId),
    uniqueIndex('reward_entry_county_code_case_id_key').on(t.countyCode, t.caseId).where(sql`case_id is not null`),
  ],
);
