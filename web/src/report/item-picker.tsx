import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueNode } from '../api/replies.ts';

interface Props {
  items: CatalogueNode[];
  /** Codes this user reported lately, newest first: listed on top. */
  recent: string[];
  loading: boolean;
  value?: string;
  onChange?(code: string): void;
  /** "class / item", to search and to tell similar names apart. */
  pathOf(code: string): string;
}

/** The catalogue items as a searchable select, the user's recent ones first. */
export function ItemPicker({ items, recent, loading, value, onChange, pathOf }: Props) {
  const { t } = useTranslation();
  const options = useMemo((): SelectProps['options'] => {
    const known = new Set(items.map((i) => i.code));
    const mine = recent.filter((c) => known.has(c));
    const option = (code: string, name: string) => ({ value: code, label: name, search: `${pathOf(code)} ${code}` });
    const rest = items.filter((i) => !mine.includes(i.code)).map((i) => option(i.code, i.name));
    const byCode = new Map(items.map((i) => [i.code, i.name]));
    return mine.length
      ? [
          { label: t('report.recent'), options: mine.map((c) => option(c, byCode.get(c) ?? c)) },
          { label: t('report.all'), options: rest },
        ]
      : rest;
  }, [items, recent, pathOf, t]);

  return (
    <Select
      showSearch
      size="large"
      className="full-width"
      placeholder={t('report.itemPlaceholder')}
      loading={loading}
      value={value}
      onChange={onChange}
      options={options}
      optionFilterProp="search"
      optionRender={(o) => (
        <div className="item-option">
          <span>{o.label}</span>
          <span className="item-option-path">{pathOf(String(o.value)).split(' / ')[0]}</span>
        </div>
      )}
      listHeight={320}
      data-testid="item-picker"
    />
  );
}
