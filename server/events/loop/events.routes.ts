import type { Guard } from '../../platform/actor.ts';
import type { Http } from '../../platform/http.ts';
import { errorReplies } from '../../platform/schemas.ts';
import { intakeSource } from '../intake/intake.core.ts';
import type { SubjectRef } from './event-subject.ts';
import * as S from './events.schemas.ts';
import type { EventsService } from './events.service.ts';

export function eventsRoutes(app: Http, { events, guard }: { events: EventsService; guard: Guard }) {
  const tags = ['events'];

  app.post(
    '/api/events',
    {
      schema: {
        tags,
        summary: '上报事件 Report an event (idempotent with idempotencyKey)',
        body: S.ReportBody,
        response: { 201: S.ReportReply, ...errorReplies },
      },
      onRequest: guard('events.report'),
    },
    async (request, reply) => {
      const b = request.body;
      const source = intakeSource(request.actor, b);
      // The schema admits only known record types.
      return reply
        .status(201)
        .send(await events.report(request.actor, { ...b, photos: b.photos ?? [], source, subject: b.subject as SubjectRef | undefined }));
    },
  );

  app.get(
    '/api/events/:id',
    {
      schema: {
        tags,
        summary: '事件详情 An event with its history and what I may do',
        params: S.EventParams,
        response: { 200: S.EventDetail, ...errorReplies },
      },
      onRequest: guard('events.read'),
    },
    async (request) => events.get(request.actor, request.params.id),
  );

  app.get(
    '/api/events/:id/merge-gap',
    {
      schema: {
        tags,
        summary: "并单检查 Whether merging into a case needs the dispatcher's reason (not a repeat as intake flags them)",
        params: S.EventParams,
        querystring: S.MergeGapQuery,
        response: { 200: S.MergeGapReply, ...errorReplies },
      },
      onRequest: guard('events.read'),
    },
    async (request) => events.mergeGap(request.actor, request.params.id, request.query.masterId),
  );

  app.post(
    '/api/events/:id/actions',
    {
      schema: {
        tags,
        summary: '处理事件 Take one step of the loop (accept, dispatch, sign, handle, close, visit, …)',
        params: S.EventParams,
        body: S.ActionBody,
        response: { 200: S.EventDetail, ...errorReplies },
      },
      onRequest: guard('events.read'),
    },
    async (request) => {
      const { action, version, photos, ...input } = request.body;
      return events.act(request.actor, request.params.id, action, version, { ...input, attachments: photos });
    },
  );
}
