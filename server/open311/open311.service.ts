/**
 * The GeoReport v2 methods: services and their definitions (the catalogue items open to citizens), POST a service
 * request (a citizen report of the loop, through events/index.ts), the token of one that waits for a place, and
 * reading requests back with their state from the loop. Every refusal is an Open311Error; the routes render it.
 */
import { chinaDate } from '../../shared/china-time.ts';
import { ERROR_MESSAGES, type Lang } from '../../shared/i18n/errors.ts';
import { EVENT_EXPORT_LABELS } from '../../shared/i18n/export.ts';
import type { ChannelCase, ChannelIntake, ChannelReceipt, CitizenService } from '../events/index.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { FieldCrypto } from '../platform/field-crypto.ts';
import { areaNames } from '../territory/index.ts';
import {
  ACCOUNT_ID_MAX,
  ADDRESS_ID_MAX,
  ADDRESS_MAX,
  attributesOf,
  attributesSent,
  COUNTY,
  caseDescription,
  checkAttributes,
  closedFilter,
  DESCRIPTION_MAX,
  DEVICE_ID_MAX,
  dateWindow,
  EMAIL,
  EMAIL_MAX,
  type Fields,
  isHttpUrl,
  LIST_MAX,
  limitText,
  list,
  looksLikeKey,
  looksLikeToken,
  NAME_MAX,
  newToken,
  normalizePhone,
  one,
  parseRequestId,
  personName,
  REQUESTS_MAX,
  requestIdOf,
  SERVICE_CODE_MAX,
  URL_MAX,
  w3cDate,
} from './open311.core.ts';
import { Open311Error, type Open311Problem, problem } from './open311.errors.ts';
import type { Discovery, RequestReceipt, Service, ServiceDefinition, ServiceRequest, TokenAnswer } from './open311.format.ts';
import * as store from './open311.store.ts';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** When the discovery document or the service definitions last changed in a way clients should notice. */
export const CHANGESET = '2026-11-02T00:00:00+08:00';

/** The channel our Open311 reports carry in the loop. */
const CHANNEL = 'open311' as const;

export interface Jurisdiction {
  code: string;
  name: string;
}

/** What an AppError of the loop says to an Open311 client: not found for an item, else a refusal in our words. */
function fromAppError(e: AppError, lang: Lang, serviceCode: string): Open311Error {
  if (e.code === 'event.item_unknown' || e.code === 'event.item_retired')
    return new Open311Error(problem('service_unknown', { value: serviceCode }));
  const detail = e.details[0];
  const field = detail?.field === 'facility_code' ? 'attribute[facility_code]' : detail?.field === 'long' ? 'lat/long' : '';
  const value = e.code === 'event.already_reported' && detail?.value ? ` (${String(detail.value)})` : '';
  return new Open311Error(problem('refused', { field, message: `${ERROR_MESSAGES[lang][e.code]}${value}` }));
}

const throwIf = (problems: Open311Problem[]) => {
  if (problems.length) throw new Open311Error(problems);
};

