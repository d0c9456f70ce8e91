import { Type, type TOptional } from '@sinclair/typebox';
import type { Http } from '../platform/http.ts';
import { errorReplies, Nullable } from '../platform/schemas.ts';
import type { Guard } from '../access/guard.ts';
import { AREA_LEVELS } from '../../shared/roles.ts';
import { DEPARTMENT_KINDS, type CatalogueRule } from './catalogue.seed.ts';
import { SEVERITIES, STAGES, type Stage } from './deadlines.core.ts';
import type { CatalogueService } from './catalogue.service.ts';

const literals = <T extends string>(xs: readonly T[], description: string) => Type.Union(xs.map((x) => Type.Literal(x)), { description });
const DateTime = () => Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const Code = Type.String({ pattern: '^[A-Z]{2}[0-9A-Z]{0,14}$', description: 'Catalogue code', example: 'CG06010' });
const RULE_LEVELS = AREA_LEVELS.filter((l) => l !== 'grid');
const Version = Type.Integer({ minimum: 1, description: 'The version the editor saw; a node changed since answers 409' });
const Name = Type.String({ minLength: 1, maxLength: 60, pattern: '\\S', description: 'Name as reporters see it' });

/**
 * One unit per stage. The maxima keep a typo from setting a limit nobody means: 70 working hours is ten office
 * days (use working days beyond that), a week round the clock, and a working quarter.
 */
const StageLimit = Type.Object(
  {
    hours: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 70, description: 'Working hours' })),
    workingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, description: 'Working days' })),
    clockHours: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 168, description: 'Hours round the clock, for urgent matters' })),
  },
  { additionalProperties: false, minProperties: 1, maxProperties: 1, description: 'Exactly one of hours | workingDays | clockHours' },
);
const Limits = Type.Object(
  Object.fromEntries(STAGES.map((s) => [s, Type.Optional(StageLimit)])) as Record<Stage, TOptional<typeof StageLimit>>,
  { additionalProperties: false, description: 'Time limit of each stage; a stage left out has none' },
);
const Rule = Type.Object(
  {
    level: literals(RULE_LEVELS, 'The lowest level that owns such a case'),
    department: Nullable(literals(Object.keys(DEPARTMENT_KINDS) as (keyof typeof DEPARTMENT_KINDS)[], 'Kind of department that acts on it; null: the owning centre itself')),
    limits: Limits,
    severity: literals(SEVERITIES, 'Default severity'),
    closing: Type.Object({ afterPhoto: Type.Boolean(), onSiteCheck: Type.Boolean() }, { additionalProperties: false, description: 'What closing needs' }),
    fixOnSpot: Type.Boolean({ description: 'A grid worker may fix it on the spot (即报即办)' }),
  },
  { additionalProperties: false, description: 'Items only' },
);
/** Replies carry the rule in the same shape (null on classes), so the console's types know it too. */
const RuleReply = Type.Unsafe<CatalogueRule | null>(Nullable(Rule));
/** The schema's shape is the rule's shape; TypeBox sees each stage limit as an object of optional units. */
const asRule = (rule: unknown) => rule as CatalogueRule | undefined;

const NodeKind = Type.Unsafe<string>(literals(['major', 'minor', 'item'], 'major | minor | item'));
const Node = Type.Object({
  code: Type.String(), parentCode: Nullable(Type.String()), kind: NodeKind, name: Type.String(),
  rule: RuleReply, version: Type.Integer(), local: Type.Boolean({ description: 'A city’s own node' }),
  retired: Type.Boolean({ description: 'Kept for old cases, offered to nobody' }), updatedAt: DateTime(),
});
const Change = Type.Object({
  code: Type.String(), version: Type.Integer(), name: Type.String(), rule: RuleReply, retired: Type.Boolean(),
  changedBy: Type.String({ description: 'Who replaced this version' }), changedAt: DateTime(),
});
/** The editor's select boxes come from here, so the screen offers exactly what the schema accepts. */
const CHOICES = { stages: [...STAGES], severities: [...SEVERITIES], levels: RULE_LEVELS, departmentKinds: Object.keys(DEPARTMENT_KINDS) };
const Choices = Type.Unsafe<Record<keyof typeof CHOICES, string[]>>(Type.Object({
  stages: Type.Array(literals(STAGES, 'Stage')), severities: Type.Array(literals(SEVERITIES, 'Severity')), levels: Type.Array(literals(RULE_LEVELS, 'Level')),
  departmentKinds: Type.Array(literals(Object.keys(DEPARTMENT_KINDS), 'Department kind')),
}));
const CodeParams = Type.Object({ code: Code });
const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });

export function catalogueRoutes(app: Http, { catalogue, guard }: { catalogue: CatalogueService; guard: Guard }) {
  const tags = ['catalogue'];

  app.get('/api/events/catalogue', {
    schema: {
      tags, summary: '派单目录 The catalogue offered for reporting',
      querystring: Type.Object({ retired: Type.Optional(Type.Boolean({ default: false, description: 'Include retired nodes too, to name old cases' })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), parentCode: Nullable(Type.String()), kind: NodeKind, name: Type.String(), rule: RuleReply, retired: Type.Boolean() })) }), ...errorReplies },
    },
    onRequest: guard('events.read'),
  }, async (request) => ({ items: await catalogue.reporting(request.query.retired ?? false) }));

  app.get('/api/catalogue', {
    schema: {
      tags, summary: '目录维护 Every node with its version, retired ones too, and the values a rule may take',
      response: { 200: Type.Object({ items: Type.Array(Node), choices: Choices }), ...errorReplies },
    },
    onRequest: guard('catalogue.manage'),
  }, async () => ({ items: await catalogue.list(), choices: CHOICES }));

  app.post('/api/catalogue', {
    schema: {
      tags, summary: '新增本地事项 Add a local item under a minor class, or a local minor class under a major class (the code is assigned)',
      body: Type.Object({ parentCode: Code, name: Name, rule: Type.Optional(Rule) }, { additionalProperties: false }),
      response: { 201: Node, ...errorReplies },
    },
    onRequest: guard('catalogue.manage'),
  }, async (request, reply) => reply.status(201).send(await catalogue.addLocal(request.actor, { ...request.body, rule: asRule(request.body.rule) })));

  app.put('/api/catalogue/:code', {
    schema: {
      tags, summary: '修改目录节点 Edit a node: a new version, the old one kept',
      params: CodeParams,
      body: Type.Object({ version: Version, name: Name, rule: Type.Optional(Rule) }, { additionalProperties: false }),
      response: { 200: Node, ...errorReplies },
    },
    onRequest: guard('catalogue.manage'),
  }, async (request) => catalogue.edit(request.actor, request.params.code, { ...request.body, rule: asRule(request.body.rule) }));

  app.post('/api/catalogue/:code/retire', {
    schema: { tags, summary: '停用 Retire a node: old cases keep it, new reports cannot name it', params: CodeParams, body: VersionBody, response: { 200: Node, ...errorReplies } },
    onRequest: guard('catalogue.manage'),
  }, async (request) => catalogue.setRetired(request.actor, request.params.code, request.body.version, true));

  app.post('/api/catalogue/:code/restore', {
    schema: { tags, summary: '启用 Offer a retired node again', params: CodeParams, body: VersionBody, response: { 200: Node, ...errorReplies } },
    onRequest: guard('catalogue.manage'),
  }, async (request) => catalogue.setRetired(request.actor, request.params.code, request.body.version, false));

  app.get('/api/catalogue/:code/history', {
    schema: {
      tags, summary: '版本历史 A node now and every earlier version, newest first',
      params: CodeParams,
      response: { 200: Type.Object({ node: Node, versions: Type.Array(Change) }), ...errorReplies },
    },
    onRequest: guard('catalogue.manage'),
  }, async (request) => catalogue.history(request.params.code));
}
