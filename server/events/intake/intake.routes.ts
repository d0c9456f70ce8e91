import { PassThrough } from 'node:stream';
import type { Guard } from '../../platform/actor.ts';
import type { Http } from '../../platform/http.ts';
import { errorReplies } from '../../platform/schemas.ts';
import { EventDetail } from '../loop/events.schemas.ts';
import * as S from './intake.schemas.ts';
import type { IntakeService } from './intake.service.ts';
import { writeRepeatOrdersSheet } from './repeat-orders.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The reporter's "me too" offer (open cases of the same item close by) and the repeat-order list. */
export function intakeRoutes(app: Http, { intake, guard }: { intake: IntakeService; guard: Guard }) {
  app.get(
    '/api/events/nearby',
    {
      schema: {
        tags: ['events'],
        summary: '附近同类事件 Open cases of the same item near a point (repeat window and radius from configuration), nearest first',
        querystring: S.NearbyQuery,
        response: { 200: S.NearbyCases, ...errorReplies },
      },
      onRequest: guard('events.report'),
    },
    async (request) => ({ items: await intake.nearby(request.actor, request.query) }),
  );

  app.get(
    '/api/events/repeat-orders',
    {
      schema: {
        tags: ['events'],
        summary: '重复工单 Cases reported three times or more (same place and matter) in a period of China days, two weeks by default',
        querystring: S.RepeatOrdersQuery,
        response: { 200: S.RepeatOrders, ...errorReplies },
      },
      onRequest: guard('events.read'),
    },
    async (request) => intake.repeatOrders(request.actor, request.query),
  );

  app.get(
    '/api/events/repeat-orders/export',
    {
      schema: {
        tags: ['events'],
        summary: '导出重复工单 The repeat-order list of a period as .xlsx (Chinese headers; audited)',
        querystring: S.RepeatOrdersQuery,
        response: { 200: S.RepeatOrdersSheet, ...errorReplies },
      },
      onRequest: guard('events.read'),
    },
    async (request, reply) => {
      const list = await intake.exportRepeatOrders(request.actor, request.query);
      const out = new PassThrough();
      void writeRepeatOrdersSheet(list, out, request.lang).catch((err: unknown) => out.destroy(err as Error));
      return reply.type(XLSX).header('content-disposition', `attachment; filename="repeat-orders-${list.from}-${list.to}.xlsx"`).send(out);
    },
  );

  app.post(
    '/api/events/calls-to-locate',
    {
      schema: {
        tags: ['events'],
        summary: '登记待定位来电 A centre takes a call with only an address; it waits for the grid team of the area named (idempotent)',
        body: S.CallBody,
        response: { 201: S.CallReply, ...errorReplies },
      },
      onRequest: guard('events.report'),
    },
    async (request, reply) => reply.status(201).send(await intake.calls.receive(request.actor, request.body)),
  );

  app.get(
    '/api/events/calls-to-locate',
    {
      schema: {
        tags: ['events'],
        summary: '待定位来电 Calls waiting for a place that I may place, oldest first',
        response: { 200: S.CallList, ...errorReplies },
      },
      onRequest: guard('events.report'),
    },
    async (request) => ({ items: await intake.calls.waiting(request.actor) }),
  );

  app.post(
    '/api/events/calls-to-locate/:id/place',
    {
      schema: {
        tags: ['events'],
        summary: '定位并立案 Place a waiting call on the map (inside the area named) and file its case',
        params: S.CallParams,
        body: S.PlaceBody,
        response: { 201: EventDetail, ...errorReplies },
      },
      onRequest: guard('events.report'),
    },
    async (request, reply) => reply.status(201).send(await intake.calls.place(request.actor, request.params.id, request.body)),
  );
}
