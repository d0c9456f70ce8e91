import { Select, Spin } from 'antd';
import { useState, type ReactNode } from 'react';
import type { Items } from './types.ts';
import { useApi } from './use-api.ts';
import { useTypingPause } from './use-typing-pause.ts';

export interface SearchPickerProps<T> {
  /** What is picked now; it stays an option, so the box keeps its label when the search changes. */
  value: T | null;
  onPick(item: T | null): void;
  /** The server path listing matches of what was typed (asked once the typing pauses), or null to ask nothing. */
  pathFor(q: string): string | null;
  keyOf(item: T): string;
  label(item: T): ReactNode;
  /** The grey line beside the label: a code, an address, a masked number. */
  detail(item: T): ReactNode;
  placeholder: string;
  /** Shown when nothing matches (or nothing was asked) and nothing is loading. */
  empty?(q: string): ReactNode;
  size?: 'large';
  className?: string;
  testId: string;
}

/** A select that searches the server as the user types: houses, people, records of the base data (collect once). */
export function SearchPicker<T>({ value, onPick, pathFor, keyOf, label, detail, placeholder, empty, size, className, testId }: SearchPickerProps<T>) {
  const [typed, setTyped] = useState('');
  const q = useTypingPause(typed);
  const path = q ? pathFor(q) : null;
  const { data, loading } = useApi<Items<T>>(path);
  const found = path ? (data?.items ?? []) : [];
  const rows = value && !found.some((r) => keyOf(r) === keyOf(value)) ? [value, ...found] : found;
  const options = rows.map((item) => ({ value: keyOf(item), label: label(item), detail: detail(item), item }));

  return (
    <Select
      showSearch
      allowClear
      size={size}
      className={['full-width', className].filter(Boolean).join(' ')}
      value={value ? keyOf(value) : undefined}
      placeholder={placeholder}
      filterOption={false}
      popupMatchSelectWidth={false}
      onSearch={setTyped}
      loading={loading}
      options={options}
      optionRender={(o) => (
        <div className="item-option">
          <span>{o.data.label}</span>
          <span className="item-option-path">{o.data.detail}</span>
        </div>
      )}
      notFoundContent={loading ? <Spin size="small" /> : (empty?.(q) ?? null)}
      onChange={(_: string | undefined, option) => onPick(option && !Array.isArray(option) ? option.item : null)}
      data-testid={testId}
    />
  );
}
