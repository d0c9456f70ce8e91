import { Type } from '@sinclair/typebox';
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Http } from '../platform/http.ts';
import type { Db } from '../platform/db.ts';
import { errorReplies, Nullable } from '../platform/schemas.ts';
import { auditLog, appUser } from './access.tables.ts';
import type { Guard } from './guard.ts';

const AuditEntry = Type.Object({
  id: Type.Integer({ description: 'Entry number' }),
  at: Type.String({ format: 'date-time', description: 'When' }),
  actorId: Nullable(Type.String({ description: 'Who (user id)' })),
  actorName: Nullable(Type.String({ description: 'Who (name)' })),
  action: Type.String({ description: 'What, e.g. auth.login, user.created, grid.imported', example: 'auth.login' }),
  target: Nullable(Type.String({ description: 'On what' })),
  detail: Type.Unknown({ description: 'Details' }),
});

const Query = Type.Object(
  {
    action: Type.Optional(Type.String({ maxLength: 64, description: 'Only this action' })),
    actorId: Type.Optional(Type.String({ format: 'uuid', description: 'Only this user' })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'From (inclusive)' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'To (exclusive)' })),
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'Page back: entries with a smaller number' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Page size' })),
  },
  { additionalProperties: false },
);

/** The audit admin reads the audit log, newest first. There is no route that changes or deletes it. */
export function auditRoutes(app: Http, { db, guard }: { db: Db; guard: Guard }) {
  app.get('/api/access/audit', {
    schema: { tags: ['access'], summary: '审计日志 Read the audit log', querystring: Query, response: { 200: Type.Object({ items: Type.Array(AuditEntry) }), ...errorReplies } },
    onRequest: guard('audit.read'),
  }, async (request) => {
    const q = request.query;
    const rows = await db
      .select({ id: auditLog.id, at: auditLog.at, actorId: auditLog.actorId, actorName: appUser.displayName, action: auditLog.action, target: auditLog.target, detail: auditLog.detail })
      .from(auditLog)
      .leftJoin(appUser, eq(appUser.id, auditLog.actorId))
      .where(and(
        q.action ? eq(auditLog.action, q.action) : undefined,
        q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
        q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
        q.to ? lt(auditLog.at, new Date(q.to)) : undefined,
        q.before ? lt(auditLog.id, q.before) : sql`true`,
      ))
      .orderBy(desc(auditLog.id))
      .limit(q.limit ?? 100);
    return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
  });
}
