import { Type } from '@sinclair/typebox';
import { PAGE } from '../../shared/limits.ts';
import type { Guard } from '../platform/actor.ts';
import { findAuditEntries } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import { errorReplies } from '../platform/schemas.ts';
import { userNames } from './access.store.ts';
import * as S from './audit.schemas.ts';
import { exportAuditCsv } from './audit.service.ts';
import { auditNames, codesOf, targetName } from './audit-names.ts';

const date = (s: string | undefined) => (s ? new Date(s) : undefined);

/** The audit admin reads the audit log, newest first, and exports it. There is no route that changes or deletes it. */
export function auditRoutes(app: Http, { db, clock, guard }: { db: Db; clock: Clock; guard: Guard }) {
  app.get(
    '/api/access/audit/export',
    {
      schema: {
        tags: ['access'],
        summary: '导出审计日志 Export the audit log as CSV, oldest first, with each row’s hashes (the export is audited)',
        querystring: S.AuditExportQuery,
        response: { 200: Type.String({ description: 'text/csv, UTF-8 with a byte-order mark' }), ...errorReplies },
      },
      onRequest: guard('audit.read'),
    },
    async (request, reply) => {
      const q = request.query;
      const csv = await exportAuditCsv(
        { db, clock },
        request.actor,
        { action: q.action, actorId: q.actorId, from: date(q.from), to: date(q.to) },
        request.lang,
      );
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="audit-log.csv"').send(csv);
    },
  );

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
        from: date(q.from),
        to: date(q.to),
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
