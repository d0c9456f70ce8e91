/**
 * The default dispatch catalogue (派单目录 / 权责清单): major class → minor class → item. Data a city edits and
 * versions, never an enum. Codes nest by prefix like division codes: major `CG`, minor `CG06`, item `CG06010`.
 *
 * Sources: urban management items keep their GB/T 47678.5-2026 code (2-digit class + 3-digit subclass,
 * standards §1.3; the 01–04 items are "component name + 异常"); disputes keep their GB/T 31000-2015 code 5.56;
 * hotline natures and their limits follow a municipal rule quoted in standards §3 (咨询/求助 3 working days,
 * 投诉/举报/建议 13, sign within 1 working day, return visit the next day). Handling limits for urban items come
 * from the CJ/T 315 tables of one city (standards §1.5) where it names them; every other limit is a placeholder
 * chosen to be plausible, for the city to set (marked "[U]").
 */
import type { AreaLevel } from '../../../shared/roles.ts';
import type { Severity, StageLimits } from '../loop/deadlines.core.ts';
import type { EventRule } from '../loop/event-actions.core.ts';

/** Kinds of functional department (职能部门) an item is routed to; a city maps each to its own department. */
export const DEPARTMENT_KINDS = {
  urban_management: '城市管理',
  housing: '住房和城乡建设',
  public_security: '公安',
  fire: '消防救援',
  market_regulation: '市场监督管理',
  ecology_environment: '生态环境',
  water: '水务',
  transport: '交通运输',
  landscaping: '园林绿化',
  natural_resources: '自然资源和规划',
  agriculture: '农业农村',
  emergency: '应急管理',
  civil_affairs: '民政',
  human_resources: '人力资源和社会保障',
  healthcare_security: '医疗保障',
  justice: '司法行政',
  disabled_persons: '残疾人联合会',
  postal: '邮政管理',
  utility: '管线权属单位（供电、燃气、通信）',
} as const;
export type DepartmentKind = keyof typeof DEPARTMENT_KINDS;

/** What the catalogue says about an item; an event keeps the EventRule part of it as it was when reported. */
export interface CatalogueRule extends EventRule {
  /** The lowest level that owns such a case ("小事不出村、大事不出镇"). */
  level: Exclude<AreaLevel, 'grid'>;
  /** Who acts on it; null when the owning centre or its village handles it itself. */
  department: DepartmentKind | null;
}

export interface CatalogueNode {
  code: string;
  parentCode: string | null;
  kind: 'major' | 'minor' | 'item';
  name: string;
  /** Only items carry a rule. */
  rule: CatalogueRule | null;
}

type ItemRow = [code: string, name: string, changes?: Partial<CatalogueRule>];
type MinorRow = [code: string, name: string, items: ItemRow[]];

/** One major class: its defaults apply to every item unless the row changes them. */
function majorClass(code: string, name: string, defaults: CatalogueRule, minors: MinorRow[]): CatalogueNode[] {
  const nodes: CatalogueNode[] = [{ code, parentCode: null, kind: 'major', name, rule: null }];
  for (const [minorCode, minorName, items] of minors) {
    nodes.push({ code: code + minorCode, parentCode: code, kind: 'minor', name: minorName, rule: null });
    for (const [itemCode, itemName, changes] of items) {
      nodes.push({ code: code + itemCode, parentCode: code + minorCode, kind: 'item', name: itemName, rule: { ...defaults, ...changes } });
    }
  }
  return nodes;
}

/**
 * Verify 30 min, register and dispatch 30 min, check 30 min (standards §1.5, DOMAIN §5); the unit signs or sends it
 * back within 2 working days (the return window), the centre closes within 1 and visits within 2 [U].
 */
const FAST_LOOP: StageLimits = {
  verify: { hours: 0.5 },
  accept: { hours: 0.5 },
  dispatch: { hours: 0.5 },
  sign: { workingDays: 2 },
  check: { hours: 0.5 },
  close: { workingDays: 1 },
  visit: { workingDays: 2 },
};
/**
 * Urgent matters run round the clock: register and dispatch within 10 minutes (DOMAIN §5), sign within the hour,
 * handling in clock hours.
 */
