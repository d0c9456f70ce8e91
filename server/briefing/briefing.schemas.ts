import { Type } from '@sinclair/typebox';
import { BRIEFING_PICKED_MAX, PAGE } from '../../shared/limits.ts';
import { pageQuery } from '../platform/paging.ts';
import { AreaRefSchema, Nullable } from '../platform/schemas.ts';

const areaCode = (description: string) => Type.String({ pattern: '^([0-9]{6}|[0-9]{9})$', description, example: '420923' });
const period = (description: string) => Type.String({ minLength: 1, maxLength: 10, description, example: '2026-11' });
const rate = (description: string) =>
  Nullable(Type.Number({ description: `${description}, 0…1; null when nothing to divide by`, example: 0.95 }));

export const GenerateBody = Type.Object(
  {
    area: areaCode('City, county or township inside your jurisdiction (6 or 9 digits)'),
    period: period('YYYY-MM (month) or YYYY-Qn (quarter) that has ended'),
    typical: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 40, description: 'Case number', example: '202611020003' }), {
        maxItems: BRIEFING_PICKED_MAX,
        description: '典型案例 Cases the centre picks as typical (reported in the area in the period); they lead the ones chosen by rule',
      }),
    ),
  },
  { additionalProperties: false },
);

export const BriefingsQuery = Type.Object(
  {
    area: Type.Optional(areaCode('Area whose briefings to list; default: the first area you are bound to')),
    period: Type.Optional(period('Only this month or quarter')),
    ...pageQuery(PAGE.briefings),
  },
  { additionalProperties: false },
);

export const BriefingId = Type.Object(
  { id: Type.String({ format: 'uuid', description: 'Briefing id', example: '0f8fad5b-d9cb-469f-a165-70867728950e' }) },
  { additionalProperties: false },
);

const CaseLine = Type.Object(
  {
    caseNo: Type.String({ description: 'Case number', example: 'YM20261102-0001' }),
    itemName: Type.String({ description: 'Catalogue item', example: '垃圾堆放' }),
    gridName: Type.String({ description: 'Grid', example: '朝阳一网格' }),
    unitName: Nullable(Type.String({ description: 'Lead unit it was last dispatched to', example: '云梦县城市管理执法局' })),
    reportedOn: Type.String({ description: 'China date reported', example: '2026-11-02' }),
    statusName: Type.String({ description: 'Where it stands, in words', example: '已结案' }),
    reason: Nullable(Type.String({ description: 'Why it is typical (典型案例) ', example: '结案后重新办理' })),
  },
  { description: 'A case as the briefing lists it' },
);

