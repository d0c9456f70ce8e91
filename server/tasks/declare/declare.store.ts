import { and, count, desc, eq, gte, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db.ts';
import type { PageAsked } from '../../platform/paging.ts';
import { inScope, type Scope } from '../../platform/scope.ts';
import { declaration, declarationPoint } from './declare.tables.ts';

export type PointRow = typeof declarationPoint.$inferSelect;
export type DeclarationRow = typeof declaration.$inferSelect;

export async function insertPoint(tx: Tx, values: typeof declarationPoint.$inferInsert): Promise<PointRow> {
  const [saved] = await tx.insert(declarationPoint).values(values).returning();
  return saved;
}

/** The point a QR code's token names, anywhere: the public page has no scope. */
export async function pointByToken(tx: Tx, token: string): Promise<PointRow | undefined> {
  const [row] = await tx.select().from(declarationPoint).where(eq(declarationPoint.token, token));
  return row;
}

/** A task's points in the grids of the scope, each with its declarations by status. */
export async function pointsOf(tx: Tx, task: { countyCode: string; id: string }, scope: Scope) {
  return queryRows<PointRow & { pending: number; confirmed: number; rejected: number }>(
    tx,
    sql`select p.id, p.kind, p.name, p.building_code as "buildingCode", p.grid_code as "gridCode", p.lng, p.lat, p.token,
          p.created_by as "createdBy", p.created_at as "createdAt",
          count(*) filter (where d.status = 'pending')::int as pending,
          count(*) filter (where d.status = 'confirmed')::int as confirmed,
          count(*) filter (where d.status = 'rejected')::int as rejected
        from ${declarationPoint} p
        left join ${declaration} d on d.county_code = p.county_code and d.point_id = p.id
        where p.county_code = ${task.countyCode} and p.task_id = ${task.id} and ${inScope(sql`p.grid_code`, scope)}
        group by p.county_code, p.id
        order by p.created_at, p.id`,
  );
}

export async function declarationByKey(tx: Tx, countyCode: string, key: string): Promise<DeclarationRow | undefined> {
  const [row] = await tx
    .select()
    .from(declaration)
    .where(and(eq(declaration.countyCode, countyCode), eq(declaration.idempotencyKey, key)));
  return row;
}

/** Declarations this device and this address sent since `since`: what the hourly limits count. */
export async function sentSince(tx: Tx, hashes: { device: string; address: string }, since: Date) {
  const [[device], [address]] = await Promise.all([
    tx
      .select({ n: count() })
      .from(declaration)
      .where(and(eq(declaration.deviceHash, hashes.device), gte(declaration.declaredAt, since))),
    tx
      .select({ n: count() })
      .from(declaration)
      .where(and(eq(declaration.addressHash, hashes.address), gte(declaration.declaredAt, since))),
  ]);
  return { device: device.n, address: address.n };
}

export async function insertDeclaration(tx: Tx, values: typeof declaration.$inferInsert): Promise<DeclarationRow> {
  const [saved] = await tx.insert(declaration).values(values).returning();
  return saved;
}

/** A task's declarations in the grids of the scope, optionally of one status or one point, newest first. */
export async function findDeclarations(
  tx: Tx,
  task: { countyCode: string; id: string },
  scope: Scope,
  q: { status?: string; pointId?: string },
  page: PageAsked,
) {
  const where = and(
    eq(declaration.countyCode, task.countyCode),
    eq(declaration.taskId, task.id),
    inScope(declaration.gridCode, scope),
    q.status ? eq(declaration.status, q.status) : undefined,
    q.pointId ? eq(declaration.pointId, q.pointId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    tx
      .select()
      .from(declaration)
      .where(where)
      .orderBy(desc(declaration.declaredAt), desc(declaration.id))
      .limit(page.limit)
      .offset(page.offset),
    tx.select({ n: count() }).from(declaration).where(where),
  ]);
  return { rows, total: total.n };
}

/** A declaration in the grids of the scope, locked for its decision. */
export async function getDeclaration(tx: Tx, scope: Scope, id: string): Promise<DeclarationRow | undefined> {
  const [row] = await tx
    .select()
    .from(declaration)
    .where(and(eq(declaration.id, id), inScope(declaration.gridCode, scope)))
    .for('update');
  return row;
}

/** Decides a pending declaration on the version read; undefined when someone else was first. */
export async function decideDeclaration(tx: Tx, row: DeclarationRow, set: Partial<typeof declaration.$inferInsert>) {
  const [saved] = await tx
    .update(declaration)
    .set({ ...set, version: row.version + 1 })
    .where(
      and(
        eq(declaration.countyCode, row.countyCode),
        eq(declaration.id, row.id),
        eq(declaration.version, row.version),
        eq(declaration.status, 'pending'),
      ),
    )
    .returning();
  return saved;
}
