import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../platform/db.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import { recordsInGrid } from '../registry/index.ts';
import { task, taskEntry, taskGrid } from './tasks.tables.ts';

export type TaskRow = typeof task.$inferSelect;
export type EntryRow = typeof taskEntry.$inferSelect;

/** Statuses a worker may see: nothing reaches the field before the county admits it. */
const FIELD_STATUSES = ['admitted', 'closed'];

/** The task covers a grid of the scope. */
const covers = (scope: Scope) =>
  sql`exists (select 1 from ${taskGrid} g where g.county_code = ${task.countyCode} and g.task_id = ${task.id} and ${inScope(sql`g.grid_code`, scope)})`;

export async function nextNo(tx: Tx, countyCode: string, year: string): Promise<string> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from ${task} where ${task.countyCode} = ${countyCode} and ${task.no} like ${`RW-${year}-%`}`,
  );
  return `RW-${year}-${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
}

export async function insertTask(tx: Tx, values: typeof task.$inferInsert, gridCodes: string[]): Promise<TaskRow> {
  const [saved] = await tx.insert(task).values(values).returning();
  await tx.insert(taskGrid).values(gridCodes.map((gridCode) => ({ countyCode: saved.countyCode, taskId: saved.id, gridCode })));
  return saved;
}

/** A task covering a grid of the scope (a field user: only once admitted), locked when asked, for a change. */
export async function getTask(tx: Tx, scope: Scope, id: string, opts: { fieldOnly: boolean; lock?: boolean }) {
  const q = tx
    .select()
    .from(task)
    .where(and(eq(task.id, id), covers(scope), opts.fieldOnly ? inArray(task.status, FIELD_STATUSES) : undefined));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

/** The tasks covering the scope, newest first, optionally of one status. */
export async function findTasks(tx: Tx, scope: Scope, q: { fieldOnly: boolean; status?: string; limit: number }) {
  return tx
    .select()
    .from(task)
    .where(
      and(covers(scope), q.fieldOnly ? inArray(task.status, FIELD_STATUSES) : undefined, q.status ? eq(task.status, q.status) : undefined),
    )
    .orderBy(desc(task.draftedAt), desc(task.id))
    .limit(q.limit);
}

/** Writes a task on the version the caller saw; undefined when someone else was first. */
export async function updateTask(tx: Tx, row: TaskRow, version: number, set: Partial<typeof task.$inferInsert>) {
  const [saved] = await tx
    .update(task)
    .set({ ...set, version: version + 1 })
    .where(and(eq(task.countyCode, row.countyCode), eq(task.id, row.id), eq(task.version, version)))
    .returning();
  return saved;
}

/** The grids a task covers, by code; with a scope, only those inside it. */
export async function gridsOf(tx: Tx, row: TaskRow, scope?: Scope): Promise<string[]> {
  const rows = await tx
    .select({ code: taskGrid.gridCode })
    .from(taskGrid)
    .where(and(eq(taskGrid.countyCode, row.countyCode), eq(taskGrid.taskId, row.id), scope ? inScope(taskGrid.gridCode, scope) : undefined))
    .orderBy(asc(taskGrid.gridCode));
  return rows.map((r) => r.code);
}

/** Fills (or fills again) one house's or person's answers: one entry per subject, the latest answers kept. */
export async function upsertEntry(tx: Tx, values: typeof taskEntry.$inferInsert): Promise<EntryRow> {
  const [saved] = await tx
    .insert(taskEntry)
    .values(values)
    .onConflictDoUpdate({
      target: [taskEntry.countyCode, taskEntry.taskId, taskEntry.subjectKey],
      set: {
        values: values.values,
        gridCode: values.gridCode,
        subjectName: values.subjectName,
        workerId: values.workerId,
        workerName: values.workerName,
        filledAt: values.filledAt,
      },
    })
    .returning();
  return saved;
}

/** A task's entries in the given grids, by grid then subject. */
export async function entriesOf(tx: Tx, row: TaskRow, gridCodes: string[], limit?: number): Promise<EntryRow[]> {
  if (gridCodes.length === 0) return [];
  const q = tx
    .select()
    .from(taskEntry)
    .where(and(eq(taskEntry.countyCode, row.countyCode), eq(taskEntry.taskId, row.id), inArray(taskEntry.gridCode, gridCodes)))
    .orderBy(asc(taskEntry.gridCode), asc(taskEntry.subjectName), asc(taskEntry.subjectKey));
  return limit === undefined ? q : q.limit(limit);
}

/** Who filled a task (each with how many entries): the workers its subsidy is paid to. */
export async function fillersOf(tx: Tx, row: TaskRow) {
  return queryRows<{ worker_id: string; worker_name: string; entries: number }>(
    tx,
    sql`select ${taskEntry.workerId} as worker_id, min(${taskEntry.workerName}) as worker_name, count(*)::int as entries
        from ${taskEntry} where ${taskEntry.countyCode} = ${row.countyCode} and ${taskEntry.taskId} = ${row.id}
        group by ${taskEntry.workerId} order by min(${taskEntry.workerName}), ${taskEntry.workerId}`,
  );
}

/**
 * Per grid, what a task has to fill — houses or people on record there (counted by registry's recordsInGrid) — and how many entries it has.
 */
export async function progressPerGrid(tx: Tx, row: TaskRow, gridCodes: string[]) {
  if (gridCodes.length === 0) return [];
  const rows = await queryRows<{ grid_code: string; total: number; filled: number }>(
    tx,
    sql`select g.code as grid_code,
          ${recordsInGrid(row.subject === 'house' ? 'house' : 'person', sql`g.code`)}::int as total,
          (select count(*)::int from ${taskEntry} e
            where e.county_code = ${row.countyCode} and e.task_id = ${row.id} and e.grid_code = g.code) as filled
        from (values ${sql.join(
          gridCodes.map((c) => sql`(${c}::text)`),
          sql`, `,
        )}) as g(code)
        order by g.code`,
  );
  return rows.map((r) => ({ gridCode: r.grid_code, total: r.total, filled: r.filled }));
}

/** Open items per grid: over the admitted tasks covering each grid, its houses or people not yet filled. */
export async function openItemsPerGrid(tx: Tx, gridCodes: string[]): Promise<Map<string, { open: number; tasks: number }>> {
  if (gridCodes.length === 0) return new Map();
  const rows = await queryRows<{ grid_code: string; open: number; tasks: number }>(
    tx,
    sql`select tg.grid_code,
          sum(greatest(
            (case when t.subject = 'house' then ${recordsInGrid('house', sql`tg.grid_code`)}
                  else ${recordsInGrid('person', sql`tg.grid_code`)} end)
            - (select count(*) from ${taskEntry} e where e.county_code = t.county_code and e.task_id = t.id and e.grid_code = tg.grid_code),
            0))::int as open,
          count(*)::int as tasks
        from ${taskGrid} tg
        join ${task} t on t.county_code = tg.county_code and t.id = tg.task_id
        where t.status = 'admitted' and tg.grid_code in (${sql.join(
          gridCodes.map((c) => sql`${c}`),
          sql`, `,
        )})
        group by tg.grid_code`,
  );
  return new Map(rows.map((r) => [r.grid_code, { open: r.open, tasks: r.tasks }]));
}
