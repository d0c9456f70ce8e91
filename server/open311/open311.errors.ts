/**
 * The Open311 error reply (GeoReport v2, "Errors"): `<errors><error><code>…</code><description>…</description>
 * </error></errors>`, one error per problem, with the HTTP status the specification names — 404 for what does not
 * exist, 403 for a missing or wrong api_key, 400 for anything else a request gets wrong. The body's code is the
 * HTTP status (as the specification's examples have it: clients match on it); the description names the field and
 * says what is wrong, in the request's language. Our own one error shape is never used on these routes.
 */
import type { Lang } from '../../shared/i18n/errors.ts';

type Message = Record<Lang, (v: Record<string, string | number>) => string>;

const m = (zh: Message['zh-CN'], en: Message['en']): Message => ({ 'zh-CN': zh, en });

/** Why an Open311 request is refused: its HTTP status and its description in both languages. */
export const OPEN311_REASONS = {
  jurisdiction_missing: {
    status: 400,
    text: m(
      () => '未提供 jurisdiction_id（本接口服务多个区县，须以区县代码指明）',
      () => 'jurisdiction_id was not provided (this endpoint serves several counties: give the county code)',
    ),
  },
  jurisdiction_unknown: {
    status: 404,
    text: m(
      (v) => `jurisdiction_id 不存在：${v.value}（应为区县的6位行政区划代码）`,
      (v) => `jurisdiction_id not found: ${v.value} (a county's 6-digit division code)`,
    ),
  },
  api_key_missing: {
    status: 403,
    text: m(
      () => '未提供 api_key，不能提交服务请求',
      () => "No api_key received -- can't proceed with create_request",
    ),
  },
  api_key_invalid: {
    status: 403,
    text: m(
      () => 'api_key 无效或已吊销，不能提交服务请求',
      () => "Invalid or revoked api_key received -- can't proceed with create_request",
    ),
  },
  api_key_jurisdiction: {
    status: 403,
    text: m(
      (v) => `该 api_key 不能用于辖区 ${v.value}`,
      (v) => `This api_key may not be used for jurisdiction ${v.value}`,
    ),
  },
  service_code_missing: {
    status: 400,
    text: m(
      () => '未提供 service_code',
      () => 'service_code was not provided',
    ),
  },
  service_unknown: {
    status: 404,
    text: m(
      (v) => `service_code 不存在或不受理市民上报：${v.value}`,
      (v) => `service_code not found, or not open to citizens: ${v.value}`,
    ),
  },
  request_not_found: {
    status: 404,
    text: m(
      (v) => `服务请求不存在：${v.value}`,
      (v) => `Service request not found: ${v.value}`,
    ),
  },
  token_not_found: {
    status: 404,
    text: m(
      (v) => `token 不存在：${v.value}`,
      (v) => `Token not found: ${v.value}`,
    ),
  },
  token_refused: {
    status: 400,
    text: m(
      (v) => `该服务请求未能受理：${v.value}`,
      (v) => `The service request was not accepted: ${v.value}`,
    ),
  },
  location_missing: {
    status: 400,
    text: m(
      () => '须提供位置：lat 和 long，或 address_string，或 address_id',
      () => 'A location is required: lat & long, or address_string, or address_id',
    ),
  },
  lat_long_pair: {
    status: 400,
    text: m(
      () => 'lat 与 long 须同时提供',
      () => 'lat and long must both be sent',
    ),
  },
  number_invalid: {
    status: 400,
    text: m(
      (v) => `${v.field} 应为 ${v.min} 到 ${v.max} 之间的数字`,
      (v) => `${v.field} must be a number from ${v.min} to ${v.max}`,
    ),
  },
  too_long: {
    status: 400,
    text: m(
      (v) => `${v.field} 不能超过 ${v.max} 个字符`,
      (v) => `${v.field} may not be longer than ${v.max} characters`,
    ),
  },
  control_characters: {
    status: 400,
    text: m(
      (v) => `${v.field} 含有不允许的控制字符`,
      (v) => `${v.field} contains control characters`,
    ),
  },
  repeated: {
    status: 400,
    text: m(
      (v) => `${v.field} 只能提供一次`,
      (v) => `${v.field} may be given only once`,
    ),
  },
  date_invalid: {
    status: 400,
    text: m(
      (v) => `${v.field} 应为带时区的 W3C 日期时间，如 2010-01-01T00:00:00Z 或 2010-01-01T08:00:00+08:00`,
      (v) => `${v.field} must be a W3C date-time with its time zone, e.g. 2010-01-01T00:00:00Z or 2010-01-01T08:00:00+08:00`,
    ),
  },
  date_order: {
    status: 400,
    text: m(
      () => 'start_date 晚于 end_date',
      () => 'start_date is after end_date',
    ),
  },
  range_too_long: {
    status: 400,
    text: m(
      (v) => `查询的时间范围不能超过 ${v.max} 天`,
      (v) => `The date range may not span more than ${v.max} days`,
    ),
  },
  status_invalid: {
    status: 400,
    text: m(
      (v) => `status 只能是 open 或 closed：${v.value}`,
      (v) => `status must be open or closed: ${v.value}`,
    ),
  },
  too_many: {
    status: 400,
    text: m(
      (v) => `${v.field} 最多 ${v.max} 个`,
      (v) => `${v.field} takes at most ${v.max} values`,
    ),
  },
  attribute_unknown: {
    status: 400,
    text: m(
      (v) => `该服务没有属性 ${v.value}`,
      (v) => `This service has no attribute ${v.value}`,
    ),
  },
  attribute_required: {
    status: 400,
    text: m(
      (v) => `缺少必填属性 attribute[${v.value}]`,
      (v) => `Required attribute attribute[${v.value}] is missing`,
    ),
  },
  attribute_invalid: {
    status: 400,
    text: m(
      (v) => `attribute[${v.value}] 的值不符合要求：${v.hint}`,
      (v) => `attribute[${v.value}] is not valid: ${v.hint}`,
    ),
  },
  phone_invalid: {
    status: 400,
    text: m(
      () => 'phone 应为手机号或带区号的固定电话',
      () => 'phone must be a mobile number or a landline with its area code',
    ),
  },
  email_invalid: {
    status: 400,
    text: m(
      () => 'email 不是有效的电子邮件地址',
      () => 'email is not an e-mail address',
    ),
  },
  url_invalid: {
    status: 400,
    text: m(
      () => 'media_url 应为 http 或 https 网址',
      () => 'media_url must be an http or https URL',
    ),
  },
  format_unknown: {
    status: 404,
    text: m(
      (v) => `不支持的格式 .${v.value}，请用 .xml 或 .json`,
      (v) => `Unknown format .${v.value}: use .xml or .json`,
    ),
  },
  route_not_found: {
    status: 404,
    text: m(
      () => '没有这个接口地址，请对照服务发现（discovery）检查 URL',
      () => 'No such resource: check the URL against the service discovery file',
    ),
  },
  body_invalid: {
    status: 400,
    text: m(
      () => '请求体应为 application/x-www-form-urlencoded; charset=utf-8',
      () => 'The request body must be application/x-www-form-urlencoded; charset=utf-8',
    ),
  },
  body_too_large: {
    status: 400,
    text: m(
      () => '请求体过大',
      () => 'The request body is too large',
    ),
  },
  rate_limited: {
    status: 429,
    text: m(
      (v) => `请求过于频繁，请 ${v.seconds} 秒后再试`,
      (v) => `Too many requests: try again in ${v.seconds} seconds`,
    ),
  },
  /** The loop refused the report (a point in no grid, a device that reported it already…): its own message. */
  refused: {
    status: 400,
    text: m(
      (v) => `${v.field ? `${v.field}：` : ''}${v.message}`,
      (v) => `${v.field ? `${v.field}: ` : ''}${v.message}`,
    ),
  },
  server_error: {
    status: 500,
    text: m(
      (v) => `服务暂时出错，请稍后再试；联系管理员时请提供编号 ${v.errorId}`,
      (v) => `The service failed; try again later, and quote ${v.errorId} to the administrator`,
    ),
  },
} as const satisfies Record<string, { status: number; text: Message }>;

export type Open311Reason = keyof typeof OPEN311_REASONS;

export interface Open311Problem {
  reason: Open311Reason;
  values?: Record<string, string | number>;
}

/** One or more problems of one request; the first one's status is the reply's. */
export class Open311Error extends Error {
  readonly problems: Open311Problem[];
  constructor(problems: Open311Problem | Open311Problem[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map((p) => p.reason).join(', '));
    this.name = 'Open311Error';
    this.problems = list;
  }

  get status(): number {
    return OPEN311_REASONS[this.problems[0].reason].status;
  }
}

export const problem = (reason: Open311Reason, values?: Record<string, string | number>): Open311Problem => ({ reason, values });

/** The errors as the reply lists them: code and description. */
export function describeProblems(problems: Open311Problem[], lang: Lang): { code: number; description: string }[] {
  return problems.map((p) => {
    const r = OPEN311_REASONS[p.reason];
    return { code: r.status, description: r.text[lang](p.values ?? {}) };
  });
}
