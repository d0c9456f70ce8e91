/**
 * The closed lists both sides name: the server's schemas accept exactly these values and the web's selects offer
 * them, so a value added here is offered and accepted at once. Order matters: it is the order of the OpenAPI enums
 * and of the options on screen.
 */

// ── events ────────────────────────────────────────────────────────────────────────────────────────────

/**
 * 待核实 上报 受理 作废 派遣 签收 处置反馈 已核查 结案 回访 并单, and two waits of the dispatch: 退单待审 (a unit sent
 * it back; the dispatcher accepts the return or disputes it) and 待仲裁 (the level above names the unit). A suspended
 * case keeps its state with `suspendedAt` set.
 */
export const EVENT_STATUSES = [
  'verifying',
  'reported',
  'accepted',
  'voided',
  'dispatched',
  'returned',
  'arbitrating',
  'signed',
  'handled',
  'checked',
  'closed',
  'visited',
  'merged',
] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
/** Statuses whose clock runs: a stage deadline, a light and a warning mean something only here. */
export const OPEN_STATUSES: readonly EventStatus[] = [
  'verifying',
  'reported',
  'accepted',
  'dispatched',
  'returned',
  'arbitrating',
  'signed',
  'handled',
  'checked',
];

/** Where a report came from; the list filters and the export name it in words. */
export const EVENT_SOURCES = ['grid_worker', 'hotline', 'department', 'video', 'leader', 'citizen', 'sensor'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];
/** The sources a centre may name when it takes a report in (a grid worker or a citizen reports as what they are). */
export const INTAKE_SOURCES = ['hotline', 'department', 'video', 'leader'] as const satisfies readonly EventSource[];

