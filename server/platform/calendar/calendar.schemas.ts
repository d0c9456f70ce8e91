import { Type } from '@sinclair/typebox';
import { DAY_KINDS } from '../../../shared/enums.ts';
import {
  CALENDAR_HOLIDAY_NAME_MAX,
  CALENDAR_ICS_MAX,
  CALENDAR_NOTE_MAX,
  CALENDAR_YEAR_DAYS_MAX,
  CALENDAR_YEARS,
} from '../../../shared/limits.ts';
import { Nullable, oneOf } from '../schemas.ts';

const Kind = Type.Union(
  DAY_KINDS.map((k) => Type.Literal(k)),
  { description: '工作日或休息日 workday | holiday' },
);

/** The real-date check (no 2026-02-30) is the service's; the pattern only keeps other shapes out. */
export const DayParam = Type.Object({
  day: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '日期 China date YYYY-MM-DD', example: '2026-10-10' }),
});

export const Day = Type.Object(
  {
    day: Type.String({ description: '日期 China date YYYY-MM-DD', example: '2026-10-10' }),
    kind: Type.String({ description: '调整为 workday | holiday', example: 'workday' }),
    note: Nullable(Type.String({ description: '说明 Why', example: '国庆调休' })),
    official: Type.String({ description: 'What the official table (chinese-days) says of that day' }),
    updatedBy: Type.String({ description: '设置人 Who set it' }),
    updatedAt: Type.Unsafe<Date>({ type: 'string', format: 'date-time', description: '设置时间 When' }),
  },
  { description: '工作日调整 A day the administrator overrode' },
);

export const DaysQuery = Type.Object(
  {
    year: Type.Optional(
      Type.Integer({ minimum: CALENDAR_YEARS.min, maximum: CALENDAR_YEARS.max, description: '年份 Only this year', example: 2026 }),
    ),
  },
  { additionalProperties: false },
);
export const Days = Type.Object({ items: Type.Array(Day, { description: '调整的日期 Overridden days' }) });

export const SetDayBody = Type.Object(
  {
    kind: Kind,
    note: Type.Optional(Type.String({ maxLength: CALENDAR_NOTE_MAX, description: '说明 Why', example: '国庆调休' })),
  },
  { additionalProperties: false },
);

export const DayDropped = Type.Null({ description: 'Dropped' });

const DateTime = (description: string) => Type.Unsafe<Date>({ type: 'string', format: 'date-time', description });

// ── coverage: which years the calendar knows ──────────────────────────────────────────────────────────

export const Coverage = Type.Object({
  years: Type.Array(
    Type.Object({
      year: Type.Integer({ description: '年份 A covered year', example: 2026 }),
      source: Type.String({ description: '来源 official (the chinese-days package) | console | ics (entered by an administrator)' }),
      enteredBy: Nullable(Type.String({ description: '录入人 Who entered it; null for official data' })),
      enteredAt: Nullable(DateTime('录入时间 When it was entered')),
    }),
    { description: '已覆盖年份 Years with holiday data, ascending' },
  ),
  warningDays: Type.Integer({ description: 'The warning starts this many days before an uncovered year', example: 60 }),
  warning: Nullable(
    Type.Object(
      {
        code: Type.Literal('calendar.year_not_covered', { description: 'i18n key of the warning' }),
        year: Type.Integer({ description: '未覆盖年份 The first year deadlines can reach without holiday data', example: 2027 }),
        daysLeft: Type.Integer({ description: '剩余天数 Days until it begins; 0 once it has', example: 60 }),
      },
      { description: '预警 Deadlines can run into a year the calendar does not cover: enter its schedule' },
    ),
  ),
  provisionalDeadlines: Type.Integer({
    description: '临时时限 Open cases whose deadline lies in an uncovered year: counted on weekends only, recomputed when it is entered',
    example: 3,
  }),
});

// ── an entered year ──────────────────────────────────────────────────────────────────────────────────

export const YearParam = Type.Object({
  year: Type.Integer({ minimum: CALENDAR_YEARS.min, maximum: CALENDAR_YEARS.max, description: '年份 Year', example: 2027 }),
});

const ScheduleDaySchema = Type.Object(
  {
    day: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '日期 China date YYYY-MM-DD', example: '2027-01-01' }),
    kind: Type.Union([Type.Literal('holiday'), Type.Literal('workday')], { description: '放假或上班 holiday | workday' }),
    name: Nullable(
      Type.String({ maxLength: CALENDAR_HOLIDAY_NAME_MAX, description: '节日 The holiday, as the notice names it', example: '元旦' }),
    ),
  },
  { additionalProperties: false, description: '放假或调休上班的一天 A day off or an adjusted working day' },
);

