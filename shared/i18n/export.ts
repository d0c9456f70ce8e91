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

/** The monthly payout workbook of the rewards ledger (奖补发放表): its sheets, columns and words. */
export const REWARD_PAYOUT_LABELS: Record<
  Lang,
  {
    payout: string;
    detail: string;
    title: (county: string, period: string) => string;
    payoutHeaders: string[];
    detailHeaders: string[];
    kinds: Record<string, string>;
    status: Record<string, string>;
    statusLine: (status: string, by: string | null, at: string | null) => string;
    total: string;
    stars: (n: number) => string;
    perCase: (label: string, key: string, amount: number) => string;
    perTask: (label: string, amount: number) => string;
    perStar: (n: number, amount: number) => string;
    outcomesOnly: string;
  }
> = {
  'zh-CN': {
    payout: '发放表',
    detail: '明细',
    title: (county, period) => `${county} ${period} 网格员奖补发放表`,
    payoutHeaders: [
      '序号',
      '姓名',
      '网格',
      '核实案件数',
      '以奖代补（元）',
      '任务补贴（元）',
      '星级绩效（元）',
      '调整（元）',
      '合计（元）',
      '领款人签字',
    ],
    detailHeaders: ['姓名', '网格', '类别', '案件编号', '事项', '依据', '任务文号', '理由', '金额（元）', '录入人'],
    kinds: { case: '以奖代补', task: '任务补贴', star: '星级绩效', adjustment: '调整' },
    status: { computed: '试算', submitted: '已提交待审批', final: '已审批定稿' },
    statusLine: (status, by, at) => (by ? `${status}（${by}，${at}）` : status),
    total: '合计',
    stars: (n) => `${n} 星`,
    perCase: (label, key, amount) => `事项类别 ${label}（${key}）每案 ${amount} 元`,
    perTask: (label, amount) => `委托任务「${label}」每人 ${amount} 元`,
    perStar: (n, amount) => `月度考核 ${n} 星 ${amount} 元`,
    outcomesOnly: '只计核实的结果（问题属实并解决、考核星级、完成的委托任务），不计签到、在线时长、拍照或上报数量。',
  },
  en: {
    payout: 'Payout',
    detail: 'Detail',
    title: (county, period) => `${county} ${period} grid worker rewards payout`,
    payoutHeaders: [
      'No.',
      'Name',
      'Grid',
      'Verified cases',
      'Case rewards (yuan)',
      'Task subsidies (yuan)',
      'Star pay (yuan)',
      'Adjustments (yuan)',
      'Total (yuan)',
      'Signature',
    ],
    detailHeaders: ['Name', 'Grid', 'Kind', 'Case no.', 'Item', 'Rule', 'Task reference', 'Reason', 'Amount (yuan)', 'Entered by'],
    kinds: { case: 'Case reward', task: 'Task subsidy', star: 'Star pay', adjustment: 'Adjustment' },
    status: { computed: 'Draft', submitted: 'Submitted, awaiting approval', final: 'Approved, final' },
    statusLine: (status, by, at) => (by ? `${status} (${by}, ${at})` : status),
    total: 'Total',
    stars: (n) => `${n} stars`,
    perCase: (label, key, amount) => `Item class ${label} (${key}): ${amount} yuan a case`,
    perTask: (label, amount) => `Commissioned task “${label}”: ${amount} yuan a worker`,
    perStar: (n, amount) => `Monthly assessment ${n} stars: ${amount} yuan`,
    outcomesOnly:
      'Only verified outcomes count (problems found real and solved, assessment stars, commissioned tasks done) — never check-ins, online time, photos or numbers of reports.',
  },
};

/** A commissioned task's results workbook (委托任务结果): one row per house or person filled, a column per field. */
export const TASK_RESULT_LABELS: Record<
  Lang,
  { sheet: string; title: (no: string, title: string) => string; fixedHeaders: string[]; progress: string; progressHeaders: string[] }
> = {
  'zh-CN': {
    sheet: '填报结果',
    title: (no, title) => `${no} ${title} 填报结果`,
    fixedHeaders: ['网格', '对象', '对象编号', '填报人', '填报时间'],
    progress: '网格进度',
    progressHeaders: ['网格', '应填', '已填', '未填'],
  },
  en: {
    sheet: 'Results',
    title: (no, title) => `${no} ${title}: results`,
    fixedHeaders: ['Grid', 'Subject', 'Subject code', 'Filled by', 'Filled at'],
    progress: 'Progress',
    progressHeaders: ['Grid', 'To fill', 'Filled', 'Open'],
  },
};
