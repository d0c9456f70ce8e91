import { Type } from '@sinclair/typebox';
import { EVENT_SOURCES, OPEN_STATUSES, WARNING_COLOURS } from '../../shared/enums.ts';
import { PAGE, UNIT_CODE_MAX } from '../../shared/limits.ts';
import { pageQuery } from '../platform/paging.ts';
import { Nullable, oneOf } from '../platform/schemas.ts';
import { FACTS, INDICATORS } from './figures.core.ts';

const scopeQuery = {
  area: Type.Optional(
    Type.String({
      pattern: '^([0-9]{6}|[0-9]{9}|[0-9]{12}|[0-9]{15})$',
      description: 'Division or grid code inside your jurisdiction; default: the first area you are bound to',
      example: '420923100',
    }),
  ),
  unit: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: UNIT_CODE_MAX,
      description: 'Lead unit (主办): department code or area code; only the cases last dispatched to it',
      example: 'YM-CG',
    }),
  ),
  item: Type.Optional(
    Type.String({ pattern: '^[A-Z]{2}[0-9A-Z]{0,12}$', description: 'Catalogue item code or class prefix', example: 'CG06' }),
  ),
  period: periodText(''),
};

function periodText(more: string) {
  return Type.String({
    minLength: 1,
    maxLength: 10,
    description: `YYYY-MM-DD (day), YYYY-MM (month), YYYY-Qn (quarter), YYYY (year) or all; the cases REPORTED in it, as they stand now${more}`,
    example: '2026-11',
  });
}

export const FiguresQuery = Type.Object(scopeQuery, { additionalProperties: false });
export const DashboardQuery = Type.Object(
  { ...scopeQuery, period: Type.Optional(periodText('; default: this month')) },
  { additionalProperties: false },
);

const INDICATOR_KEYS = INDICATORS.map((d) => d.key);
export const MapQuery = Type.Object(
  {
    ...scopeQuery,
    period: Type.Optional(periodText('; default: this month')),
    indicator: oneOf<string>(INDICATOR_KEYS, 'The indicator that colours the grids (a key of /api/figures/indicators)'),
  },
  { additionalProperties: false },
);
export const FigureCasesQuery = Type.Object(
  {
    ...scopeQuery,
    fact: oneOf(FACTS, 'The fact whose cases to list: an indicator’s numerator or denominator'),
    source: Type.Optional(oneOf(EVENT_SOURCES, 'Only cases from this source (the intake chart)')),
    day: Type.Optional(
      Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Only cases reported on this day (the trend chart)' }),
    ),
    ...pageQuery(PAGE.figureCases),
  },
  { additionalProperties: false },
);

const Words = (description: string) =>
  Type.Object({ zh: Type.String({ description: '中文' }), en: Type.String({ description: 'English' }) }, { description });

const Scope = {
  area: Type.Object(
    {
      code: Type.String({ description: 'Division or grid code', example: '420923100' }),
      name: Type.String({ description: 'Name', example: '城关镇' }),
      level: Type.String({ description: 'city | county | township | village | grid' }),
    },
    { description: 'The area counted' },
  ),
  unit: Nullable(
    Type.Object(
      { code: Type.String({ description: 'Unit code' }), name: Type.String({ description: 'Unit name' }) },
      { description: 'The lead unit' },
    ),
  ),
  item: Nullable(Type.String({ description: 'Item class prefix, as asked' })),
  period: Type.Object(
    {
      kind: Type.String({ description: 'day | month | quarter | year | all' }),
      label: Type.String({ description: 'As asked', example: '2026-11' }),
      from: Type.String({ description: 'First report day (China date)', example: '2026-11-01' }),
      to: Type.String({ description: 'Last report day, inclusive', example: '2026-11-30' }),
    },
    { description: 'The report days counted' },
  ),
  asOf: Type.String({ description: 'When the figures were read: the cases as they stood then' }),
};

const Part = Type.Object(
  { fact: oneOf(FACTS, 'The fact counted; opens its cases'), value: Type.Integer({ description: 'Cases it counts' }) },
  { description: 'A count and the fact whose cases it lists' },
);

export const Indicators = Type.Object({
  ...Scope,
  indicators: Type.Array(
    Type.Object({
      key: Type.String({ description: 'Indicator key', example: 'closing_rate' }),
      kind: Type.String({ description: 'count | rate' }),
      group: Type.String({ description: 'intake | dispatch | handling | closing | evaluation | warnings' }),
      name: Words('Name'),
      standard: Nullable(Type.String({ description: 'Name in GB/T 30428.4, where it has one', example: '结案率' })),
      definition: Words('How it is computed, in words'),
      value: Nullable(Type.Number({ description: 'The count, or the rate 0…1 (null: nothing to divide by)' })),
      numerator: Part,
      denominator: Nullable(Part),
    }),
    { description: '指标 The indicators, in table order' },
  ),
});

export const FigureCases = Type.Object({
  ...Scope,
  fact: Type.String({ description: 'The fact listed' }),
  total: Type.Integer({ description: 'How many cases it counts: the figure itself' }),
  items: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid', description: 'Case id' }),
      caseNo: Type.String({ description: '案件编号' }),
      status: Type.String({ description: 'Status now' }),
      reportedOn: Type.String({ description: 'Report day (China date)' }),
      gridCode: Type.String({ description: 'Grid' }),
      gridName: Type.String({ description: 'Grid name' }),
      unitCode: Nullable(Type.String({ description: 'Lead unit it was last dispatched to' })),
      itemCode: Type.String({ description: 'Catalogue item' }),
      source: Type.String({ description: 'Source' }),
    }),
    { description: 'A page of the cases, newest report first' },
  ),
});

