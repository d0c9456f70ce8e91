/**
 * The province exchange's rules, pure: the watermark (a position in the stream of finished transactions, decision
 * 0028) and each record as GB/T 31000-2015 names its fields. What a receiver gets of a sensitive value is decided by
 * the `Disclosure` handed in (masked, or sealed for it alone).
 */
import type { ProvinceDisclosure } from '../../shared/enums.ts';

/** The order the parts of one range are sent in: base data, then the cases. */
export const PARTS = ['person', 'house', 'organisation', 'case'] as const;
export type Part = (typeof PARTS)[number];

/**
 * Where a pull starts. `from` alone: every change of a transaction id ≥ from is still to come. With `to`, a range
 * [from, to) is being sent page by page: its part `part` from its `offset`-th record on.
 */
export interface Position {
  from: number;
  to: number | null;
  part: number;
  offset: number;
}

/** The first pull of a receiver: everything recorded. */
export const START: Position = { from: 0, to: null, part: 0, offset: 0 };

const WATERMARK = /^(\d{1,15})(?:-(\d{1,15})\.([0-3])\.(\d{1,9}))?$/;
export const WATERMARK_PATTERN = WATERMARK.source;

/**
 * A watermark the server gave, or why it is not one: malformed, or ahead of what has finished (`horizon`, the lowest
 * transaction id that may still be running) — a watermark of another server, or made up.
 */
export function parseWatermark(text: string, horizon: number): Position | 'malformed' | 'ahead' {
  const m = WATERMARK.exec(text);
  if (!m) return 'malformed';
  const from = Number(m[1]);
  if (m[2] === undefined) return from > horizon ? 'ahead' : { from, to: null, part: 0, offset: 0 };
  const to = Number(m[2]);
  if (to < from) return 'malformed';
  if (to > horizon) return 'ahead';
  return { from, to, part: Number(m[3]), offset: Number(m[4]) };
}

/** `from` once a range is sent whole; `from-to.part.offset` inside one. */
export const formatWatermark = (p: Position) => (p.to === null ? String(p.from) : `${p.from}-${p.to}.${p.part}.${p.offset}`);

/**
 * The pages of one pull: from the position on, up to `limit` records, part after part. `fetch(part, offset, n)`
 * answers at most n keys of that part from that offset. Answers the keys taken per part and the position after them.
 */
export async function planPage(
  at: Position & { to: number },
  limit: number,
  fetch: (part: Part, offset: number, n: number) => Promise<string[]>,
): Promise<{ taken: { part: Part; keys: string[] }[]; next: Position }> {
  const taken: { part: Part; keys: string[] }[] = [];
  let count = 0;
  let part = at.part;
  let offset = at.offset;
  while (part < PARTS.length && count < limit) {
    const want = limit - count;
    const keys = await fetch(PARTS[part], offset, want + 1);
    const keep = keys.slice(0, want);
    if (keep.length) taken.push({ part: PARTS[part], keys: keep });
    count += keep.length;
    if (keys.length > want) {
      offset += want;
      break;
    }
    part++;
    offset = 0;
  }
  const next: Position = part >= PARTS.length ? { from: at.to, to: null, part: 0, offset: 0 } : { from: at.from, to: at.to, part, offset };
  return { taken, next };
}

/** What a receiver gets of sensitive values. */
export interface Disclosure {
  mode: ProvinceDisclosure;
  /** A sealed value of ours: its masked form (`masked`, or made from the plain value), or sealed for the receiver. */
  value(sealed: string | null, masked: string | null | ((plain: string) => string | null)): string | null;
  /** Special-group and key-person tags: withheld (null) when masked, one sealed JSON list when sealed. */
  tags(tags: string[]): string | null;
}

/** One record of the exchange: what it is, its key and version, and its fields as the standard names them. */
export interface ExchangeRecord {
  kind: Part;
  key: string;
  /** The record's version: a receiver keeps the highest it has seen. */
  version: number | null;
  updatedAt: string | null;
  /** The record no longer exists here. */
  deleted: boolean;
  data: Record<string, unknown> | null;
}

/** GB/T 31000 dates are YYYYMMDD. */
export const ymd = (d: string | null) => (d ? d.replaceAll('-', '') : null);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface PersonFacts {
  id: string;
  idType: string;
  idNumberEnc: string;
  idNumberMasked: string;
  name: string;
  sex: string;
  birthDate: string;
  ethnicity: string;
  phoneEnc: string | null;
  phoneMasked: string | null;
  residentType: string;
  hukouRegion: string | null;
  hukouAddress: string | null;
  inflowReason: string | null;
  permitType: string | null;
  permitExpiry: string | null;
  leftBehindType: string | null;
  nationality: string | null;
  foreignName: string | null;
  visitPurpose: string | null;
  arrivalDate: string | null;
  departureDate: string | null;
  specialGroups: string[];
  keyPersonTags: string[];
  gridCode: string;
  houseCode: string | null;
  houseAddress: string | null;
  version: number;
  updatedAt: Date;
}

