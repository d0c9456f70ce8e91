import { Select, Spin } from 'antd';
import { type ReactNode, useState } from 'react';
import type { PathOf, ReplyOf } from './api/paths.ts';
import type { paths } from './api/schema.ts';
import { useApi } from './use-api.ts';
import { useTypingPause } from './use-typing-pause.ts';

/** The GET routes that answer a list of items. */
type ListPath = { [P in PathOf<'get'>]: ReplyOf<P, 'get'> extends { items: unknown[] } ? P : never }[PathOf<'get'>];
type Query<P extends ListPath> = NonNullable<paths[P]['get']['parameters']['query']>;

export interface SearchPickerProps<P extends ListPath, T> {
  /** What is picked now; it stays an option, so the box keeps its label when the search changes. */
  value: T | null;
  onPick(item: T | null): void;
  /** The route listing matches; its items must hold what T says. */
  path: P;
  /** The query for what was typed (asked once the typing pauses), or null to ask nothing. */
  queryFor(q: string): Query<P> | null;
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
export function SearchPicker<P extends ListPath, T>({
  value,
  onPick,
  path,
  queryFor,
  keyOf,
  label,
  detail,
  placeholder,
  empty,
  size,
  className,
  testId,
}: SearchPickerProps<P, T>) {
  const [typed, setTyped] = useState('');
  const q = useTypingPause(typed);
  const query = q ? queryFor(q) : null;
  // P is open here; the props already tie the path and its query together.
  const { data, loading } = useApi(path as ListPath, (query ? { params: { query } } : null) as null);
  // T is what the caller keeps of an item (a picked one may come from elsewhere, with only those fields).
  const found = query ? ((data?.items ?? []) as T[]) : [];
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
