import { Type } from '@sinclair/typebox';
import type { Http } from '../../platform/http.ts';
import { errorReplies, Nullable } from '../../platform/schemas.ts';
import type { Guard } from '../../platform/actor.ts';
import type { HouseholdGroupsService } from './household-groups.service.ts';
import { RecordHistorySchema, VerifiedBySchema } from '../records/record-history.ts';

const IdParam = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Group = Type.Object({
  id: Type.String(), name: Type.String(), gridCode: Type.String(),
  leadHouseCode: Nullable(Type.String({ description: 'The lead household (联防户长)' })),
  members: Type.Integer({ description: 'Member houses' }),
  verifiedAt: Nullable(Type.String()), version: Type.Integer({ description: 'Send it back with an edit' }), updatedAt: Type.String(),
});
const GroupDetail = Type.Intersect([Group, Type.Object({
  houses: Type.Array(Type.Object({
    houseCode: Type.String(), address: Nullable(Type.String()), buildingCode: Nullable(Type.String()), gridCode: Nullable(Type.String()),
    residents: Type.Integer({ description: 'People living there now' }), lead: Type.Boolean(),
  })),
  residents: Type.Integer({ description: 'People living in the member houses' }),
  verifiedBy: VerifiedBySchema,
  history: RecordHistorySchema,
})]);
const Fields = {
  name: Type.String({ minLength: 1, maxLength: 60, description: 'Group name', example: '槐荫路 8 号十户联防组' }),
  // Limits are checked by the service (2–15) so the reply names them; this bound only guards the request size.
  houseCodes: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 100, description: 'Member houses, all in the group’s grid' }),
  leadHouseCode: Type.Optional(Nullable(Type.String({ maxLength: 40, description: 'One of the member houses' }))),
};

export async function householdGroupRoutes(app: Http, { groups, guard }: { groups: HouseholdGroupsService; guard: Guard }) {
  const tags = ['registry'];
  const write = guard('registry.write');

  app.get('/api/registry/household-groups', {
    schema: {
      tags, summary: '十户联防组 Ten-household groups of a grid or an area, within jurisdiction',
      querystring: Type.Object({
        grid: Type.Optional(Type.String({ pattern: '^[0-9]{15}$' })),
        area: Type.Optional(Type.String({ pattern: '^[0-9]{6,15}$' })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 500 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Group) }), ...errorReplies },
    },
    onRequest: guard('registry.read'),
  }, async (request) => ({ items: await groups.list(request.actor, { gridCode: request.query.grid, area: request.query.area }, request.query.limit ?? 500) }));

  app.get('/api/registry/household-groups/:id', {
    schema: { tags, summary: '十户联防组详情 A group, its member houses with their people, and its history', params: IdParam, response: { 200: GroupDetail, ...errorReplies } },
    onRequest: guard('registry.read'),
  }, async (request) => groups.get(request.actor, request.params.id));

  app.post('/api/registry/household-groups', {
    schema: { tags, summary: '组建十户联防组 Form a group from houses of one grid', body: Type.Object({ gridCode: Type.String({ pattern: '^[0-9]{15}$' }), ...Fields }, { additionalProperties: false }), response: { 200: GroupDetail, ...errorReplies } },
    onRequest: write,
  }, async (request) => groups.create(request.actor, request.body, request.lang));

  app.put('/api/registry/household-groups/:id', {
    schema: { tags, summary: '修改十户联防组 Rename, change members or the lead household (409 when it changed since `version`)', params: IdParam, body: Type.Object({ ...Fields, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), response: { 200: GroupDetail, ...errorReplies } },
    onRequest: write,
  }, async (request) => groups.edit(request.actor, request.params.id, request.body, request.lang));

  app.delete('/api/registry/household-groups/:id', {
    schema: {
      tags, summary: '解散十户联防组 Disband a group; its houses are free to join another (409 when it changed since `version`)',
      params: IdParam,
      querystring: Type.Object({ version: Type.Integer({ minimum: 1, description: 'The version the group was read at' }) }, { additionalProperties: false }),
      response: { 204: Type.Null({ description: 'Disbanded; the history keeps the group as it was' }), ...errorReplies },
    },
    onRequest: write,
  }, async (request, reply) => {
    await groups.remove(request.actor, request.params.id, request.query.version);
    return reply.status(204).send(null);
  });

  app.post('/api/registry/household-groups/:id/verify', {
    schema: { tags, summary: '核实十户联防组 Confirm the group as it stands', params: IdParam, body: Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), response: { 200: GroupDetail, ...errorReplies } },
    onRequest: write,
  }, async (request) => groups.verify(request.actor, request.params.id, request.body.version));
}
