import { Type } from '@sinclair/typebox';
import type { Http } from '../../platform/http.ts';
import { errorReplies, Nullable } from '../../platform/schemas.ts';
import type { Guard } from '../../platform/actor.ts';
import type { OrganisationsService } from './organisations.service.ts';
import { writeOrganisationSheet } from './org-export.ts';
import { exportRoute } from '../io/list-export.ts';
import { RecordHistorySchema, VerifiedBySchema } from '../records/record-history.ts';

const CreditCodeParam = Type.Object({ creditCode: Type.String({ minLength: 18, maxLength: 18, description: '统一社会信用代码', example: '91420923MA49ABCD1X' }) });
const Text = (maxLength: number, description: string) => Nullable(Type.String({ maxLength, description }));

const Organisation = Type.Object({
  creditCode: Type.String({ description: 'Unified social credit code (GB 32100)' }),
  name: Type.String(),
  orgType: Type.String({ description: 'Code of the org_type table' }),
  address: Type.String(),
  gridCode: Type.String(),
  lng: Nullable(Type.Number()),
  lat: Nullable(Type.Number()),
  legalRep: Nullable(Type.String({ description: 'Legal representative' })),
  safetyContact: Nullable(Type.String({ description: 'Safety contact' })),
  safetyContactPhone: Nullable(Type.String({ description: 'Masked phone', example: '138****1234' })),
  hazards: Type.Array(Type.String({ description: 'Codes of the org_hazard table' })),
  verifiedAt: Nullable(Type.String({ description: 'Last verified' })),
  version: Type.Integer({ description: 'Send it back with an edit' }),
  updatedAt: Type.String(),
});
const OrganisationDetail = Type.Intersect([Organisation, Type.Object({
  verifiedBy: VerifiedBySchema,
  history: RecordHistorySchema,
})]);

const Fields = {
  name: Type.String({ minLength: 1, maxLength: 100, description: '单位名称' }),
  orgType: Type.String({ minLength: 1, maxLength: 20, description: 'Code or name of the org_type table', example: '01' }),
  address: Type.String({ minLength: 1, maxLength: 120 }),
  gridCode: Type.Optional(Nullable(Type.String({ maxLength: 15, description: 'Grid; may be left out when a point is given' }))),
  lng: Type.Optional(Nullable(Type.Number({ description: 'Longitude; the grid is found from the point' }))),
  lat: Type.Optional(Nullable(Type.Number())),
  legalRep: Type.Optional(Text(50, '法定代表人')),
  safetyContact: Type.Optional(Text(50, '安全负责人')),
  safetyContactPhone: Type.Optional(Text(20, 'Mobile or landline with area code')),
  hazards: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 20, description: 'Codes or names of the org_hazard table' })),
};
const Filter = {
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'Part of the name, or a whole credit code' })),
  area: Type.Optional(Type.String({ pattern: '^[0-9]{6,15}$', description: 'Only under this area or grid' })),
  orgType: Type.Optional(Type.String({ maxLength: 4 })),
  hazard: Type.Optional(Type.String({ maxLength: 4 })),
};

export async function organisationRoutes(app: Http, { organisations, guard }: { organisations: OrganisationsService; guard: Guard }) {
  const tags = ['registry'];

  app.get('/api/registry/organisations', {
    schema: { tags, summary: '查找单位 Organisations by name (part) or credit code, type, hazard, area — within jurisdiction', querystring: Type.Object({ ...Filter, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) }, { additionalProperties: false }), response: { 200: Type.Object({ items: Type.Array(Organisation) }), ...errorReplies } },
    onRequest: guard('registry.read'),
  }, async (request) => {
    const { limit, ...filter } = request.query;
    return { items: await organisations.search(request.actor, filter, limit ?? 100) };
  });

  exportRoute(app, guard, {
    url: '/api/registry/organisations/export',
    summary: '导出单位 Export a filtered list to Excel (masked unless unmasking is allowed and explained; audited)',
    filter: Filter,
    unmaskable: true,
    fileName: 'organisations.xlsx',
    rows: (actor, filter, unmask) => organisations.export(actor, { ...filter, unmask }),
    write: writeOrganisationSheet,
  });

  app.get('/api/registry/organisations/:creditCode', {
    schema: { tags, summary: '单位详情 An organisation, who verified it, and its history', params: CreditCodeParam, response: { 200: OrganisationDetail, ...errorReplies } },
    onRequest: guard('registry.read'),
  }, async (request) => organisations.get(request.actor, request.params.creditCode));

  app.post('/api/registry/organisations', {
    schema: { tags, summary: '登记单位 Record an organisation', body: Type.Object({ creditCode: Type.String({ minLength: 1, maxLength: 30 }), ...Fields }, { additionalProperties: false }), response: { 200: OrganisationDetail, ...errorReplies } },
    onRequest: guard('registry.write'),
  }, async (request) => organisations.create(request.actor, request.body, request.lang));

  app.put('/api/registry/organisations/:creditCode', {
    schema: { tags, summary: '修改单位 Edit an organisation (409 when it changed since `version`)', params: CreditCodeParam, body: Type.Object({ ...Fields, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), response: { 200: OrganisationDetail, ...errorReplies } },
    onRequest: guard('registry.write'),
  }, async (request) => organisations.edit(request.actor, request.params.creditCode, request.body, request.lang));

  app.post('/api/registry/organisations/:creditCode/verify', {
    schema: { tags, summary: '核实单位 Confirm the record as it stands', params: CreditCodeParam, body: Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), response: { 200: OrganisationDetail, ...errorReplies } },
    onRequest: guard('registry.write'),
  }, async (request) => organisations.verify(request.actor, request.params.creditCode, request.body.version));

  app.post('/api/registry/organisations/:creditCode/reveal', {
    schema: { tags, summary: '查看完整电话 Reveal the safety contact phone, with a reason (audited)', params: CreditCodeParam, body: Type.Object({ field: Type.Literal('safetyContactPhone'), reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }), response: { 200: Type.Object({ field: Type.String(), value: Nullable(Type.String()) }), ...errorReplies } },
    onRequest: guard('registry.unmask'),
  }, async (request) => organisations.reveal(request.actor, request.params.creditCode, request.body.reason));
}
