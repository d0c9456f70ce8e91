/**
 * A county's field settings: every feature that could weigh on field workers (check-ins, tracks, zero reports, photo
 * quotas, points) exists only as a switch the county turns on, and each is off by default — the national rules of
 * 2024 and 2026 forbid forcing them (DOMAIN §6). Declared once here: the server checks a value against it, the
 * settings page draws its rows from it, and the phone reads what is on.
 */
export type FieldSettingKind = 'switch' | 'days';

export interface FieldSettingDef {
  key: FieldSettingKey;
  kind: FieldSettingKind;
  /** What holds where the county set nothing. Every switch defaults to off. */
  defaultValue: number | boolean;
  /** For a number: the smallest and largest value allowed. */
  min?: number;
  max?: number;
  /** The switch this one only matters under (the days a track is kept, under tracks). */
  under?: FieldSettingKey;
}

export const FIELD_SETTING_KEYS = ['patrol_track', 'patrol_track_days', 'patrol_track_to_area', 'zero_report'] as const;
export type FieldSettingKey = (typeof FIELD_SETTING_KEYS)[number];

export const FIELD_SETTINGS: readonly FieldSettingDef[] = [
  /** A patrol keeps its GPS track (visible to the worker who walked it). */
  { key: 'patrol_track', kind: 'switch', defaultValue: false },
  /** Days a kept track lives before the sweep deletes it. */
  { key: 'patrol_track_days', kind: 'days', defaultValue: 7, min: 1, max: 90, under: 'patrol_track' },
  /** The centre or village of the area also sees a patrol's track (otherwise the summary only). */
  { key: 'patrol_track_to_area', kind: 'switch', defaultValue: false, under: 'patrol_track' },
  /** A village workstation's daily zero report (零报告) on the phone home. */
  { key: 'zero_report', kind: 'switch', defaultValue: false },
];

/**
 * Burdens the product does not offer at all, so a county has nothing to turn on: no timed check-in (打卡), no quota
 * of photos per patrol or entry, no points or online time counted per worker. Shown on the settings page so a county
 * reads that they are absent, not hidden.
 */
export const NOT_OFFERED = ['check_in', 'photo_quota', 'points', 'online_time'] as const;

export type FieldSettings = { [K in FieldSettingKey]: K extends 'patrol_track_days' ? number : boolean };

export const DEFAULT_FIELD_SETTINGS = Object.fromEntries(FIELD_SETTINGS.map((s) => [s.key, s.defaultValue])) as FieldSettings;

/** Why a value is refused for a setting, or null when it fits. */
export function settingProblem(def: FieldSettingDef, value: unknown): string | null {
  if (def.kind === 'switch') return typeof value === 'boolean' ? null : 'switch';
  if (typeof value !== 'number' || !Number.isInteger(value)) return 'integer';
  if ((def.min !== undefined && value < def.min) || (def.max !== undefined && value > def.max)) return 'range';
  return null;
}

/** Kinds of entry whose time from opening the form to submitting it the phone measures (the burden figure). */
export const ENTRY_KINDS = ['report', 'visit', 'task_entry', 'follow_up'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