const Count = (key: string, values: readonly string[], description: string) =>
  Type.Array(Type.Object({ [key]: oneOf(values, key), n: Type.Integer({ description: 'Cases' }) }), { description });

const Ranked = (description: string) =>
  Type.Array(
    Type.Object({
      code: Type.String({ description: 'Code' }),
      name: Type.String({ description: 'Name' }),
      n: Type.Integer({ description: 'Cases reported in the period' }),
    }),
    { description },
  );

export const Dashboard = Type.Object({
  ...Scope,
  totals: Type.Object(
    {
      reported: Type.Integer({ description: 'Reported in the period' }),
      open: Type.Integer({ description: 'Of those, open now' }),
      closed: Type.Integer({ description: 'Of those, closed now' }),
      overdue: Type.Integer({ description: 'Of those, overdue at some stage' }),
      warned: Type.Integer({ description: 'Of those, warned in any colour' }),
    },
    { description: 'Headline figures of the period' },
  ),
  intakeBySource: Count('source', EVENT_SOURCES, 'Reported in the period, by source (fact reported)'),
  openByStatus: Count('status', OPEN_STATUSES, 'Open now, by status, whenever reported (fact open_<status>, period all)'),
  warnedByColour: Count('colour', WARNING_COLOURS, 'Reported in the period and warned in a colour (fact warned_<colour>)'),
  trend: Type.Object(
    {
      from: Type.String({ description: 'First day of the 30' }),
      days: Type.Array(
        Type.Object({
          day: Type.String({ description: 'Report day' }),
          reported: Type.Integer({ description: 'Reported that day' }),
          closed: Type.Integer({ description: 'Of those, closed now' }),
        }),
        { description: 'The last 30 days, oldest first' },
      ),
    },
    { description: 'The 30-day trend' },
  ),
  topItems: Ranked('The items most reported in the period, at most 10, most first (fact reported, filter item)'),
  topGrids: Ranked('The grids most reported in the period, at most 10, most first (fact reported, filter area = the grid)'),
  units: Type.Array(
    Type.Object({
      code: Type.String({ description: 'Lead unit: department or area code' }),
      name: Type.String({ description: 'Unit name' }),
      dispatched: Type.Integer({ description: 'Cases of the period last dispatched to it (fact dispatched)' }),
      handledOnTime: Type.Integer({ description: 'Of those, handled on time (fact handled_on_time)' }),
      onTimeRate: Type.Number({ description: '按期处置率 handled on time ÷ dispatched, 0…1' }),
    }),
    { description: 'Lead units ranked by 按期处置率, then by cases dispatched; at most 10' },
  ),
  satisfaction: Type.Object(
    {
      rated: Type.Integer({ description: 'Cases of the period rated at the return visit (fact rated)' }),
      satisfied: Type.Integer({ description: 'Of those, satisfied or basically satisfied (fact satisfied)' }),
      rate: Nullable(Type.Number({ description: '满意率 satisfied ÷ rated, 0…1; null when none was rated' })),
    },
    { description: 'Satisfaction over the period' },
  ),
  baseData: Type.Object(
    {
      verifiedWithinDays: Type.Integer({ description: 'The window: verified within this many days counts', example: 90 }),
      records: Type.Integer({ description: 'People and houses on record under the area, now' }),
      verified: Type.Integer({ description: 'Of those, verified within the window' }),
      rate: Nullable(Type.Number({ description: 'verified ÷ records, 0…1; null when nothing is on record' })),
      children: Type.Array(
        Type.Object({
          code: Type.String({ description: 'Area or grid code of a node right below the area' }),
          name: Type.String({ description: 'Its name' }),
          records: Type.Integer({ description: 'People and houses on record under it' }),
          verified: Type.Integer({ description: 'Of those, verified within the window' }),
          rate: Type.Number({ description: 'verified ÷ records, 0…1' }),
        }),
        { description: 'The nodes right below the area that hold any record, least verified first' },
      ),
    },
    { description: '基础数据: how much of the area’s base data (people and houses) was verified lately' },
  ),
});

export const GridFigures = Type.Object({
  ...Scope,
  indicator: Type.Object(
    {
      key: Type.String({ description: 'Indicator key' }),
      kind: Type.String({ description: 'count | rate' }),
      name: Words('Name'),
      definition: Words('How it is computed'),
      numerator: oneOf(FACTS, 'The fact whose cases a grid opens'),
    },
    { description: 'The indicator colouring the grids' },
  ),
  grids: Type.Array(
    Type.Object({
      code: Type.String({ description: 'Grid code' }),
      name: Type.String({ description: 'Grid name' }),
      value: Nullable(Type.Number({ description: 'The count, or the rate 0…1 (null: nothing to divide by)' })),
      numerator: Type.Integer({ description: 'Cases the numerator counts' }),
      denominator: Nullable(Type.Integer({ description: 'Cases the denominator counts (rates only)' })),
    }),
    { description: 'Grids with something to count; the others have no value' },
  ),
  basemap: Type.Object(
    {
      kind: oneOf(['tianditu', 'outlines'] as const, 'tianditu: WMTS tiles under the key · outlines: the areas’ outlines, no tiles'),
      key: Nullable(Type.String({ description: 'Tianditu browser key (tiandituKey is configured by GEZHI_TIANDITU_KEY)' })),
    },
    { description: 'The base layer to draw under the grids' },
  ),
});
