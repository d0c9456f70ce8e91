import { Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE } from '../../../shared/limits.ts';
import type { AnomalyItem, AnomalyKind } from '../api/replies.ts';
import { CodeName } from '../code-name.tsx';
import { useApi } from '../use-api.ts';

const PAGE_SIZE = PAGE.anomalies.default;

/** One anomaly list under an area, paged on the server; each house and person in a row opens its drawer. */
export function AnomalyList({
  area,
  kind,
  onOpenHouse,
  onOpenPerson,
}: {
  area: string;
  kind: AnomalyKind;
  onOpenHouse(code: string): void;
  onOpenPerson(id: string): void;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { data, loading } = useApi('/api/registry/quality/anomalies', {
    params: { query: { area, kind, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE } },
  });
  const rows = data && data.kind === kind ? data.items : [];
  // The key of a group of houses is what they share (address or code); for people it is an id, not worth showing.
  const showKey = kind === 'sameAddressDifferentCodes' || kind === 'sameCodeDifferentAddresses';

  return (
    <>
      <Typography.Paragraph type="secondary">{t(`quality.hint.${kind}`)}</Typography.Paragraph>
      <Table<AnomalyItem>
        size="small"
        rowKey="key"
        loading={loading}
        dataSource={rows}
        data-testid={`anomalies-${kind}`}
        locale={{ emptyText: t('quality.noAnomalies') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (n) => t('quality.groups', { n }),
        }}
        columns={[
          ...(showKey ? [{ title: t(`quality.key.${kind}`), dataIndex: 'key', width: 260 }] : []),
          {
            title: t('quality.records'),
            render: (_: unknown, item: AnomalyItem) => (
              <Space size={[4, 4]} wrap>
                {item.houses.map((h) => (
                  <Tag key={`${h.code}-${h.gridCode}`} className="clickable-row" color="blue" onClick={() => onOpenHouse(h.code)}>
                    <span className="mono">{h.code}</span> {showKey && kind === 'sameCodeDifferentAddresses' ? h.address : ''}
                  </Tag>
                ))}
                {item.people.map((p) => (
                  <Tag key={p.id} className="clickable-row" color="green" onClick={() => onOpenPerson(p.id)}>
                    {p.name} <span className="mono">{p.idNumber}</span>
                  </Tag>
                ))}
                {item.elsewhere > 0 && <Typography.Text type="secondary">{t('quality.elsewhere', { n: item.elsewhere })}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('quality.grid'),
            width: 220,
            render: (_: unknown, item: AnomalyItem) => (
              <span>
                {[...new Set([...item.houses, ...item.people].map((r) => r.gridCode))].map((code) => (
                  <div key={code}>
                    <CodeName name={data?.gridNames[code]} code={code} />
                  </div>
                ))}
              </span>
            ),
          },
        ]}
      />
    </>
  );
}
