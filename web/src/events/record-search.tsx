import { useTranslation } from 'react-i18next';
import type { RecordPlace } from '../api/replies.ts';
import { SearchPicker } from '../search-picker.tsx';
import { recordLabel } from './linked-record.tsx';

/** Finds a house, building, organisation or component by whole code or part of its name, to link a case to it. */
export function RecordSearch({ value, onPick }: { value: RecordPlace | null; onPick(record: RecordPlace | null): void }) {
  const { t } = useTranslation();
  return (
    <SearchPicker<'/api/registry/lookup', RecordPlace>
      value={value}
      onPick={onPick}
      path="/api/registry/lookup"
      queryFor={(q) => ({ q })}
      keyOf={(r) => `${r.type}:${r.key}`}
      label={(r) => recordLabel(t, r)}
      detail={(r) => r.address ?? r.key}
      placeholder={t('subject.search')}
      className="intake-record-search"
      testId="record-search"
    />
  );
}
