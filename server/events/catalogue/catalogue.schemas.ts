import { type TOptional, Type } from '@sinclair/typebox';
import { SEVERITIES, STAGES, type Stage } from '../../../shared/enums.ts';
import { CATALOGUE_NAME_MAX } from '../../../shared/limits.ts';
import { AREA_LEVELS } from '../../../shared/roles.ts';
import { Nullable } from '../../platform/schemas.ts';
import { type CatalogueRule, DEPARTMENT_KINDS } from './catalogue.seed.ts';

const literals = <T extends string>(xs: readonly T[], description: string) =>
  Type.Union(
    xs.map((x) => Type.Literal(x)),
    { description },
  );
const DateTime = (description: string) => Type.Unsafe<Date>({ type: 'string', format: 'date-time', description });
export const CatalogueCode = Type.String({ pattern: '^[A-Z]{2}[0-9A-Z]{0,14}$', description: 'Catalogue code', example: 'CG06010' });
export const RULE_LEVELS = AREA_LEVELS.filter((l) => l !== 'grid');
const Version = Type.Integer({ minimum: 1, description: 'The version the editor saw; a node changed since answers 409' });
const Name = Type.String({ minLength: 1, maxLength: CATALOGUE_NAME_MAX, pattern: '\\S', description: 'Name as reporters see it' });

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
  { additionalProperties: false, description: 'Time limit of each stage; a stage left out gets the default (DEFAULT_STAGE_LIMITS)' },
);
const Rule = Type.Object(
  {
    level: literals(RULE_LEVELS, 'The lowest level that owns such a case'),
    department: Nullable(
      literals(
        Object.keys(DEPARTMENT_KINDS) as (keyof typeof DEPARTMENT_KINDS)[],
        'Kind of department that acts on it; null: the owning centre itself',
      ),
    ),
    limits: Limits,
    severity: literals(SEVERITIES, 'Default severity'),
    closing: Type.Object(
      {
        afterPhoto: Type.Boolean({ description: '处置后照片 The handler’s reply needs an after-photo' }),
        onSiteCheck: Type.Boolean({ description: '现场核查 Closing needs a photo from the on-site check' }),
      },
      { additionalProperties: false, description: 'What closing needs' },
    ),
    fixOnSpot: Type.Boolean({ description: 'A grid worker may fix it on the spot (即报即办)' }),
    maxExtensionDays: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 30, description: '延期上限 Working days of extension a case may get in all; default 10' }),
    ),
    urgencyFactors: Type.Optional(
      Type.Object(
        {
          urgent: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1, description: '紧急: share of each limit, default 0.5' })),
          very_urgent: Type.Optional(
            Type.Number({ exclusiveMinimum: 0, maximum: 1, description: '特急: share of each limit, default 0.25' }),
          ),
        },
        { additionalProperties: false, description: 'How much an urgent case’s limits shrink' },
      ),
    ),
  },
  { additionalProperties: false, description: 'Items only' },
);

/** Replies carry the rule in the shape an edit sends it (null on classes), so the console's types know it too. */
const RuleReply = Type.Unsafe<CatalogueRule | null>(
  Type.Union([Rule, Type.Null()], {
    description: '规则 The item’s rule (level, department, limits, severity, closing, fixOnSpot); none for classes',
  }),
);
const NodeKind = Type.Unsafe<string>(literals(['major', 'minor', 'item'], '节点类别 major | minor | item'));

export const CatalogueNode = Type.Object(
  {
    code: Type.String({ description: '编码 Catalogue code', example: 'CG06010' }),
    parentCode: Nullable(Type.String({ description: '上级编码 Parent class', example: 'CG06' })),
    kind: NodeKind,
    name: Type.String({ description: '名称 Name', example: '暴露垃圾' }),
    rule: RuleReply,
    version: Type.Integer({ description: '版本 Version, send it back with an edit' }),
    local: Type.Boolean({ description: 'A city’s own node' }),
    retired: Type.Boolean({ description: 'Kept for old cases, offered to nobody' }),
    updatedAt: DateTime('修改时间 Last changed'),
  },
  { description: '目录节点 A catalogue node' },
);
const Change = Type.Object({
  code: Type.String({ description: '编码 Catalogue code' }),
  version: Type.Integer({ description: '版本 The version this was' }),
  name: Type.String({ description: '名称 Name at that version' }),
  rule: RuleReply,
  retired: Type.Boolean({ description: '停用 Retired at that version' }),
  changedBy: Type.String({ description: 'Who replaced this version' }),
  changedAt: DateTime('替换时间 When this version was replaced'),
});
const Choices = Type.Unsafe<Record<'stages' | 'severities' | 'levels' | 'departmentKinds', string[]>>(
  Type.Object(
    {
      stages: Type.Array(literals(STAGES, 'Stage'), { description: '环节 Stages a limit may be set for' }),
      severities: Type.Array(literals(SEVERITIES, 'Severity'), { description: '分级 Severities' }),
      levels: Type.Array(literals(RULE_LEVELS, 'Level'), { description: '层级 Levels that may own a case' }),
      departmentKinds: Type.Array(literals(Object.keys(DEPARTMENT_KINDS), 'Department kind'), {
        description: '部门类别 Kinds of department',
      }),
    },
    { description: 'The values a rule may take, for the editor’s select boxes' },
  ),
);

export const ReportingQuery = Type.Object(
  { retired: Type.Optional(Type.Boolean({ default: false, description: 'Include retired nodes too, to name old cases' })) },
  { additionalProperties: false },
);
export const ReportingCatalogue = Type.Object({
  items: Type.Array(
    Type.Object({
      code: Type.String({ description: '编码 Catalogue code', example: 'CG06010' }),
      parentCode: Nullable(Type.String({ description: '上级编码 Parent class', example: 'CG06' })),
      kind: NodeKind,
      name: Type.String({ description: '名称 Name', example: '暴露垃圾' }),
      rule: RuleReply,
      retired: Type.Boolean({ description: '停用 Retired' }),
    }),
    { description: '目录节点 Catalogue nodes' },
  ),
});
export const CatalogueList = Type.Object({ items: Type.Array(CatalogueNode, { description: '目录节点 Every node' }), choices: Choices });
export const CatalogueParams = Type.Object({ code: CatalogueCode });
export const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });
export const AddLocalBody = Type.Object(
  { parentCode: CatalogueCode, name: Name, rule: Type.Optional(Rule) },
  { additionalProperties: false },
);
export const EditNodeBody = Type.Object({ version: Version, name: Name, rule: Type.Optional(Rule) }, { additionalProperties: false });
export const NodeHistory = Type.Object({
  node: CatalogueNode,
  versions: Type.Array(Change, { description: '历史版本 Earlier versions, newest first' }),
});