export const BriefingContent = Type.Object(
  {
    title: Type.String({ description: 'Title of the notice', example: '关于2026年11月网格化服务管理工作情况的通报' }),
    issuer: Type.String({ description: 'Who issues it', example: '云梦县网格化服务管理中心' }),
    addressee: Type.String({ description: 'To whom (主送)', example: '各乡镇（街道）网格化服务管理中心，县直有关单位：' }),
    area: AreaRefSchema,
    period: Type.Object(
      {
        kind: Type.String({ description: 'month | quarter', example: 'month' }),
        label: Type.String({ description: 'YYYY-MM or YYYY-Qn', example: '2026-11' }),
        text: Type.String({ description: 'In words', example: '2026年11月' }),
        from: Type.String({ description: 'First day', example: '2026-11-01' }),
        to: Type.String({ description: 'Last day (inclusive)', example: '2026-11-30' }),
      },
      { description: 'The period briefed' },
    ),
    previous: Type.Object(
      {
        label: Type.String({ description: 'YYYY-MM or YYYY-Qn', example: '2026-10' }),
        text: Type.String({ description: 'In words', example: '2026年10月' }),
      },
      { description: 'The period the changes are counted from' },
    ),
    summary: Type.String({ description: '一、总体情况 in a paragraph' }),
    totals: Type.Array(
      Type.Object({
        key: Type.String({ description: 'Indicator key (figures)', example: 'closing_rate' }),
        name: Type.String({ description: 'Indicator name', example: '结案率' }),
        kind: Type.String({ description: 'count | rate', example: 'rate' }),
        value: Nullable(Type.Number({ description: 'This period (a rate 0…1)', example: 0.95 })),
        previous: Nullable(Type.Number({ description: 'The period before', example: 0.92 })),
      }),
      { description: 'The indicators of the area, this period and the one before' },
    ),
    areas: Type.Array(
      Type.Object({
        code: Type.String({ description: 'Division code', example: '420923100' }),
        name: Type.String({ description: 'Name', example: '城关镇' }),
        reported: Type.Integer({ description: '上报数', example: 120 }),
        closed: Type.Integer({ description: '结案数', example: 110 }),
        closingRate: rate('结案率'),
        onTimeRate: rate('按期处置率'),
        satisfactionRate: rate('满意率'),
        overdue: Type.Integer({ description: '超期件数', example: 3 }),
      }),
      { description: 'The areas one level down' },
    ),
    units: Type.Array(
      Type.Object({
        code: Type.String({ description: 'Unit code', example: 'YM-CG' }),
        name: Type.String({ description: 'Unit name', example: '云梦县城市管理执法局' }),
        dispatched: Type.Integer({ description: '派遣数', example: 40 }),
        handledOnTime: Type.Integer({ description: '按期处置数', example: 38 }),
        onTimeRate: rate('按期处置率'),
        previousRate: rate('按期处置率 the period before'),
      }),
      { description: 'Lead units ranked by handling on time' },
    ),
    rankings: Type.Array(
      Type.Object({
        kind: Type.String({ description: 'Kind of assessee', example: 'township' }),
        kindName: Type.String({ description: 'In words', example: '乡镇（街道）网格化中心' }),
        months: Type.Array(Type.String({ description: 'YYYY-MM' }), { description: 'Months with published results' }),
        rows: Type.Array(
          Type.Object({
            rank: Type.Integer({ description: 'Rank', example: 1 }),
            code: Type.String({ description: 'Assessee code', example: '420923100' }),
            name: Type.String({ description: 'Assessee name', example: '城关镇' }),
            score: Type.Number({ description: 'Score (mean of the months)', example: 92.5 }),
            band: Type.String({ description: 'Band', example: 'A' }),
            rankChange: Nullable(Type.Integer({ description: 'Places up (+) or down (−) since the period before', example: 1 })),
          }),
          { description: 'Ranked' },
        ),
      }),
      { description: '考核排名 from published assessment results' },
    ),
    sanctions: Type.Array(
      Type.Object({
        unitCode: Type.String({ description: 'Unit code', example: '420923100' }),
        unitName: Type.String({ description: 'Unit name', example: '城关镇' }),
        worst: Type.String({ description: 'Most serious colour', example: 'purple' }),
        worstName: Type.String({ description: 'In words', example: '紫色' }),
        measure: Nullable(Type.String({ description: 'Its measure', example: '季度通报' })),
        cases: Type.Array(
          Type.Object({
            caseNo: Type.String({ description: 'Case number' }),
            colours: Type.Array(Type.String({ description: 'Colour in words' }), { description: 'Colours earned on it' }),
          }),
          { description: 'The cases' },
        ),
      }),
      { description: '五色预警 Units under a sanction in the period, with their cases' },
    ),
    repeats: Type.Array(CaseLine, { description: '重复件 Matters reported 3 times or more' }),
    typical: Type.Array(CaseLine, {
      description:
        '典型案例 The centre’s picks (中心选定), then chosen by rule: reopened, under a supervision order (督办件), dissatisfied, closed overdue, overdue',
    }),
    generatedOn: Type.String({ description: 'China date generated', example: '2026-12-01' }),
  },
  { description: 'What the briefing said when generated (frozen)' },
);

const summaryProps = {
  id: Type.String({ description: 'Briefing id' }),
  area: AreaRefSchema,
  period: Type.String({ description: 'YYYY-MM or YYYY-Qn', example: '2026-11' }),
  version: Type.Integer({ description: 'Version of this area and period, 1 first', example: 1 }),
  trigger: Type.String({ description: 'on_demand | scheduled', example: 'on_demand' }),
  generatedBy: Nullable(Type.String({ description: 'Who generated it (name); null for the schedule', example: '县中心张三' })),
  generatedAt: Type.String({ format: 'date-time', description: 'When' }),
  title: Type.String({ description: 'Title of the notice', example: '关于2026年11月网格化服务管理工作情况的通报' }),
};

export const BriefingSummary = Type.Object(summaryProps, { description: 'A briefing in a list' });
export const Briefing = Type.Object({ ...summaryProps, content: BriefingContent }, { description: '通报 A frozen briefing' });
export const Briefings = Type.Object(
  {
    area: AreaRefSchema,
    total: Type.Integer({ description: 'How many there are', example: 3 }),
    items: Type.Array(BriefingSummary, { description: 'Newest period first, then newest version' }),
  },
  { description: 'The briefings of an area' },
);
