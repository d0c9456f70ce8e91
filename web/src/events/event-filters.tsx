import { DownloadOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Select, Space, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_SOURCES, EVENT_STATUSES, LIGHTS, WARNING_COLOURS } from '../../../shared/enums.ts';
import type { CatalogueNode, QueryOf } from '../api/replies.ts';
import { apiBlob, withoutBlanks } from '../api.ts';
import { saveBlob } from '../save-file.ts';
import { AreaTreeSelect } from '../territory/area-tree-select.tsx';
import { useShowError } from '../use-show-error.tsx';

type EventQuery = QueryOf<'/api/events/export'>;

/** What the events list is filtered by; empty lists and unset fields filter nothing. */
export interface EventFilterValue {
  status: NonNullable<EventQuery['status']>;
  light: NonNullable<EventQuery['light']>;
  warning: NonNullable<EventQuery['warning']>;
  source: NonNullable<EventQuery['source']>;
  item?: string;
  area?: string;
  from?: string;
  to?: string;
  overdue: boolean;
  repeat: boolean;
}

export const NO_FILTER: EventFilterValue = { status: [], light: [], warning: [], source: [], overdue: false, repeat: false };

/** The filter as the query GET /api/events and its export both take: what filters nothing is left out. */
export function filterQuery(f: EventFilterValue): EventQuery {
  const lists = (['status', 'light', 'warning', 'source'] as const).filter((key) => f[key].length);
  return {
    ...Object.fromEntries(lists.map((key) => [key, f[key]])),
    ...withoutBlanks({ item: f.item, area: f.area, from: f.from, to: f.to }),
    ...(f.overdue ? { overdue: true } : {}),
    ...(f.repeat ? { repeat: true } : {}),
  };
}

interface TreeNode {
  value: string;
  title: string;
  children?: TreeNode[];
}

/** Major class → minor class → item, from the items and their parents; codes nest by prefix (CG → CG06 → CG06010). */
function catalogueTree(items: CatalogueNode[], nameOf: (code: string) => string): TreeNode[] {
  const majors = new Map<string, Map<string, TreeNode[]>>();
  for (const item of items) {
    const minor = item.parentCode ?? item.code;
    const major = minor.slice(0, 2);
    const minors = majors.get(major) ?? majors.set(major, new Map()).get(major)!;
    (minors.get(minor) ?? minors.set(minor, []).get(minor)!).push({ value: item.code, title: item.name });
  }
  return [...majors].map(([major, minors]) => ({
    value: major,
    title: nameOf(major),
    children: [...minors].map(([minor, children]) => ({ value: minor, title: nameOf(minor), children })),
  }));
}

interface Props {
  value: EventFilterValue;
  onChange(next: EventFilterValue): void;
  items: CatalogueNode[];
  nameOf(code: string): string;
}

/** The filter bar of the events page, with the export of what it selects. */
export function EventFilters({ value, onChange, items, nameOf }: Props) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [exporting, setExporting] = useState(false);
  const tree = useMemo(() => catalogueTree(items, nameOf), [items, nameOf]);
  const set = (patch: Partial<EventFilterValue>) => onChange({ ...value, ...patch });
  const options = (values: string[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));

  async function download() {
    setExporting(true);
    try {
      saveBlob(await apiBlob('/api/events/export', { query: filterQuery(value) }), 'events.xlsx');
    } catch (err) {
      showError(err);
    } finally {
      setExporting(false);
    }
  }

  return (
    <Space wrap className="event-filters" data-testid="event-filters">
      <Select
        mode="multiple"
        allowClear
        className="event-filter-wide"
        placeholder={t('eventFilters.status')}
        value={value.status}
        onChange={(status) => set({ status })}
        options={options([...EVENT_STATUSES], 'eventStatus')}
        data-testid="status-filter"
      />
      <Select
        mode="multiple"
        allowClear
        className="event-filter"
        placeholder={t('eventFilters.light')}
        value={value.light}
        onChange={(light) => set({ light })}
        options={options([...LIGHTS], 'eventFilters.lights')}
        data-testid="light-filter"
      />
      <Select
        mode="multiple"
        allowClear
        className="event-filter"
        placeholder={t('eventFilters.warning')}
        value={value.warning}
        onChange={(warning) => set({ warning })}
        options={options([...WARNING_COLOURS], 'eventFilters.warnings')}
        data-testid="warning-filter"
      />
      <TreeSelect
        showSearch
        allowClear
        className="event-filter-wide"
        treeNodeFilterProp="title"
        popupMatchSelectWidth={false}
        placeholder={t('eventFilters.item')}
        value={value.item}
        onChange={(item?: string) => set({ item })}
        treeData={tree}
        data-testid="item-filter"
      />
      <Select
        mode="multiple"
        allowClear
        className="event-filter"
        placeholder={t('eventFilters.source')}
        value={value.source}
        onChange={(source) => set({ source })}
        options={options([...EVENT_SOURCES], 'source')}
        data-testid="source-filter"
      />
      <AreaTreeSelect
        className="event-filter-wide"
        placeholder={t('eventFilters.area')}
        value={value.area}
        onChange={(area?: string) => set({ area })}
        data-testid="area-filter"
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        placeholder={[t('eventFilters.from'), t('eventFilters.to')]}
        onChange={(_, [from, to]) => set({ from: from || undefined, to: to || undefined })}
        data-testid="date-filter"
      />
      <Checkbox checked={value.overdue} onChange={(e) => set({ overdue: e.target.checked })} data-testid="overdue-filter">
        {t('eventFilters.overdue')}
      </Checkbox>
      <Checkbox checked={value.repeat} onChange={(e) => set({ repeat: e.target.checked })} data-testid="repeat-filter">
        {t('eventFilters.repeat')}
      </Checkbox>
      <Button
        icon={<DownloadOutlined />}
        loading={exporting}
        onClick={download}
        title={t('eventFilters.exportHint')}
        data-testid="events-export"
      >
        {t('eventFilters.export')}
      </Button>
    </Space>
  );
}
