import { PAGE } from '../../../shared/limits.ts';
import type { Guard } from '../../platform/actor.ts';
import type { Http } from '../../platform/http.ts';
import { pageAsked } from '../../platform/paging.ts';
import { errorReplies } from '../../platform/schemas.ts';
import { exportRoute } from '../io/list-export.ts';
import { writeOrganisationSheet } from './org-export.ts';
import * as S from './organisations.schemas.ts';
import type { OrganisationsService } from './organisations.service.ts';

export async function organisationRoutes(app: Http, { organisations, guard }: { organisations: OrganisationsService; guard: Guard }) {
  const tags = ['registry'];

  app.get(
    '/api/registry/organisations',
    {
      schema: {
        tags,
        summary: '查找单位 Organisations by name (part) or credit code, type, hazard, area — within jurisdiction',
        querystring: S.OrganisationQuery,
        response: { 200: S.Organisations, ...errorReplies },
      },
      onRequest: guard('registry.read'),
    },
    async (request) => {
      const { offset, limit, ...filter } = request.query;
      return organisations.find(request.actor, filter, pageAsked({ offset, limit }, PAGE.organisations));
    },
  );

  exportRoute(app, guard, {
    url: '/api/registry/organisations/export',
    summary: '导出单位 Export a filtered list to Excel (masked unless unmasking is allowed and explained; audited)',
    filter: S.OrganisationFilter,
    unmaskable: true,
    fileName: 'organisations.xlsx',
    rows: (actor, filter, unmask) => organisations.export(actor, { ...filter, unmask }),
    write: writeOrganisationSheet,
  });

  app.get(
    '/api/registry/organisations/:creditCode',
    {
      schema: {
        tags,
        summary: '单位详情 An organisation, who verified it, and its history',
        params: S.CreditCodeParam,
        response: { 200: S.OrganisationDetail, ...errorReplies },
      },
      onRequest: guard('registry.read'),
    },
    async (request) => organisations.get(request.actor, request.params.creditCode),
  );

  app.post(
    '/api/registry/organisations',
    {
      schema: {
        tags,
        summary: '登记单位 Record an organisation',
        body: S.CreateOrganisationBody,
        response: { 200: S.OrganisationDetail, ...errorReplies },
      },
      onRequest: guard('registry.write'),
    },
    async (request) => organisations.create(request.actor, request.body, request.lang),
  );

  app.put(
    '/api/registry/organisations/:creditCode',
    {
      schema: {
        tags,
        summary: '修改单位 Edit an organisation (409 when it changed since `version`)',
        params: S.CreditCodeParam,
        body: S.EditOrganisationBody,
        response: { 200: S.OrganisationDetail, ...errorReplies },
      },
      onRequest: guard('registry.write'),
    },
    async (request) => organisations.update(request.actor, request.params.creditCode, request.body, request.lang),
  );

  app.post(
    '/api/registry/organisations/:creditCode/verify',
    {
      schema: {
        tags,
        summary: '核实单位 Confirm the record as it stands',
        params: S.CreditCodeParam,
        body: S.VerifyBody,
        response: { 200: S.OrganisationDetail, ...errorReplies },
      },
      onRequest: guard('registry.write'),
    },
    async (request) => organisations.verify(request.actor, request.params.creditCode, request.body.version),
  );

  app.post(
    '/api/registry/organisations/:creditCode/reveal',
    {
      schema: {
        tags,
        summary: '查看完整电话 Reveal the safety contact phone, with a reason (audited)',
        params: S.CreditCodeParam,
        body: S.RevealPhoneBody,
        response: { 200: S.Revealed, ...errorReplies },
      },
      onRequest: guard('registry.unmask'),
    },
    async (request) => organisations.reveal(request.actor, request.params.creditCode, request.body.reason),
  );
}
