import { Type } from '@sinclair/typebox';
import { ASSESSEE_KINDS, ITEM_SOURCES, RUN_STATUSES, SCORING_METHODS } from '../../shared/enums.ts';
import { ASSESSMENT, NOTE_MAX, PAGE } from '../../shared/limits.ts';
import { pageQuery } from '../platform/paging.ts';
import { Nullable, oneOf } from '../platform/schemas.ts';

const Uuid = (description: string) => Type.String({ format: 'uuid', description, example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' });
const Kind = oneOf(ASSESSEE_KINDS, '考核对象 grid_worker (stars) | village | township | department (grades A–E)');
const SchemeArea = Type.String({ pattern: '^[0-9]{6}$', description: 'City or county code that sets the scheme', example: '420923' });
const Month = Type.String({
  pattern: '^\\d{4}-\\d{2}$',
  description: 'Month YYYY-MM (China time); not one that has not begun',
  example: '2026-11',
});
const Version = Type.Integer({ minimum: 0, description: 'The version edited (0 for a scheme not saved yet)', example: 1 });
const Words = (description: string) =>
  Type.Object({ zh: Type.String({ description: '中文' }), en: Type.String({ description: 'English' }) }, { description });

const itemFields = {
  key: Type.String({
    pattern: '^[a-z][a-z0-9_]*$',
    maxLength: ASSESSMENT.keyMax,
    description: 'Short key, unique in the scheme',
    example: 'on_time',
  }),
  name: Type.String({ minLength: 1, maxLength: ASSESSMENT.nameMax, description: '考核项 Name', example: '按期解决（按期结案率）' }),
  weight: Type.Number({
    minimum: 0.01,
    maximum: 100,
    multipleOf: 0.01,
    description: '分值 Points the item is worth; the weights sum to 100',
    example: 15,
  }),
  source: oneOf(
    ITEM_SOURCES,
    '来源 indicator (figures) | base_data (verified lately) | visits (houses visited) | manual (spot check, survey)',
  ),
  indicator: Type.Optional(
    Type.String({ maxLength: 40, description: 'The figures indicator (source indicator)', example: 'on_time_closing_rate' }),
  ),
  days: Type.Optional(
    Type.Integer({
      minimum: ASSESSMENT.days.min,
      maximum: ASSESSMENT.days.max,
      description: 'Verified within this many days before the month’s end (source base_data)',
      example: 90,
    }),
  ),
  method: oneOf(SCORING_METHODS, '计分 rate: weight × share · target: weight × value ÷ target (capped at the weight)'),
  lowerIsBetter: Type.Boolean({ description: 'Lower is better (返工率): rate scores 1 − share, target scores target ÷ value above it' }),
  target: Type.Optional(
    Type.Number({ exclusiveMinimum: 0, maximum: 1_000_000, description: 'Target value (method target)', example: 0.9 }),
  ),
  whenEmpty: oneOf(['full', 'zero'] as const, 'Points when there is nothing to judge (no cases, records or entry): all or none'),
};
export const SchemeItemBody = Type.Object(itemFields, { additionalProperties: false, description: 'One scored item' });
const SchemeItemReply = Type.Object(
  {
    ...itemFields,
    countsActivity: Type.Boolean({
      description: 'Counts activity rather than outcomes (flagged on the page: the 2024 rules forbid quotas)',
    }),
  },
  { description: 'One scored item' },
);
const BandSchema = Type.Object(
  {
    min: Type.Number({ minimum: 0, maximum: 100, description: 'Lowest score of the band (included)', example: 90 }),
    max: Type.Number({ minimum: 0, maximum: 100, description: 'Upper bound (excluded; the top band includes 100)', example: 100 }),
    label: Type.String({ minLength: 1, maxLength: 1, description: 'Stars 1–5 (grid workers) or grade A–E (units)', example: 'A' }),
  },
  { additionalProperties: false, description: 'A score band' },
);

export const SchemeQuery = Type.Object({ area: SchemeArea }, { additionalProperties: false });
export const SchemeParams = Type.Object({ area: SchemeArea, kind: Kind }, { additionalProperties: false });
export const SchemeBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: ASSESSMENT.nameMax, description: '方案名称 Name', example: '网格员月度百分制考核' }),
    items: Type.Array(SchemeItemBody, { minItems: 1, maxItems: ASSESSMENT.itemsMax, description: '考核项 Items; weights sum to 100' }),
    bands: Type.Array(BandSchema, {
      minItems: 1,
      maxItems: ASSESSMENT.bandsMax,
      description: '等级 Bands covering 0–100 without gap or overlap',
    }),
    version: Version,
  },
  { additionalProperties: false },
);
export const Scheme = Type.Object({
  areaCode: Type.String({ description: 'City or county code', example: '420923' }),
  kind: Type.String({ description: 'Assessee kind' }),
  name: Type.String({ description: 'Name' }),
  items: Type.Array(SchemeItemReply, { description: 'Items' }),
  bands: Type.Array(BandSchema, { description: 'Bands' }),
  version: Type.Integer({ description: 'Version (0: the default, not saved yet)' }),
  isDefault: Type.Boolean({ description: 'The default scheme, not saved by this area' }),
  updatedBy: Nullable(Type.String({ description: 'Last saved by' })),
  updatedAt: Nullable(Type.String({ format: 'date-time', description: 'Last saved at' })),
  abilities: Type.Object({ edit: Type.Boolean({ description: 'The caller may edit it' }) }, { description: 'What the caller may do' }),
});
export const SchemeList = Type.Object({
  areaCode: Type.String({ description: 'City or county code' }),
  items: Type.Array(Scheme, { description: 'One scheme per assessee kind' }),
});

