import { Type } from '@sinclair/typebox';
import type { Http } from '../../platform/http.ts';
import { errorReplies, Nullable, oneOf } from '../../platform/schemas.ts';
import type { Guard } from '../../platform/actor.ts';
import { NEARBY_RADIUS_M, RECORD_TYPES, type RecordLookup } from './record-lookup.service.ts';

const Place = {
  type: oneOf(RECORD_TYPES, RECORD_TYPES.join(' | ')),
  key: Type.String({ description: 'The natural key: house or building code, unified social credit code, component code', example: '42092301037000001' }),
  name: Type.String({ description: 'Name (a house: its address)', example: '路灯' }),
  address: Nullable(Type.String({ description: 'Address; none for a component' })),
  classCode: Nullable(Type.String({ description: 'A component\'s class code, which names its catalogue item; none for other records', example: '01037' })),
};

/** Records a form links instead of asking again: near the reporter, or found by name or code. */
export function recordLookupRoutes(app: Http, { records, guard }: { records: RecordLookup; guard: Guard }) {
  const tags = ['registry'];

  app.get('/api/registry/nearby', {
    schema: {
      tags, summary: '附近的基础数据 Components, organisations and buildings near a point, within jurisdiction, nearest first (no phones or ID numbers)',
      querystring: Type.Object({
        lng: Type.Number({ minimum: -180, maximum: 180 }),
        lat: Type.Number({ minimum: -90, maximum: 90 }),
        radius: Type.Optional(Type.Integer({ minimum: 1, maximum: NEARBY_RADIUS_M.max, default: NEARBY_RADIUS_M.default, description: 'Metres' })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ ...Place, lng: Type.Number(), lat: Type.Number(), distanceMeters: Type.Integer() })) }), ...errorReplies },
    },
    onRequest: guard('registry.read'),
  }, async (request) => {
    const { lng, lat, radius } = request.query;
    return { items: await records.near(request.actor, { lng, lat }, radius ?? NEARBY_RADIUS_M.default) };
  });

  app.get('/api/registry/lookup', {
    schema: {
      tags, summary: '查找基础数据 Houses, buildings, organisations and components by whole code or part of the name or address, within jurisdiction',
      querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 60, description: 'A code, or part of a name or address', example: '朝阳' }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ ...Place, lng: Nullable(Type.Number()), lat: Nullable(Type.Number({ description: 'None when the record has no point (a house: its building has none)' })) })) }), ...errorReplies },
    },
    onRequest: guard('registry.read'),
  }, async (request) => ({ items: await records.search(request.actor, request.query.q) }));
}
