/** The names of a case's status and source, by language: one table for the console, the exports and Open311. */
import type { EventSource, EventStatus } from '../enums.ts';
import type { Lang } from './errors.ts';

export const EVENT_STATUS_LABELS: Record<Lang, Record<EventStatus, string>> = {
  'zh-CN': {
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
  en: {
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
};

export const EVENT_SOURCE_LABELS: Record<Lang, Record<EventSource, string>> = {
  'zh-CN': {
    grid_worker: '网格员上报',
    hotline: '热线',
    department: '部门上报',
    video: '视频发现',
    leader: '领导交办',
    citizen: '市民反映',
    sensor: '感知设备',
  },
  en: {
    grid_worker: 'Grid worker',
    hotline: 'Hotline',
    department: 'Department',
    video: 'Video',
    leader: 'Leader',
    citizen: 'Citizen',
    sensor: 'Sensor',
  },
};
