import { Type } from '@sinclair/typebox';
import type { Http } from '../platform/http.ts';
import type { Db } from '../platform/db.ts';
import { errorReplies, Nullable } from '../platform/schemas.ts';
import { findAuditEntries } from '../platform/audit.ts';
import { userNames } from './access.store.ts';
import type { Guard } from '../platform/actor.ts';

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
    const rows = await findAuditEntries(db, {
      action: q.action, actorId: q.actorId, before: q.before, limit: q.limit ?? 100,
      from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined,
    });
    const names = await userNames(db, rows.map((r) => r.actorId).filter((id) => id !== null));
    return { items: rows.map((r) => ({ ...r, actorName: r.actorId ? (names.get(r.actorId) ?? null) : null, at: r.at.toISOString() })) };
  });
}