export const YearBody = Type.Object(
  {
    days: Type.Array(ScheduleDaySchema, {
      minItems: 1,
      maxItems: CALENDAR_YEAR_DAYS_MAX,
      description: '全年的放假日和调休上班日 Every day off and adjusted working day of the year, as the State Council notice lists them',
    }),
    note: Type.Optional(
      Type.String({ maxLength: CALENDAR_NOTE_MAX, description: '依据 The notice it comes from', example: '国办发明电〔2026〕7号' }),
    ),
  },
  { additionalProperties: false },
);

export const Year = Type.Object(
  {
    year: Type.Integer({ description: '年份 Year', example: 2027 }),
    covered: Type.Boolean({ description: '已覆盖 Whether the calendar knows the year’s holidays' }),
    source: Nullable(Type.String({ description: '来源 official | console | ics; null when not covered' })),
    note: Nullable(Type.String({ description: '依据 The notice it comes from' })),
    enteredBy: Nullable(Type.String({ description: '录入人 Who entered it' })),
    enteredAt: Nullable(DateTime('录入时间 When it was entered')),
    days: Type.Array(ScheduleDaySchema, { description: '放假日和调休上班日 The year’s days off and adjusted working days' }),
    recomputed: Type.Optional(Type.Integer({ description: '重算 Open deadlines (cases and mediations) that were recomputed', example: 3 })),
    otherYears: Type.Optional(Type.Integer({ description: 'Days the file listed in other years, left out', example: 0 })),
    saved: Type.Optional(Type.Boolean({ description: 'False for a preview (dryRun): nothing was changed' })),
  },
  { description: '一年的节假日安排 A year’s holiday schedule' },
);

export const IcsBody = Type.Object(
  {
    ics: Type.String({ minLength: 1, maxLength: CALENDAR_ICS_MAX, description: 'iCalendar 文件内容 The .ics file’s text (RFC 5545)' }),
    note: Type.Optional(Type.String({ maxLength: CALENDAR_NOTE_MAX, description: '依据 The notice it comes from' })),
    dryRun: Type.Optional(Type.Boolean({ description: '预览 Read the file and answer its days without saving', default: false })),
  },
  { additionalProperties: false },
);

export const YearRemoved = Type.Object({
  recomputed: Type.Integer({ description: '重算 Open deadlines (cases and mediations) that were recomputed', example: 3 }),
});

// ── explaining a deadline ────────────────────────────────────────────────────────────────────────────

export const ExplainQuery = Type.Object(
  {
    from: Type.String({
      format: 'date-time',
      description: '起算 When the clock started (reported, dispatched)',
      example: '2026-12-31T10:00:00+08:00',
    }),
    to: Type.String({ format: 'date-time', description: '时限 The due time', example: '2027-01-04T17:30:00+08:00' }),
  },
  { additionalProperties: false },
);

const ExplainedDaySchema = Type.Object({
  day: Type.String({ description: '日期 China date', example: '2027-01-01' }),
  reason: oneOf(
    ['weekend', 'holiday', 'adjusted_workday', 'override'] as const,
    '原因 weekend | holiday | adjusted_workday (调休) | override',
  ),
  source: oneOf(['official', 'entered', 'override', 'weekly'] as const, '依据 official | entered | override | weekly (the week alone)'),
  name: Nullable(Type.String({ description: '节日或说明 The holiday’s name, or the override’s note', example: '元旦' })),
  weekend: Type.Boolean({ description: 'Saturday or Sunday' }),
  covered: Type.Boolean({ description: 'False in a year without holiday data: only the week was known' }),
});

export const Explanation = Type.Object({
  from: DateTime('起算 Start'),
  to: DateTime('时限 Due'),
  skipped: Type.Array(ExplainedDaySchema, { description: '跳过的日子 Days off in the span (the start day included), with why' }),
  worked: Type.Array(ExplainedDaySchema, {
    description: '调休上班 Days worked though the week alone would have them off, or made working days',
  }),
  workingDays: Type.Integer({ description: '工作日 Working days after the start day up to and including the due day', example: 1 }),
  workingHours: Type.Number({ description: '工作时长 Office hours between the two instants', example: 10.5 }),
  uncoveredYears: Type.Array(Type.Integer(), { description: '未覆盖年份 Years in the span without holiday data' }),
  provisional: Type.Boolean({ description: '临时 True when the span reaches an uncovered year: the due time may move when it is entered' }),
});
