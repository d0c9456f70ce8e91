import { Type } from '@sinclair/typebox';
import type { Http } from '../../platform/http.ts';
import { errorReplies } from '../../platform/schemas.ts';
import type { Guard } from '../../platform/actor.ts';
import type { IntakeService } from './intake.service.ts';

const DateTime = () => Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const NearbyCase = Type.Object({
  id: Type.String({ format: 'uuid' }), caseNo: Type.String(), status: Type.String(), itemCode: Type.String(), description: Type.String(),
  lng: Type.Number(), lat: Type.Number(), photos: Type.Array(Type.String()), reportedAt: DateTime(),
  reports: Type.Integer({ description: 'Reports so far, this case included' }),
  repeat: Type.Boolean({ description: 'Three or more reports: a repeat case' }),
  distanceMeters: Type.Integer(),
});

/** The reporter's "me too" offer: open cases of the same item close by, before a new case is sent. */
export function intakeRoutes(app: Http, { intake, guard }: { intake: IntakeService; guard: Guard }) {
  app.get('/api/events/nearby', {
    schema: {
      tags: ['events'],
      summary: '附近同类事件 Open cases of the same item near a point (repeat window and radius from configuration), nearest first',
      querystring: Type.Object({
        itemCode: Type.String({ minLength: 1, maxLength: 20 }),
        lng: Type.Number({ minimum: -180, maximum: 180 }),
        lat: Type.Number({ minimum: -90, maximum: 90 }),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(NearbyCase) }), ...errorReplies },
    },
    onRequest: guard('events.report'),
  }, async (request) => ({ items: await intake.nearby(request.actor, request.query) }));
}
