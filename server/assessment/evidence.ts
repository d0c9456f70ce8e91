/**
 * What stands behind one item of one result (得分说明 down to the cases and records): the cases a figure counts
 * (the figures' drill-down, over the assessee's grids, node or unit and the month's report days), the people and
 * houses of base data (those not verified in the window first), the visits made, or the assessor's entry. The lists
 * are read now: a published result keeps the numbers it was scored on (decision 0023).
 */

import { subtreePrefix } from '../../shared/codes.ts';
import { can } from '../../shared/roles.ts';
import { visitsMade } from '../fieldwork/index.ts';
import { countedCases, INDICATORS } from '../figures/index.ts';
import type { Actor } from '../platform/actor.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { recordsVerified } from '../registry/index.ts';
import type { SchemeItem } from './assessment.core.ts';
import type { ResultRow, RunRow } from './assessment.store.ts';

const DAY = 86_400_000;

/** A name shown to a reader without access to the base data: its first character only. */
const maskName = (name: string) => (name.length <= 1 ? name : `${name.slice(0, 1)}${'*'.repeat(Math.min(name.length - 1, 3))}`);

interface Span {
  fromDay: string;
  toDay: string;
  from: Date;
  until: Date;
}

export function createEvidence({ db }: { db: Db }) {
  return {
    async of(
      actor: Actor,
      { result, run }: { result: ResultRow; run: RunRow },
      item: SchemeItem,
      span: Span,
      q: { fact?: string; offset: number; limit: number },
    ) {
      const page = { offset: q.offset, limit: q.limit };
      const worker = run.kind === 'grid_worker';
      const department = run.kind === 'department';
      const prefix = worker || department ? subtreePrefix(run.countyCode) : result.assesseeCode;
      const gridCodes = worker ? result.gridCodes : undefined;
      if (item.source === 'indicator') {
        const def = INDICATORS.find((d) => d.key === item.indicator)!;
        const facts: string[] = [def.numerator, ...(def.denominator ? [def.denominator] : [])];
        const fact = q.fact ?? def.numerator;
        if (!facts.includes(fact))
          throw new AppError('request.invalid', [{ field: 'querystring.fact', reason: 'enum', value: fact, allowed: facts }]);
        const { total, rows } = await countedCases(
          db,
          { prefix, gridCodes, unitCode: department ? result.assesseeCode : undefined, fromDay: span.fromDay, toDay: span.toDay, fact },
          page,
        );
        return {
          kind: 'cases' as const,
          fact,
          total,
          items: rows.map((c) => ({ id: c.eventId, label: c.caseNo, detail: c.gridCode, at: c.day, status: c.status, counted: true })),
        };
      }
      if (item.source === 'base_data') {
        const since = new Date(span.until.getTime() - item.days! * DAY);
        const { total, rows } = await recordsVerified(db, { prefix, gridCodes, since, until: span.until }, page);
        const names = can(actor.roles, 'registry.read');
        return {
          kind: 'records' as const,
          fact: null,
          total,
          items: rows.map((r) => ({
            id: r.id,
            label: r.kind === 'person' && !names ? maskName(r.label) : r.label,
            detail: r.kind,
            at: r.verifiedAt?.toISOString() ?? null,
            status: r.counted ? 'verified' : 'not_verified',
            counted: r.counted,
          })),
        };
      }
      if (item.source === 'visits') {
        const { total, rows } = await visitsMade(db, { prefix, gridCodes, from: span.from, to: span.until }, page);
        return {
          kind: 'visits' as const,
          fact: null,
          total,
          items: rows.map((v) => ({ id: v.id, label: v.address, detail: v.by, at: v.at.toISOString(), status: null, counted: true })),
        };
      }
      const entry = result.items.find((i) => i.key === item.key)?.entry ?? null;
      return {
        kind: 'entry' as const,
        fact: null,
        total: entry ? 1 : 0,
        items: entry
          ? [{ id: item.key, label: entry.note, detail: entry.by, at: entry.at, status: String(entry.value), counted: true }]
          : [],
      };
    },
  };
}
