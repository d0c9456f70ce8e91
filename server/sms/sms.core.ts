import { bareMobile } from '../../shared/phones.ts';
import type { SmsConfig } from '../platform/config.ts';
import { PARAM_MAX, SMS_TEMPLATES, type SmsTemplateName } from './sms.templates.ts';

/** What the SMS channel reads of a notification (events' inbox row): whose, what kind, and what it names. */
export interface SmsNotice {
  countyCode: string;
  userId: string;
  kind: string;
  data: unknown;
}

/** One message to one account: Gezhi's template and its params, for the notice kind it carries. */
export interface SmsDraft {
  countyCode: string;
  userId: string;
  purpose: string;
  template: SmsTemplateName;
  params: Record<string, string>;
}

const TEMPLATE_OF: Record<string, SmsTemplateName> = {
  overdue: 'case_overdue',
  call_overdue: 'call_overdue',
  household_alert: 'household_alert',
};

const cut = (text: string) => (text.length > PARAM_MAX ? `${text.slice(0, PARAM_MAX - 1)}…` : text);

/**
 * The messages a batch of new notices makes: one per account and kind (ten overdue cases of one sweep are one SMS
 * naming the first and the count), only for the kinds configured to go by SMS and having a template.
 */
export function draftsOf(notices: readonly SmsNotice[], kinds: readonly string[]): SmsDraft[] {
  const groups = new Map<string, SmsNotice[]>();
  for (const n of notices) {
    if (!kinds.includes(n.kind) || !TEMPLATE_OF[n.kind]) continue;
    const key = `${n.userId}:${n.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0];
    const data = (first.data ?? {}) as { caseNo?: string; address?: string; groupName?: string };
    const template = TEMPLATE_OF[first.kind];
    const count = String(group.length);
    const params: Record<string, string> =
      template === 'case_overdue'
        ? { count, caseNo: cut(data.caseNo ?? '') }
        : template === 'call_overdue'
          ? { count, address: cut(data.address ?? '') }
          : { group: cut(data.groupName ?? '') };
    return { countyCode: first.countyCode, userId: first.userId, purpose: first.kind, template, params };
  });
}

/** Sends already counted in each window, per phone and per account (null: the message is for no account). */
export interface SentCounts {
  phone: number;
  account: number | null;
}

/** Which limit a further message would break, or null when it may go. */
export function limitBroken(limits: SmsConfig['rateLimit'], sent: SentCounts): 'phone_limit' | 'account_limit' | null {
  if (sent.phone >= limits.perPhone.max) return 'phone_limit';
  if (sent.account !== null && sent.account >= limits.perAccount.max) return 'account_limit';
  return null;
}

/** The params a template names, every one present: a draft missing one is a mistake in the code, not in the input. */
export function checkParams(template: SmsTemplateName, params: Record<string, string>): void {
  const missing = SMS_TEMPLATES[template].params.filter((p) => typeof params[p] !== 'string');
  if (missing.length) throw new Error(`SMS template ${template} lacks ${missing.join(', ')}`);
}

/** A mainland mobile number, bare (+86 and spaces dropped), or null when the account's phone is not one. */
export const mobileOf = (phone: string | null): string | null => bareMobile(phone);
