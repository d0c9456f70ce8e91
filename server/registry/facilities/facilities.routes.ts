import { PAGE } from '../../../shared/limits.ts';
import type { Guard } from '../../platform/actor.ts';
import type { Http } from '../../platform/http.ts';
import { pageAsked } from '../../platform/paging.ts';
import { errorReplies } from '../../platform/schemas.ts';
import { exportRoute } from '../io/list-export.ts';
import {
  FACILITY_CLASS,
  FACILITY_MAJOR,
  FACILITY_STATE,
  HOUSE_HAZARD,
  HOUSE_USE,
  ORG_HAZARD,
  ORG_TYPE,
  RENTAL_CATEGORY,
  RENTAL_LEVEL,
  RENTAL_USE,
} from '../records/code-tables.ts';
import * as S from './facilities.schemas.ts';
import type { FacilitiesService } from './facilities.service.ts';
import { writeFacilitySheet } from './facility-export.ts';

export async function facilityRoutes(app: Http, { facilities, guard }: { facilities: FacilitiesService; guard: Guard }) {
  const tags = ['registry'];

  app.get(
    '/api/registry/org-facility-codes',
    {
      schema: {
        tags,
        summary: '代码表 Code tables of organisations, components and houses, and the departments that own components',
        response: { 200: S.CodeTables, ...errorReplies },
      },
      onRequest: guard('registry.read'),
    },
    async (request) => ({
      departments: await facilities.departments(request.actor),
      tables: [
        ORG_TYPE,
        ORG_HAZARD,
        FACILITY_MAJOR,
        FACILITY_CLASS,
        FACILITY_STATE,
        HOUSE_USE,
        RENTAL_USE,
        RENTAL_CATEGORY,
        RENTAL_LEVEL,
        HOUSE_HAZARD,
      ].map((t) => ({
        id: t.id,
        zh: t.zh,
        en: t.en,
        entries: t.entries.map((e) => ({ code: e.code, zh: e.zh, ...(e.en ? { en: e.en } : {}) })),
      })),
    }),
  );

  app.get(
    '/api/registry/facilities',
    {
      schema: {
        tags,
        summary: '查找部件 Components by class, area or grid, state, name — within jurisdiction',
        querystring: S.FacilityQuery,
        response: { 200: S.Facilities, ...errorReplies },
      },
      onRequest: guard('registry.read'),
    },
    async (request) => {
      const { offset, limit, ...filter } = request.query;
      return facilities.find(request.actor, filter, pageAsked({ offset, limit }, PAGE.facilities));
    },
  );

  exportRoute(app, guard, {
    url: '/api/registry/facilities/export',
    summary: '导出部件 Export a filtered list to Excel (audited with its filter and row count)',
    filter: S.FacilityFilter,
    unmaskable: false,
    fileName: 'facilities.xlsx',
    rows: (actor, filter) => facilities.export(actor, filter),
    write: writeFacilitySheet,
  });

  app.get(
    '/api/registry/facilities/:code',
    {
      schema: {
        tags,
        summary: '部件详情 A component and its history',
        params: S.CodeParam,
        response: { 200: S.FacilityDetail, ...errorReplies },
      },
      onRequest: guard('registry.read'),
    },
    async (request) => facilities.get(request.actor, request.params.code),
  );

  app.post(
    '/api/registry/facilities',
    {
      schema: {
        tags,
        summary: '登记部件 Record a component; the server gives its code',
        body: S.CreateFacilityBody,
        response: { 200: S.FacilityDetail, ...errorReplies },
      },
      onRequest: guard('registry.write'),
    },
    async (request) => facilities.create(request.actor, request.body, request.lang),
  );

  app.put(
    '/api/registry/facilities/:code',
    {
      schema: {
        tags,
        summary: '修改部件 Edit a component (409 when it changed since `version`)',
        params: S.CodeParam,
        body: S.EditFacilityBody,
        response: { 200: S.FacilityDetail, ...errorReplies },
      },
      onRequest: guard('registry.write'),
    },
    async (request) => facilities.update(request.actor, request.params.code, request.body, request.lang),
  );

  app.post(
    '/api/registry/facilities/:code/verify',
    {
      schema: {
        tags,
        summary: '核实部件 Confirm the record as it stands',
        params: S.CodeParam,
        body: S.VerifyBody,
        response: { 200: S.FacilityDetail, ...errorReplies },
      },
      onRequest: guard('registry.write'),
    },
    async (request) => facilities.verify(request.actor, request.params.code, request.body.version),
  );
}
