import { can } from '../../shared/roles.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { scopeOf } from '../platform/scope.ts';
import { partiesOnRecord } from '../registry/index.ts';
import { nodeNames } from '../territory/index.ts';
import * as store from './dispute-warnings.store.ts';

/**
 * What a missed_visits warning shows: the person from their record (name, ID number and phone masked), their tags
 * only to roles that may see tags (followups.read), and each miss it rests on. Reading it writes an audit row, as
 * any read of a tagged person's follow-up does.
 */
export async function missedVisitDetail(db: Db, actor: Actor, w: store.WarningRow, at: Date) {
  const misses = await store.missesOf(db, w);
  const personId = w.subject.replace(/^person:/, '');
  // Read in the warning's county: it is addressed to the reader, who may be the village of a follower named from another
  // village (the person then lives outside the reader's jurisdiction); the record is shown masked all the same.
  const rec = (await partiesOnRecord(db, scopeOf([w.countyCode]), { personIds: [personId], creditCodes: [] })).get(w.subject);
  const gridName = rec ? ((await nodeNames(db, [rec.gridCode])).get(rec.gridCode)?.name ?? rec.gridCode) : null;
  const seesTags = can(actor.roles, 'followups.read');
  const tags = seesTags ? [...new Set(misses.flatMap((m) => m.tags as string[]))] : null;
  await recordAudit(db, {
    at,
    actorId: actor.id,
    action: 'disputes.warning_person_read',
    target: personId,
    detail: { warningId: w.id, tagsShown: seesTags },
  });
  return {
    subjectName: null,
    matchedKeywords: [],
    evidence: [],
    outsideScope: 0,
    parties: [],
    person: {
      personId,
      name: rec?.name ?? null,
      identifier: rec?.identifier ?? null,
      phone: rec?.phone ?? null,
      gridCode: rec?.gridCode ?? null,
      gridName,
      tags,
    },
    misses: misses.map((m) => ({
      dueOn: m.missKey === 'never' ? null : m.missKey,
      lastOn: m.lastOn,
      daysOverdue: m.daysOverdue,
      addedAt: m.addedAt.toISOString(),
    })),
  };
}
