import { PAGE } from '../../shared/limits.ts';
import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { pageAsked } from '../platform/paging.ts';
import { errorReplies } from '../platform/schemas.ts';
import * as S from './admin-change.schemas.ts';
import type { AdminChangesService } from './admin-changes.service.ts';

/** The administrators see the changes to administrator accounts and decide those another administrator asked for. */
export function adminChangeRoutes(app: Http, { adminChanges, guard }: { adminChanges: AdminChangesService; guard: Guard }) {
  app.get(
    '/api/access/admin-changes',
    {
      schema: {
        tags: ['access'],
        summary: '管理员账号变更 Changes to administrator accounts, newest first',
        querystring: S.AdminChangeQuery,
        response: { 200: S.AdminChangeList, ...errorReplies },
      },
      onRequest: guard('users.approve'),
    },
    async (request) => adminChanges.find(request.actor, request.query.status, pageAsked(request.query, PAGE.adminChanges)),
  );

  for (const [verb, decide] of [
    ['approve', adminChanges.approve],
    ['reject', adminChanges.reject],
  ] as const) {
    app.post(
      `/api/access/admin-changes/:id/${verb}`,
      {
        schema: {
          tags: ['access'],
          summary:
            verb === 'approve'
              ? '批准 Approve: the change applies (another person holding another administrator role than the requester)'
              : '驳回 Reject: the change is dropped (the same rule as approving)',
          params: S.AdminChangeParams,
          body: S.DecisionBody,
          response: { 200: S.AdminChangeSchema, ...errorReplies },
        },
        onRequest: guard('users.approve'),
      },
      async (request) => decide(request.actor, request.params.id, request.body?.reason ?? null),
    );
  }
}
