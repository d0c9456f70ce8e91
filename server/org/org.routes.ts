import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { errorReplies } from '../platform/schemas.ts';
import * as S from './org.schemas.ts';
import type { OrgService } from './org.service.ts';

export function orgRoutes(app: Http, { org, guard }: { org: OrgService; guard: Guard }) {
  const tags = ['org'];
  app.get(
    '/api/org/departments',
    {
      schema: { tags, summary: '职能部门列表 List departments', response: { 200: S.Departments, ...errorReplies } },
      onRequest: guard('org.read'),
    },
    async (request) => ({ items: await org.find(request.actor) }),
  );

  app.post(
    '/api/org/departments',
    {
      schema: {
        tags,
        summary: '新建部门 Create a department',
        body: S.CreateDepartmentBody,
        response: { 201: S.DepartmentDetail, ...errorReplies },
      },
      onRequest: guard('org.manage'),
    },
    async (request, reply) => reply.status(201).send(await org.create(request.actor, request.body)),
  );

  app.get(
    '/api/org/departments/:code',
    {
      schema: {
        tags,
        summary: '部门详情 A department, its claimed grids and staff',
        params: S.DepartmentParams,
        response: { 200: S.DepartmentDetail, ...errorReplies },
      },
      onRequest: guard('org.read'),
    },
    async (request) => org.get(request.actor, request.params.code),
  );

  app.post(
    '/api/org/departments/:code/claims',
    {
      schema: {
        tags,
        summary: '认领网格 Claim a grid',
        params: S.DepartmentParams,
        body: S.ClaimBody,
        response: { 200: S.DepartmentDetail, ...errorReplies },
      },
      onRequest: guard('org.manage'),
    },
    async (request) => org.claim(request.actor, request.params.code, request.body.gridCode),
  );

  app.delete(
    '/api/org/departments/:code/claims/:gridCode',
    {
      schema: {
        tags,
        summary: '取消认领 Release a claimed grid',
        params: S.ClaimParams,
        response: { 200: S.DepartmentDetail, ...errorReplies },
      },
      onRequest: guard('org.manage'),
    },
    async (request) => org.release(request.actor, request.params.code, request.params.gridCode),
  );
}
