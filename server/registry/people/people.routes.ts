import { PassThrough } from 'node:stream';
import { PAGE } from '../../../shared/limits.ts';
import type { Guard } from '../../platform/actor.ts';
import type { Http } from '../../platform/http.ts';
import { pageAsked } from '../../platform/paging.ts';
import { errorReplies } from '../../platform/schemas.ts';
import { exportRoute } from '../io/list-export.ts';
import { writeTemplate } from '../io/spreadsheet-export.ts';
import { TEMPLATES } from '../io/templates.ts';
import * as S from './people.schemas.ts';
import type { RegistryService } from './people.service.ts';
import { writePeopleSheet } from './people-export.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function registryRoutes(app: Http, deps: { registry: RegistryService; guard: Guard }) {
  const { registry, guard } = deps;
  const tags = ['registry'];

  app.get(
    '/api/registry/people',
    {
      schema: {
        tags,
        summary: '查找人员 Find people by name (part), ID number, passport or permit number, or phone',
        querystring: S.PeopleQuery,
        response: { 200: S.People, ...errorReplies },
      },
      onRequest: guard('registry.read'),
    },
    async (request) => registry.findPeople(request.actor, request.query.q, pageAsked(request.query, PAGE.people)),
  );

  exportRoute(app, guard, {
    url: '/api/registry/people/export',
    summary: '导出人员 Export a filtered list to Excel (masked unless unmasking is allowed, asked for and explained; audited)',
    filter: S.PeopleExportFilter,
    unmaskable: true,
    fileName: 'people.xlsx',
    rows: (actor, filter, unmask) => registry.exportPeople(actor, { ...filter, unmask }),
    write: writePeopleSheet,
  });

  app.get(
    '/api/registry/people/:id',
    {
      schema: {
        tags,
        summary: '人员详情 A person, where they live, and the history of changes',
        params: S.PersonParams,
        response: { 200: S.PersonDetail, ...errorReplies },
      },
      onRequest: guard('registry.read'),
    },
    async (request) => registry.getPerson(request.actor, request.params.id),
  );

  app.post(
    '/api/registry/people/:id/reveal',
    {
      schema: {
        tags,
        summary: '查看完整信息 Reveal one masked value, with a reason (audited)',
        params: S.PersonParams,
        body: S.RevealBody,
        response: { 200: S.Revealed, ...errorReplies },
      },
      onRequest: guard('registry.unmask'),
    },
    async (request) => registry.reveal(request.actor, request.params.id, request.body.field, request.body.reason),
  );

  app.get(
    '/api/registry/templates/:template',
    {
      schema: {
        tags,
        summary: '下载导入模板 Download the Excel import template',
        params: S.ImportTemplateParam,
        response: { 200: S.TemplateFile, ...errorReplies },
      },
      onRequest: guard('registry.read'),
    },
    async (request, reply) => {
      const out = new PassThrough();
      void writeTemplate(TEMPLATES[request.params.template], out);
      return reply.type(XLSX).header('content-disposition', `attachment; filename="template-${request.params.template}.xlsx"`).send(out);
    },
  );
}
