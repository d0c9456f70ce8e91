/** What spreadsheets say: column headers, labels of codes and notes, by language (the server's exports). */
import type { Lang } from './errors.ts';
import { EVENT_SOURCE_LABELS, EVENT_STATUS_LABELS } from './event-labels.ts';

/** The events list export (事件列表). */
export const EVENT_EXPORT_HEADERS: Record<Lang, string[]> = {
  'zh-CN': [
    '案件编号',
    '状态',
    '事项',
    '来源',
    '网格',
    '网格编码',
    '所属村(社区)',
    '责任层级',
    '主办单位',
    '上报时间',
    '处置时限',
    '结案时间',
    '亮灯',
    '预警',
    '上报次数',
    '举报人电话',
  ],
  en: [
    'Case no.',
    'Status',
    'Item',
    'Source',
    'Grid',
    'Grid code',
    'Village',
    'Owner',
    'Lead unit',
    'Reported',
    'Due',
    'Closed',
    'Light',
    'Warning',
    'Reports',
    'Reporter phone',
  ],
};

/** 重复工单: the repeat-order list (same place and matter three times or more in a period). */
export const REPEAT_ORDER_HEADERS: Record<Lang, string[]> = {
  'zh-CN': [
    '案件编号',
    '事项',
    '乡镇（街道）',
    '网格',
    '期内反映次数',
    '累计反映次数',
    '情况描述',
    '首次上报时间',
    '最近反映时间',
    '状态',
    '结案时间',
  ],
  en: [
    'Case no.',
    'Item',
    'Township',
    'Grid',
    'Reports in period',
    'Reports in all',
    'Description',
    'First reported',
    'Last reported',
    'Status',
    'Closed',
  ],
};

export type EventLabelKind = 'status' | 'source' | 'light' | 'warning';
export const EVENT_EXPORT_LABELS: Record<Lang, Record<EventLabelKind, Record<string, string>>> = {
  'zh-CN': {
    status: EVENT_STATUS_LABELS['zh-CN'],
    source: EVENT_SOURCE_LABELS['zh-CN'],
    light: { green: '绿灯', yellow: '黄灯', red: '红灯' },
    warning: { blue: '蓝色', yellow: '黄色', light_red: '浅红', purple: '紫色', red: '红色' },
  },
  en: {
    status: EVENT_STATUS_LABELS.en,
    source: EVENT_SOURCE_LABELS.en,
    light: { green: 'Green', yellow: 'Yellow', red: 'Red' },
    warning: { blue: 'Blue', yellow: 'Yellow', light_red: 'Light red', purple: 'Purple', red: 'Red' },
  },
};

export const EVENT_EXPORT_NOTE: Record<Lang, (rows: number, total: number) => string> = {
  'zh-CN': (rows, total) => `共 ${total} 件符合条件，仅导出最新的 ${rows} 件，请缩小筛选范围后分批导出`,
  en: (rows, total) => `${total} cases match; only the newest ${rows} are exported. Narrow the filter and export in parts`,
};

/** The report of refused rows an import returns (未导入的行). */
export const REFUSED_ROWS_HEADERS: Record<Lang, string[]> = {
  'zh-CN': ['行号', '列名', '原因代码', '说明'],
  en: ['Row', 'Column', 'Reason', 'Message'],
};

/** A base-data export of a large list asks for at least one filter. */
export const ONE_FILTER_NEEDED: Record<Lang, (names: string) => string> = {
  'zh-CN': (names) => `请至少按以下一项筛选：${names}`,
  en: (names) => `Filter by at least one of: ${names}`,
};