/** 实有人口 (GB/T 31000 §4.2: the common person block, then the fields of 流动人口, 留守人员, 境外人员). */
export function personRecord(p: PersonFacts, d: Disclosure): ExchangeRecord {
  const id = d.value(p.idNumberEnc, p.idNumberMasked);
  return {
    kind: 'person',
    key: p.id,
    version: p.version,
    updatedAt: iso(p.updatedAt),
    deleted: false,
    data: {
      ...(p.idType === '111' ? { 公民身份号码: id } : { 证件代码: p.idType, 证件号码: id }),
      姓名: p.name,
      性别: p.sex,
      出生日期: ymd(p.birthDate),
      民族: p.ethnicity,
      联系方式: d.value(p.phoneEnc, p.phoneMasked),
      户籍地: p.hukouRegion,
      '户籍门(楼)详址': p.hukouAddress,
      '现住门(楼)详址': p.houseAddress,
      房屋编号: p.houseCode,
      人员类型: p.residentType,
      流入原因: p.inflowReason,
      办证类型: p.permitType,
      证件到期日期: ymd(p.permitExpiry),
      留守人员类型: p.leftBehindType,
      国籍: p.nationality,
      外文姓名: p.foreignName,
      来华目的: p.visitPurpose,
      抵达日期: ymd(p.arrivalDate),
      预计离开日期: ymd(p.departureDate),
      特殊人群: d.tags(p.specialGroups),
      重点人员: d.tags(p.keyPersonTags),
      网格编码: p.gridCode,
    },
  };
}

export interface HouseFacts {
  code: string;
  gridCode: string;
  address: string;
  use: string;
  areaM2: number | null;
  ownerName: string | null;
  ownerIdEnc: string | null;
  ownerIdMasked: string | null;
  ownerPhoneEnc: string | null;
  ownerPhoneMasked: string | null;
  rented: boolean;
  rentalUse: string | null;
  hazards: string[];
  version: number;
  updatedAt: Date;
}

/** 实有房屋, with the fields of 出租房 (GB/T 31000 table 16). */
export function houseRecord(h: HouseFacts, d: Disclosure): ExchangeRecord {
  return {
    kind: 'house',
    key: h.code,
    version: h.version,
    updatedAt: iso(h.updatedAt),
    deleted: false,
    data: {
      房屋编号: h.code,
      房屋地址: h.address,
      建筑用途: h.use,
      建筑面积: h.areaM2,
      房主姓名: h.ownerName,
      房主证件号码: d.value(h.ownerIdEnc, h.ownerIdMasked),
      房主联系方式: d.value(h.ownerPhoneEnc, h.ownerPhoneMasked),
      是否出租: h.rented,
      出租用途: h.rentalUse,
      隐患类型: h.hazards,
      网格编码: h.gridCode,
    },
  };
}

export interface OrganisationFacts {
  creditCode: string;
  name: string;
  orgType: string;
  address: string;
  gridCode: string;
  lng: number | null;
  lat: number | null;
  legalRep: string | null;
  safetyContact: string | null;
  safetyPhoneEnc: string | null;
  safetyPhoneMasked: string | null;
  hazards: string[];
  version: number;
  updatedAt: Date;
}

/** 实有单位, with the fields of 非公有制经济组织 and 社会组织 (GB/T 31000 tables 23 and 24). */
export function organisationRecord(o: OrganisationFacts, d: Disclosure): ExchangeRecord {
  return {
    kind: 'organisation',
    key: o.creditCode,
    version: o.version,
    updatedAt: iso(o.updatedAt),
    deleted: false,
    data: {
      统一社会信用代码: o.creditCode,
      名称: o.name,
      单位类型: o.orgType,
      地址: o.address,
      法定代表人: o.legalRep,
      治保负责人: o.safetyContact,
      治保负责人联系方式: d.value(o.safetyPhoneEnc, o.safetyPhoneMasked),
      安全隐患类型: o.hazards,
      经度: o.lng,
      纬度: o.lat,
      网格编码: o.gridCode,
    },
  };
}

export interface CaseFacts {
  id: string;
  caseNo: string;
  itemCode: string;
  itemName: string | null;
  source: string;
  description: string;
  lng: number;
  lat: number;
  gridCode: string;
  urgency: string;
  status: string;
  stage: string | null;
  leadUnit: string | null;
  dueAt: Date | null;
  reportedAt: Date;
  closedAt: Date | null;
  closingType: string | null;
  rating: string | null;
  externalNo: string | null;
  reporterPhone: string | null;
  version: number;
  updatedAt: Date;
  steps: { seq: number; action: string; fromStatus: string | null; toStatus: string; at: Date }[];
}

/**
 * 事件 (案件) with its state and its steps: GB/T 31000 has no table of its own for them, so the names follow the
 * 事项 attributes of the urban-management standards (事项代码, 所在单元网格) and the loop's stages.
 */
export function caseRecord(c: CaseFacts, d: Disclosure, maskPhone: (plain: string) => string | null): ExchangeRecord {
  return {
    kind: 'case',
    key: c.id,
    version: c.version,
    updatedAt: iso(c.updatedAt),
    deleted: false,
    data: {
      案件编号: c.caseNo,
      事项代码: c.itemCode,
      事项名称: c.itemName,
      案件来源: c.source,
      问题描述: c.description,
      经度: c.lng,
      纬度: c.lat,
      所在单元网格: c.gridCode,
      紧急程度: c.urgency,
      案件状态: c.status,
      办理环节: c.stage,
      主办单位: c.leadUnit,
      处置时限: iso(c.dueAt),
      上报时间: iso(c.reportedAt),
      结案时间: iso(c.closedAt),
      结案类型: c.closingType,
      满意度: c.rating,
      外部工单号: c.externalNo,
      反映人联系方式: d.value(c.reporterPhone, maskPhone),
      办理过程: c.steps.map((s) => ({ 序号: s.seq, 操作: s.action, 原状态: s.fromStatus, 状态: s.toStatus, 时间: iso(s.at) })),
    },
  };
}

/** A key asked for whose record is gone. */
export const deletedRecord = (kind: Part, key: string): ExchangeRecord => ({
  kind,
  key,
  version: null,
  updatedAt: null,
  deleted: true,
  data: null,
});
