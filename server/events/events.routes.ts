import { Type } from '@sinclair/typebox';
import type { Http } from '../platform/http.ts';
import { errorReplies, Nullable, oneOf } from '../platform/schemas.ts';
import type { Guard } from '../access/guard.ts';
import { EVENT_ACTION_NAMES, EVENT_SOURCES, EVENT_STATUSES, RATINGS } from './event-actions.core.ts';
import type { EventsService } from './events.service.ts';
import type { SubjectRef } from './event-subject.ts';
import { intakeSource, PHONE } from './intake.core.ts';
import { RECORD_TYPES } from '../registry/index.ts';

const PhotoKey = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'Key of a photo uploaded to /api/files/photos' });
const SOURCES = EVENT_SOURCES;
/** Dates leave as ISO strings; the service hands over Date objects. */
const DateTime = (description = 'ISO 8601') => Type.Unsafe<Date>({ type: 'string', format: 'date-time', description });
const literals = <T extends string>(xs: readonly T[], description: string) => Type.Union(xs.map((x) => Type.Literal(x)), { description });

const Action = Type.Object({
  seq: Type.Integer(), action: Type.String(), actorName: Type.String({ description: 'Who' }), at: DateTime(),
  fromStatus: Nullable(Type.String()), toStatus: Type.String(), note: Nullable(Type.String()), photos: Type.Array(Type.String()), data: Type.Unknown(),
});
/* Unsafe keeps the service's own (looser) types here, while the document names the exact values for clients. */
/** Also the row of the filtered list (event-list.routes.ts). */
export const EventSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  caseNo: Type.String({ description: 'Case number', example: '202611020001' }),
  version: Type.Integer({ description: 'Send it back with an action: a changed event refuses a stale one' }),
  status: Type.String({ description: EVENT_STATUSES.join(' | ') }),
  source: Type.String(), itemCode: Type.String(), severity: Type.String(), description: Type.String(),
  lng: Type.Number(), lat: Type.Number(), gridCode: Type.String(), ownerCode: Type.String({ description: 'Area node that owns the case' }),
  leadUnit: Nullable(Type.String()), coUnits: Type.Array(Type.String()), photos: Type.Array(Type.String()),
  stage: Nullable(Type.String()), stageDueAt: Nullable(DateTime()), dueAt: Nullable(DateTime()),
  suspendedAt: Nullable(DateTime()), rating: Nullable(Type.String()),
  reportedAt: DateTime(), closedAt: Nullable(DateTime()),
  reporterName: Nullable(Type.String()), reporterPhone: Nullable(Type.String({ description: 'Masked: 138****1234' })), externalNo: Nullable(Type.String()),
  subjectType: Type.Unsafe<string | null>(Nullable(literals(RECORD_TYPES, `The base-data record the case is about: ${RECORD_TYPES.join(' | ')}`))),
  subjectKey: Nullable(Type.String({ description: 'That record’s code (house, building, component) or credit code (organisation)' })),
  reports: Type.Integer({ description: 'Reports of this matter: 1, plus every "me too" and merged duplicate' }),
  repeat: Type.Boolean({ description: 'Three or more reports: a repeat case' }),
  light: Nullable(Type.String({ description: 'green | yellow | red: the current stage against its due time' })),
  warning: Nullable(Type.String({ description: 'Five-colour graded warning: blue | yellow | light_red | purple | red' })),
  abilities: Type.Unsafe<string[]>(Type.Array(literals(EVENT_ACTION_NAMES, 'An action'), { description: 'Actions the caller may take now' })),
});
const Subject = Type.Object({
  type: Type.Unsafe<string>(literals(RECORD_TYPES, RECORD_TYPES.join(' | '))), key: Type.String(),
  name: Nullable(Type.String({ description: 'Read from the base data now; null when the record is gone or outside your jurisdiction' })),
  address: Nullable(Type.String()),
});
const EventDetail = Type.Intersect([EventSummary, Type.Object({
  subject: Nullable(Subject),
  history: Type.Array(Action, { description: 'Every change, oldest first' }),
})]);

