import { Type } from '@sinclair/typebox';
import { DISPUTE_FIGURE_DIMENSIONS, DISPUTE_FIGURE_MEASURES } from '../../shared/disputes.ts';
import { Nullable, oneOf } from '../platform/schemas.ts';
import { DisputeList } from './disputes.schemas.ts';

const Month = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}$', description, example: '2026-11' });

export const FigureQuery = Type.Object({
  areaCode: Type.Optional(
    Type.String({
      pattern: '^\\d{6}(\\d{3}){0,2}$',
      description: 'City, county, township or village; the caller’s own when left out',
      example: '420923',
    }),
  ),
  from: Type.Optional(Month('First month recorded (China time); this month when left out')),
  to: Type.Optional(Month('Last month recorded, at most 24 months after from')),
  by: Type.Optional(oneOf(DISPUTE_FIGURE_DIMENSIONS, '按 Group by: type, tier, outcome, area one level down, month')),
});

export const Figures = Type.Object({
  areaCode: Type.String({ description: 'Area counted' }),
  from: Type.String({ description: 'First month' }),
  to: Type.String({ description: 'Last month' }),
  by: oneOf(DISPUTE_FIGURE_DIMENSIONS, 'Grouped by'),
  rows: Type.Array(
    Type.Object({
      key: Type.String({ description: 'Type code, tier, outcome, area code or month', example: '0902' }),
      name: Nullable(Type.String({ description: 'The area’s name (by area)' })),
      total: Type.Integer({ description: '纠纷数 Disputes recorded' }),
      open: Type.Integer({ description: '化解中 Still open' }),
      resolved: Type.Integer({ description: '已化解 Resolved' }),
      referred: Type.Integer({ description: '已移交 Referred to court or petition office' }),
      atVillage: Type.Integer({ description: 'Resolved at grid or village' }),
      atTownship: Type.Integer({ description: 'Resolved at township or below' }),
      villageShare: Nullable(Type.Number({ description: '小事不出村 atVillage ÷ (resolved + referred)', example: 0.82 })),
      townshipShare: Nullable(Type.Number({ description: '大事不出镇 atTownship ÷ (resolved + referred)', example: 0.95 })),
      resolutionWorkingDays: Nullable(Type.Number({ description: '平均化解用时 Mean working days to resolution', example: 4.5 })),
    }),
  ),
  mediation: Type.Object(
    {
      overdue: Type.Integer({ description: '超期调解 Mediations under the area past their time limit now (any month recorded)' }),
      followUpsOverdue: Type.Integer({ description: '逾期未回访 Agreements whose follow-up date passed without one' }),
      performed: Type.Object(
        {
          full: Type.Integer({ description: '全部履行 Follow-ups in the months that found the agreement performed' }),
          partial: Type.Integer({ description: '部分履行 Partly performed' }),
          none: Type.Integer({ description: '未履行 Not performed' }),
        },
        { description: '履行情况 The follow-ups made in the months, by what they found' },
      ),
      performedShare: Nullable(Type.Number({ description: '协议履行率 full ÷ follow-ups made; none when none were made', example: 0.9 })),
    },
    { description: '调解期限与协议履行 Time limits and agreements’ performance' },
  ),
});

export const DrillQuery = Type.Object({
  ...FigureQuery.properties,
  key: Type.Optional(Type.String({ pattern: '^[0-9a-z-]{1,15}$', description: 'The row’s key (with by)', example: '0902' })),
  measure: Type.Optional(oneOf(DISPUTE_FIGURE_MEASURES, 'Which number of the row: total, open, resolved, referred, atVillage, atTownship')),
});

export const Counted = Type.Object({
  items: DisputeList.properties.items,
  total: Type.Integer({ description: 'How many the number counts (the list shows the newest 200)' }),
});
