import type { Lang } from '../../shared/i18n/errors.ts';
import { AUDIT_EXPORT_MAX } from '../../shared/limits.ts';
import type { Actor } from '../platform/actor.ts';
import { countAuditEntries, findAuditEntries, recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { userNames } from './access.store.ts';
import { auditCsv } from './audit-csv.core.ts';

export interface AuditExportFilter {
  action?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
}

/**
 * The audit admin's export: the entries a filter matches as CSV, oldest first, refused (changing nothing) when
 * there are more than AUDIT_EXPORT_MAX; the export itself is audited with its filter and row count.
 */
export async function exportAuditCsv({ db, clock }: { db: Db; clock: Clock }, actor: Actor, filter: AuditExportFilter, lang: Lang) {
  const total = await countAuditEntries(db, filter);
  if (total > AUDIT_EXPORT_MAX)
    throw new AppError('audit.export_too_large', [{ field: 'querystring', reason: 'too_many', value: `${total} > ${AUDIT_EXPORT_MAX}` }]);
  const rows = (await findAuditEntries(db, { ...filter, limit: AUDIT_EXPORT_MAX })).reverse();
  const names = await userNames(
    db,
    rows.map((r) => r.actorId).filter((id) => id !== null),
  );
  const csv = auditCsv(
    rows.map((r) => ({ ...r, actorName: r.actorId ? (names.get(r.actorId) ?? null) : null })),
    lang,
  );
  await recordAudit(db, {
    at: clock(),
    actorId: actor.id,
    action: 'audit.exported',
    detail: {
      action: filter.action ?? null,
      actorId: filter.actorId ?? null,
      from: filter.from?.toISOString() ?? null,
      to: filter.to?.toISOString() ?? null,
      rows: rows.length,
    },
  });
  return csv;
}
