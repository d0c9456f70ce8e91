import { PAGE } from '../../shared/limits.ts';
import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { pageAsked } from '../platform/paging.ts';
import { errorReplies } from '../platform/schemas.ts';
import { DueHouses, DueQuery, HouseCode, Visit, VisitBody, VisitForm, Visits } from './visits.schemas.ts';
import type { VisitsService } from './visits.service.ts';

export async function visitRoutes(app: Http, { visits, guard }: { visits: VisitsService; guard: Guard }) {
  const tags = ['fieldwork'];

  app.get(
    '/api/fieldwork/houses/:code/visit-form',
    {
      schema: {
        tags,
        summary: '走访表 The visit form filled from the base data: the house facts and who lives there now',
        params: HouseCode,
        response: { 200: VisitForm, ...errorReplies },
      },
      onRequest: guard('registry.read'),
    },
    async (request) => visits.form(request.actor, request.params.code),
  );

  app.post(
    '/api/fieldwork/houses/:code/visits',
    {
      schema: {
        tags,
        summary: '记录走访 Record a visit: residents confirmed or moved out, phones and house fields corrected, all or nothing',
        params: HouseCode,
        body: VisitBody,
        response: { 200: Visit, ...errorReplies },
      },
      onRequest: guard('registry.write'),
    },
    async (request) => visits.record(request.actor, request.params.code, request.body, request.lang),
  );

  app.get(
    '/api/fieldwork/visits/due',
    {
      schema: {
        tags,
        summary: '待走访 Houses in my jurisdiction not visited this round, never visited first',
        querystring: DueQuery,
        response: { 200: DueHouses, ...errorReplies },
      },
      onRequest: guard('registry.read'),
    },
    async (request) => visits.due(request.actor, pageAsked(request.query, PAGE.visitsDue)),
  );

  app.get(
    '/api/fieldwork/houses/:code/visits',
    {
      schema: { tags, summary: '走访记录 The house’s visits, newest first', params: HouseCode, response: { 200: Visits, ...errorReplies } },
      onRequest: guard('registry.read'),
    },
    async (request) => ({ items: await visits.find(request.actor, request.params.code) }),
  );
}
