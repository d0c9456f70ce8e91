import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ErrorDetail } from '../../../shared/errors.ts';

interface Row {
  key: number;
  index: number | null;
  code: string | null;
  message: string;
}

function toRow(detail: ErrorDetail, key: number): Row {
  const fromField = /features\[(\d+)\]/.exec(detail.field)?.[1];
  const index = typeof detail.index === 'number' ? detail.index : fromField !== undefined ? Number(fromField) : null;
  return { key, index, code: typeof detail.code === 'string' ? detail.code : null, message: detail.message ?? detail.reason };
}

/** Every problem of a refused GeoJSON import, by feature (shown 1-based, as people count). */
export function ImportProblemsTable({ details }: { details: ErrorDetail[] }) {
  const { t } = useTranslation();
  return (
    <Table<Row>
      data-testid="import-problems"
      size="small"
      dataSource={details.map(toRow)}
      pagination={details.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        { title: t('import.index'), dataIndex: 'index', width: 96, render: (i: number | null) => (i === null ? '—' : i + 1) },
        { title: t('import.code'), dataIndex: 'code', width: 180, render: (c: string | null) => <span className="mono">{c ?? '—'}</span> },
        { title: t('import.reason'), dataIndex: 'message' },
      ]}
    />
  );
}
