import { Type } from '@sinclair/typebox';
import type { Http } from '../platform/http.ts';
import { errorReplies } from '../platform/schemas.ts';
import type { Guard } from '../platform/actor.ts';
import type { OrgService } from './org.service.ts';

const Code = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$', description: 'Department code', example: 'YM-CG' });
const DepartmentSummary = Type.Object({
  code: Code,
  name: Type.String({ description: 'Name', example: '云梦县城市管理局' }),
  areaCode: Type.String({ description: 'Area the department belongs to (city or county)', example: '420923' }),
  areaName: Type.String({ description: 'Name of that area', example: '云梦县' }),
  claimCount: Type.Integer({ description: 'Grids claimed' }),
  staffCount: Type.Integer({ description: 'Staff accounts' }),
});
const DepartmentDetail = Type.Object({
  code: Code,
  name: Type.String({ description: 'Name' }),
  areaCode: Type.String({ description: 'Area code' }),
  areaName: Type.String({ description: 'Area name' }),
  claims: Type.Array(Type.Object({ gridCode: Type.String({ description: 'Grid code' }), gridName: Type.String({ description: 'Grid name' }) })),
  staff: Type.Array(Type.Object({ id: Type.String({ description: 'User id' }), username: Type.String({ description: 'Sign-in name' }), displayName: Type.String({ description: 'Name' }) })),
});
const CodeParams = Type.Object({ code: Code });
const GridCode = Type.String({ pattern: '^[0-9]{15}$', description: '15-digit grid code', example: '420923100001001' });

export function orgRoutes(app: Http, { org, guard }: { org: OrgService; guard: Guard }) {
  const tags = ['org'];
  app.get('/api/org/departments', {
    schema: { tags, summary: '职能部门列表 List departments', response: { 200: Type.Object({ items: Type.Array(DepartmentSummary) }), ...errorReplies } },
    onRequest: guard('org.read'),
  }, async (request) => ({ items: await org.list(request.actor) }));

  app.post('/api/org/departments', {
    schema: {
      tags, summary: '新建部门 Create a department',
      body: Type.Object({ code: Code, name: Type.String({ minLength: 1, maxLength: 64, description: 'Name', example: '云梦县城市管理局' }), areaCode: Type.String({ pattern: '^[0-9]{6}$', description: 'City or county code', example: '420923' }) }, { additionalProperties: false }),
      response: { 201: DepartmentDetail, ...errorReplies },
    },
    onRequest: guard('org.manage'),
  }, async (request, reply) => reply.status(201).send(await org.create(request.actor, request.body)));

  app.get('/api/org/departments/:code', {
    schema: { tags, summary: '部门详情 A department, its claimed grids and staff', params: CodeParams, response: { 200: DepartmentDetail, ...errorReplies } },
    onRequest: guard('org.read'),
  }, async (request) => org.get(request.actor, request.params.code));

  app.post('/api/org/departments/:code/claims', {
    schema: { tags, summary: '认领网格 Claim a grid', params: CodeParams, body: Type.Object({ gridCode: GridCode }, { additionalProperties: false }), response: { 200: DepartmentDetail, ...errorReplies } },
    onRequest: guard('org.manage'),
  }, async (request) => org.claim(request.actor, request.params.code, request.body.gridCode));

  app.delete('/api/org/departments/:code/claims/:gridCode', {
    schema: { tags, summary: '取消认领 Release a claimed grid', params: Type.Object({ code: Code, gridCode: GridCode }), response: { 200: DepartmentDetail, ...errorReplies } },
    onRequest: guard('org.manage'),
  }, async (request) => org.release(request.actor, request.params.code, request.params.gridCode));
}