export const RunsQuery = Type.Object({ kind: Type.Optional(Kind), period: Type.Optional(Month) }, { additionalProperties: false });
export const ComputeBody = Type.Object({ area: SchemeArea, kind: Kind, period: Month }, { additionalProperties: false });
export const RunId = Type.Object({ id: Uuid('Assessment month (run) id') }, { additionalProperties: false });
export const VersionBody = Type.Object(
  { version: Type.Integer({ minimum: 1, description: 'The version the caller saw', example: 1 }) },
  { additionalProperties: false },
);

const ResultItemSchema = Type.Object(
  {
    key: Type.String({ description: 'Item key' }),
    value: Nullable(Type.Number({ description: 'Value scored: a share 0–1, a count, or an entry 0–100; null: nothing to judge' })),
    numerator: Nullable(Type.Number({ description: 'Cases, records or houses counted' })),
    denominator: Nullable(Type.Number({ description: 'Out of how many' })),
    points: Type.Number({ description: 'Points earned' }),
    empty: Type.Boolean({ description: 'Nothing to judge: the scheme’s points for that case' }),
    entry: Nullable(
      Type.Object(
        {
          value: Type.Number({ description: 'Score entered 0–100' }),
          note: Type.String({ description: 'What was checked' }),
          by: Type.String({ description: 'Entered by' }),
          at: Type.String({ description: 'Entered at' }),
        },
        { description: 'The assessor’s entry (manual items)' },
      ),
    ),
  },
  { description: 'One item of a result' },
);
export const Result = Type.Object({
  id: Uuid('Result id'),
  assesseeCode: Type.String({ description: 'User id (grid worker), area code or department code' }),
  assesseeName: Type.String({ description: 'Name' }),
  areaCode: Type.String({ description: 'Where the assessee sits' }),
  gridCodes: Type.Array(Type.String(), { description: 'A grid worker’s grids' }),
  items: Type.Array(ResultItemSchema, { description: 'Item by item' }),
  computedScore: Type.Number({ description: 'Sum of the items’ points' }),
  adjustment: Type.Number({ description: 'Points the assessor added (or took away)' }),
  adjustReason: Nullable(Type.String({ description: 'Why' })),
  adjustedBy: Nullable(Type.String({ description: 'Adjusted by' })),
  adjustedAt: Nullable(Type.String({ format: 'date-time', description: 'Adjusted at' })),
  score: Type.Number({ description: 'Score 0–100' }),
  band: Type.String({ description: 'Stars 1–5 or grade A–E' }),
  version: Type.Integer({ description: 'Version, for the next change' }),
});
const RunFields = {
  id: Uuid('Run id'),
  areaCode: Type.String({ description: 'The scheme’s city or county' }),
  kind: Type.String({ description: 'Assessee kind' }),
  period: Type.String({ description: 'Month YYYY-MM' }),
  status: oneOf(RUN_STATUSES, 'computed | reviewed | published (frozen)'),
  scheme: Type.Object(
    {
      name: Type.String({ description: 'Name' }),
      items: Type.Array(SchemeItemReply, { description: 'Items' }),
      bands: Type.Array(BandSchema, { description: 'Bands' }),
      version: Type.Integer({ description: 'Scheme version used' }),
    },
    { description: 'The scheme as it stood when last computed' },
  ),
  computedBy: Type.String({ description: 'Last computed by' }),
  computedAt: Type.String({ format: 'date-time', description: 'Last computed at' }),
  reviewedBy: Nullable(Type.String({ description: 'Reviewed by' })),
  reviewedAt: Nullable(Type.String({ format: 'date-time', description: 'Reviewed at' })),
  publishedBy: Nullable(Type.String({ description: 'Published by' })),
  publishedAt: Nullable(Type.String({ format: 'date-time', description: 'Published at' })),
  version: Type.Integer({ description: 'Version, for review and publish' }),
  abilities: Type.Object(
    {
      recompute: Type.Boolean({ description: 'May compute again' }),
      review: Type.Boolean({ description: 'May mark reviewed' }),
      publish: Type.Boolean({ description: 'May publish' }),
      adjust: Type.Boolean({ description: 'May enter and adjust' }),
    },
    { description: 'What the caller may do' },
  ),
};
export const RunSummary = Type.Object(RunFields);
export const RunList = Type.Object({ items: Type.Array(RunSummary, { description: 'Months assessed, newest first' }) });
export const Run = Type.Object({ ...RunFields, results: Type.Array(Result, { description: 'Results in your jurisdiction, best first' }) });

