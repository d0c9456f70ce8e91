import { PassThrough } from 'node:stream';
import { PAGE } from '../../../shared/limits.ts';
import type { Guard } from '../../platform/actor.ts';
import type { Http } from '../../platform/http.ts';
import { pageAsked } from '../../platform/paging.ts';
import { errorReplies } from '../../platform/schemas.ts';
import { type EventFilter, splitListParams } from './event-filter.ts';
import { MAX_DERIVED_SCAN, MAX_EXPORT_ROWS } from './event-list.ts';
import * as S from './events.schemas.ts';
import type { EventsService } from './events.service.ts';
import { writeEventsSheet } from './events-export.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 事件列表 and its Excel export: the same filters, translated to SQL in one place (event-filter.ts). */
export function eventListRoutes(app: Http, { events, guard }: { events: EventsService; guard: Guard }) {
  const tags = ['events'];

  app.get(
    '/api/events',
    {
      schema: {
        tags,
        summary: '事件列表 Events in my jurisdiction, filtered, newest first, a page at a time',
        description: `Light and warning are derived at read time: with either, the open cases matching the other filters (at most ${MAX_DERIVED_SCAN}) are judged and then paged.`,
        querystring: S.EventListQuery,
        response: { 200: S.EventPage, ...errorReplies },
      },
      onRequest: guard('events.read'),
      preValidation: splitListParams,
    },
    async (request) => {
      const { offset, limit, ...filter } = request.query;
      // The schema admits only known record types (subjectType).
      return events.find(request.actor, filter as EventFilter, pageAsked({ offset, limit }, PAGE.events));
    },
  );

  app.get(
    '/api/events/points',
    {
      schema: {
        tags,
        summary: '事件分布 Where the filtered cases are, for a map: the newest matching ones, each with its light and warning',
        querystring: S.EventPointsQuery,
        response: { 200: S.EventPoints, ...errorReplies },
      },
      onRequest: guard('events.read'),
      preValidation: splitListParams,
    },
    async (request) => events.points(request.actor, request.query as EventFilter),
  );

  app.get(
    '/api/events/export',
    {
      schema: {
        tags,
        summary: `导出事件 The filtered list as .xlsx (newest ${MAX_EXPORT_ROWS} at most; phones masked; audited)`,
        querystring: S.EventExportQuery,
        response: { 200: S.EventSheet, ...errorReplies },
      },
      onRequest: guard('events.read'),
      preValidation: splitListParams,
    },
    async (request, reply) => {
      const { items, total, names } = await events.exportList(request.actor, request.query as EventFilter);
      const out = new PassThrough();
      void writeEventsSheet(items, total, names, out, request.lang).catch((err: unknown) => out.destroy(err as Error));
      return reply.type(XLSX).header('content-disposition', 'attachment; filename="events.xlsx"').send(out);
    },
  );
}
