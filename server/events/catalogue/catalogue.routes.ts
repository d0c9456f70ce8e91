import { SEVERITIES, STAGES } from '../../../shared/enums.ts';
import type { Guard } from '../../platform/actor.ts';
import type { Http } from '../../platform/http.ts';
import { errorReplies } from '../../platform/schemas.ts';
import * as S from './catalogue.schemas.ts';
import { type CatalogueRule, DEPARTMENT_KINDS } from './catalogue.seed.ts';
import type { CatalogueService } from './catalogue.service.ts';

/** The schema's shape is the rule's shape; TypeBox sees each stage limit as an object of optional units. */
const asRule = (rule: unknown) => rule as CatalogueRule | undefined;

/** The editor's select boxes come from here, so the screen offers exactly what the schema accepts. */
const CHOICES = { stages: [...STAGES], severities: [...SEVERITIES], levels: S.RULE_LEVELS, departmentKinds: Object.keys(DEPARTMENT_KINDS) };

export function catalogueRoutes(app: Http, { catalogue, guard }: { catalogue: CatalogueService; guard: Guard }) {
  const tags = ['catalogue'];

  app.get(
    '/api/events/catalogue',
    {
      schema: {
        tags,
        summary: '派单目录 The catalogue offered for reporting',
        querystring: S.ReportingQuery,
        response: { 200: S.ReportingCatalogue, ...errorReplies },
      },
      onRequest: guard('events.read'),
    },
    async (request) => ({ items: await catalogue.reporting(request.query.retired ?? false) }),
  );

  app.get(
    '/api/catalogue',
    {
      schema: {
        tags,
        summary: '目录维护 Every node with its version, retired ones too, and the values a rule may take',
        response: { 200: S.CatalogueList, ...errorReplies },
      },
      onRequest: guard('catalogue.manage'),
    },
    async () => ({ items: await catalogue.find(), choices: CHOICES }),
  );

  app.post(
    '/api/catalogue',
    {
      schema: {
        tags,
        summary: '新增本地事项 Add a local item under a minor class, or a local minor class under a major class (the code is assigned)',
        body: S.AddLocalBody,
        response: { 201: S.CatalogueNode, ...errorReplies },
      },
      onRequest: guard('catalogue.manage'),
    },
    async (request, reply) =>
      reply.status(201).send(await catalogue.addLocal(request.actor, { ...request.body, rule: asRule(request.body.rule) })),
  );

  app.put(
    '/api/catalogue/:code',
    {
      schema: {
        tags,
        summary: '修改目录节点 Edit a node: a new version, the old one kept',
        params: S.CatalogueParams,
        body: S.EditNodeBody,
        response: { 200: S.CatalogueNode, ...errorReplies },
      },
      onRequest: guard('catalogue.manage'),
    },
    async (request) => catalogue.update(request.actor, request.params.code, { ...request.body, rule: asRule(request.body.rule) }),
  );

  app.post(
    '/api/catalogue/:code/retire',
    {
      schema: {
        tags,
        summary: '停用 Retire a node: old cases keep it, new reports cannot name it',
        params: S.CatalogueParams,
        body: S.VersionBody,
        response: { 200: S.CatalogueNode, ...errorReplies },
      },
      onRequest: guard('catalogue.manage'),
    },
    async (request) => catalogue.setRetired(request.actor, request.params.code, request.body.version, true),
  );

  app.post(
    '/api/catalogue/:code/restore',
    {
      schema: {
        tags,
        summary: '启用 Offer a retired node again',
        params: S.CatalogueParams,
        body: S.VersionBody,
        response: { 200: S.CatalogueNode, ...errorReplies },
      },
      onRequest: guard('catalogue.manage'),
    },
    async (request) => catalogue.setRetired(request.actor, request.params.code, request.body.version, false),
  );

  app.get(
    '/api/catalogue/:code/history',
    {
      schema: {
        tags,
        summary: '版本历史 A node now and every earlier version, newest first',
        params: S.CatalogueParams,
        response: { 200: S.NodeHistory, ...errorReplies },
      },
      onRequest: guard('catalogue.manage'),
    },
    async (request) => catalogue.history(request.params.code),
  );
}
