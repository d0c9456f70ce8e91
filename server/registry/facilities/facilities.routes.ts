import { Type } from '@sinclair/typebox';
import type { Http } from '../../platform/http.ts';
import { errorReplies, Nullable } from '../../platform/schemas.ts';
import type { Guard } from '../../platform/actor.ts';
import type { FacilitiesService } from './facilities.service.ts';
import { writeFacilitySheet } from './facility-export.ts';
import { exportRoute } from '../io/list-export.ts';
import { RecordHistorySchema, VerifiedBySchema } from '../records/record-history.ts';
import { FACILITY_CLASS, FACILITY_MAJOR, FACILITY_STATE, ORG_HAZARD, ORG_TYPE, HOUSE_USE, RENTAL_USE, RENTAL_CATEGORY, RENTAL_LEVEL, HOUSE_HAZARD } from '../records/code-tables.ts';

const CodeParam = Type.Object({ code: Type.String({ pattern: '^[0-9]{16,17}$', description: '部件标识码', example: '42092301037000001' }) });

const Facility = Type.Object({
  code: Type.String({ description: '17 digits: county (6) + class (5) + serial (6)' }),
  classCode: Type.String({ description: 'GB/T 47678.5 class: major (2) + minor (3)' }),
  name: Type.String(),
  gridCode: Type.String(),
  lng: Type.Number(),
  lat: Type.Number(),
  ownerDept: Type.String({ description: 'Department code of the owner (权属单位)' }),
  ownerDeptName: Nullable(Type.String()),
  maintainerDept: Nullable(Type.String({ description: 'Department code of the maintainer (养护单位)' })),
  maintainerDeptName: Nullable(Type.String()),
  state: Type.String({ description: 'Code of the facility_state table' }),
  note: Nullable(Type.String()),
  verifiedAt: Nullable(Type.String()),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
const FacilityDetail = Type.Intersect([Facility, Type.Object({
  verifiedBy: VerifiedBySchema,
  history: RecordHistorySchema,
})]);
const Fields = {
  name: Type.Optional(Nullable(Type.String({ maxLength: 30, description: 'Defaults to the class name' }))),
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  ownerDept: Type.String({ minLength: 1, maxLength: 40 }),
  maintainerDept: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  state: Type.String({ minLength: 1, maxLength: 10, description: 'Code or name of the facility_state table', example: '01' }),
  note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
};
const Filter = {
  classCode: Type.Optional(Type.String({ pattern: '^[0-9]{2}([0-9]{3})?$', description: 'Major class (2 digits) or class (5)', example: '01037' })),
  area: Type.Optional(Type.String({ pattern: '^[0-9]{6,15}$', description: 'Only under this area or grid' })),
  state: Type.Optional(Type.String({ maxLength: 4, description: 'Code of the facility_state table' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 30, description: 'Part of the name' })),
};
const CodeTableReply = Type.Object({
  id: Type.String(), zh: Type.String(), en: Type.String(),
  entries: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.Optional(Type.String()) })),
});

export async function facilityRoutes(app: Http, { facilities, guard }: { facilities: FacilitiesService; guard: Guard }) {
  const tags = ['registry'];

  app.get('/api/registry/org-facility-codes', {
    schema: {
      tags, summary: '代码表 Code tables of organisations, components and houses, and the departments that own components',
      response: { 200: Type.Object({ tables: Type.Array(CodeTableReply), departments: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })) }), ...errorReplies },
    },
    onRequest: guard('registry.read'),
  }, async (request) => ({
    departments: await facilities.departments(request.actor),
    tables: [ORG_TYPE, ORG_HAZARD, FACILITY_MAJOR, FACILITY_CLASS, FACILITY_STATE, HOUSE_USE, RENTAL_USE, RENTAL_CATEGORY, RENTAL_LEVEL, HOUSE_HAZARD].map((t) => ({ id: t.id, zh: t.zh, en: t.en, entries: t.entries.map((e) => ({ code: e.code, zh: e.zh, ...(e.en ? { en: e.en } : {}) })) })),
  }));

  app.get('/api/registry/facilities', {
    schema: {
      tags, summary: '查找部件 Components by class, area or grid, state, name — within jurisdiction',
      querystring: Type.Object({ ...Filter, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Facility) }), ...errorReplies },
    },
    onRequest: guard('registry.read'),
  }, async (request) => {
    const { limit, ...filter } = request.query;
    return { items: await facilities.list(request.actor, filter, limit ?? 200) };
  });

  exportRoute(app, guard, {
    url: '/api/registry/facilities/export',
    summary: '导出部件 Export a filtered list to Excel (audited with its filter and row count)',
    filter: Filter,
    unmaskable: false,
    fileName: 'facilities.xlsx',
    rows: (actor, filter) => facilities.export(actor, filter),
    write: writeFacilitySheet,
  });

  app.get('/api/registry/facilities/:code', {
    schema: { tags, summary: '部件详情 A component and its history', params: CodeParam, response: { 200: FacilityDetail, ...errorReplies } },
    onRequest: guard('registry.read'),
  }, async (request) => facilities.get(request.actor, request.params.code));

  app.post('/api/registry/facilities', {
    schema: { tags, summary: '登记部件 Record a component; the server gives its code', body: Type.Object({ classCode: Type.String({ minLength: 4, maxLength: 5, description: 'GB/T 47678.5 class', example: '01037' }), ...Fields }, { additionalProperties: false }), response: { 200: FacilityDetail, ...errorReplies } },
    onRequest: guard('registry.write'),
  }, async (request) => facilities.create(request.actor, request.body, request.lang));

  app.put('/api/registry/facilities/:code', {
    schema: { tags, summary: '修改部件 Edit a component (409 when it changed since `version`)', params: CodeParam, body: Type.Object({ ...Fields, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), response: { 200: FacilityDetail, ...errorReplies } },
    onRequest: guard('registry.write'),
  }, async (request) => facilities.edit(request.actor, request.params.code, request.body, request.lang));

  app.post('/api/registry/facilities/:code/verify', {
    schema: { tags, summary: '核实部件 Confirm the record as it stands', params: CodeParam, body: Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), response: { 200: FacilityDetail, ...errorReplies } },
    onRequest: guard('registry.write'),
  }, async (request) => facilities.verify(request.actor, request.params.code, request.body.version));
}
