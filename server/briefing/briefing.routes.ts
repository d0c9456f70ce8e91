import { Type } from '@sinclair/typebox';
import { PAGE } from '../../shared/limits.ts';
import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { pageAsked } from '../platform/paging.ts';
import { errorReplies } from '../platform/schemas.ts';
import * as S from './briefing.schemas.ts';
import type { BriefingService } from './briefing.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 通报: generated on demand or on schedule, frozen, listed per area, read in the page, as a PDF or a workbook. */
export function briefingRoutes(app: Http, { briefings, guard }: { briefings: BriefingService; guard: Guard }) {
  const tags = ['briefing'];

  app.post(
    '/api/briefings',
    {
      schema: {
        tags,
        summary: '生成通报 Generate a briefing of an area for a month or quarter that has ended (a new version; older ones stay)',
        body: S.GenerateBody,
        response: { 201: S.Briefing, ...errorReplies },
      },
      onRequest: guard('figures.read'),
    },
    async (request, reply) => reply.code(201).send(await briefings.generate(request.actor, request.body)),
  );

  app.get(
    '/api/briefings',
    {
      schema: {
        tags,
        summary: '通报列表 The briefings of an area, newest period and version first',
        querystring: S.BriefingsQuery,
        response: { 200: S.Briefings, ...errorReplies },
      },
      onRequest: guard('figures.read'),
    },
    async (request) => {
      const { offset, limit, ...q } = request.query;
      return briefings.find(request.actor, q, pageAsked({ offset, limit }, PAGE.briefings));
    },
  );

  app.get(
    '/api/briefings/:id',
    {
      schema: {
        tags,
        summary: '通报 One briefing as it was generated',
        params: S.BriefingId,
        response: { 200: S.Briefing, ...errorReplies },
      },
      onRequest: guard('figures.read'),
    },
    async (request) => briefings.get(request.actor, request.params.id),
  );

  app.get(
    '/api/briefings/:id/briefing.pdf',
    {
      schema: {
        tags,
        summary: '通报 PDF The briefing as a PDF (Chinese font embedded, charts drawn on the server)',
        params: S.BriefingId,
        response: { 200: Type.Unknown({ description: 'application/pdf' }), ...errorReplies },
      },
      onRequest: guard('figures.read'),
    },
    async (request, reply) => {
      const { file, name } = await briefings.pdf(request.actor, request.params.id);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}"`).send(file);
    },
  );

  app.get(
    '/api/briefings/:id/briefing.xlsx',
    {
      schema: {
        tags,
        summary: '通报 Excel The briefing as a workbook, one sheet per section',
        params: S.BriefingId,
        response: { 200: Type.Unknown({ description: XLSX }), ...errorReplies },
      },
      onRequest: guard('figures.read'),
    },
    async (request, reply) => {
      const { file, name } = await briefings.xlsx(request.actor, request.params.id);
      return reply.type(XLSX).header('content-disposition', `attachment; filename="${name}"`).send(file);
    },
  );
}