/** Return visit 回访: 满意 / 基本满意 / 不满意. */
export const RATINGS = ['satisfied', 'basic', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

/**
 * Stages that carry a time limit, in the order a case meets them: 核实 受理 派遣 签收 处置 协办 核查 结案 回访, and
 * 仲裁 when a return is disputed. `assist` is each co-handler's part, beside the lead's `handle`.
 */
export const STAGES = ['verify', 'accept', 'dispatch', 'sign', 'handle', 'assist', 'check', 'close', 'visit', 'arbitrate'] as const;
export type Stage = (typeof STAGES)[number];

/** 一般 / 紧急 / 特急: shortens every limit of the case by the catalogue's factor. */
export const URGENCIES = ['normal', 'urgent', 'very_urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** How a case was closed, kept for the figures: 正常 / 超期 / 差错 / 特殊结案 (approved by the level above). */
export const CLOSING_TYPES = ['normal', 'overdue', 'error', 'special'] as const;
export type ClosingType = (typeof CLOSING_TYPES)[number];
/** The types a centre chooses when closing; `overdue` follows from the reply's time, `special` from an approval. */
export const CHOSEN_CLOSING_TYPES = ['normal', 'error'] as const satisfies readonly ClosingType[];

/**
 * The to-do queues of the inbox, each derived from the cases' state (never from notifications): what the user or
 * their unit must act on now. Each opens exactly its list (`todo=` on the events list).
 */
export const TODO_QUEUES = [
  'to_verify',
  'to_accept',
  'to_dispatch',
  'to_review_return',
  'to_sign',
  'to_handle',
  'to_rework',
  'to_assist',
  'to_check',
  'to_close',
  'to_visit',
  'to_decide_extension',
  'to_decide_special_close',
  'to_arbitrate',
] as const;
export type TodoQueue = (typeof TODO_QUEUES)[number];

/** 我的案件 on the phone: the cases I reported, or those waiting on me or my unit (any of my to-do queues). */
export const MINE_CASES = ['reported', 'handling'] as const;
export type MineCases = (typeof MINE_CASES)[number];

/** 案(事)件分级, GB/T 31000 code 5.8 (04 一般 … 01 特别重大), least serious first. */
export const SEVERITIES = ['general', 'significant', 'major', 'extraordinary'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The traffic light of the current stage against its due time. */
export const LIGHTS = ['green', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];

/** 五色亮灯, least serious first. Seed 000 names the colours; their order follows the national warning
 * convention (blue lowest, red highest, 蓝黄橙红) with light red and purple between yellow and red. */
export const WARNING_COLOURS = ['blue', 'yellow', 'light_red', 'purple', 'red'] as const;
export type WarningColour = (typeof WARNING_COLOURS)[number];
/** The colours a leader's inbox counts and lists: purple and red, the two that reach the county's account. */
export const LEADER_WARNINGS = ['purple', 'red'] as const satisfies readonly WarningColour[];

/** 督办 (supervise) or 催办 (urge); how the order was given. */
export const ORDER_KINDS = ['supervise', 'urge'] as const;
export const ORDER_METHODS = ['phone', 'written', 'on_site', 'meeting'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];
export type OrderMethod = (typeof ORDER_METHODS)[number];

/** What a notification asks of its reader; the screen words each kind. */
export const NOTIFICATION_KINDS = [
  'to_verify',
  'to_accept',
  'to_dispatch',
  'to_sign',
  'returned',
  'to_arbitrate',
  'part_answered',
  'extension_request',
  'special_close_request',
  'decided',
  'to_check',
  'to_close',
  'dissatisfied',
  'due_soon',
  'overdue',
  /** A hotline call with only an address waited past its limit to be placed (to-locate.ts). */
  'call_overdue',
  /** A household of a ten-household group raised an alert (stranger, fire, theft, someone in need). */
  'household_alert',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

// ── base data ─────────────────────────────────────────────────────────────────────────────────────────

/** Record kinds a form (and a case) may link, named as in record_change; the key is each one's natural key. */
export const RECORD_TYPES = ['house', 'building', 'organisation', 'facility'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** The anomaly lists of the data-quality page. */
export const ANOMALY_KINDS = [
  'sameAddressDifferentCodes',
  'sameCodeDifferentAddresses',
  'peopleWithoutHouse',
  'occupiedHousesWithoutPeople',
  'duplicatePeople',
  'idCheckDigitFails',
] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

// ── territory and calendar ────────────────────────────────────────────────────────────────────────────

/** Kinds of professional network (多网合一). */
export const NETWORK_KINDS = ['police_beat', 'road_section', 'other'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

/** What an administrator makes a day: a working day or a day off. */
export const DAY_KINDS = ['workday', 'holiday'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

// ── assessment ────────────────────────────────────────────────────────────────────────────────────────

/** Who a scheme assesses: grid workers (stars), village workstations, township centres and departments (grades). */
export const ASSESSEE_KINDS = ['grid_worker', 'village', 'township', 'department'] as const;
export type AssesseeKind = (typeof ASSESSEE_KINDS)[number];
/** Where an item's value comes from: a figures indicator, base data verified lately, houses visited, an assessor's entry. */
export const ITEM_SOURCES = ['indicator', 'base_data', 'visits', 'manual'] as const;
export type ItemSource = (typeof ITEM_SOURCES)[number];
/** How a value becomes points: a share of the weight, or the weight scaled against a target. */
export const SCORING_METHODS = ['rate', 'target'] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];
/** A month's run: computed (again as often as wanted), reviewed, published (frozen). */
export const RUN_STATUSES = ['computed', 'reviewed', 'published'] as const;
/** Stars for grid workers and grades for units, best first. */
export const STAR_LABELS = ['5', '4', '3', '2', '1'] as const;
export const GRADE_LABELS = ['A', 'B', 'C', 'D', 'E'] as const;

// ── rewards ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * Kinds of reward rule: per verified case by item class (以奖代补, Xiaogan 200–800 yuan a case), a subsidy per worker
 * for a commissioned task (委托任务补贴), and pay by the stars of the month's published assessment (以星定级、以分带资).
 */
export const REWARD_RULE_KINDS = ['case', 'task', 'star'] as const;
export type RewardRuleKind = (typeof REWARD_RULE_KINDS)[number];
/** Kinds of ledger entry: the three rule kinds, and an assessor's adjustment (plus or minus) with its reason. */
export const REWARD_ENTRY_KINDS = ['case', 'task', 'star', 'adjustment'] as const;
export type RewardEntryKind = (typeof REWARD_ENTRY_KINDS)[number];
/** A monthly ledger: computed (again as often as wanted), submitted, then approved by the county and final (frozen). */
export const REWARD_SHEET_STATUSES = ['computed', 'submitted', 'final'] as const;
export type RewardSheetStatus = (typeof REWARD_SHEET_STATUSES)[number];
/** 委托任务: what a department or centre commissions the grid workers to do. */
export const TASK_KINDS = ['survey', 'census', 'hazard', 'epidemic'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
/** A task waits for the county's admission (准入), is admitted (workers see it) or refused with a reason, then closed. */
export const TASK_STATUSES = ['pending', 'admitted', 'refused', 'closed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** What a task is filled once for: each house or each person of its grids. */
export const TASK_SUBJECTS = ['house', 'person'] as const;
export type TaskSubject = (typeof TASK_SUBJECTS)[number];
/** Field types of a task's form; person, house and organisation are picked from the base data, never typed. */
export const TASK_FIELD_TYPES = ['text', 'choice', 'number', 'date', 'photo', 'person', 'house', 'organisation'] as const;
export type TaskFieldType = (typeof TASK_FIELD_TYPES)[number];
/** 扫码申报: the kinds of task a QR code may be published for (screenings), and where one hangs: a building or a checkpoint (卡口). */
export const SCREENING_TASK_KINDS = ['hazard', 'epidemic'] as const;
export const DECLARATION_POINT_KINDS = ['building', 'checkpoint'] as const;
export type DeclarationPointKind = (typeof DECLARATION_POINT_KINDS)[number];
/** A resident's declaration waits for the grid worker, who confirms it into the people records or rejects it with a reason. */
export const DECLARATION_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];
/** The open interfaces an API key may be used on (open311_client.interfaces): Open311 GeoReport v2, the 12345 hotline's push, video and sensor alarms, the province platform's pull. */
export const KEY_INTERFACES = ['open311', 'hotline', 'alarms', 'province'] as const;
export type KeyInterface = (typeof KEY_INTERFACES)[number];

/** The nature of a 12345 work order (standards §3): 咨询 · 求助 · 投诉 · 举报 · 建议. */
export const HOTLINE_NATURES = ['consult', 'help', 'complaint', 'report', 'suggestion'] as const;
export type HotlineNature = (typeof HOTLINE_NATURES)[number];

/** What kind of device posts alarms (server/alarms): a camera of a video-analysis platform, or a sensor; the case's source. */
export const DEVICE_KINDS = ['video', 'sensor'] as const satisfies readonly EventSource[];
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/**
 * What a province-exchange receiver gets of ID numbers, phones and special-group tags (server/province): `masked` as
 * the console lists them, tags withheld (the default); `sealed` SM4-sealed under a key only that receiver can derive.
 */
export const PROVINCE_DISCLOSURES = ['masked', 'sealed'] as const;
export type ProvinceDisclosure = (typeof PROVINCE_DISCLOSURES)[number];
