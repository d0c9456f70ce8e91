import { and, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../platform/db.ts';
import type { PageAsked } from '../platform/paging.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import { trainingAttendee, trainingSession } from './training.tables.ts';

export type SessionRow = typeof trainingSession.$inferSelect;
export type AttendeeRow = typeof trainingAttendee.$inferSelect;

export async function insertSession(
  tx: Tx,
  values: typeof trainingSession.$inferInsert,
  attendees: Omit<AttendeeRow, 'countyCode' | 'sessionId'>[],
) {
  const [saved] = await tx.insert(trainingSession).values(values).returning();
  await tx.insert(trainingAttendee).values(attendees.map((a) => ({ ...a, countyCode: saved.countyCode, sessionId: saved.id })));
  return saved;
}

/** Sessions held for an area of the scope, in a period when given, newest first. */
export async function findSessions(tx: Tx, scope: Scope, q: { from?: string; to?: string }, page: PageAsked) {
  const where = and(
    inScope(trainingSession.areaCode, scope),
    q.from ? gte(trainingSession.heldOn, q.from) : undefined,
    q.to ? lte(trainingSession.heldOn, q.to) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    tx
      .select()
      .from(trainingSession)
      .where(where)
      .orderBy(desc(trainingSession.heldOn), desc(trainingSession.recordedAt))
      .limit(page.limit)
      .offset(page.offset),
    tx.select({ n: count() }).from(trainingSession).where(where),
  ]);
  return { rows, total: total.n };
}

export async function attendeesOf(tx: Tx, sessions: SessionRow[]): Promise<AttendeeRow[]> {
  if (sessions.length === 0) return [];
  return tx
    .select()
    .from(trainingAttendee)
    .where(
      inArray(
        trainingAttendee.sessionId,
        sessions.map((s) => s.id),
      ),
    )
    .orderBy(trainingAttendee.userName, trainingAttendee.userId);
}

/** One account's sessions, newest first; with a scope, only those held for an area of it. */
export async function historyOf(tx: Tx, userId: string, scope?: Scope) {
  return tx
    .select({ session: trainingSession })
    .from(trainingAttendee)
    .innerJoin(
      trainingSession,
      and(eq(trainingSession.countyCode, trainingAttendee.countyCode), eq(trainingSession.id, trainingAttendee.sessionId)),
    )
    .where(and(eq(trainingAttendee.userId, userId), scope ? inScope(trainingSession.areaCode, scope) : undefined))
    .orderBy(desc(trainingSession.heldOn), desc(trainingSession.recordedAt));
}

/** Per child of an area (by the attendees' nodes, cut to `length`): person-times, people and tenths of hours in a period. */
export async function figuresPerChild(tx: Tx, prefix: string, length: number, from: string, to: string) {
  return queryRows<{ code: string; personTimes: number; people: number; tenthHours: number }>(
    tx,
    sql`select substr(a.area_code, 1, ${length}) as code, count(*)::int as "personTimes",
          count(distinct a.user_id)::int as people, sum(s.tenth_hours)::int as "tenthHours"
        from ${trainingAttendee} a
        join ${trainingSession} s on s.county_code = a.county_code and s.id = a.session_id
        where a.area_code like ${`${prefix}%`} and s.held_on >= ${from} and s.held_on <= ${to}
        group by 1 order by 1`,
  );
}
