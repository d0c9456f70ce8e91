import type { Guard } from '../../platform/actor.ts';
import type { Http } from '../../platform/http.ts';
import { errorReplies } from '../../platform/schemas.ts';
import * as S from './record-lookup.schemas.ts';
import { NEARBY_RADIUS_M, type RecordLookup } from './record-lookup.service.ts';

/** Records a form links instead of asking again: near the reporter, or found by name or code. */
export function recordLookupRoutes(app: Http, { records, guard }: { records: RecordLookup; guard: Guard }) {
  const tags = ['registry'];

  app.get(
    '/api/registry/nearby',
    {
      schema: {
        tags,
        summary:
          '附近的基础数据 Components, organisations and buildings near a point, within jurisdiction, nearest first (no phones or ID numbers)',
        querystring: S.NearbyQuery,
        response: { 200: S.NearbyRecords, ...errorReplies },
      },
      onRequest: guard('registry.read'),
    },
    async (request) => {
      const { lng, lat, radius } = request.query;
      return { items: await records.near(request.actor, { lng, lat }, radius ?? NEARBY_RADIUS_M.default) };
    },
  );

  app.get(
    '/api/registry/lookup',
    {
      schema: {
        tags,
        summary:
          '查找基础数据 Houses, buildings, organisations and components by whole code or part of the name or address, within jurisdiction',
        querystring: S.LookupQuery,
        response: { 200: S.FoundRecords, ...errorReplies },
      },
      onRequest: guard('registry.read'),
    },
    async (request) => ({ items: await records.search(request.actor, request.query.q) }),
  );
}
