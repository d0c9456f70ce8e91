import { type Static, Type } from '@sinclair/typebox';
import { ENTRY_KINDS, FIELD_SETTING_KEYS, NOT_OFFERED } from '../../shared/field-settings.ts';
import { oneOf } from '../platform/schemas.ts';

const CountyCode = Type.String({
  description: '县级区划代码 The county (6 digits); optional when the caller’s jurisdiction lies in one',
  examples: ['420923'],
});

export const SettingsQuery = Type.Object({ county: Type.Optional(CountyCode) });

export const SettingParams = Type.Object({
  key: Type.String({ description: '设置项 The setting’s key (shared/field-settings.ts)', examples: ['zero_report'] }),
});

export const SettingBody = Type.Object({
  value: Type.Union([Type.Boolean(), Type.Integer()], {
    description: '新值 On/off for a switch, whole days for a number of days',
    examples: [true],
  }),
  version: Type.Integer({ minimum: 0, description: '读到的版本 The version read (0: the county never set it)', examples: [0] }),
  county: Type.Optional(CountyCode),
});

const Setting = Type.Object({
  key: oneOf(FIELD_SETTING_KEYS, '设置项 The setting'),
  kind: Type.Union([Type.Literal('switch'), Type.Literal('days')], {
    description: '类型 A switch, or a number of days',
    examples: ['switch'],
  }),
  value: Type.Union([Type.Boolean(), Type.Integer()], { description: '当前值 The value in force', examples: [false] }),
  defaultValue: Type.Union([Type.Boolean(), Type.Integer()], {
    description: '默认值 What holds when the county set nothing (every switch: off)',
    examples: [false],
  }),
  min: Type.Union([Type.Integer(), Type.Null()], { description: '最小值 Smallest number allowed; null for a switch', examples: [1] }),
  max: Type.Union([Type.Integer(), Type.Null()], { description: '最大值 Largest number allowed; null for a switch', examples: [90] }),
  under: Type.Union([Type.String(), Type.Null()], {
    description: '从属开关 The switch this one matters under, or null',
    examples: ['patrol_track'],
  }),
  own: Type.Boolean({ description: '本县已设置 The county set it (false: the default holds)', examples: [true] }),
  version: Type.Integer({ description: '版本 The version an edit names (0: never set)', examples: [1] }),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: '最近修改 When the county last set it',
    examples: ['2026-11-02T01:00:00.000Z'],
  }),
});

export const Settings = Type.Object({
  countyCode: Type.String({ description: '县 The county these settings are of', examples: ['420923'] }),
  items: Type.Array(Setting, { description: '设置项 Every field setting, in a fixed order' }),
  notOffered: Type.Array(oneOf(NOT_OFFERED, '不提供的功能 A burden the product does not offer at all'), {
    description: '不提供的功能 Burdens Gezhi has no feature for, so nothing can turn them on',
  }),
});

export const EntryTimeBody = Type.Object({
  kind: oneOf(ENTRY_KINDS, '录入类型 What was entered'),
  key: Type.String({
    minLength: 1,
    maxLength: 100,
    description: '录入的幂等键 The entry’s own idempotency key (a resend is ignored)',
    examples: ['7f1c2a9e-5b1d-4c55-9d6e-2c3c1a7a8b90'],
  }),
  openedAt: Type.String({ format: 'date-time', description: '打开表单 When the form was opened', examples: ['2026-11-02T01:00:00.000Z'] }),
  submittedAt: Type.String({ format: 'date-time', description: '提交 When it was submitted', examples: ['2026-11-02T01:01:10.000Z'] }),
});

export const EntryTimeReply = Type.Object({
  seconds: Type.Integer({ description: '用时（秒） The time kept, in seconds', examples: [70] }),
});

export const MyWeek = Type.Object({
  from: Type.String({ format: 'date-time', description: '本周起 Monday 00:00 China time', examples: ['2026-11-01T16:00:00.000Z'] }),
  to: Type.String({ format: 'date-time', description: '本周止 The next Monday 00:00 China time', examples: ['2026-11-08T16:00:00.000Z'] }),
  entries: Type.Integer({ description: '录入条数 Entries submitted this week', examples: [8] }),
  seconds: Type.Integer({ description: '录入用时（秒） Their time from opening to submitting, in seconds', examples: [640] }),
  byKind: Type.Array(
    Type.Object({
      kind: Type.String({ description: '录入类型 What was entered', examples: ['report'] }),
      entries: Type.Integer({ description: '条数 Entries of this kind', examples: [3] }),
      seconds: Type.Integer({ description: '用时（秒） Their time, in seconds', examples: [210] }),
    }),
    { description: '按类型 Split by kind' },
  ),
});

export type EntryTimeInput = Static<typeof EntryTimeBody>;
