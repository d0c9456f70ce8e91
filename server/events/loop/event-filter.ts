/**
 * The filters of the events list and its export: one querystring schema, one translation into SQL, so the
 * list a user sees and the spreadsheet they download always select the same cases.
 */
import { type Static, Type } from '@sinclair/typebox';
import { and, eq, gte, inArray, isNotNull, like, lt, not, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { startOfChinaDay } from '../../../shared/china-time.ts';
import { subtreePrefix } from '../../../shared/codes.ts';
import {
  EVENT_SOURCES,
  EVENT_STATUSES,
  LIGHTS,
  MINE_CASES,
  OPEN_STATUSES,
  RECORD_TYPES,
  TODO_QUEUES,
  URGENCIES,
  WARNING_COLOURS,
} from '../../../shared/enums.ts';
import { RECORD_CODE_MAX, UNIT_CODE_MAX } from '../../../shared/limits.ts';
import { AppError } from '../../platform/errors.ts';
import { oneOf } from '../../platform/schemas.ts';
import { inScope, type Scope } from '../../platform/scope.ts';
import { REPEAT_REPORTS } from '../intake/intake.core.ts';
import { event } from './events.tables.ts';

const list = <T extends string>(values: readonly T[], description: string) =>
  Type.Optional(
    Type.Array(Type.Union(values.map((v) => Type.Literal(v))), {
      maxItems: values.length,
      description: `${description}; comma-separated or repeated: ${values.join(' | ')}`,
    }),
  );

/** The querystring keys that take several values, as `a,b` or as `k=a&k=b`. */
const LIST_KEYS = ['status', 'light', 'warning', 'source'] as const;

export const EventFilterSchema = {
  status: list(EVENT_STATUSES, 'Statuses'),
  light: list(LIGHTS, 'Light of the current stage, derived at read time'),
  warning: list(WARNING_COLOURS, 'Five-colour warning, derived at read time'),
  item: Type.Optional(
    Type.String({
      pattern: '^[A-Z]{2}[0-9A-Z]{0,12}$',
      description: 'Catalogue item code, or a class prefix (CG, CG06; local codes like CG06L01 too)',
      example: 'CG06',
    }),
  ),
  source: list(EVENT_SOURCES, 'Sources'),
  area: Type.Optional(
    Type.String({
      pattern: '^([0-9]{6}|[0-9]{9}|[0-9]{12}|[0-9]{15})$',
      description: 'Division or grid code inside your jurisdiction: the cases of its grids',
      example: '420923100',
    }),
  ),
  unit: Type.Optional(
    Type.String({ minLength: 1, maxLength: UNIT_CODE_MAX, description: 'Lead unit: department code or area code', example: 'YM-CG' }),
  ),
  from: Type.Optional(Type.String({ format: 'date', description: 'Reported on or after this China date', example: '2026-11-01' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Reported on or before this China date', example: '2026-11-30' })),
  overdue: Type.Optional(Type.Boolean({ description: 'true: open cases past their stage due time; false: all others' })),
  repeat: Type.Optional(Type.Boolean({ description: `true: repeat cases (${REPEAT_REPORTS} or more reports); false: the others` })),
  todo: Type.Optional(oneOf(TODO_QUEUES, 'My to-do queue: the cases it counts in /api/inbox/counts, exactly')),
  mine: Type.Optional(oneOf(MINE_CASES, 'My cases: reported (by me) | handling (waiting on me or my unit in any of my to-do queues)')),
  urgency: Type.Optional(oneOf(URGENCIES, 'Urgency')),
  subjectType: Type.Optional(oneOf(RECORD_TYPES, 'With subjectKey: the cases about this base-data record')),
  subjectKey: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: RECORD_CODE_MAX,
      description: 'With subjectType: the record’s code or credit code',
      example: '42092301037000001',
    }),
  ),
};
export const EventFilterQuery = Type.Object(EventFilterSchema, { additionalProperties: false });
export type EventFilter = Static<typeof EventFilterQuery>;

/** preValidation hook: `status=a,b` and `status=a&status=b` both become arrays before the schema checks each value. */
export async function splitListParams(request: FastifyRequest): Promise<void> {
  const query = request.query as Record<string, unknown>;
  for (const key of LIST_KEYS) {
    const value = query[key];
    if (value === undefined) continue;
    query[key] = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).filter((v) => v !== '');
  }
}

