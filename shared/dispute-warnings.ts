/**
 * 矛盾纠纷预警: the dispute warning rules a county keeps, and their defaults. These are not the loop's five-colour
 * unit warnings (server/events/oversight): a dispute warning names a pattern among disputes, shows its evidence and
 * is addressed to the village, township or county that must act.
 */

/**
 * The closed list of rule kinds, one evaluator each (server/disputes/dispute-warnings.store.ts). `missed_visits` (a
 * key person's or special-group member's follow-up missed, read from fieldwork) is about a person, not disputes.
 */
export const WARNING_RULE_KINDS = [
  'same_parties',
  'escalated_twice',
  'type_cluster',
  'failed_many',
  'petition_risk',
  'missed_visits',
] as const;
export type WarningRuleKind = (typeof WARNING_RULE_KINDS)[number];
/** The kinds whose evidence is disputes; missed_visits becomes true as time passes, not when a dispute changes. */
export type DisputeRuleKind = Exclude<WarningRuleKind, 'missed_visits'>;

/** The level a rule addresses its warnings to: the village, township or county of the disputes' grid. */
export const WARNING_LEVELS = ['village', 'township', 'county'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** 待处置, 已处置 (something was done), 已排除 (looked at: nothing to do). Closed warnings are kept. */
export const DISPUTE_WARNING_STATES = ['open', 'handled', 'dismissed'] as const;
export type DisputeWarningState = (typeof DISPUTE_WARNING_STATES)[number];

export const WARNING_CLOSE_OUTCOMES = ['handled', 'dismissed'] as const;

/** A window longer than this is not a warning but a history. */
export const WARNING_WINDOW_MAX_DAYS = 365;
export const WARNING_KEYWORDS_MAX = 50;
export const WARNING_KEYWORD_MAX = 20;
export const WARNING_TYPE_CODES_MAX = 50;
/** Days past a follow-up's due date: more than a year is not a missed visit but a lost person. */
export const WARNING_OVERDUE_MAX_DAYS = 365;

/** What a rule's kind reads; each kind uses only some (see RULE_PARAMS). */
export interface WarningRuleParams {
  /** The window, in days back from today (same_parties, type_cluster). */
  days?: number;
  /** How many disputes (same_parties, type_cluster) or escalations (escalated_twice). */
  count?: number;
  /** Dispute types (5.56 items, or level-1 classes matching all their items). */
  typeCodes?: string[];
  /** Words in the title or summary that say a matter may become a petition (信访苗头). */
  keywords?: string[];
  /** Mediation failed with at least this many people involved. */
  minPeople?: number;
  /** A follow-up at least this many days past due (missed_visits); never followed up counts as missed. */
  minDaysOverdue?: number;
}

/** The params each kind requires. typeCodes is optional for petition_risk (empty: any type). */
export const RULE_PARAMS: Record<WarningRuleKind, readonly (keyof WarningRuleParams)[]> = {
  same_parties: ['days', 'count'],
  escalated_twice: ['count'],
  type_cluster: ['days', 'count', 'typeCodes'],
  failed_many: ['minPeople'],
  petition_risk: ['keywords'],
  missed_visits: ['minDaysOverdue'],
};

export interface DisputeWarningRule {
  /** Stable name of the rule in its county (figures count by it). */
  key: string;
  kind: WarningRuleKind;
  level: WarningLevel;
  enabled: boolean;
  params: WarningRuleParams;
}

/** What a county starts with; it may change each one, switch it off, or add rules of its own. */
export const DEFAULT_DISPUTE_WARNING_RULES: readonly DisputeWarningRule[] = [
  { key: 'same_parties', kind: 'same_parties', level: 'township', enabled: true, params: { days: 90, count: 3 } },
  { key: 'escalated_twice', kind: 'escalated_twice', level: 'county', enabled: true, params: { count: 2 } },
  {
    key: 'wage_arrears_cluster',
    kind: 'type_cluster',
    level: 'township',
    enabled: true,
    // 劳动合同、劳务派遣 and 福利待遇: where unpaid wages are recorded.
    params: { days: 7, count: 3, typeCodes: ['0701', '0703'] },
  },
  { key: 'failed_many', kind: 'failed_many', level: 'county', enabled: true, params: { minPeople: 10 } },
  {
    key: 'petition_risk',
    kind: 'petition_risk',
    level: 'county',
    enabled: true,
    params: {
      typeCodes: ['0702', '0703', '0901', '0902', '1101', '1102', '1103', '1105', '1202'],
      keywords: ['上访', '信访', '集体', '讨薪', '拉横幅', '堵路', '到北京', '去省里', '维权', '媒体曝光'],
    },
  },
  // The village's grid team makes the visit, so the village acts; the township sees it (its jurisdiction holds it).
  { key: 'missed_visits', kind: 'missed_visits', level: 'village', enabled: true, params: { minDaysOverdue: 3 } },
];
