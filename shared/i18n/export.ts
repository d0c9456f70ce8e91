/** What spreadsheets say: column headers, labels of codes and notes, by language (the server's exports). */
import type { Lang } from './errors.ts';

/** The events list export (事件列表). */
export const EVENT_EXPORT_HEADERS: Record<Lang, string[]> = {
  'zh-CN': [
    '案件编号',
    '状态',
    '事项',
    '来源',
    '网格',
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

export type EventLabelKind = 'status' | 'source' | 'light' | 'warning';
export const EVENT_EXPORT_LABELS: Record<Lang, Record<EventLabelKind, Record<string, string>>> = {
  'zh-CN': {
    status: {
      verifying: '待核实',
      reported: '待受理',
      accepted: '已受理',
      voided: '已作废',
      dispatched: '已派遣',
      returned: '退单待审',
      arbitrating: '待仲裁',
      signed: '处置中',
      handled: '待核查',
      checked: '待结案',
      closed: '已结案',
      visited: '已回访',
      merged: '已并单',
    },
    source: { grid_worker: '网格员上报', hotline: '热线', department: '部门上报', video: '视频发现', leader: '领导交办' },
    light: { green: '绿灯', yellow: '黄灯', red: '红灯' },
    warning: { blue: '蓝色', yellow: '黄色', light_red: '浅红', purple: '紫色', red: '红色' },
  },
  en: {
    status: {
      verifying: 'To verify',
      reported: 'Reported',
      accepted: 'Accepted',
      voided: 'Voided',
      dispatched: 'Dispatched',
      returned: 'Return to review',
      arbitrating: 'To arbitrate',
      signed: 'Being handled',
      handled: 'To check',
      checked: 'To close',
      closed: 'Closed',
      visited: 'Visited',
      merged: 'Merged',
    },
    source: { grid_worker: 'Grid worker', hotline: 'Hotline', department: 'Department', video: 'Video', leader: 'Leader' },
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
