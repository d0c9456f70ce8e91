import { PassThrough } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { Http } from '../platform/http.ts';
import { errorReplies, Nullable } from '../platform/schemas.ts';
import type { Guard } from '../access/guard.ts';
import type { RegistryService } from './registry.service.ts';
import { writeTemplate } from './spreadsheet-export.ts';
import { writePeopleSheet } from './people-export.ts';
import { exportRoute } from './list-export.ts';
import { TEMPLATES } from './templates.ts';
import { RecordHistorySchema, VerifiedBySchema } from './record-history.ts';
import { ImportTemplateParam } from './import.routes.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const Person = Type.Object({
  id: Type.String({ format: 'uuid', description: 'Person id' }),
  name: Type.String({ description: 'Name', example: '张建华' }),
  sex: Type.String({ description: 'GB/T 2261.1 code: 1 male, 2 female' }),
  birthDate: Type.String({ description: 'From the ID number', example: '1985-03-14' }),
  ethnicity: Type.String({ description: 'GB/T 3304 code', example: '01' }),
  idNumber: Type.String({ description: 'Masked ID number', example: '4209**********2016' }),
  phone: Nullable(Type.String({ description: 'Masked phone', example: '138****1234' })),
  residentType: Type.String({ description: 'Resident type code' }),
  hukouRegion: Nullable(Type.String({ description: 'Household registration region code' })),
  hukouAddress: Nullable(Type.String({ description: 'Household registration address' })),
  inflowReason: Nullable(Type.String({ description: 'Reason for moving in (floating population)' })),
  gridCode: Type.String({ description: 'Grid of the current home' }),
  tags: Nullable(Type.Object({ specialGroups: Type.Array(Type.String()), keyPersonTags: Type.Array(Type.String()) }, { description: 'Only for roles allowed to see them' })),
  verifiedAt: Nullable(Type.String({ description: 'Last verified' })),
});
const PersonDetail = Type.Intersect([Person, Type.Object({
  residences: Type.Array(Type.Object({ houseCode: Type.String(), address: Nullable(Type.String()), relation: Nullable(Type.String()), movedIn: Type.String(), movedOut: Nullable(Type.String()) })),
  verifiedBy: VerifiedBySchema,
  history: RecordHistorySchema,
})]);
export async function registryRoutes(app: Http, deps: { registry: RegistryService; guard: Guard }) {
  const { registry, guard } = deps;
  const tags = ['registry'];

  app.get('/api/registry/people', {
    schema: { tags, summary: '查找人员 Find people by name (part), ID number or phone', querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 40, description: 'Name, ID number or mobile', example: '张' }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }, { additionalProperties: false }), response: { 200: Type.Object({ items: Type.Array(Person) }), ...errorReplies } },
    onRequest: guard('registry.read'),
  }, async (request) => ({ items: await registry.searchPeople(request.actor, request.query.q, request.query.limit ?? 50) }));

  exportRoute(app, guard, {
    url: '/api/registry/people/export',
    summary: '导出人员 Export a filtered list to Excel (masked unless unmasking is allowed, asked for and explained; audited)',
    filter: {
      q: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Name, ID number or mobile' })),
      area: Type.Optional(Type.String({ pattern: '^[0-9]{6,15}$', description: 'Only people living under this area or grid' })),
    },
    unmaskable: true,
    fileName: 'people.xlsx',
    rows: (actor, filter, unmask) => registry.exportPeople(actor, { ...filter, unmask }),
    write: writePeopleSheet,
  });

  app.get('/api/registry/people/:id', {
    schema: { tags, summary: '人员详情 A person, where they live, and the history of changes', params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: PersonDetail, ...errorReplies } },
    onRequest: guard('registry.read'),
  }, async (request) => registry.getPerson(request.actor, request.params.id));

  app.post('/api/registry/people/:id/reveal', {
    schema: { tags, summary: '查看完整信息 Reveal one masked value, with a reason (audited)', params: Type.Object({ id: Type.String({ format: 'uuid' }) }), body: Type.Object({ field: Type.Union([Type.Literal('idNumber'), Type.Literal('phone')]), reason: Type.String({ minLength: 2, maxLength: 200, description: 'Why', example: '核实走访对象身份' }) }, { additionalProperties: false }), response: { 200: Type.Object({ field: Type.String(), value: Nullable(Type.String()) }), ...errorReplies } },
    onRequest: guard('registry.unmask'),
  }, async (request) => registry.reveal(request.actor, request.params.id, request.body.field, request.body.reason));

  app.get('/api/registry/templates/:template', {
    schema: { tags, summary: '下载导入模板 Download the Excel import template', params: ImportTemplateParam, response: { 200: Type.Unknown({ description: '.xlsx' }), ...errorReplies } },
    onRequest: guard('registry.read'),
  }, async (request, reply) => {
    const out = new PassThrough();
    void writeTemplate(TEMPLATES[request.params.template], out);
    return reply.type(XLSX).header('content-disposition', `attachment; filename="template-${request.params.template}.xlsx"`).send(out);
  });
}
