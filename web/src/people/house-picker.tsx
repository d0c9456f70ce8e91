import { Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseRow } from '../buildings/building-types.ts';
import type { Items } from '../types.ts';
import { useApi } from '../use-api.ts';
import { useTypingPause } from '../use-typing-pause.ts';

/** A house as a form holds it once picked: the code sent, the address shown. */
export interface PickedHouse {
  code: string;
  address: string;
}

/** Picks a house of one's jurisdiction by part of its address or code (collect once: never typed into the record). */
export function HousePicker({ value, onChange }: { value?: PickedHouse | null; onChange?(house: PickedHouse | null): void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const q = useTypingPause(typed);
  const { data, loading } = useApi<Items<HouseRow>>(q ? `/api/registry/houses?${new URLSearchParams({ q, limit: '20' })}` : null);
  // The one picked stays an option, so the box keeps its label when the search changes.
  const options = useMemo(() => {
    const found: PickedHouse[] = q ? (data?.items ?? []) : [];
    const rows = value && !found.some((h) => h.code === value.code) ? [value, ...found] : found;
    return rows.map((h) => ({ value: h.code, label: h.address, house: { code: h.code, address: h.address } }));
  }, [q, data, value]);

  return (
    <Select
      showSearch
      allowClear
      size="large"
      className="full-width"
      value={value?.code}
      placeholder={t('personForm.houseSearch')}
      filterOption={false}
      onSearch={setTyped}
      loading={loading}
      options={options}
      optionRender={(o) => (
        <div className="item-option">
          <span>{o.data.label}</span>
          <span className="item-option-path">{o.data.value}</span>
        </div>
      )}
      notFoundContent={loading ? <Spin size="small" /> : null}
      onChange={(_: string | undefined, option) => onChange?.(option && !Array.isArray(option) ? option.house : null)}
      data-testid="house-picker"
    />
  );
}
