import { PassThrough } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { Http } from '../../platform/http.ts';
import { errorReplies, Nullable } from '../../platform/schemas.ts';
import type { Guard } from '../../platform/actor.ts';
import type { RegistryService } from './people.service.ts';
import { writeTemplate } from '../io/spreadsheet-export.ts';
import { writePeopleSheet } from './people-export.ts';
import { exportRoute } from '../io/list-export.ts';
import { TEMPLATES } from '../io/templates.ts';
import { RecordHistorySchema, VerifiedBySchema } from '../records/record-history.ts';
import { ImportTemplateParam } from '../io/import.routes.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const Person = Type.Object({
  id: Type.String({ format: 'uuid', description: 'Person id' }),
  name: Type.String({ description: 'Name', example: '张建华' }),
  sex: Type.String({ description: 'GB/T 2261.1 code: 1 male, 2 female' }),
  birthDate: Type.String({ description: 'From the ID number (given, for other documents)', example: '1985-03-14' }),
  ethnicity: Type.String({ description: 'GB/T 3304 code; empty for a person from abroad', example: '01' }),
  idType: Type.String({ description: 'GA/T 517 document code: 111 resident ID card, 414 passport, 516/511 Hong Kong and Macao / Taiwan residents’ permits, …', example: '111' }),
  idNumber: Type.String({ description: 'Masked document number: an ID number keeps its first and last 4, any other its first 1 and last 3', example: '4209**********2016' }),
  phone: Nullable(Type.String({ description: 'Masked phone', example: '138****1234' })),
  residentType: Type.String({ description: 'Resident type code' }),
  hukouRegion: Nullable(Type.String({ description: 'Household registration region code' })),
  hukouAddress: Nullable(Type.String({ description: 'Household registration address' })),
  inflowReason: Nullable(Type.String({ description: 'Reason for moving in (floating population)' })),
  permitType: Nullable(Type.String({ description: 'GB/T 31000 5.12 residence permit (floating population)', example: '01' })),
  permitExpiry: Nullable(Type.String({ description: 'When the residence permit runs out', example: '2027-06-30' })),
  leftBehindType: Nullable(Type.String({ description: 'GB/T 31000 5.15 left-behind type (registered residents)', example: '03' })),
  nationality: Nullable(Type.String({ description: 'GB/T 2659 alpha-3 (people from abroad)', example: 'KOR' })),
  foreignName: Nullable(Type.String({ description: 'Name in Latin letters (people from abroad)', example: 'KIM MINJUN' })),
  visitPurpose: Nullable(Type.String({ description: 'GB/T 31000 5.16 purpose of stay (people from abroad)', example: '02' })),
  arrivalDate: Nullable(Type.String({ description: 'Arrival (people from abroad)', example: '2025-03-01' })),
  departureDate: Nullable(Type.String({ description: 'Expected departure (people from abroad)', example: '2027-02-28' })),
  gridCode: Type.String({ description: 'Grid of the current home' }),
  tags: Nullable(Type.Object({ specialGroups: Type.Array(Type.String()), keyPersonTags: Type.Array(Type.String()) }, { description: 'Only for roles allowed to see them' })),
  verifiedAt: Nullable(Type.String({ description: 'Last verified' })),
  version: Type.Integer({ description: 'Send it back with an edit or a move' }),
});
/** A person, where they live and lived, and every change: what a person's detail and the person form answer. */
export const PersonDetail = Type.Intersect([Person, Type.Object({
  residences: Type.Array(Type.Object({ houseCode: Type.String(), address: Nullable(Type.String()), relation: Nullable(Type.String()), movedIn: Type.String(), movedOut: Nullable(Type.String()) })),
  verifiedBy: VerifiedBySchema,
  history: RecordHistorySchema,
})]);
export async function registryRoutes(app: Http, deps: { registry: RegistryService; guard: Guard }) {
  const { registry, guard } = deps;
  const tags = ['registry'];

  app.get('/api/registry/people', {
    schema: { tags, summary: '查找人员 Find people by name (part), ID number, passport or permit number, or phone', querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 40, description: 'Name (part), or a whole ID number, mobile or passport/permit number', example: '张' }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }, { additionalProperties: false }), response: { 200: Type.Object({ items: Type.Array(Person) }), ...errorReplies } },
    onRequest: guard('registry.read'),
  }, async (request) => ({ items: await registry.searchPeople(request.actor, request.query.q, request.query.limit ?? 50) }));

  exportRoute(app, guard, {
    url: '/api/registry/people/export',
    summary: '导出人员 Export a filtered list to Excel (masked unless unmasking is allowed, asked for and explained; audited)',
    filter: {
      q: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Name (part), or a whole ID number, mobile or passport/permit number' })),
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