const URGENT_LOOP: StageLimits = {
  verify: { clockHours: 1 / 6 },
  accept: { clockHours: 1 / 6 },
  dispatch: { clockHours: 1 / 6 },
  sign: { clockHours: 1 },
  check: { clockHours: 1 },
  close: { clockHours: 4 },
  visit: { workingDays: 1 },
};
const handle = (base: StageLimits, limit: NonNullable<StageLimits['handle']>): StageLimits => ({ ...base, handle: limit });
const PHOTOS = { afterPhoto: true, onSiteCheck: true };
const NO_PHOTOS = { afterPhoto: false, onSiteCheck: false };
const rule = (
  level: CatalogueRule['level'],
  department: DepartmentKind | null,
  limits: StageLimits,
  severity: Severity = 'general',
): CatalogueRule => ({
  level,
  department,
  limits,
  severity,
  closing: PHOTOS,
  fixOnSpot: false,
});
const urgent = (
  department: DepartmentKind,
  limit: NonNullable<StageLimits['handle']>,
  extra: Partial<CatalogueRule> = {},
): Partial<CatalogueRule> => ({
  department,
  severity: 'significant',
  limits: handle(URGENT_LOOP, limit),
  ...extra,
});
const by = (
  department: DepartmentKind,
  limit: NonNullable<StageLimits['handle']>,
  extra: Partial<CatalogueRule> = {},
): Partial<CatalogueRule> => ({
  department,
  limits: handle(FAST_LOOP, limit),
  ...extra,
});
const fixable = (limit: NonNullable<StageLimits['handle']>): Partial<CatalogueRule> => ({
  limits: handle(FAST_LOOP, limit),
  fixOnSpot: true,
});

/**
 * 城市管理: events go to the place first (先属地, the street) and components to their owner first (先属主, the
 * county department), standards §1.2.
 */
const URBAN = majorClass('CG', '城市管理', rule('township', 'urban_management', handle(FAST_LOOP, { workingDays: 3 })), [
  [
    '01',
    '市政公用设施类',
    [
      ['01002', '污水井盖异常', urgent('water', { clockHours: 4 }, { level: 'county' })], // [U]
      ['01011', '燃气井盖异常', urgent('utility', { clockHours: 4 }, { level: 'county' })], // [U]
      ['01037', '路灯异常', by('urban_management', { workingDays: 2 }, { level: 'county' })], // [U]
    ],
  ],
  [
    '02',
    '交通设施类',
    [
      ['02014', '交通信号灯异常', urgent('public_security', { clockHours: 4 }, { level: 'county' })], // [U]
      ['02017', '交通护栏异常', by('transport', { workingDays: 3 }, { level: 'county' })], // [U]
    ],
  ],
  [
    '03',
    '市容环卫设施类',
    [
      ['03001', '公共厕所异常', by('urban_management', { workingDays: 1 })], // [U]
      ['03005', '垃圾箱异常', by('urban_management', { workingDays: 1 })], // [U]
    ],
  ],
  ['04', '园林绿化设施类', [['04002', '行道树异常', by('landscaping', { workingDays: 2 }, { level: 'county' })]]], // [U]
  [
    '06',
    '市容环境类',
    [
      ['06001', '私搭乱建', { limits: handle(FAST_LOOP, { workingDays: 20 }) }], // 停工 4 h, 处罚 7 d, 拆除 20 d: closing is the demolition
      ['06010', '暴露垃圾', fixable({ hours: 4 })],
      ['06011', '积存垃圾渣土', { limits: handle(FAST_LOOP, { workingDays: 2 }) }],
      ['06012', '道路不洁', fixable({ hours: 2 })],
      ['06013', '道路破损', by('housing', { workingDays: 3 })], // [U]
      ['06017', '绿地脏乱', { limits: handle(FAST_LOOP, { hours: 4 }), department: 'landscaping', fixOnSpot: true }],
      ['06027', '油烟污染', by('urban_management', { workingDays: 5 })], // [U]
      ['06028', '噪声扰民', by('public_security', { workingDays: 1 })], // [U] social-life noise goes to the police
      ['06029', '露天烧烤', fixable({ hours: 4 })], // [U]
      ['06036', '乱堆杂物', fixable({ workingDays: 1 })], // [U]
      ['06042', '垃圾站(箱)满溢', fixable({ hours: 4 })], // [U]
    ],
  ],
  [
    '07',
    '宣传广告类',
    [
      ['07001', '非法小广告', fixable({ hours: 4 })], // [U]
      ['07003', '违规户外广告', { limits: handle(FAST_LOOP, { workingDays: 5 }) }], // [U]
    ],
  ],
  [
    '08',
    '施工管理类',
    [
      ['08001', '施工扰民', by('ecology_environment', { workingDays: 1 })], // [U]
      ['08003', '无证掘路', { limits: handle(FAST_LOOP, { hours: 4 }), severity: 'significant' }], // [U]
      ['08004', '工地扬尘', by('housing', { workingDays: 1 })], // [U]
      ['08011', '渣土运输车辆未安装密闭装置', { limits: handle(FAST_LOOP, { workingDays: 1 }) }], // [U]
    ],
  ],
  [
    '09',
    '街面秩序类',
    [
      ['09001', '无照经营游商', fixable({ hours: 4 })], // [U]
      ['09006', '占道经营', fixable({ hours: 4 })], // [U]
      ['09009', '机动车乱停放', by('public_security', { hours: 2 })], // [U]
      ['09010', '非机动车乱停放', fixable({ hours: 4 })], // [U]
      ['09012', '占用消防通道', urgent('fire', { clockHours: 2 })], // [U]
    ],
  ],
  [
    '10',
    '其他事项类',
    [
      ['10001', '道路积雪、结冰', urgent('urban_management', { clockHours: 12 })], // [U]
      ['10002', '架空线缆脱落', urgent('utility', { clockHours: 4 }, { level: 'county' })], // [U]
    ],
  ],
]);