export function eventsRoutes(app: Http, { events, guard }: { events: EventsService; guard: Guard }) {
  const tags = ['events'];

  app.post('/api/events', {
    schema: {
      tags, summary: '上报事件 Report an event (idempotent with idempotencyKey)',
      body: Type.Object({
        itemCode: Type.String({ minLength: 1, maxLength: 20, description: 'Catalogue item', example: 'CG06010' }),
        lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180, description: 'Longitude from the device or a tap on the map; left out with a subject, the record’s point is used' })),
        lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90, description: 'Latitude; with lng or not at all' })),
        description: Type.String({ minLength: 1, maxLength: 500, description: 'One line of text' }),
        photos: Type.Array(PhotoKey, { maxItems: 9, default: [] }),
        source: Type.Optional(literals(SOURCES, 'Where the report came from; only centres name one (hotline, department, video, leader), others report as what they are')),
        idempotencyKey: Type.Optional(Type.String({ minLength: 8, maxLength: 64, description: 'A retried report with the same key returns the first result' })),
        reporterName: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Centres: the caller (hotline) or reporting person' })),
        reporterPhone: Type.Optional(Type.String({ pattern: PHONE, description: 'Centres: the caller’s mobile or landline; stored sealed, shown masked' })),
        externalNo: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Centres: the work-order number in the source system (12345 hotline, video platform)' })),
        sameAs: Type.Optional(Type.String({ format: 'uuid', description: '"Me too": add this report to that open case (from /api/events/nearby) instead of opening one' })),
        subject: Type.Optional(Type.Object({
          type: oneOf(RECORD_TYPES, 'Record type'),
          key: Type.String({ minLength: 1, maxLength: 40, description: 'Its code or credit code (from /api/registry/nearby or /api/registry/lookup)', example: '42092301037000001' }),
        }, { additionalProperties: false, description: 'The base-data record the case is about, within your jurisdiction (not kept on a "me too")' })),
      }, { additionalProperties: false }),
      response: { 201: EventDetail, ...errorReplies },
    },
    onRequest: guard('events.report'),
  }, async (request, reply) => {
    const b = request.body;
    const source = intakeSource(request.actor, b);
    // The schema admits only known record types.
    return reply.status(201).send(await events.report(request.actor, { ...b, photos: b.photos ?? [], source, subject: b.subject as SubjectRef | undefined }));
  });

  app.get('/api/events/:id', {
    schema: { tags, summary: '事件详情 An event with its history and what I may do', params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: EventDetail, ...errorReplies } },
    onRequest: guard('events.read'),
  }, async (request) => events.get(request.actor, request.params.id));

  app.post('/api/events/:id/actions', {
    schema: {
      tags, summary: '处理事件 Take one step of the loop (accept, dispatch, sign, handle, close, visit, …)',
      params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
      body: Type.Object({
        action: literals(EVENT_ACTION_NAMES, 'The step'),
        version: Type.Integer({ description: 'The version the caller saw' }),
        note: Type.Optional(Type.String({ maxLength: 1000, description: 'Reason, reply or note' })),
        photos: Type.Optional(Type.Array(PhotoKey, { maxItems: 9 })),
        targetUnit: Type.Optional(Type.String({ maxLength: 32, description: 'dispatch: department code or area code; assign_down: area code' })),
        coUnits: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 10 })),
        rating: Type.Optional(literals(RATINGS, 'visit: the rating')),
        workingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, description: 'extension_request: working days more' })),
        masterId: Type.Optional(Type.String({ format: 'uuid', description: 'merge: the case this one duplicates' })),
      }, { additionalProperties: false }),
      response: { 200: EventDetail, ...errorReplies },
    },
    onRequest: guard('events.read'),
  }, async (request) => {
    const { action, version, photos, ...input } = request.body;
    return events.act(request.actor, request.params.id, action, version, { ...input, attachments: photos });
  });
}
