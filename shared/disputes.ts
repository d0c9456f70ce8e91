/**
 * Disputes (矛盾纠纷排查化解, GB/T 31000-2015 table 30): the closed lists both sides name, and the dispute type
 * code table 5.56 (two levels, four characters). The event catalogue's dispute items (MD…) carry the same codes.
 */

/** The tiers a dispute climbs, lowest first: grid worker → village 人民调解委员会 → township 综治中心、司法所 → county 矛盾纠纷多元化解中心. */
export const DISPUTE_TIERS = ['grid', 'village', 'township', 'county'] as const;
export type DisputeTier = (typeof DISPUTE_TIERS)[number];

/** 待受理 (waiting for its tier to accept), 调解中, 已化解, 已移交 (to court or a petition office). */
export const DISPUTE_STATUSES = ['pending', 'mediating', 'resolved', 'referred'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/** 诉调对接 / 访调对接: where a dispute goes when mediation ends without an agreement at the top tier (or earlier). */
export const REFERRAL_TARGETS = ['court', 'petition_office'] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];

/** 风险等级 (GB/T 31000 5.60 高/中/低), lowest first. */
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** What one mediation session came to: 达成协议, 部分达成, 未达成. */
export const SESSION_RESULTS = ['agreed', 'partial', 'failed'] as const;
export type SessionResult = (typeof SESSION_RESULTS)[number];

