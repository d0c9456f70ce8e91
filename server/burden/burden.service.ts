import { countyOf } from '../../shared/codes.ts';
import { type EntryKind, FIELD_SETTINGS, type FieldSettingKey, NOT_OFFERED, settingProblem } from '../../shared/field-settings.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { chinaWeekOf, effectiveSettings, entrySeconds } from './burden.core.ts';
import * as store from './burden.store.ts';

/** The settings in force in a county: what the county set, the defaults (all off) otherwise. For other areas. */
export async function fieldSettingsOf(tx: Tx, countyCode: string) {
  return effectiveSettings(await store.settingsOf(tx, countyCode));
}

/** The one county of a caller's jurisdiction (a worker's, a village's, a department's), or the one named within it. */
function countyOfCaller(actor: Actor, county: string | undefined, forEdit: boolean): string {
  const counties = [...new Set(actor.scope.prefixes.filter((p) => p.length >= 6).map(countyOf))];
  const code = county ?? (counties.length === 1 ? counties[0] : undefined);
  if (!code || code.length !== 6 || code.endsWith('00'))
    throw new AppError('setting.not_county', [{ field: 'county', reason: 'required' }]);
  // Reading: a county one's jurisdiction lies in or covers; setting: a county one's jurisdiction covers whole.
  const visible = actor.scope.prefixes.some((p) => code.startsWith(p) || (!forEdit && p.startsWith(code)));
  if (!visible) throw new AppError('setting.not_county', [{ field: 'county', reason: 'not_in_scope', value: code }]);
  return code;
}

export function createBurdenService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** A county's field settings, each with whether the county set it and the version an edit names. */
    async getSettings(actor: Actor, county?: string) {
      const countyCode = countyOfCaller(actor, county, false);
      const own = await store.settingsOf(db, countyCode);
      const values = effectiveSettings(own);
      return {
        countyCode,
        items: FIELD_SETTINGS.map((def) => {
          const row = own.find((r) => r.key === def.key);
          return {
            key: def.key,
            kind: def.kind,
            value: values[def.key],
            defaultValue: def.defaultValue,
            min: def.min ?? null,
            max: def.max ?? null,
            under: def.under ?? null,
            own: row !== undefined,
            version: row?.version ?? 0,
            updatedAt: row?.updatedAt.toISOString() ?? null,
          };
        }),
        notOffered: [...NOT_OFFERED],
      };
    },

    /** Sets one setting of a county on the version read; the change and its old value go to the audit log. */
    async updateSetting(actor: Actor, key: string, input: { value: unknown; version: number; county?: string }) {
      const def = FIELD_SETTINGS.find((d) => d.key === key);
      if (!def) throw new AppError('setting.unknown', [{ field: 'key', reason: 'unknown', value: key }]);
      const countyCode = countyOfCaller(actor, input.county, true);
      const problem = settingProblem(def, input.value);
      if (problem) throw new AppError('setting.value_invalid', [{ field: 'value', reason: problem, value: String(input.value) }]);
      const value = input.value as number | boolean;
      const now = clock();
      await db.transaction(async (tx) => {
        const before = effectiveSettings(await store.settingsOf(tx, countyCode))[def.key as FieldSettingKey];
        const written = await store.writeSetting(tx, { countyCode, key, value, updatedBy: actor.id, updatedAt: now }, input.version);
        if (!written) throw new AppError('setting.changed', [{ field: 'version', reason: 'stale', value: String(input.version) }]);
        await recordAudit(tx, {
          at: now,
          actorId: actor.id,
          action: 'setting.changed',
          target: countyCode,
          detail: { key, from: before, to: value },
        });
      });
      return this.getSettings(actor, countyCode);
    },

    /** Keeps how long one of the caller's entries took (opening its form to submitting it); a resend is a no-op. */
    async recordEntryTime(actor: Actor, input: { kind: EntryKind; key: string; openedAt: string; submittedAt: string }) {
      const openedAt = new Date(input.openedAt);
      const submittedAt = new Date(input.submittedAt);
      const seconds = entrySeconds(openedAt, submittedAt);
      if (seconds === null) throw new AppError('entry_time.invalid', [{ field: 'submittedAt', reason: 'range' }]);
      const area = actor.areas[0]?.code;
      if (!area) throw new AppError('entry_time.invalid', [{ field: 'county', reason: 'no_area' }]);
      await store.insertEntryTime(db, {
        countyCode: countyOf(area),
        userId: actor.id,
        kind: input.kind,
        entryKey: input.key,
        openedAt,
        submittedAt,
        seconds,
      });
      return { seconds };
    },

    /** The caller's own entries of this China week and the time they took: shown to the worker, compared with no one. */
    async myWeek(actor: Actor) {
      const { from, to } = chinaWeekOf(clock());
      const byKind = await store.entryTimesOf(db, actor.id, from, to);
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        entries: byKind.reduce((n, k) => n + k.entries, 0),
        seconds: byKind.reduce((n, k) => n + k.seconds, 0),
        byKind,
      };
    },
  };
}

export type BurdenService = ReturnType<typeof createBurdenService>;
