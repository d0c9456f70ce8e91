import { PAGE } from '../../shared/limits.ts';
import type { Guard } from '../platform/actor.ts';
import { findAuditEntries } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import { errorReplies } from '../platform/schemas.ts';
import { userNames } from './access.store.ts';
import * as S from './audit.schemas.ts';
import { auditNames, codesOf, targetName } from './audit-names.ts';

/** The audit admin reads the audit log, newest first. There is no route that changes or deletes it. */
export function auditRoutes(app: Http, { db, guard }: { db: Db; guard: Guard }) {
  app.get(
    '/api/access/audit',
    {
      schema: {
        tags: ['access'],
        summary: '审计日志 Read the audit log',
        querystring: S.AuditQuery,
        response: { 200: S.AuditEntries, ...errorReplies },
      },
      onRequest: guard('audit.read'),
    },
    async (request) => {
      const q = request.query;
      const rows = await findAuditEntries(db, {
        action: q.action,
        actorId: q.actorId,
        before: q.before,
        limit: q.limit ?? PAGE.audit.default,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
      const [names, mentioned] = await Promise.all([
        userNames(
          db,
          rows.map((r) => r.actorId).filter((id) => id !== null),
        ),
        auditNames(db, rows),
      ]);
      return {
        items: rows.map((r) => ({
          ...r,
          actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
          at: r.at.toISOString(),
          targetName: targetName(r, mentioned),
          names: Object.fromEntries(codesOf(r).flatMap((c) => (mentioned.has(c) ? [[c, mentioned.get(c)!]] : []))),
        })),
      };
    },
  );
}
