/**
 * Every SMS Gezhi sends, in one place. Worded in Chinese: they reach phones in China, and a provider approves
 * each template's wording (and its sign name) before it may be used. `${name}` marks a param as Aliyun and
 * Tencent write them; each provider approves the template under its own code (GEZHI_SMS_TEMPLATE_CODES).
 */
export const SMS_TEMPLATES = {
  /** A stage of cases the recipient's unit owes ran past its limit (the deadline sweep's `overdue`). */
  // biome-ignore lint/suspicious/noTemplateCurlyInString: ${name} is the providers' placeholder, not JavaScript's
  case_overdue: { text: '您单位有${count}件案件已超期，含${caseNo}，请登录格治尽快处理。', params: ['count', 'caseNo'] },
  /** Hotline calls with only an address waited past their limit to be placed (`call_overdue`). */
  // biome-ignore lint/suspicious/noTemplateCurlyInString: ${name} is the providers' placeholder, not JavaScript's
  call_overdue: { text: '有${count}个待定位来电已超时，含“${address}”，请登录格治尽快定位。', params: ['count', 'address'] },
  /** A household of a ten-household group raised an alert (`household_alert`). */
  // biome-ignore lint/suspicious/noTemplateCurlyInString: ${name} is the providers' placeholder, not JavaScript's
  household_alert: { text: '联防组“${group}”发出十户联防预警，请立即处置。', params: ['group'] },
  /** A one-time code (sms-codes.service.ts): what it opens is said by the page that asked for it, not the message. */
  verification_code: {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${name} is the providers' placeholder, not JavaScript's
    text: '您的验证码为${code}，${minutes}分钟内有效，请勿告诉他人。如非本人操作，请忽略本短信。',
    params: ['code', 'minutes'],
    secret: ['code'],
  },
} as const satisfies Record<string, { text: string; params: readonly string[]; secret?: readonly string[] }>;

export type SmsTemplateName = keyof typeof SMS_TEMPLATES;
export const SMS_TEMPLATE_NAMES = Object.keys(SMS_TEMPLATES) as SmsTemplateName[];

/** Providers cap a param's length (Aliyun: 35 characters); a longer value is cut with an ellipsis. */
export const PARAM_MAX = 20;

/**
 * The params as the log keeps them: a secret one (a one-time code) starred, unless the gateway is the local one, whose
 * log is the only place the message arrives (a developer or a test reads the code there; no phone ever gets it).
 */
export function loggedParams(template: SmsTemplateName, params: Record<string, string>, local: boolean): Record<string, string> {
  const secret: readonly string[] = (SMS_TEMPLATES[template] as { secret?: readonly string[] }).secret ?? [];
  if (local || secret.length === 0) return params;
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, secret.includes(k) ? '*'.repeat(v.length) : v]));
}

/** The text a phone shows: the sign name in 【】 and the template with its params filled in. */
export function renderSms(signName: string, template: SmsTemplateName, params: Record<string, string>): string {
  return `【${signName}】${SMS_TEMPLATES[template].text.replace(/\$\{(\w+)\}/g, (_, name: string) => params[name] ?? '')}`;
}