export function createOpen311Service({
  db,
  clock,
  channels,
  fieldCrypto,
}: {
  db: Db;
  clock: Clock;
  channels: ChannelIntake;
  fieldCrypto: FieldCrypto;
}) {
  /** jurisdiction_id as required here (the endpoint serves every county of the database): an existing county. */
  async function jurisdiction(fields: Fields): Promise<Jurisdiction> {
    const problems: Open311Problem[] = [];
    const code = one(fields, 'jurisdiction_id', 20, problems);
    throwIf(problems);
    if (code === undefined) throw new Open311Error(problem('jurisdiction_missing'));
    const found = COUNTY.test(code) ? (await areaNames(db, [code])).find((a) => a.level === 'county') : undefined;
    if (!found) throw new Open311Error(problem('jurisdiction_unknown', { value: code }));
    return { code: found.code, name: found.name };
  }

  const service = (s: CitizenService, lang: Lang): Service => {
    const limit = `${lang === 'en' ? 'Handled within' : '处置时限'} ${limitText(s.handleLimit, lang)}`;
    return {
      service_code: s.code,
      service_name: s.name,
      description: [[s.major, s.group, s.name].filter(Boolean).join(' / '), limit].join(lang === 'en' ? '. ' : '。'),
      metadata: attributesOf(s, lang).length > 0,
      type: 'realtime',
      keywords: [s.major, s.group].filter(Boolean).join(', '),
      group: s.group,
    };
  };

  async function findService(code: string): Promise<CitizenService | undefined> {
    return (await channels.services()).find((s) => s.code === code);
  }

  /** Who posts: the live client holding the key, bound to the jurisdiction asked for. */
  async function client(fields: Fields, query: Fields) {
    const problems: Open311Problem[] = [];
    const key = one(fields, 'api_key', 64, problems) ?? one(query, 'api_key', 64, problems);
    if (problems.length || key === undefined) throw new Open311Error(problem('api_key_missing'));
    const row = looksLikeKey(key) ? await store.clientByKeyHash(db, fieldCrypto.searchHash(key)) : undefined;
    if (!row || row.revokedAt || !row.interfaces.includes('open311')) throw new Open311Error(problem('api_key_invalid'));
    return row;
  }

  /** One filed case as GeoReport v2 describes a request. */
  function described(
    c: ChannelCase,
    row: store.RequestRow | undefined,
    services: Map<string, CitizenService>,
    county: Jurisdiction,
    lang: Lang,
  ): ServiceRequest {
    const labels = EVENT_EXPORT_LABELS[lang].status;
    const notes = [
      labels[c.status] ?? c.status,
      ...(c.mergedIntoCaseNo ? [lang === 'en' ? `merged into case ${c.mergedIntoCaseNo}` : `并入案卷 ${c.mergedIntoCaseNo}`] : []),
      ...(c.reply ? [`${lang === 'en' ? 'Reply' : '处置答复'}: ${c.reply}`] : []),
    ].join(lang === 'en' ? '. ' : '。');
    const s = services.get(c.itemCode);
    const place = [c.gridName, c.villageName, c.townshipName, county.name].filter(Boolean).join(lang === 'en' ? ', ' : '，');
    return {
      service_request_id: requestIdOf(c.countyCode, c.caseNo),
      status: c.closed ? 'closed' : 'open',
      status_notes: notes,
      service_name: c.itemName,
      service_code: c.itemCode,
      description: row?.description ?? c.description,
      agency_responsible: c.agencyName,
      service_notice: s ? `${lang === 'en' ? 'Handled within' : '处置时限'} ${limitText(s.handleLimit, lang)}` : null,
      requested_datetime: w3cDate(c.reportedAt),
      updated_datetime: w3cDate(c.closed ? (c.closedAt ?? c.updatedAt) : c.updatedAt),
      expected_datetime: !c.closed && c.dueAt ? w3cDate(c.dueAt) : null,
      address: row?.addressString ?? (place || null),
      address_id: row?.addressId ?? null,
      zipcode: null,
      lat: c.lat,
      long: c.lng,
      media_url: row?.mediaUrl ?? null,
    };
  }

  async function describedAll(county: Jurisdiction, cases: ChannelCase[], lang: Lang): Promise<ServiceRequest[]> {
    const [rows, services] = await Promise.all([
      store.requestsOfEvents(
        db,
        county.code,
        cases.map((c) => c.id),
      ),
      channels.services(),
    ]);
    const byCode = new Map(services.map((s) => [s.code, s]));
    return cases.map((c) => described(c, rows.get(c.id), byCode, county, lang));
  }

  function notice(r: ChannelReceipt, s: CitizenService, lang: Lang): string {
    const track = r.trackingCode;
    return lang === 'en'
      ? `Received as case ${r.caseNo}. Tracking code ${track}: with it the reporter follows the request and rates the result on the public page (/public/track). Handled within ${limitText(s.handleLimit, lang)}.`
      : `已受理，案卷号 ${r.caseNo}。进度查询码 ${track}：凭此码可在市民页面（/public/track）查看进度，办结后评价。处置时限 ${limitText(s.handleLimit, lang)}。`;
  }

  const pendingNotice = (lang: Lang) =>
    lang === 'en'
      ? 'Received. A request located only by its address is placed on the map by the county centre before it is filed: ask tokens/{token} for its service_request_id.'
      : '已收到。仅有地址的请求须由区县中心在地图上确定位置后立案，请凭 token 查询服务请求编号（tokens/{token}）。';

  return {
    jurisdiction,

    discovery(baseUrl: string, lang: Lang): Discovery {
      return {
        changeset: CHANGESET,
        contact:
          lang === 'en'
            ? 'Ask the city centre’s system administrator (系统管理员) for help with this endpoint.'
            : '接口使用问题请联系市级中心的系统管理员。',
        key_service:
          lang === 'en'
            ? 'API keys are issued per client and county by the security administrator in the Gezhi console (接入密钥).'
            : 'API 密钥由安全管理员在格治控制台“接入密钥”页按接入方和区县签发。',
        endpoints: [
          {
            specification: SPECIFICATION,
            url: `${baseUrl}/open311/v2`,
            changeset: CHANGESET,
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      };
    },

    async services(fields: Fields, lang: Lang): Promise<Service[]> {
      await jurisdiction(fields);
      return (await channels.services()).map((s) => service(s, lang));
    },

    async definition(fields: Fields, code: string, lang: Lang): Promise<ServiceDefinition> {
      await jurisdiction(fields);
      const s = await findService(code);
      if (!s) throw new Open311Error(problem('service_unknown', { value: code }));
      return { service_code: s.code, attributes: attributesOf(s, lang) };
    },

    /**
     * POST requests: the key first (403 before anything is read), then the jurisdiction, then every field, all
     * problems at once. A request with a point is filed at once; one with only an address waits for a place and
     * is answered with its token. A retry — the same request, or the same Idempotency-Key header — gets the first
     * answer back.
     */
    async post(fields: Fields, query: Fields, idempotencyHeader: string | undefined, lang: Lang): Promise<RequestReceipt> {
      const who = await client(fields, query);
      const county = await jurisdiction({ jurisdiction_id: fields.jurisdiction_id ?? query.jurisdiction_id });
      if (who.countyCode !== county.code) throw new Open311Error(problem('api_key_jurisdiction', { value: county.code }));

      const problems: Open311Problem[] = [];
      const serviceCode = one(fields, 'service_code', SERVICE_CODE_MAX, problems);
      const latText = one(fields, 'lat', 40, problems);
      const longText = one(fields, 'long', 40, problems);
      const addressString = one(fields, 'address_string', ADDRESS_MAX, problems);
      const addressId = one(fields, 'address_id', ADDRESS_ID_MAX, problems);
      const email = one(fields, 'email', EMAIL_MAX, problems);
      const deviceId = one(fields, 'device_id', DEVICE_ID_MAX, problems);
      const accountId = one(fields, 'account_id', ACCOUNT_ID_MAX, problems);
      const firstName = one(fields, 'first_name', NAME_MAX, problems);
      const lastName = one(fields, 'last_name', NAME_MAX, problems);
      const phoneText = one(fields, 'phone', 40, problems);
      const description = one(fields, 'description', DESCRIPTION_MAX, problems);
      const mediaUrl = one(fields, 'media_url', URL_MAX, problems);
      const attributes = attributesSent(fields, problems);
      const coordinate = (text: string | undefined, field: string, max: number) => {
        if (text === undefined) return undefined;
        const n = Number(text);
        if (!/^[+-]?\d+(\.\d+)?$/.test(text) || Math.abs(n) > max) {
          problems.push(problem('number_invalid', { field, min: -max, max }));
          return null;
        }
        return n;
      };
      const lat = coordinate(latText, 'lat', 90);
      const lng = coordinate(longText, 'long', 180);
      if ((latText === undefined) !== (longText === undefined)) problems.push(problem('lat_long_pair'));
      if (latText === undefined && longText === undefined && !addressString && !addressId) problems.push(problem('location_missing'));
      const phone = phoneText === undefined ? undefined : normalizePhone(phoneText);
      if (phone === null) problems.push(problem('phone_invalid'));
      if (email !== undefined && !EMAIL.test(email)) problems.push(problem('email_invalid'));
      if (mediaUrl !== undefined && !isHttpUrl(mediaUrl)) problems.push(problem('url_invalid'));
      const reporterName = personName(firstName, lastName);
      if (reporterName && [...reporterName].length > NAME_MAX)
        problems.push(problem('too_long', { field: 'first_name/last_name', max: NAME_MAX }));
      if (serviceCode === undefined && !problems.some((p) => p.values?.field === 'service_code'))
        problems.unshift(problem('service_code_missing'));
      throwIf(problems);

      const s = await findService(serviceCode!);
      if (!s) throw new Open311Error(problem('service_unknown', { value: serviceCode! }));
      checkAttributes(attributesOf(s, lang), attributes, problems);
      throwIf(problems);

      const now = clock();
      // The same client sending the same request the same China day (or the same Idempotency-Key) is a retry: one
      // request. The day keeps a report made again weeks later, word for word, from answering with the old one.
      const sent = Object.entries(fields)
        .filter(([k]) => k !== 'api_key')
        .sort(([x], [y]) => x.localeCompare(y));
      const material = idempotencyHeader
        ? `header:${who.id}:${idempotencyHeader}`
        : `body:${who.id}:${chinaDate(now)}:${JSON.stringify(sent)}`;
      const idempotencyKey = `open311:${fieldCrypto.searchHash(material)}`;
      const text = description ?? s.name;
      const earlier = await store.requestByKey(db, county.code, idempotencyKey);
      // One that waited for a place (decided by a person, or still waiting) was answered with its token: so is its retry.
      if (earlier && (earlier.status !== 'filed' || earlier.decidedBy !== null))
        return { token: earlier.token, service_notice: pendingNotice(lang), account_id: accountId ?? null };

      const hasPoint = typeof lat === 'number' && typeof lng === 'number';
      const common = {
        countyCode: county.code,
        clientId: who.id,
        idempotencyKey,
        serviceCode: s.code,
        description: text,
        addressString: addressString ?? null,
        addressId: addressId ?? null,
        mediaUrl: mediaUrl ?? null,
        reporterName: reporterName ?? null,
        facilityCode: attributes.facility_code?.[0] ?? null,
        attributes,
        requestedAt: now,
      };
      if (!hasPoint) {
        const row = await db.transaction(async (tx) => {
          const inserted = await store.insertRequest(tx, {
            ...common,
            token: newToken(county.code),
            status: 'pending',
            phoneSealed: phone ? fieldCrypto.encrypt(phone) : null,
            deviceIdSealed: deviceId ? fieldCrypto.encrypt(deviceId) : null,
          });
          if (inserted) {
            await store.touchClient(tx, who.id, now);
            await recordAudit(tx, {
              at: now,
              actorId: null,
              action: 'open311.request_received',
              target: inserted.token,
              detail: { client: who.name, clientId: who.id, county: county.code, serviceCode: s.code, pending: true },
            });
          }
          return inserted;
        });
        const answered = row ?? (await store.requestByKey(db, county.code, idempotencyKey))!;
        return { token: answered.token, service_notice: pendingNotice(lang), account_id: accountId ?? null };
      }

      let filed: ChannelReceipt;
      try {
        filed = await channels.report({
          channel: CHANNEL,
          countyCode: county.code,
          itemCode: s.code,
          lng: lng!,
          lat: lat!,
          description: caseDescription({ description: text, addressString, addressId, mediaUrl, clientName: who.name }),
          phone: phone ?? undefined,
          reporterName,
          deviceId,
          facilityCode: common.facilityCode ?? undefined,
          idempotencyKey,
        });
      } catch (e) {
        if (e instanceof AppError) throw fromAppError(e, lang, s.code);
        throw e;
      }
      if (!earlier) {
        await db.transaction(async (tx) => {
          const inserted = await store.insertRequest(tx, {
            ...common,
            token: newToken(county.code),
            status: 'filed',
            eventId: filed.id,
            caseNo: filed.caseNo,
            lng,
            lat,
            decidedAt: now,
          });
          if (inserted) {
            await store.touchClient(tx, who.id, now);
            await recordAudit(tx, {
              at: now,
              actorId: null,
              action: 'open311.request_received',
              target: filed.id,
              detail: { client: who.name, clientId: who.id, county: county.code, serviceCode: s.code, caseNo: filed.caseNo },
            });
          }
        });
      }
      return {
        service_request_id: requestIdOf(filed.countyCode, filed.caseNo),
        service_notice: notice(filed, s, lang),
        account_id: accountId ?? null,
      };
    },

    async token(fields: Fields, token: string): Promise<TokenAnswer> {
      const county = await jurisdiction(fields);
      const row = looksLikeToken(token) && token.startsWith(county.code) ? await store.requestByToken(db, county.code, token) : undefined;
      if (!row) throw new Open311Error(problem('token_not_found', { value: token }));
      if (row.status === 'refused') throw new Open311Error(problem('token_refused', { value: row.refusedReason ?? '' }));
      return row.caseNo ? { service_request_id: requestIdOf(row.countyCode, row.caseNo), token: row.token } : { token: row.token };
    },

    /** GET requests: by ids (which override every other argument), or by service, status and a window of ≤ 90 days. */
    async requests(fields: Fields, lang: Lang): Promise<ServiceRequest[]> {
      const county = await jurisdiction(fields);
      const problems: Open311Problem[] = [];
      const ids = list(fields, 'service_request_id', LIST_MAX, 40, problems);
      throwIf(problems);
      if (ids) {
        const caseNos = ids.flatMap((id) => {
          const parsed = parseRequestId(id);
          return parsed && parsed.countyCode === county.code ? [parsed.caseNo] : [];
        });
        if (caseNos.length === 0) return [];
        return describedAll(county, await channels.cases({ channel: CHANNEL, countyCode: county.code, caseNos, limit: LIST_MAX }), lang);
      }
      const itemCodes = list(fields, 'service_code', LIST_MAX, SERVICE_CODE_MAX, problems);
      const closed = closedFilter(list(fields, 'status', 2, 10, problems), problems);
      const window = dateWindow(fields, clock(), problems);
      throwIf(problems);
      const cases = await channels.cases({ channel: CHANNEL, countyCode: county.code, itemCodes, closed, ...window, limit: REQUESTS_MAX });
      return describedAll(county, cases, lang);
    },

    async request(fields: Fields, id: string, lang: Lang): Promise<ServiceRequest[]> {
      const county = await jurisdiction(fields);
      const parsed = parseRequestId(id);
      const cases =
        parsed && parsed.countyCode === county.code
          ? await channels.cases({ channel: CHANNEL, countyCode: county.code, caseNos: [parsed.caseNo], limit: 1 })
          : [];
      if (cases.length === 0) throw new Open311Error(problem('request_not_found', { value: id }));
      return describedAll(county, cases, lang);
    },
  };
}

export type Open311Service = ReturnType<typeof createOpen311Service>;