export const ResultId = Type.Object({ id: Uuid('Result id') }, { additionalProperties: false });
export const EntryBody = Type.Object(
  {
    item: Type.String({ minLength: 1, maxLength: ASSESSMENT.keyMax, description: 'Key of a manual item', example: 'spot_check' }),
    value: Type.Number({ minimum: 0, maximum: 100, description: 'Score 0–100', example: 85 }),
    note: Type.String({
      minLength: 1,
      maxLength: NOTE_MAX,
      description: 'What was checked (暗访, 测评)',
      example: '11 月 12 日暗访 3 户，2 户认识网格员',
    }),
    version: Type.Integer({ minimum: 1, description: 'The result’s version the caller saw' }),
  },
  { additionalProperties: false },
);
export const AdjustBody = Type.Object(
  {
    points: Type.Number({
      minimum: -ASSESSMENT.adjustMax,
      maximum: ASSESSMENT.adjustMax,
      multipleOf: 0.01,
      description: 'Points added (negative: taken away); 0 removes the adjustment',
      example: -2,
    }),
    reason: Type.String({
      minLength: 1,
      maxLength: NOTE_MAX,
      description: '理由 Why (required)',
      example: '群众投诉核实：11 月 8 日未按约上门',
    }),
    version: Type.Integer({ minimum: 1, description: 'The result’s version the caller saw' }),
  },
  { additionalProperties: false },
);

export const Explanation = Type.Object({
  run: RunSummary,
  result: Result,
  items: Type.Array(
    Type.Object({
      ...itemFields,
      ...ResultItemSchema.properties,
      countsActivity: Type.Boolean({ description: 'Counts activity rather than outcomes' }),
      indicatorName: Nullable(Words('Indicator name')),
      definition: Nullable(Words('How the indicator is computed')),
      facts: Type.Array(Type.String(), { description: 'The facts whose cases open (numerator, then denominator)' }),
    }),
    { description: 'Item by item: definition, value, parts, points' },
  ),
});