/** 矛盾纠纷: mediated where they arise; the village first (小事不出村). Limits [U]; a visit follows mediation. */
const DISPUTE_LOOP: StageLimits = {
  verify: { hours: 0.5 },
  accept: { hours: 0.5 },
  dispatch: { hours: 0.5 },
  sign: { workingDays: 1 },
  handle: { workingDays: 10 },
  close: { workingDays: 1 },
  visit: { workingDays: 1 },
};
const mediated = (
  level: CatalogueRule['level'],
  department: DepartmentKind,
  days = 15,
  severity: Severity = 'general',
): Partial<CatalogueRule> => ({
  level,
  department,
  severity,
  limits: { ...DISPUTE_LOOP, handle: { workingDays: days } },
});
const DISPUTES = majorClass('MD', '矛盾纠纷', { ...rule('village', 'justice', DISPUTE_LOOP), closing: NO_PHOTOS }, [
  [
    '01',
    '婚恋家庭纠纷',
    [
      ['0101', '恋爱及婚姻纠纷'],
      ['0102', '抚养赡养监护纠纷'],
      ['0103', '分家与继承纠纷'],
    ],
  ],
  [
    '02',
    '邻里纠纷',
    [
      ['0201', '用水排水通行通风采光纠纷', { fixOnSpot: true }],
      ['0202', '相邻土地建筑利用纠纷'],
      ['0203', '相邻污染损害防止纠纷', { fixOnSpot: true }],
    ],
  ],
  ['04', '物权相关纠纷', [['0402', '物业及其管理纠纷', mediated('township', 'housing')]]],
  [
    '05',
    '侵权相关纠纷',
    [
      ['0503', '交通事故纠纷', mediated('county', 'public_security')],
      ['0504', '环境污染纠纷', mediated('county', 'ecology_environment')],
    ],
  ],
  [
    '06',
    '合同及相关纠纷',
    [
      ['0601', '消费及服务纠纷', mediated('county', 'market_regulation', 7)],
      ['0602', '房产买卖租赁纠纷', mediated('township', 'housing')],
    ],
  ],
  [
    '07',
    '劳动人事争议',
    [
      ['0701', '劳动合同、劳务派遣争议', mediated('county', 'human_resources')],
      ['0702', '社会保险争议', mediated('county', 'human_resources')],
    ],
  ],
  [
    '09',
    '土地及资源权属纠纷',
    [
      ['0901', '土地承包经营纠纷', mediated('township', 'agriculture')],
      ['0902', '宅基地使用纠纷', mediated('township', 'agriculture')],
    ],
  ],
  [
    '11',
    '城乡建设发展纠纷',
    [
      ['1101', '国有土地上房屋征收纠纷', mediated('county', 'housing', 20, 'significant')],
      ['1103', '城乡规划及拆违纠纷', mediated('county', 'natural_resources', 20)],
    ],
  ],
  ['13', '其他行政执法纠纷', [['1304', '安全生产纠纷', mediated('county', 'emergency')]]],
]);

