import { Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Items, RecordPlace } from '../types.ts';
import { useApi } from '../use-api.ts';
import { useTypingPause } from '../use-typing-pause.ts';
import { recordLabel } from './linked-record.tsx';

const keyOf = (r: RecordPlace) => `${r.type}:${r.key}`;

/** Finds a house, building, organisation or component by whole code or part of its name, to link a case to it. */
export function RecordSearch({ value, onPick }: { value: RecordPlace | null; onPick(record: RecordPlace | null): void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const q = useTypingPause(typed);
  const { data, loading } = useApi<Items<RecordPlace>>(q ? `/api/registry/lookup?${new URLSearchParams({ q })}` : null);
  // The one picked stays an option, so the box keeps its label when the search changes.
  const options = useMemo(() => {
    const found = q ? (data?.items ?? []) : [];
    const rows = value && !found.some((r) => keyOf(r) === keyOf(value)) ? [value, ...found] : found;
    return rows.map((r) => ({ value: keyOf(r), label: recordLabel(t, r), record: r }));
  }, [q, data, value, t]);

  return (
    <Select
      showSearch
      allowClear
      className="full-width intake-record-search"
      value={value ? keyOf(value) : undefined}
      placeholder={t('subject.search')}
      filterOption={false}
      onSearch={setTyped}
      loading={loading}
      options={options}
      optionRender={(o) => (
        <div className="item-option">
          <span>{o.data.label}</span>
          <span className="item-option-path">{o.data.record.address ?? o.data.record.key}</span>
        </div>
      )}
      notFoundContent={loading ? <Spin size="small" /> : null}
      onChange={(_: string | undefined, option) => onPick(option && !Array.isArray(option) ? option.record : null)}
      data-testid="record-search"
    />
  );
}
