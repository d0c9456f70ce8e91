import { CHINA_OFFSET_MS } from '../../shared/china-time.ts';
import { DEFAULT_FIELD_SETTINGS, FIELD_SETTINGS, type FieldSettingKey, type FieldSettings } from '../../shared/field-settings.ts';

const DAY = 86_400_000;
/** An entry open longer than a day is a form left open, not work: refused rather than counted. */
export const ENTRY_MAX_SECONDS = 86_400;

/** The settings in force: the county's own values over the defaults (a value no longer valid falls back to it). */
export function effectiveSettings(own: readonly { key: string; value: unknown }[]): FieldSettings {
  const out: Record<string, unknown> = { ...DEFAULT_FIELD_SETTINGS };
  for (const row of own) {
    const def = FIELD_SETTINGS.find((d) => d.key === row.key);
    if (def && typeof row.value === typeof def.defaultValue) out[def.key as FieldSettingKey] = row.value;
  }
  return out as FieldSettings;
}

/** The China week (Monday 00:00 to the next Monday, UTC+8) an instant falls in. */
export function chinaWeekOf(now: Date): { from: Date; to: Date } {
  const local = new Date(now.getTime() + CHINA_OFFSET_MS);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  const mondayLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - sinceMonday * DAY;
  const from = new Date(mondayLocal - CHINA_OFFSET_MS);
  return { from, to: new Date(from.getTime() + 7 * DAY) };
}

/** Whole seconds from opening to submitting, or null when the pair cannot be an entry's time. */
export function entrySeconds(openedAt: Date, submittedAt: Date): number | null {
  const seconds = Math.round((submittedAt.getTime() - openedAt.getTime()) / 1000);
  return seconds < 0 || seconds > ENTRY_MAX_SECONDS ? null : seconds;
}
