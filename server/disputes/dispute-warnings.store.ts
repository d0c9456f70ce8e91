import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { DisputeRuleKind, WarningRuleParams } from '../../shared/dispute-warnings.ts';
import { queryRows, type Tx } from '../platform/db.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import { type Finding, type Known, keywordPatterns, typePatterns } from './dispute-warnings.core.ts';
import { disputeWarning, disputeWarningEvidence, disputeWarningMissedVisit, disputeWarningRule } from './dispute-warnings.tables.ts';

export type WarningRow = typeof disputeWarning.$inferSelect;

/** First key of the warning runs' advisory lock ("dw"); the second is the county code, so counties run side by side. */
const WARNING_LOCK = 0x6477;

/**
 * One warning run at a time per county, until the transaction ends: a run that waits here then reads what the run
 * before it committed, so two disputes recorded at once are both counted and no evidence is written twice.
 */
export async function lockCounty(tx: Tx, countyCode: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(${WARNING_LOCK}::int, ${Number(countyCode)}::int)`);
}

export function storedRules(tx: Tx, countyCode: string) {
  return tx.select().from(disputeWarningRule).where(eq(disputeWarningRule.countyCode, countyCode));
}

export async function upsertRule(tx: Tx, row: typeof disputeWarningRule.$inferInsert) {
  await tx
    .insert(disputeWarningRule)
    .values(row)
    .onConflictDoUpdate({
      target: [disputeWarningRule.countyCode, disputeWarningRule.key],
      set: {
        kind: row.kind,
        level: row.level,
        enabled: row.enabled,
        params: row.params,
        updatedBy: row.updatedBy,
        updatedByName: row.updatedByName,
        updatedAt: row.updatedAt,
      },
    });
}

/** Run over one changed dispute (its parties, its village, itself), or over the whole county. */
export interface Focus {
  disputeId: string;
  gridCode: string;
}

const OPEN = sql`('pending', 'mediating')`;
const anyOf = (values: string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
/**
 * A list of any length as one parameter, for `= any(…)`: the array is built once (an init plan), so the planner can
 * hash it, where `in (select jsonb_array_elements_text(…))` was re-read for every row (39 s for 18,000 subjects).
 */
const textArray = (values: string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
const findingRows = (tx: Tx, query: SQL) =>
  queryRows<{ subject: string; grid_code: string; ids: string[] }>(tx, query).then((rows) =>
    rows.map((r): Finding => ({ subject: r.subject, gridCode: r.grid_code, disputeIds: [...r.ids].sort() })),
  );

/** What one rule finds today among a county's disputes; `from` is the first day of its window. */
export function findings(
  tx: Tx,
  rule: { kind: DisputeRuleKind; params: WarningRuleParams },
  countyCode: string,
  from: string,
  focus: Focus | null,
): Promise<Finding[]> {
  const p: WarningRuleParams = rule.params;
  switch (rule.kind) {
    case 'same_parties': {
      const party = sql`coalesce('person:' || dp.person_id::text, 'organisation:' || dp.credit_code)`;
      const ofFocus = focus
        ? sql`and (dp.person_id in (select f.person_id from dispute_party f where f.county_code = ${countyCode} and f.dispute_id = ${focus.disputeId})
               or dp.credit_code in (select f.credit_code from dispute_party f where f.county_code = ${countyCode} and f.dispute_id = ${focus.disputeId}))`
        : sql``;
      return findingRows(
        tx,
        sql`select ${party} as subject, (array_agg(d.grid_code order by d.occurred_on desc, d.reported_at desc))[1] as grid_code,
              array_agg(distinct d.id::text) as ids
            from dispute_party dp join dispute d on d.county_code = dp.county_code and d.id = dp.dispute_id
            where dp.county_code = ${countyCode} and d.occurred_on >= ${from} ${ofFocus}
            group by ${party} having count(distinct d.id) >= ${p.count}`,
      );
    }
    case 'escalated_twice':
      return findingRows(
        tx,
        sql`select 'dispute:' || id::text as subject, grid_code, array[id::text] as ids from dispute
            where county_code = ${countyCode} and status in ${OPEN} and escalations >= ${p.count}
            ${focus ? sql`and id = ${focus.disputeId}` : sql``}`,
      );
    case 'type_cluster': {
      const village = sql`substr(grid_code, 1, 12)`;
      return findingRows(
        tx,
        sql`select 'village:' || ${village} as subject, (array_agg(grid_code order by occurred_on desc, reported_at desc))[1] as grid_code,
              array_agg(id::text) as ids
            from dispute where county_code = ${countyCode} and occurred_on >= ${from}
              and type_code like any(${anyOf(typePatterns(p.typeCodes ?? []))})
              ${focus ? sql`and grid_code like ${`${focus.gridCode.slice(0, 12)}%`}` : sql``}
            group by ${village} having count(*) >= ${p.count}`,
      );
    }
    case 'failed_many':
      return findingRows(
        tx,
        sql`select 'dispute:' || d.id::text as subject, d.grid_code, array[d.id::text] as ids from dispute d
            where d.county_code = ${countyCode} and d.status in ${OPEN} and d.people_involved >= ${p.minPeople}
              and (d.escalations > 0 or exists (select 1 from mediation_session s
                     where s.county_code = d.county_code and s.dispute_id = d.id and s.result = 'failed'))
              ${focus ? sql`and d.id = ${focus.disputeId}` : sql``}`,
      );
    case 'petition_risk': {
      const types = p.typeCodes?.length ? sql`and type_code like any(${anyOf(typePatterns(p.typeCodes))})` : sql``;
      return findingRows(
        tx,
        sql`select 'dispute:' || id::text as subject, grid_code, array[id::text] as ids from dispute
            where county_code = ${countyCode} and status in ${OPEN} ${types}
              and (title || ' ' || summary) ilike any(${anyOf(keywordPatterns(p.keywords ?? []))})
              ${focus ? sql`and id = ${focus.disputeId}` : sql``}`,
      );
    }
  }
}

/** The warnings of a rule already raised about these subjects, with their evidence. */
export async function known(tx: Tx, countyCode: string, ruleKey: string, subjects: string[]): Promise<Known[]> {
  if (subjects.length === 0) return [];
  const rows = await queryRows<{ id: string; subject: string; state: Known['state']; ids: string[] }>(
    tx,
    sql`select w.id, w.subject, w.state, array_agg(e.dispute_id::text) as ids
        from dispute_warning w join dispute_warning_evidence e on e.county_code = w.county_code and e.warning_id = w.id
        where w.county_code = ${countyCode} and w.rule_key = ${ruleKey}
          and w.subject = any(${textArray(subjects)})
        group by w.id, w.subject, w.state`,
  );
  return rows.map((r) => ({ id: r.id, subject: r.subject, state: r.state, disputeIds: r.ids }));
}

/** The missed_visits warnings of a rule already raised about these people, with the misses they rest on. */
export async function knownMisses(tx: Tx, countyCode: string, ruleKey: string, subjects: string[]): Promise<Known[]> {
  if (subjects.length === 0) return [];
  const rows = await queryRows<{ id: string; subject: string; state: Known['state']; ids: string[] }>(
    tx,
    sql`select w.id, w.subject, w.state, array_agg(m.miss_key) as ids
        from dispute_warning w join dispute_warning_missed_visit m on m.county_code = w.county_code and m.warning_id = w.id
        where w.county_code = ${countyCode} and w.rule_key = ${ruleKey}
          and w.subject = any(${textArray(subjects)})
        group by w.id, w.subject, w.state`,
  );
  return rows.map((r) => ({ id: r.id, subject: r.subject, state: r.state, disputeIds: r.ids }));
}

export async function insertMisses(tx: Tx, rows: (typeof disputeWarningMissedVisit.$inferInsert)[]) {
  for (const part of chunks(rows, 5000)) await tx.insert(disputeWarningMissedVisit).values(part).onConflictDoNothing();
}

/** The misses a missed_visits warning rests on, the latest first. */
export function missesOf(tx: Tx, w: WarningRow) {
  return tx
    .select()
    .from(disputeWarningMissedVisit)
    .where(and(eq(disputeWarningMissedVisit.countyCode, w.countyCode), eq(disputeWarningMissedVisit.warningId, w.id)))
    .orderBy(desc(disputeWarningMissedVisit.addedAt), desc(disputeWarningMissedVisit.missKey));
}

const chunks = <T>(rows: T[], size: number) =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

export async function insertWarnings(
  tx: Tx,
  rows: { warning: typeof disputeWarning.$inferInsert; disputeIds: string[] }[],
): Promise<WarningRow[]> {
  const saved: WarningRow[] = [];
  for (const part of chunks(rows, 1000)) {
    const inserted = await tx
      .insert(disputeWarning)
      .values(part.map((r) => r.warning))
      .returning();
    saved.push(...inserted);
    await insertEvidence(
      tx,
      inserted.flatMap((w, i) =>
        part[i].disputeIds.map((disputeId) => ({ countyCode: w.countyCode, warningId: w.id, disputeId, addedAt: w.raisedAt })),
      ),
    );
  }
  return saved;
}

export async function insertEvidence(tx: Tx, rows: (typeof disputeWarningEvidence.$inferInsert)[]) {
  for (const part of chunks(rows, 5000)) await tx.insert(disputeWarningEvidence).values(part).onConflictDoNothing();
}

export async function touchWarnings(tx: Tx, countyCode: string, ids: string[], at: Date) {
  if (ids.length === 0) return;
  await tx.execute(
    sql`update dispute_warning set updated_at = ${at} where county_code = ${countyCode}
        and id::text = any(${textArray(ids)})`,
  );
}

/** The open warnings of one kind on one subject, to readdress them (a person's follow-up moved to another grid). */
export function openWarningsOn(tx: Tx, countyCode: string, kind: string, subject: string) {
  return tx
    .select({ id: disputeWarning.id, level: disputeWarning.level, unitCode: disputeWarning.unitCode, version: disputeWarning.version })
    .from(disputeWarning)
    .where(
      and(
        eq(disputeWarning.countyCode, countyCode),
        eq(disputeWarning.kind, kind),
        eq(disputeWarning.subject, subject),
        eq(disputeWarning.state, 'open'),
      ),
    );
}

export async function readdressWarning(tx: Tx, countyCode: string, id: string, unitCode: string, at: Date) {
  await tx
    .update(disputeWarning)
    .set({ unitCode, updatedAt: at, version: sql`${disputeWarning.version} + 1` })
    .where(and(eq(disputeWarning.countyCode, countyCode), eq(disputeWarning.id, id)));
}

export interface WarningFilter {
  state?: string;
  ruleKey?: string;
  countyCode?: string;
}

/** Warnings addressed to a unit in the scope, with how many disputes each rests on; newest first. */
export function findWarnings(tx: Tx, scope: Scope, f: WarningFilter, limit: number) {
  return tx
    .select({
      warning: disputeWarning,
      disputes: sql<number>`(select count(*)::int from ${disputeWarningEvidence} e
                  where e.county_code = dispute_warning.county_code and e.warning_id = dispute_warning.id)`,
    })
    .from(disputeWarning)
    .where(
      and(
        inScope(disputeWarning.unitCode, scope),
        f.state ? eq(disputeWarning.state, f.state) : undefined,
        f.ruleKey ? eq(disputeWarning.ruleKey, f.ruleKey) : undefined,
        f.countyCode ? eq(disputeWarning.countyCode, f.countyCode) : undefined,
      ),
    )
    .orderBy(desc(disputeWarning.raisedAt), desc(disputeWarning.id))
    .limit(limit);
}

export async function getWarning(tx: Tx, scope: Scope, id: string): Promise<WarningRow | undefined> {
  return (
    await tx
      .select()
      .from(disputeWarning)
      .where(and(eq(disputeWarning.id, id), inScope(disputeWarning.unitCode, scope)))
  )[0];
}

/** The evidence of a warning: the disputes the caller's scope reaches, and how many it does not. */
export async function evidenceOf(tx: Tx, scope: Scope, w: WarningRow) {
  return queryRows<{
    id: string | null;
    title: string;
    summary: string;
    type_code: string;
    occurred_on: string;
    grid_code: string;
    tier: string;
    status: string;
    people_involved: number;
    added_at: Date;
  }>(
    tx,
    sql`select case when ${inScope(sql`d.grid_code`, scope)} then d.id::text end as id, d.title, d.summary, d.type_code,
          d.occurred_on::text as occurred_on, d.grid_code, d.tier, d.status, d.people_involved, e.added_at
        from dispute_warning_evidence e join dispute d on d.county_code = e.county_code and d.id = e.dispute_id
        where e.county_code = ${w.countyCode} and e.warning_id = ${w.id}
        order by d.occurred_on desc, d.id`,
  );
}

/** The parties of these disputes, with how many of them each is in. */
export function partiesIn(tx: Tx, countyCode: string, disputeIds: string[]) {
  if (disputeIds.length === 0) return Promise.resolve([]);
  return queryRows<{ kind: 'person' | 'organisation'; key: string; disputes: number }>(
    tx,
    sql`select kind, coalesce(person_id::text, credit_code) as key, count(distinct dispute_id)::int as disputes
        from dispute_party where county_code = ${countyCode}
          and dispute_id::text in (select jsonb_array_elements_text(${JSON.stringify(disputeIds)}::jsonb))
        group by kind, coalesce(person_id::text, credit_code)
        order by count(distinct dispute_id) desc, 2`,
  );
}

/** Handled or dismissed, on the version the caller saw; none written means someone was first. */
export function closeWarning(tx: Tx, w: WarningRow, version: number, values: Partial<typeof disputeWarning.$inferInsert>) {
  return tx
    .update(disputeWarning)
    .set({ ...values, version: version + 1 })
    .where(
      and(
        eq(disputeWarning.countyCode, w.countyCode),
        eq(disputeWarning.id, w.id),
        eq(disputeWarning.version, version),
        eq(disputeWarning.state, 'open'),
      ),
    )
    .returning();
}

/**
 * Figures by rule over the warnings raised in [from, to) to units in the scope: raised, open, handled, dismissed, and
 * what they led to — the disputes of their evidence resolved after they became evidence.
 */
export function ruleFigures(tx: Tx, scope: Scope, countyCode: string, from: Date, to: Date) {
  return queryRows<{ rule_key: string; raised: number; open: number; handled: number; dismissed: number; resolved_after: number }>(
    tx,
    sql`with w as (
          select county_code, id, rule_key, state from dispute_warning
          where county_code = ${countyCode} and ${inScope(sql`unit_code`, scope)} and raised_at >= ${from} and raised_at < ${to}
        ), led as (
          select w.rule_key, count(distinct e.dispute_id)::int as n
          from w join dispute_warning_evidence e on e.county_code = w.county_code and e.warning_id = w.id
            join dispute d on d.county_code = e.county_code and d.id = e.dispute_id
          where d.status = 'resolved' and d.closed_at >= e.added_at
          group by w.rule_key
        )
        select w.rule_key, count(*)::int as raised, count(*) filter (where w.state = 'open')::int as open,
          count(*) filter (where w.state = 'handled')::int as handled, count(*) filter (where w.state = 'dismissed')::int as dismissed,
          coalesce(max(led.n), 0)::int as resolved_after
        from w left join led on led.rule_key = w.rule_key
        group by w.rule_key`,
  );
}
