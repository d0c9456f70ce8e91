/** The 12345 hotline's work orders, as the loop files them: pure. */

import { chinaMinute } from '../../shared/china-time.ts';
import type { HotlineNature } from '../../shared/enums.ts';

const NATURE_NAMES: Record<HotlineNature, string> = {
  consult: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
};

/** One platform's order number is one case: the key the loop's intake finds a retry or a racing duplicate by. */
export const orderKey = (orderNo: string) => `hotline:${orderNo}`;

/** The case's description: the nature, what the caller asks, where, and the deadline asked, as a dispatcher reads them. */
export function orderDescription(o: { nature: HotlineNature; description: string; address?: string; deadlineAsked?: Date }): string {
  return [
    `【12345·${NATURE_NAMES[o.nature]}】${o.description.trim()}`,
    ...(o.address ? [`地址：${o.address.trim()}`] : []),
    ...(o.deadlineAsked ? [`要求办结：${chinaMinute(o.deadlineAsked)}`] : []),
  ].join('；');
}
