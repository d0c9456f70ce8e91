import { i18n } from '../i18n/index.ts';

/** One change a visit kept, in words: the house field's label, or whose phone changed and who moved out. */
export function describeChange(change: string): string {
  const [, kind, field, name] = /^(house|person)\.(\w+)(?::(.*))?$/.exec(change) ?? [];
  if (kind === 'house') return i18n.t(`houses.${field}`, { defaultValue: field });
  if (field === 'phone') return i18n.t('visits.changePhone', { name });
  if (field === 'movedOut') return i18n.t('visits.changeMovedOut', { name });
  return change;
}