/** 月度排查 (the default) or 专项排查 (wage arrears before Spring Festival, land disputes in a village). */
export const ROUND_KINDS = ['monthly', 'special'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

/** A grid's part in a round: not yet reported, reported disputes, declared none (零报告). */
export const GRID_REPORT_STATES = ['pending', 'found', 'none'] as const;
export type GridReportState = (typeof GRID_REPORT_STATES)[number];

/** A party is a person or an organisation on record. */
export const PARTY_KINDS = ['person', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

type Row = readonly [code: string, zh: string, en: string];

/** GB/T 31000-2015 code 5.56 事件类别: level-1 classes (2 digits) and their items (4 digits); xx99 其他 where the standard has it. */
const TYPE_ROWS: readonly Row[] = [
  ['01', '婚恋家庭', 'marriage and family'],
  ['0101', '恋爱及婚姻', 'courtship and marriage'],
  ['0102', '抚养赡养监护', 'support, maintenance and guardianship'],
  ['0103', '分家与继承', 'division of family property and inheritance'],
  ['0199', '其他婚恋家庭', 'other marriage and family'],
  ['02', '邻里', 'neighbours'],
  ['0201', '用水排水通行通风采光', 'water, drainage, passage, ventilation and light'],
  ['0202', '相邻土地建筑利用', 'use of adjoining land and buildings'],
  ['0203', '相邻污染损害防止', 'pollution between neighbours'],
  ['0299', '其他邻里', 'other neighbours'],
  ['03', '人格权', 'personality rights'],
  ['0301', '姓名肖像', 'name and likeness'],
  ['0302', '名誉隐私', 'reputation and privacy'],
  ['0303', '身体健康及人身自由', 'body, health and personal freedom'],
  ['0399', '其他人格权', 'other personality rights'],
  ['04', '物权相关', 'property rights'],
  ['0401', '财物返还及损害赔偿', 'return of property and damages'],
  ['0402', '物业及其管理', 'property management'],
  ['0403', '房屋等不动产登记', 'real-estate registration'],
  ['0499', '其他物权相关', 'other property rights'],
  ['05', '侵权相关', 'torts'],
  ['0501', '教育机构', 'educational institutions'],
  ['0502', '医疗损害', 'medical harm'],
  ['0503', '交通事故', 'traffic accidents'],
  ['0504', '环境污染', 'environmental pollution'],
  ['0505', '产品责任', 'product liability'],
  ['0506', '网络侵权', 'online infringement'],
  ['0507', '劳务损害', 'harm in labour services'],
  ['0599', '其他侵权相关', 'other torts'],
  ['06', '合同及相关', 'contracts'],
  ['0601', '消费及服务', 'consumption and services'],
  ['0602', '房产买卖租赁', 'sale and lease of housing'],
  ['0603', '交易贸易', 'trade'],
  ['0604', '运输仓储', 'transport and storage'],
  ['0699', '其他合同及相关', 'other contracts'],
  ['07', '劳动人事争议', 'labour and personnel disputes'],
  ['0701', '劳动合同、劳务派遣', 'labour contracts and dispatch'],
  ['0702', '社会保险', 'social insurance'],
  ['0703', '福利待遇', 'welfare and pay'],
  ['0704', '人事争议', 'personnel disputes'],
  ['0799', '其他劳动人事争议', 'other labour and personnel'],
  ['08', '金融借贷', 'finance and lending'],
  ['0801', '证券基金期货', 'securities, funds and futures'],
  ['0802', '投资信托理财', 'investment, trusts and wealth management'],
  ['0803', '保险', 'insurance'],
  ['0804', '借贷及担保', 'loans and guarantees'],
  ['0899', '其他金融借贷', 'other finance and lending'],
  ['09', '土地及资源权属', 'land and resource rights'],
  ['0901', '土地承包经营', 'land contracting'],
  ['0902', '宅基地使用', 'homestead use'],
  ['0903', '山林矿产', 'forests and minerals'],
  ['0904', '水域水利', 'waters and irrigation'],
  ['0999', '其他土地及资源权属', 'other land and resources'],
  ['10', '其他民商事', 'other civil and commercial'],
  ['1001', '知识产权', 'intellectual property'],
  ['1002', '公司企业设立解散', 'company formation and dissolution'],
  ['1003', '海事海商', 'maritime'],
  ['1004', '竞争', 'competition'],
  ['1005', '票据与信用证', 'bills and letters of credit'],
  ['1006', '无因管理与不当得利', 'negotiorum gestio and unjust enrichment'],
  ['1099', '其他民商事', 'other civil and commercial'],
  ['11', '城乡建设发展', 'urban and rural development'],
  ['1101', '国有土地上房屋征收', 'expropriation of housing on state land'],
  ['1102', '农村集体土地征用', 'requisition of rural collective land'],
  ['1103', '城乡规划及拆违', 'planning and removal of illegal building'],
  ['1104', '基础设施建设及市政市容', 'infrastructure and city appearance'],
  ['1105', '移民安置', 'resettlement'],
  ['1199', '其他城乡建设发展', 'other development'],
  ['12', '涉民政', 'civil affairs'],
  ['1201', '村(社区)选举和管理', 'village (community) elections and management'],
  ['1202', '优抚救助', 'special care and relief'],
  ['1203', '区划边界', 'administrative boundaries'],
  ['1299', '其他涉民政', 'other civil affairs'],
  ['13', '其他行政执法', 'other administrative enforcement'],
  ['1301', '城市管理', 'city management'],
  ['1302', '教育文体', 'education, culture and sport'],
  ['1303', '工商税务', 'commerce and tax'],
  ['1304', '安全生产', 'work safety'],
  ['1305', '交通运输', 'transport'],
  ['1306', '海事渔事', 'maritime and fishery affairs'],
  ['1307', '计划生育', 'family planning'],
  ['1399', '其他行政执法', 'other administrative enforcement'],
  ['14', '涉法涉诉', 'involving courts and law enforcement'],
  ['1401', '涉公安', 'public security'],
  ['1402', '涉检察院', 'procuratorate'],
  ['1403', '涉法院', 'courts'],
  ['1404', '涉司法行政机关', 'judicial administration'],
  ['15', '涉组织涉纪检', 'organisation and discipline'],
  ['1501', '组织人事', 'organisation and personnel'],
  ['1502', '干部作风', 'conduct of officials'],
  ['1599', '其他涉组织涉纪检', 'other organisation and discipline'],
  ['16', '涉民族宗教', 'ethnicity and religion'],
  ['1601', '民族', 'ethnicity'],
  ['1602', '宗教', 'religion'],
  ['99', '其他', 'other'],
];

export interface DisputeType {
  code: string;
  zh: string;
  en: string;
  /** The level-1 class a four-digit item belongs to; none for a class. */
  parent: string | null;
}

export const DISPUTE_TYPES: readonly DisputeType[] = TYPE_ROWS.map(([code, zh, en]) => ({
  code,
  zh,
  en,
  parent: code.length === 4 ? code.slice(0, 2) : null,
}));

/** The codes a dispute may carry: a four-digit item, or 99 其他 (a level-1 class alone is too coarse to route). */
export const DISPUTE_TYPE_CODES = DISPUTE_TYPES.filter((t) => t.code.length === 4 || t.code === '99').map((t) => t.code);

/** How a dispute stands in the figures: still open (pending or mediating), resolved with an agreement, or referred. */
export const DISPUTE_OUTCOMES = ['open', 'resolved', 'referred'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

/** What the dispute figures group by: type, tier, outcome, the areas one level down, or month recorded. */
export const DISPUTE_FIGURE_DIMENSIONS = ['type', 'tier', 'outcome', 'area', 'month'] as const;
export type DisputeFigureDimension = (typeof DISPUTE_FIGURE_DIMENSIONS)[number];

/** The counts of one row of the figures; each is also a drill-down to the disputes it counts. */
export const DISPUTE_FIGURE_MEASURES = ['total', 'open', 'resolved', 'referred', 'atVillage', 'atTownship'] as const;
export type DisputeFigureMeasure = (typeof DISPUTE_FIGURE_MEASURES)[number];

/**
 * 调解期限: the working days each tier's mediation may take from its acceptance, by default (a county sets its own).
 * 人民调解法 and the Ministry of Justice's rules give people's mediation 30 days; the other tiers start from the same.
 */
export const DEFAULT_MEDIATION_DAYS: Readonly<Record<DisputeTier, number>> = { grid: 30, village: 30, township: 30, county: 30 };
export const MEDIATION_DAYS_MAX = 120;

/** 回访: the calendar days after an agreement its follow-up falls due, by default (a county sets its own). */
export const DEFAULT_FOLLOW_UP_DAYS = 15;
export const FOLLOW_UP_DAYS_MAX = 180;

/** A mediation's time limit lit like a case's: in time, near due (the last third, at most 3 working days), overdue. */
export const MEDIATION_LIGHTS = ['green', 'yellow', 'red'] as const;
export type MediationLight = (typeof MEDIATION_LIGHTS)[number];

/** 履行情况 found at the follow-up: 全部履行, 部分履行, 未履行. */
export const PERFORMANCES = ['full', 'partial', 'none'] as const;
export type Performance = (typeof PERFORMANCES)[number];

/** What the follow-up leads to: the matter ends (结案), mediation reopens at the same tier, or it goes up a tier. */
export const FOLLOW_UP_OUTCOMES = ['close', 'reopen', 'escalate'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/** Where a dispute came from when it was turned from a loop case: a field report, a dispute item of the catalogue, a 12345 order. */
export const DISPUTE_SOURCES = ['field', 'event', 'hotline'] as const;
export type DisputeSource = (typeof DISPUTE_SOURCES)[number];

/** The catalogue's dispute items are MD followed by the 5.56 code of the dispute type. */
export const DISPUTE_ITEM_PREFIX = 'MD';

/** 调解方式 of a session: 人民调解, 行政调解, 司法调解, 行业性专业调解. */
export const MEDIATION_METHODS = ['people', 'administrative', 'judicial', 'trade'] as const;
export type MediationMethod = (typeof MEDIATION_METHODS)[number];
