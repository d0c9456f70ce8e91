import { Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaMonth } from '../../../shared/china-time.ts';
import type { UnitTally } from '../api/replies.ts';
import { CodeName } from '../code-name.tsx';
import { useApi } from '../use-api.ts';
import { COLOUR_TAG, COLOURS } from './warning-rules-editor.tsx';

/** This month in China time, 'YYYY-MM'. */
const thisMonth = () => chinaMonth(new Date());

/** 月度统计: the warnings each unit earned in a month, and the measure its worst colour brings. */
export function WarningTally() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(thisMonth);
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const { data, loading } = useApi('/api/warnings/tally', valid ? { params: { query: { month } } } : null);

  return (
    <Space direction="vertical" className="full-width">
      <Space>
        <Typography.Text>{t('warnings.month')}</Typography.Text>
        <Input
          type="month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          status={valid ? undefined : 'error'}
          data-testid="tally-month"
        />
      </Space>
      <Table<UnitTally>
        rowKey="unitCode"
        loading={loading}
        dataSource={data?.units ?? []}
        locale={{ emptyText: t('warnings.noWarnings') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('warnings.unit'), dataIndex: 'unitName', render: (name: string, u) => <CodeName name={name} code={u.unitCode} /> },
          ...COLOURS.map((colour) => ({
            title: <Tag color={COLOUR_TAG[colour]}>{t(`eventFilters.warnings.${colour}`)}</Tag>,
            key: colour,
            align: 'right' as const,
            render: (_: unknown, u: UnitTally) => u.counts[colour] ?? 0,
          })),
          { title: t('warnings.total'), dataIndex: 'total', align: 'right' as const },
          {
            title: t('warnings.worst'),
            dataIndex: 'worst',
            render: (w: string | null) => (w ? <Tag color={COLOUR_TAG[w]}>{t(`eventFilters.warnings.${w}`)}</Tag> : '—'),
          },
          { title: t('warnings.earned'), dataIndex: 'sanction', render: (s: string | null) => (s ? t(s) : '—') },
        ]}
      />
    </Space>
  );
}
