/**
 * The schemes a city or county starts from, after the seeds: Yishui's 100-point monthly assessment of grid workers
 * with stars tied to pay (platform figures, unannounced checks 暗访, satisfaction surveys 满意度测评) and GB/T
 * 30428.4's A–E bands for units. Every item judges an outcome — problems found that proved real, solved, on time,
 * not repeated, residents satisfied, base data kept true — and none counts check-ins, online time, photos or reports
 * filed for their own sake: the 2024 national rules forbid such quotas.
 */

import type { AssesseeKind } from '../../shared/enums.ts';
import type { Band, SchemeItem } from './assessment.core.ts';

const indicator = (key: string, name: string, weight: number, ind: string, lowerIsBetter = false): SchemeItem => ({
  key,
  name,
  weight,
  source: 'indicator',
  indicator: ind,
  method: 'rate',
  lowerIsBetter,
  whenEmpty: 'full',
});
const baseData = (weight: number): SchemeItem => ({
  key: 'base_data',
  name: '基础数据 90 天内核实率',
  weight,
  source: 'base_data',
  days: 90,
  method: 'rate',
  lowerIsBetter: false,
  whenEmpty: 'full',
});
const manual = (key: string, name: string, weight: number): SchemeItem => ({
  key,
  name,
  weight,
  source: 'manual',
  method: 'rate',
  lowerIsBetter: false,
  whenEmpty: 'full',
});

export const STAR_BANDS: Band[] = [
  { min: 90, max: 100, label: '5' },
  { min: 80, max: 90, label: '4' },
  { min: 70, max: 80, label: '3' },
  { min: 60, max: 70, label: '2' },
  { min: 0, max: 60, label: '1' },
];
/** GB/T 30428.4: A ≥90, B 75–89, C 60–74, D 40–59, E <40. */
export const GRADE_BANDS: Band[] = [
  { min: 90, max: 100, label: 'A' },
  { min: 75, max: 90, label: 'B' },
  { min: 60, max: 75, label: 'C' },
  { min: 40, max: 60, label: 'D' },
  { min: 0, max: 40, label: 'E' },
];

export const DEFAULT_SCHEMES: Record<AssesseeKind, { name: string; items: SchemeItem[]; bands: Band[] }> = {
  grid_worker: {
    name: '网格员月度百分制考核',
    items: [
      indicator('found_real', '发现问题属实（立案率）', 20, 'registration_rate'),
      indicator('solved', '问题解决（结案率）', 20, 'closing_rate'),
      indicator('on_time', '按期解决（按期结案率）', 15, 'on_time_closing_rate'),
      indicator('not_repeated', '不重复发生（重复件占比，越低越好）', 10, 'repeat_share', true),
      indicator('satisfied', '群众满意（回访满意率）', 10, 'satisfaction_rate'),
      baseData(10),
      manual('spot_check', '暗访抽查', 10),
      manual('survey', '满意度测评', 5),
    ],
    bands: STAR_BANDS,
  },
  village: {
    name: '村（居）工作站月度考核',
    items: [
      indicator('solved', '问题解决（结案率）', 25, 'closing_rate'),
      indicator('on_time', '按期解决（按期结案率）', 20, 'on_time_closing_rate'),
      indicator('no_rework', '一次办好（返工率，越低越好）', 10, 'rework_rate', true),
      indicator('not_repeated', '不重复发生（重复件占比，越低越好）', 10, 'repeat_share', true),
      indicator('satisfied', '群众满意（回访满意率）', 15, 'satisfaction_rate'),
      baseData(10),
      manual('spot_check', '现场督查', 10),
    ],
    bands: GRADE_BANDS,
  },
  township: {
    name: '乡镇（街道）网格化中心月度考核',
    items: [
      indicator('solved', '问题解决（结案率）', 20, 'closing_rate'),
      indicator('on_time', '按期解决（按期结案率）', 20, 'on_time_closing_rate'),
      indicator('dispatch', '派遣准确（准确派遣率）', 10, 'dispatch_accuracy'),
      indicator('no_rework', '一次办好（返工率，越低越好）', 10, 'rework_rate', true),
      indicator('not_repeated', '不重复发生（重复件占比，越低越好）', 10, 'repeat_share', true),
      indicator('satisfied', '群众满意（回访满意率）', 15, 'satisfaction_rate'),
      baseData(5),
      manual('spot_check', '现场督查', 10),
    ],
    bands: GRADE_BANDS,
  },
  department: {
    name: '职能部门月度考核',
    items: [
      indicator('on_time', '按期处置（按期处置率）', 30, 'on_time_handling_rate'),
      indicator('solved', '问题解决（结案率）', 20, 'closing_rate'),
      indicator('no_rework', '一次办好（返工率，越低越好）', 15, 'rework_rate', true),
      indicator('satisfied', '群众满意（回访满意率）', 20, 'satisfaction_rate'),
      manual('spot_check', '现场督查', 15),
    ],
    bands: GRADE_BANDS,
  },
};
