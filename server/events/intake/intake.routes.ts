import type { Guard } from '../../platform/actor.ts';
import type { Http } from '../../platform/http.ts';
import { errorReplies } from '../../platform/schemas.ts';
import * as S from './intake.schemas.ts';
import type { IntakeService } from './intake.service.ts';

/** The reporter's "me too" offer: open cases of the same item close by, before a new case is sent. */
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
}