/** 安全隐患 (GB/T 31000 code 5.19 hazard types: fire, public security, dangerous goods). Limits [U]. */
const SAFETY = majorClass('AQ', '安全隐患', rule('township', 'fire', handle(FAST_LOOP, { workingDays: 3 }), 'significant'), [
  [
    '01',
    '消防安全隐患',
    [
      ['0101', '电动自行车违规停放充电', { fixOnSpot: true, severity: 'general' }],
      ['0102', '消防设施器材损坏缺失'],
      ['0103', '封闭堵塞安全出口、疏散通道', { limits: handle(URGENT_LOOP, { clockHours: 4 }) }],
      ['0104', '"三合一"场所违规住人', { level: 'county', severity: 'major' }],
      ['0105', '易燃可燃物违规堆放', { fixOnSpot: true, severity: 'general' }],
    ],
  ],
  [
    '02',
    '治安隐患',
    [
      ['0201', '出租房屋未登记', by('public_security', { workingDays: 5 }, { severity: 'general', closing: NO_PHOTOS })],
      ['0202', '寄递物流未落实实名收寄', by('postal', { workingDays: 5 }, { level: 'county', severity: 'general' })],
      ['0203', '校园周边治安隐患', by('public_security', { workingDays: 2 })],
      ['0204', '铁路沿线护路护线隐患', by('public_security', { workingDays: 2 })],
      ['0205', '可疑人员、可疑物品', urgent('public_security', { clockHours: 1 })],
    ],
  ],
  [
    '03',
    '安全生产隐患',
    [
      ['0301', '燃气使用安全隐患', urgent('housing', { clockHours: 4 })],
      ['0302', '危险化学品违规储存', urgent('emergency', { clockHours: 4 }, { severity: 'major' })],
      ['0303', '经营性自建房安全隐患', by('housing', { workingDays: 5 }, { level: 'county' })],
      ['0304', '有限空间作业隐患', urgent('emergency', { clockHours: 4 })],
      ['0305', '建筑施工安全隐患', by('housing', { workingDays: 2 })],
      ['0306', '野外违规用火', urgent('emergency', { clockHours: 2 })],
    ],
  ],
]);

/** 便民服务: errands the village does for residents (代办) and care visits; no photos. Limits [U]. */
const SERVICES = majorClass(
  'BM',
  '便民服务',
  { ...rule('village', null, { accept: { workingDays: 1 }, handle: { workingDays: 5 } }), closing: NO_PHOTOS },
  [
    [
      '01',
      '代办服务',
      [
        ['0101', '城乡居民养老保险待遇资格认证', { department: 'human_resources' }],
        ['0102', '城乡居民医保参保登记', { department: 'healthcare_security' }],
        ['0103', '最低生活保障申请', { department: 'civil_affairs', limits: { accept: { workingDays: 1 }, handle: { workingDays: 10 } } }],
        ['0104', '残疾人证办理', { department: 'disabled_persons', limits: { accept: { workingDays: 1 }, handle: { workingDays: 10 } } }],
        ['0105', '居住证办理', { department: 'public_security' }],
        ['0106', '高龄津贴申领', { department: 'civil_affairs' }],
      ],
    ],
    [
      '02',
      '关爱帮扶',
      [
        ['0201', '独居、留守老人关爱', { fixOnSpot: true }],
        ['0202', '困难群众临时救助', { department: 'civil_affairs', level: 'township' }],
        ['0203', '留守儿童关爱', { fixOnSpot: true }],
      ],
    ],
  ],
);

/** 12345 hotline work orders by nature; the county centre routes each by its content. */
const HOTLINE_LOOP: StageLimits = {
  verify: { hours: 0.5 },
  accept: { hours: 0.5 },
  dispatch: { hours: 0.5 },
  sign: { workingDays: 1 },
  close: { workingDays: 1 },
  visit: { workingDays: 1 },
};
const hotline = (days: number): Partial<CatalogueRule> => ({ limits: { ...HOTLINE_LOOP, handle: { workingDays: days } } });
const HOTLINE = majorClass('RX', '12345热线', { ...rule('county', null, HOTLINE_LOOP), closing: NO_PHOTOS }, [
  [
    '01',
    '咨询求助类',
    [
      ['0101', '咨询', hotline(3)],
      ['0102', '求助', hotline(3)],
    ],
  ],
  [
    '02',
    '投诉举报类',
    [
      ['0201', '投诉', hotline(13)],
      ['0202', '举报', hotline(13)],
    ],
  ],
  ['03', '意见建议类', [['0301', '建议', hotline(13)]]],
]);

export const DEFAULT_CATALOGUE: readonly CatalogueNode[] = [...URBAN, ...DISPUTES, ...SAFETY, ...SERVICES, ...HOTLINE];
