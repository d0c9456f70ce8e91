import { Type } from '@sinclair/typebox';
import { DAY_KINDS } from '../../../shared/enums.ts';
import { CALENDAR_NOTE_MAX, CALENDAR_YEARS } from '../../../shared/limits.ts';
import { Nullable } from '../schemas.ts';

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
