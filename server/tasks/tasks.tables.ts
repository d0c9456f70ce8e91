import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamptz, uniqueIndex, uuid } from '../platform/columns.ts';
import type { EntryValue, TaskField } from './tasks.core.ts';

/**
 * 委托任务: a task a department or a centre commissions the grid workers to do over chosen grids (a survey, a census,
 * a screening), with its form, deadline and subsidy per worker. The county admits it first (准入制): workers see
 * nothing before that. One county per task: its grids lie in it.
 */
export const task = pgTable(
  'task',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** RW-<year>-<serial>, per county: what the ledger and the workbook name it by. */
    no: text('no').notNull(),
    title: text('title').notNull(),
    /** survey | census | hazard | epidemic. */
    kind: text('kind').notNull(),
    /** house | person: what the form is filled once for. */
    subject: text('subject').notNull(),
    description: text('description'),
    fields: jsonb('fields').$type<TaskField[]>().notNull(),
    /** Last day to fill (China date). */
    deadline: date('deadline').notNull(),
    /** Whole yuan per worker who filled it; 0: none. */
    subsidy: integer('subsidy').notNull(),
    /** pending | admitted | refused | closed. */
    status: text('status').notNull(),
    /** Who asked for it: a department's name or a centre's area name. */
    unitName: text('unit_name').notNull(),
    draftedById: uuid('drafted_by_id').notNull(),
    draftedBy: text('drafted_by').notNull(),
    draftedAt: timestamptz('drafted_at').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamptz('decided_at'),
    refusal: text('refusal'),
    /** The county's task rule made on admission (reward_rule), by which each worker's subsidy is posted on closing. */
    ruleId: uuid('rule_id'),
    closedBy: text('closed_by'),
    closedAt: timestamptz('closed_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ name: 'task_pkey', columns: [t.countyCode, t.id] }), uniqueIndex('task_county_code_no_key').on(t.countyCode, t.no)],
);

/** The grids a task covers: what scopes it (a worker sees the tasks of their grids) and what progress is counted by. */
export const taskGrid = pgTable(
  'task_grid',
  {
    countyCode: text('county_code').notNull(),
    taskId: uuid('task_id').notNull(),
    gridCode: text('grid_code').notNull(),
  },
  (t) => [
    primaryKey({ name: 'task_grid_pkey', columns: [t.countyCode, t.taskId, t.gridCode] }),
    index('task_grid_grid_code_idx').on(t.gridCode),
  ],
);

/** One house's or person's answers to a task, by the worker who filled them; filled again, the answers are replaced. */
export const taskEntry = pgTable(
  'task_entry',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    taskId: uuid('task_id').notNull(),
    gridCode: text('grid_code').notNull(),
    /** The house code or the person id the answers are about. */
    subjectKey: text('subject_key').notNull(),
    /** The address or the name, as on record when filled. */
    subjectName: text('subject_name').notNull(),
    values: jsonb('values').$type<Record<string, EntryValue>>().notNull(),
    workerId: uuid('worker_id').notNull(),
    workerName: text('worker_name').notNull(),
    filledAt: timestamptz('filled_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'task_entry_pkey', columns: [t.countyCode, t.id] }),
    uniqueIndex('task_entry_county_code_task_id_subject_key_key').on(t.countyCode, t.taskId, t.subjectKey),
  ],
);