export const EvidenceParams = Type.Object(
  { id: Uuid('Result id'), key: Type.String({ minLength: 1, maxLength: ASSESSMENT.keyMax, description: 'Item key' }) },
  { additionalProperties: false },
);
export const EvidenceQuery = Type.Object(
  {
    fact: Type.Optional(
      Type.String({
        maxLength: 40,
        description: 'For an indicator: the numerator’s fact (default) or the denominator’s',
        example: 'closed',
      }),
    ),
    ...pageQuery(PAGE.assessmentEvidence),
  },
  { additionalProperties: false },
);
export const Evidence = Type.Object({
  kind: oneOf(['cases', 'records', 'visits', 'entry'] as const, 'What the rows are'),
  fact: Nullable(Type.String({ description: 'The fact listed (cases)' })),
  total: Type.Integer({ description: 'How many there are now' }),
  items: Type.Array(
    Type.Object({
      id: Type.String({ description: 'Case id, record id or code, visit id, or item key' }),
      label: Type.String({ description: 'Case number, name or address, or the entry’s note' }),
      detail: Nullable(Type.String({ description: 'Grid code, record kind, or who' })),
      at: Nullable(Type.String({ description: 'Report day, verified at, visited at, entered at' })),
      status: Nullable(Type.String({ description: 'Case status, verified | not_verified, or the entered score' })),
      counted: Type.Boolean({ description: 'Counted for the item (records: verified in the window)' }),
    }),
    { description: 'A page of rows' },
  ),
});

export const RankingsQuery = Type.Object(
  {
    area: Type.Optional(
      Type.String({
        pattern: '^([0-9]{6}|[0-9]{9}|[0-9]{12})$',
        description: 'Area inside your jurisdiction; default: your first',
        example: '420923',
      }),
    ),
    kind: Kind,
    period: Type.String({
      minLength: 4,
      maxLength: 7,
      description: 'YYYY-MM (monthly notice), YYYY-Qn (quarterly ranking) or YYYY (yearly review)',
      example: '2026-Q4',
    }),
  },
  { additionalProperties: false },
);
const SanctionCase = Type.Object({
  id: Uuid('Case id'),
  caseNo: Type.String({ description: 'Case number' }),
  colours: Type.Array(Type.String(), { description: 'Colours the unit earned on it' }),
});
export const Rankings = Type.Object({
  areaCode: Type.String({ description: 'Area ranked' }),
  kind: Type.String({ description: 'Assessee kind' }),
  period: Type.String({ description: 'As asked' }),
  notice: oneOf(['monthly_notice', 'quarterly_ranking', 'yearly_review'] as const, '每月一通报 · 每季一排名 · 年度总评比'),
  previousPeriod: Type.String({ description: 'The period the change is measured from' }),
  months: Type.Array(Type.String(), { description: 'Months of the period with published results' }),
  rows: Type.Array(
    Type.Object({
      resultId: Uuid('The latest month’s result: its explanation'),
      code: Type.String({ description: 'Assessee code' }),
      name: Type.String({ description: 'Name' }),
      areaCode: Type.String({ description: 'Where it sits' }),
      score: Type.Number({ description: 'Mean of its published monthly scores' }),
      months: Type.Integer({ description: 'Months averaged' }),
      band: Type.String({ description: 'Stars or grade' }),
      rank: Type.Integer({ description: 'Rank (ties share one)' }),
      previousRank: Nullable(Type.Integer({ description: 'Rank the period before' })),
      rankChange: Nullable(Type.Integer({ description: 'Places moved up (negative: down)' })),
      scoreChange: Nullable(Type.Number({ description: 'Points gained since the period before' })),
      sanction: Nullable(
        Type.Object(
          { worst: Type.String({ description: 'Most serious colour' }), sanction: Nullable(Type.String({ description: 'Its measure' })) },
          { description: 'Five-colour sanction in the period' },
        ),
      ),
    }),
    { description: 'Ranked best first' },
  ),
  sanctioned: Type.Array(
    Type.Object({
      unitCode: Type.String({ description: 'Unit code' }),
      unitName: Type.String({ description: 'Unit name' }),
      worst: Type.String({ description: 'Most serious colour reached' }),
      sanction: Nullable(Type.String({ description: 'The measure of that colour (warning.* key)' })),
      cases: Type.Array(SanctionCase, { description: 'The cases' }),
    }),
    { description: '五色预警 Units under a sanction in the period, with their cases' },
  ),
});
