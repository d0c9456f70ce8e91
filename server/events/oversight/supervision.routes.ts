import { Type } from '@sinclair/typebox';
import type { Http } from '../../platform/http.ts';
import { errorReplies, Nullable } from '../../platform/schemas.ts';
import type { Guard } from '../../platform/actor.ts';
import { ORDER_KINDS, ORDER_METHODS, type SupervisionService } from './supervision.service.ts';

const DateTime = (description = 'ISO 8601') => Type.Unsafe<Date>({ type: 'string', format: 'date-time', description });
const literals = <T extends string>(xs: readonly T[], description: string) => Type.Union(xs.map((x) => Type.Literal(x)), { description });
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

const Order = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.String({ description: 'supervise (督办) | urge (催办)' }),
  method: Type.String({ description: 'phone | written | on_site | meeting' }),
  eventId: Nullable(Type.String({ format: 'uuid', description: 'The case, when the order is on one' })),
  caseNo: Nullable(Type.String()),
  unitCode: Type.String({ description: 'The unit that must answer: a department code or an area code' }),
  unitName: Nullable(Type.String()),
  note: Type.String(),
  dueAt: Nullable(DateTime('When the unit must have answered')),
  status: Type.String({ description: 'open | replied | closed' }),
  overdue: Type.Boolean({ description: 'Open and past its deadline' }),
  issuedByName: Type.String(), issuedAt: DateTime(),
  reply: Nullable(Type.String()), repliedByName: Nullable(Type.String()), repliedAt: Nullable(DateTime()),
  closedByName: Nullable(Type.String()), closedAt: Nullable(DateTime()),
  abilities: Type.Array(Type.String(), { description: 'reply | close: what the caller may do now' }),
});
const Orders = Type.Object({ items: Type.Array(Order) });

const QueueItem = Type.Object({
  reason: Type.String({ description: 'unvisited: closed, no return visit in time · dissatisfied: rated dissatisfied, not reopened · order_overdue: an open order past its deadline' }),
  since: DateTime('When it became due for supervision'),
  eventId: Nullable(Type.String({ format: 'uuid' })), caseNo: Nullable(Type.String()), itemCode: Nullable(Type.String()),
  description: Nullable(Type.String()), gridCode: Nullable(Type.String()),
  unitCode: Type.String({ description: 'Who answers for it now' }), unitName: Nullable(Type.String()),
  liveOrders: Nullable(Type.Integer({ description: 'Orders on this case not yet closed' })),
  order: Nullable(Order),
});

export function supervisionRoutes(app: Http, { supervision, guard }: { supervision: SupervisionService; guard: Guard }) {
  const tags = ['supervision'];

  app.post('/api/supervision/orders', {
    schema: {
      tags, summary: '督办/催办 Issue an order on one case or on a unit',
      body: Type.Object({
        kind: literals(ORDER_KINDS, 'supervise (督办) | urge (催办)'),
        method: literals(ORDER_METHODS, 'phone | written | on_site | meeting'),
        eventId: Type.Optional(Type.String({ format: 'uuid', description: 'The case; its current unit must answer. Give this or unitCode' })),
        unitCode: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'A department code or an area code in my jurisdiction. Give this or eventId' })),
        note: Type.String({ minLength: 1, maxLength: 1000, description: 'What is asked' }),
        workingDays: Type.Integer({ minimum: 1, maximum: 60, description: 'Working days the unit has to answer' }),
      }, { additionalProperties: false }),
      response: { 201: Order, ...errorReplies },
    },
    onRequest: guard('events.supervise'),
  }, async (request, reply) => reply.status(201).send(await supervision.issue(request.actor, request.body)));

  app.get('/api/supervision/orders/issued', {
    schema: { tags, summary: '我发出的 Orders I issued, open first', response: { 200: Orders, ...errorReplies } },
    onRequest: guard('events.supervise'),
  }, async (request) => ({ items: await supervision.issued(request.actor) }));

  app.get('/api/supervision/orders/addressed', {
    schema: { tags, summary: '交办我单位的 Orders my units must answer, open first', response: { 200: Orders, ...errorReplies } },
    onRequest: guard('supervision.read'),
  }, async (request) => ({ items: await supervision.addressed(request.actor) }));

  app.get('/api/supervision/orders/:id', {
    schema: { tags, summary: 'One order', params: Id, response: { 200: Order, ...errorReplies } },
    onRequest: guard('supervision.read'),
  }, async (request) => supervision.get(request.actor, request.params.id));

  app.post('/api/supervision/orders/:id/reply', {
    schema: {
      tags, summary: '答复 The unit answers an open order',
      params: Id,
      body: Type.Object({ reply: Type.String({ minLength: 1, maxLength: 1000, description: 'What the unit did' }) }, { additionalProperties: false }),
      response: { 200: Order, ...errorReplies },
    },
    onRequest: guard('supervision.read'),
  }, async (request) => supervision.reply(request.actor, request.params.id, request.body.reply));

  app.post('/api/supervision/orders/:id/close', {
    schema: { tags, summary: '办结 The issuer (or a centre above) closes an answered order', params: Id, response: { 200: Order, ...errorReplies } },
    onRequest: guard('events.supervise'),
  }, async (request) => supervision.close(request.actor, request.params.id));

  app.get('/api/events/:id/supervision', {
    schema: { tags, summary: 'Orders on one case, open first', params: Id, response: { 200: Orders, ...errorReplies } },
    onRequest: guard('events.read'),
  }, async (request) => ({ items: await supervision.ofEvent(request.actor, request.params.id) }));

  app.get('/api/supervision/queue', {
    schema: { tags, summary: '督办队列 What needs supervising in my jurisdiction, longest waiting first', response: { 200: Type.Object({ items: Type.Array(QueueItem) }), ...errorReplies } },
    onRequest: guard('events.supervise'),
  }, async (request) => ({ items: await supervision.queue(request.actor) }));
}