const DAY_MS = 86_400_000;

/** The checks a schema cannot make: the area must lie inside the caller's jurisdiction, from ≤ to, a record named by type and key. */
export function checkFilter(filter: EventFilter, scope: Scope): void {
  const halfSubject = (['subjectType', 'subjectKey'] as const).filter((f) => filter[f] === undefined);
  if (halfSubject.length === 1) throw new AppError('request.invalid', [{ field: `querystring.${halfSubject[0]}`, reason: 'required' }]);
  if (filter.area && !scope.prefixes.some((p) => subtreePrefix(filter.area!).startsWith(p))) {
    throw new AppError('request.invalid', [{ field: 'querystring.area', reason: 'territory.area_not_found', value: filter.area }]);
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new AppError('request.invalid', [
      { field: 'querystring.from', reason: 'event.date_range_invalid', value: `${filter.from} > ${filter.to}` },
    ]);
  }
}

/** Open and past the stage's due time; while suspended the clock stands at the moment it stopped. Never NULL. */
const overdueAt = (now: Date) =>
  sql`(${inArray(event.status, [...OPEN_STATUSES])} and ${event.stageDueAt} is not null and ${event.stageDueAt} < coalesce(${event.suspendedAt}, ${now}))`;

/** Whether the filter asks for something only known after reading the row (light, warning). */
export const hasDerived = (filter: EventFilter) => !!(filter.light?.length || filter.warning?.length);

/**
 * The SQL part of a filter, always inside the caller's jurisdiction. With a derived filter it also keeps
 * only open cases with a stage deadline, the only ones that have a light or a warning at all.
 */
/** `todo` is the part that depends on who asks (the to-do queue, my cases): the service builds it from the actor. */
export function eventWhere(filter: EventFilter, scope: Scope, now: Date, todo?: SQL): SQL {
  const { status, source, item, area, unit, from, to, overdue, repeat, subjectType, subjectKey, urgency } = filter;
  return and(
    inScope(event.gridCode, scope),
    todo,
    urgency ? eq(event.urgency, urgency) : undefined,
    status?.length ? inArray(event.status, status) : undefined,
    source?.length ? inArray(event.source, source) : undefined,
    // Catalogue codes nest by prefix (CG → CG06 → CG06010), so one LIKE serves a class and an item.
    item ? like(event.itemCode, `${item}%`) : undefined,
    area ? like(event.gridCode, `${subtreePrefix(area)}%`) : undefined,
    unit ? eq(event.leadUnit, unit) : undefined,
    from ? gte(event.reportedAt, startOfChinaDay(from)) : undefined,
    to ? lt(event.reportedAt, new Date(startOfChinaDay(to).getTime() + DAY_MS)) : undefined,
    overdue === undefined ? undefined : overdue ? overdueAt(now) : not(overdueAt(now)),
    repeat === undefined ? undefined : repeat ? gte(event.reports, REPEAT_REPORTS) : lt(event.reports, REPEAT_REPORTS),
    subjectType && subjectKey ? and(eq(event.subjectType, subjectType), eq(event.subjectKey, subjectKey)) : undefined,
    hasDerived(filter) ? and(inArray(event.status, [...OPEN_STATUSES]), isNotNull(event.stageDueAt)) : undefined,
  )!;
}

/** The derived part of a filter, on a row already read and given its light and warning. */
export function matchesDerived(filter: EventFilter, row: { light: string | null; warning: string | null }): boolean {
  if (filter.light?.length && !(row.light && (filter.light as string[]).includes(row.light))) return false;
  if (filter.warning?.length && !(row.warning && (filter.warning as string[]).includes(row.warning))) return false;
  return true;
}
