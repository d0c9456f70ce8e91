import { PAGE } from '../../../shared/limits.ts';
import type { Guard } from '../../platform/actor.ts';
import type { Http } from '../../platform/http.ts';
import { pageAsked } from '../../platform/paging.ts';
import { errorReplies } from '../../platform/schemas.ts';
import * as S from './household-groups.schemas.ts';
import type { HouseholdGroupsService } from './household-groups.service.ts';

export async function householdGroupRoutes(app: Http, { groups, guard }: { groups: HouseholdGroupsService; guard: Guard }) {
  const tags = ['registry'];
  const write = guard('registry.write');

  app.get(
    '/api/registry/household-groups',
    {
      schema: {
        tags,
        summary: '十户联防组 Ten-household groups of a grid or an area, within jurisdiction',
        querystring: S.GroupsQuery,
        response: { 200: S.Groups, ...errorReplies },
      },
      onRequest: guard('registry.read'),
    },
    async (request) =>
      groups.find(
        request.actor,
        { gridCode: request.query.grid, area: request.query.area },
        pageAsked(request.query, PAGE.householdGroups),
      ),
  );

  app.get(
    '/api/registry/household-groups/:id',
    {
      schema: {
        tags,
        summary: '十户联防组详情 A group, its member houses with their people, and its history',
        params: S.GroupParams,
        response: { 200: S.GroupDetail, ...errorReplies },
      },
      onRequest: guard('registry.read'),
    },
    async (request) => groups.get(request.actor, request.params.id),
  );

  app.post(
    '/api/registry/household-groups',
    {
      schema: {
        tags,
        summary: '组建十户联防组 Form a group from houses of one grid',
        body: S.CreateGroupBody,
        response: { 200: S.GroupDetail, ...errorReplies },
      },
      onRequest: write,
    },
    async (request) => groups.create(request.actor, request.body, request.lang),
  );

  app.put(
    '/api/registry/household-groups/:id',
    {
      schema: {
        tags,
        summary: '修改十户联防组 Rename, change members or the lead household (409 when it changed since `version`)',
        params: S.GroupParams,
        body: S.EditGroupBody,
        response: { 200: S.GroupDetail, ...errorReplies },
      },
      onRequest: write,
    },
    async (request) => groups.update(request.actor, request.params.id, request.body, request.lang),
  );

  app.delete(
    '/api/registry/household-groups/:id',
    {
      schema: {
        tags,
        summary: '解散十户联防组 Disband a group; its houses are free to join another (409 when it changed since `version`)',
        params: S.GroupParams,
        querystring: S.DisbandQuery,
        response: { 204: S.Disbanded, ...errorReplies },
      },
      onRequest: write,
    },
    async (request, reply) => {
      await groups.remove(request.actor, request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/registry/household-groups/:id/verify',
    {
      schema: {
        tags,
        summary: '核实十户联防组 Confirm the group as it stands',
        params: S.GroupParams,
        body: S.VerifyGroupBody,
        response: { 200: S.GroupDetail, ...errorReplies },
      },
      onRequest: write,
    },
    async (request) => groups.verify(request.actor, request.params.id, request.body.version),
  );
}
